#include "HttpServer.h"

#include "common/EpollEventDispatcher.h"

#include "HttpListener.h"
#include "HttpServerWorker.h"

#include <QThread>

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
    m_graceTimer.setSingleShot(true);
    connect(&m_graceTimer, &QTimer::timeout, this, [this] { finishShutdown(true); });
}

HttpServer::~HttpServer()
{
    closeListener();
    if (m_acceptorThread) {
        HttpListener *listener = m_listener;
        QMetaObject::invokeMethod(
            listener, [listener] { delete listener; }, Qt::BlockingQueuedConnection);
        m_listener = nullptr;
        m_acceptorThread->quit();
        m_acceptorThread->wait();
        delete m_acceptorThread;
    }
    stopWorkers();
}

bool HttpServer::listen(const HttpServerOptions &options, QString *errorMessage)
{
    if (m_acceptorThread) {
        if (errorMessage)
            *errorMessage = tr("cannot listen on %1: the server was already started")
                                .arg(endpointText(options.address, options.port));
        return false;
    }
    // Workers first: the listener hands out connections as soon as it listens.
    startWorkers(options.threads > 0 ? options.threads : std::max(1, QThread::idealThreadCount()), options.limits);

    m_acceptorThread = new QThread;
    m_acceptorThread->setObjectName(QStringLiteral("http-acceptor"));
    EpollEventDispatcher::installOn(m_acceptorThread);
    m_listener = new HttpListener([this](qintptr fd) { dispatchConnection(fd); });
    m_listener->moveToThread(m_acceptorThread);
    m_acceptorThread->start();

    HttpListener *listener = m_listener;
    QString failure;
    QMetaObject::invokeMethod(
        listener,
        [&] {
            listener->setListenBacklogSize(1024);
            if (listener->listen(options.address, options.port)) {
                m_address = listener->serverAddress();
                m_port = listener->serverPort();
            } else {
                failure = socketErrorText(*listener);
            }
        },
        Qt::BlockingQueuedConnection);
    if (!failure.isEmpty()) {
        if (errorMessage)
            *errorMessage = tr("cannot listen on %1: %2").arg(endpointText(options.address, options.port), failure);
        QMetaObject::invokeMethod(
            listener, [listener] { delete listener; }, Qt::BlockingQueuedConnection);
        m_listener = nullptr;
        m_acceptorThread->quit();
        m_acceptorThread->wait();
        delete m_acceptorThread;
        m_acceptorThread = nullptr;
        stopWorkers();
        return false;
    }
    m_listening = true;
    return true;
}

void HttpServer::startWorkers(int count, const HttpServerLimits &limits)
{
    m_workers.reserve(static_cast<size_t>(count));
    for (int i = 0; i < count; ++i) {
        Worker w;
        w.thread = new QThread;
        w.thread->setObjectName(QStringLiteral("http-worker-%1").arg(i));
        EpollEventDispatcher::installOn(w.thread);
        w.worker = new HttpServerWorker(i, limits);
        w.worker->moveToThread(w.thread);
        connect(w.worker, &HttpServerWorker::drained, this, &HttpServer::onWorkerDrained);
        w.thread->start();
        HttpServerWorker *worker = w.worker;
        const HttpHandlerFactory factory = m_factory;
        QMetaObject::invokeMethod(
            worker, [worker, factory, i] { worker->setHandler(factory ? factory(i, worker) : HttpRequestHandler {}); },
            Qt::BlockingQueuedConnection);
        m_workers.push_back(w);
    }
}

void HttpServer::closeListener()
{
    if (!m_listening)
        return;
    m_listening = false;
    HttpListener *listener = m_listener;
    // Blocking: once it returns, no connection is handed out any more.
    QMetaObject::invokeMethod(
        listener, [listener] { listener->close(); }, Qt::BlockingQueuedConnection);
}

bool HttpServer::isListening() const
{
    return m_listening;
}

quint16 HttpServer::serverPort() const
{
    return m_port;
}

QHostAddress HttpServer::serverAddress() const
{
    return m_address;
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
    // On the acceptor thread.
    HttpServerWorker *worker = m_workers[m_nextWorker].worker;
    m_nextWorker = (m_nextWorker + 1) % m_workers.size();
    QMetaObject::invokeMethod(
        worker, [worker, socketDescriptor] { worker->addConnection(socketDescriptor); }, Qt::QueuedConnection);
}

void HttpServer::shutdown(int graceMs, std::function<void()> done)
{
    closeListener();
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
        QMetaObject::invokeMethod(
            this, [this] { finishShutdown(false); }, Qt::QueuedConnection);
        return;
    }
    m_graceTimer.start(std::max(0, graceMs));
    for (const Worker &w : m_workers) {
        HttpServerWorker *worker = w.worker;
        QMetaObject::invokeMethod(
            worker, [worker] { worker->beginShutdown(); }, Qt::QueuedConnection);
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
            QMetaObject::invokeMethod(
                worker, [worker] { worker->abortAll(); }, Qt::BlockingQueuedConnection);
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
        QMetaObject::invokeMethod(
            worker, [worker] { delete worker; }, Qt::BlockingQueuedConnection);
        w.thread->quit();
        w.thread->wait();
        delete w.thread;
    }
    m_workers.clear();
}

} // namespace sluice
