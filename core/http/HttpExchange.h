#pragma once

#include "HttpMessage.h"

#include <QPointer>

#include <functional>
#include <memory>

namespace sluice {

class HttpServerConnection;

// One request waiting for its response. The handler may answer at once or
// later (after asynchronous work); answering after the client went away is
// harmless. Responses on one connection leave in request order (pipelining).
class HttpExchange
{
public:
    HttpExchange(HttpRequest request, HttpServerConnection *connection, quint64 sequence);
    // Answers 500 when the handler dropped the exchange without responding.
    ~HttpExchange();
    HttpExchange(const HttpExchange &) = delete;
    HttpExchange &operator=(const HttpExchange &) = delete;

    const HttpRequest &request() const { return m_request; }
    HttpRequest &request() { return m_request; }

    // Sends the response (once; later calls are ignored). Must be called on the
    // connection's thread.
    void respond(HttpResponse response);
    bool isResponded() const { return m_responded; }
    // False once the connection closed: the work may stop early.
    bool isConnectionOpen() const;
    quint64 sequence() const { return m_sequence; }

private:
    HttpRequest m_request;
    QPointer<HttpServerConnection> m_connection;
    quint64 m_sequence = 0;
    bool m_responded = false;
};

using HttpExchangePtr = std::shared_ptr<HttpExchange>;
using HttpRequestHandler = std::function<void(const HttpExchangePtr &)>;

struct HttpServerLimits
{
    qint64 maxHeaderBytes = 64 * 1024;     // request line + header block; over -> 431
    qint64 maxBodyBytes = 16 * 1024 * 1024; // over -> 413 and close
    int headerTimeoutMs = 30'000;          // request not complete in time -> 408 and close
    int idleTimeoutMs = 60'000;            // keep-alive connection idle -> closed
    int maxPipelined = 64;                 // requests parsed ahead of responses
};

} // namespace sluice
