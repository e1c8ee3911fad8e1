#pragma once

#include "HttpExchange.h"

#include <QHostAddress>
#include <QObject>
#include <QString>
#include <QTimer>

#include <functional>
#include <memory>
#include <vector>

class QThread;

namespace sluice {

class HttpListener;
class HttpServerWorker;

struct HttpServerOptions
{
    QHostAddress address = QHostAddress(QHostAddress::LocalHost);
    quint16 port = 0; // 0: any free port (see serverPort())
    int threads = 0; // <= 0: QThread::idealThreadCount()
    HttpServerLimits limits;
};

// Called once per worker, on that worker's thread, before it serves anything.
// `workerContext` lives on the worker thread until the server is destroyed:
// parent per-thread objects (pipeline runtime, upstream client) to it.
using HttpHandlerFactory = std::function<HttpRequestHandler(int workerIndex, QObject *workerContext)>;

// An HTTP/1.1 server: a listening socket on its own acceptor thread hands
// accepted connections round-robin to N worker threads, each with its own event
// loop, connections (HttpServerConnection) and handler. Nothing runs on the
// owner's thread except shutdown's completion, so a busy (or blocked) owner
// thread never delays accepting or serving.
class HttpServer : public QObject
{
    Q_OBJECT

public:
    explicit HttpServer(QObject *parent = nullptr);
    // Closes every connection and joins the worker threads.
    ~HttpServer() override;

    // Set before listen().
    void setHandlerFactory(HttpHandlerFactory factory) { m_factory = std::move(factory); }

    // Binds, starts the workers and calls the factory for each. On failure returns
    // false with e.g. "cannot listen on 127.0.0.1:8080: address already in use".
    bool listen(const HttpServerOptions &options, QString *errorMessage = nullptr);
    bool isListening() const;
    quint16 serverPort() const;
    QHostAddress serverAddress() const;
    int workerCount() const { return static_cast<int>(m_workers.size()); }
    // Open connections over all workers (approximate while they change).
    int connectionCount() const;

    // Stops listening, lets every connection finish the requests in flight and
    // close, then calls `done` (on this object's thread) when all are gone or
    // after graceMs, closing the rest first. The server does not serve again.
    void shutdown(int graceMs, std::function<void()> done = {});

private:
    struct Worker
    {
        QThread *thread = nullptr;
        HttpServerWorker *worker = nullptr;
    };

    void dispatchConnection(qintptr socketDescriptor);
    void onWorkerDrained();
    void finishShutdown(bool timedOut);
    void startWorkers(int count, const HttpServerLimits &limits);
    void stopWorkers();
    void closeListener();

    HttpHandlerFactory m_factory;
    QThread *m_acceptorThread = nullptr;
    HttpListener *m_listener = nullptr; // lives on m_acceptorThread
    bool m_listening = false;
    QHostAddress m_address;
    quint16 m_port = 0;
    std::vector<Worker> m_workers; // fixed while the listener runs
    size_t m_nextWorker = 0; // used on the acceptor thread only
    bool m_shuttingDown = false;
    bool m_shutdownFinished = false;
    int m_drainedWorkers = 0;
    QTimer m_graceTimer;
    std::function<void()> m_shutdownDone;
};

} // namespace sluice
