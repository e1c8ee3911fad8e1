#pragma once

#include "HttpExchange.h"

#include <QObject>
#include <QSet>

#include <atomic>

namespace sluice {

class HttpServerConnection;

// One worker thread's share of an HttpServer: it owns the connections handed to
// it (as QObject children) and the request handler made for its thread. It is
// also the `workerContext` given to the handler factory, so per-thread objects
// parented to it live and die on this thread.
class HttpServerWorker : public QObject
{
    Q_OBJECT

public:
    HttpServerWorker(int index, const HttpServerLimits &limits);
    ~HttpServerWorker() override;

    int index() const { return m_index; }
    int connectionCount() const { return m_connectionCount.load(std::memory_order_relaxed); }

    // The following run on the worker's thread (queued from the server).
    void setHandler(HttpRequestHandler handler) { m_handler = std::move(handler); }
    void addConnection(qintptr socketDescriptor);
    void beginShutdown();
    void abortAll();

Q_SIGNALS:
    // Emitted during shutdown once no connection is left.
    void drained();

private:
    void onConnectionClosed(HttpServerConnection *connection);

    int m_index = 0;
    HttpServerLimits m_limits;
    HttpRequestHandler m_handler;
    QSet<HttpServerConnection *> m_connections;
    std::atomic<int> m_connectionCount {0};
    bool m_shuttingDown = false;
};

} // namespace sluice
