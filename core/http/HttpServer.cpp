#include "HttpServer.h"

#include "HttpListener.h"
#include "HttpServerWorker.h"

#include <QThread>

#include <unistd.h>

namespace sluice {

namespace {

QString socketErrorText(const QTcpServer &server)
{
    switch (server.serverError()) {
    case QAbstractSocket::AddressInUseError:
        return HttpServer::tr("address already in use");
    case QAbstractSocket::SocketAccessError:
        return HttpServer::tr("permission denied");
    case QAbstractSocket::SocketAddressNotAvailableError:
        return HttpServer::tr("address not available");
    default:
        return server.errorString();
    }
}

QString endpointText(const QHostAddress &address, quint16 port)
{
    if (address.protocol() == QAbstractSocket::IPv6Protocol)
        return QStringLiteral("[%1]:%2").arg(address.toString()).arg(port);
    return QStringLiteral("%1:%2").arg(address.toString()).arg(port);
}

} // namespace

HttpServer::HttpServer(QObject *parent)
    : QObject(parent)
{
    m_listener = new HttpListener([this](qintptr fd) { dispatchConnection(fd); }, this);
    m_graceTimer.setSingleShot(true);
    connect(&m_graceTimer, &QTimer::timeout, this, [this] { finishShutdown(true); });
}

HttpServer::~HttpServer()
{
    m_listener->close();
    stopWorkers();
}

bool HttpServer::listen(const HttpServerOptions &options, QString *errorMessage)
{
    if (m_listener->isListening() || !m_workers.empty()) {
        if (errorMessage)
            *errorMessage = tr("cannot listen on %1: the server was already started")
                                .arg(endpointText(options.address, options.port));
        return false;
    }
    m_listener->setListenBacklogSize(1024);
    if (!m_listener->listen(options.address, options.port)) {
        if (errorMessage)
            *errorMessage = tr("cannot listen on %1: %2")
                                .arg(endpointText(options.address, options.port), socketErrorText(*m_listener));
        return false;
    }

    const int threads = options.threads > 0 ? options.threads : std::max(1, QThread::idealThreadCount());
    m_workers.reserve(static_cast<size_t>(threads));
    for (int i = 0; i < threads; ++i) {
        Worker w;
        w.thread = new QThread;
        w.thread->setObjectName(QStringLiteral("http-worker-%1").arg(i));
        w.worker = new HttpServerWorker(i, options.limits);
        w.worker->moveToThread(w.thread);
        connect(w.worker, &HttpServerWorker::drained, this, &HttpServer::onWorkerDrained);
        w.thread->start();
        HttpServerWorker *worker = w.worker;
        const HttpHandlerFactory factory = m_factory;
        QMetaObject::invokeMethod(
            worker, [worker, factory, i] { worker->setHandler(factory ? factory(i, worker) : HttpRequestHandler{}); },
            Qt::BlockingQueuedConnection);
        m_workers.push_back(w);
    }
    return true;
}

bool HttpServer::isListening() const
{
    return m_listener->isListening();
}

quint16 HttpServer::serverPort() const
{
    return m_listener->serverPort();
}

QHostAddress HttpServer::serverAddress() const
{
    return m_listener->serverAddress();
}

int HttpServer::connectionCount() const
{
    int total = 0;
    for (const Worker &w : m_workers)
        total += w.worker->connectionCount();
    return total;
}

void HttpServer::dispatchConnection(qintptr socketDescriptor)
{
    if (m_workers.empty() || m_shuttingDown) {
        ::close(static_cast<int>(socketDescriptor));
        return;
    }
    HttpServerWorker *worker = m_workers[m_nextWorker].worker;
    m_nextWorker = (m_nextWorker + 1) % m_workers.size();
    QMetaObject::invokeMethod(
        worker, [worker, socketDescriptor] { worker->addConnection(socketDescriptor); }, Qt::QueuedConnection);
}

void HttpServer::shutdown(int graceMs, std::function<void()> done)
{
    m_listener->close();
    if (m_shuttingDown) { // a second call only adds its callback
        if (!done)
            return;
        if (m_shutdownFinished)
            QMetaObject::invokeMethod(this, std::move(done), Qt::QueuedConnection);
        else
            m_shutdownDone = [first = std::move(m_shutdownDone), second = std::move(done)] {
                if (first)
                    first();
                second();
            };
        return;
    }
    m_shuttingDown = true;
    m_shutdownDone = std::move(done);
    m_drainedWorkers = 0;
    if (m_workers.empty()) {
        QMetaObject::invokeMethod(this, [this] { finishShutdown(false); }, Qt::QueuedConnection);
        return;
    }
    m_graceTimer.start(std::max(0, graceMs));
    for (const Worker &w : m_workers) {
        HttpServerWorker *worker = w.worker;
        QMetaObject::invokeMethod(worker, [worker] { worker->beginShutdown(); }, Qt::QueuedConnection);
    }
}

void HttpServer::onWorkerDrained()
{
    if (!m_shuttingDown || m_shutdownFinished)
        return;
    if (++m_drainedWorkers >= static_cast<int>(m_workers.size()))
        finishShutdown(false);
}

void HttpServer::finishShutdown(bool timedOut)
{
    if (m_shutdownFinished)
        return;
    m_shutdownFinished = true;
    m_graceTimer.stop();
    if (timedOut) {
        for (const Worker &w : m_workers) {
            HttpServerWorker *worker = w.worker;
            QMetaObject::invokeMethod(worker, [worker] { worker->abortAll(); }, Qt::BlockingQueuedConnection);
        }
    }
    if (auto done = std::exchange(m_shutdownDone, {}))
        done();
}

void HttpServer::stopWorkers()
{
    for (Worker &w : m_workers) {
        HttpServerWorker *worker = w.worker;
        worker->disconnect(this);
        // The worker (and every connection and per-thread object under it) dies on its own thread.
        QMetaObject::invokeMethod(worker, [worker] { delete worker; }, Qt::BlockingQueuedConnection);
        w.thread->quit();
        w.thread->wait();
        delete w.thread;
    }
    m_workers.clear();
}

} // namespace sluice
