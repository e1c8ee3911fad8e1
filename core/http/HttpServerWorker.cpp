#include "HttpServerWorker.h"

#include "HttpServerConnection.h"

#include <QTcpSocket>

#include <unistd.h>

namespace sluice {

HttpServerWorker::HttpServerWorker(int index, const HttpServerLimits &limits)
    : m_index(index)
    , m_limits(limits)
{ }

HttpServerWorker::~HttpServerWorker()
{
    abortAll();
}

void HttpServerWorker::addConnection(qintptr socketDescriptor)
{
    if (m_shuttingDown) {
        ::close(static_cast<int>(socketDescriptor));
        return;
    }
    auto *connection = new HttpServerConnection(socketDescriptor, m_handler, m_limits, this);
    m_connections.insert(connection);
    m_connectionCount.store(static_cast<int>(m_connections.size()), std::memory_order_relaxed);
    connect(connection, &HttpServerConnection::closed, this, [this, connection] { onConnectionClosed(connection); });
}

void HttpServerWorker::onConnectionClosed(HttpServerConnection *connection)
{
    m_connections.remove(connection);
    m_connectionCount.store(static_cast<int>(m_connections.size()), std::memory_order_relaxed);
    if (m_shuttingDown && m_connections.isEmpty())
        Q_EMIT drained();
}

void HttpServerWorker::beginShutdown()
{
    m_shuttingDown = true;
    if (m_connections.isEmpty()) {
        Q_EMIT drained();
        return;
    }
    const auto connections = m_connections.values();
    for (HttpServerConnection *connection : connections) {
        if (m_connections.contains(connection))
            connection->beginShutdown();
    }
}

void HttpServerWorker::abortAll()
{
    m_shuttingDown = true;
    const auto connections = m_connections.values();
    for (HttpServerConnection *connection : connections) {
        if (m_connections.contains(connection))
            connection->abort();
    }
}

} // namespace sluice
