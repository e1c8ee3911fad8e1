#include "HttpExchange.h"

#include "HttpServerConnection.h"

#include <QCoreApplication>
#include <QThread>

namespace sluice {

HttpExchange::HttpExchange(HttpRequest request, HttpServerConnection *connection, quint64 sequence)
    : m_request(std::move(request))
    , m_connection(connection)
    , m_sequence(sequence)
{ }

HttpExchange::~HttpExchange()
{
    // A handler that drops an exchange without answering must not leave the
    // client (and every request pipelined behind it) waiting forever.
    if (m_responded)
        return;
    HttpServerConnection *connection = m_connection.data();
    if (connection && connection->thread() == QThread::currentThread() && connection->isOpen()) {
        m_responded = true;
        connection->submitResponse(
            m_sequence,
            HttpResponse::apimError(500, QCoreApplication::translate("HttpExchange", "The request was not answered")));
    }
}

void HttpExchange::respond(HttpResponse response)
{
    if (m_responded)
        return;
    m_responded = true;
    if (HttpServerConnection *connection = m_connection.data())
        connection->submitResponse(m_sequence, std::move(response));
}

bool HttpExchange::isConnectionOpen() const
{
    const HttpServerConnection *connection = m_connection.data();
    return connection && connection->isOpen();
}

} // namespace sluice
