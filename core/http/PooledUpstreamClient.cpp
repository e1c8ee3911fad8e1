#include "PooledUpstreamClient.h"

#include "UpstreamRequestEncoder.h"

#include <QPointer>
#include <QSslCertificate>
#include <QThread>
#include <QTimerEvent>

#include <algorithm>
#include <climits>
#include <deque>
#include <vector>

namespace sluice {

struct UpstreamHost
{
    UpstreamHostKey key;
    std::vector<UpstreamConnection *> idle; // most recently used last
    std::deque<UpstreamPending *> queue; // waiting for a connection slot
    int connections = 0; // open or opening
};

struct UpstreamPending
{
    QByteArray bytes; // the serialised request, kept for a retry
    QPointer<QObject> context;
    std::function<void(UpstreamResult)> done;
    UpstreamHost *host = nullptr;
    UpstreamConnection *connection = nullptr;
    int timerId = 0;
    int timeoutMs = 0;
    bool hasContext = false;
    bool noBody = false;
    bool idempotent = false;
    bool retried = false;
};

namespace {

bool isToken(const QByteArray &method)
{
    if (method.isEmpty())
        return false;
    for (const char c : method) {
        const bool ok = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-'
            || c == '_' || c == '.' || c == '!' || c == '~' || c == '*' || c == '+' || c == '#' || c == '$' || c == '%'
            || c == '&' || c == '\'' || c == '^' || c == '`' || c == '|';
        if (!ok)
            return false;
    }
    return true;
}

} // namespace

PooledUpstreamClient::PooledUpstreamClient(UpstreamClientOptions options, QObject *parent)
    : QObject(parent)
    , m_options(std::move(options))
{
    m_options.maxConnectionsPerHost = std::max(1, m_options.maxConnectionsPerHost);
    m_options.maxIdlePerHost = std::max(0, m_options.maxIdlePerHost);
    m_clock.start();
}

PooledUpstreamClient::~PooledUpstreamClient()
{
    m_destroying = true;
    m_sweepTimer.stop();
    // Inside a report the reporting connection's handler is still on the stack:
    // let the event loop delete the connections then.
    const bool deferDelete = m_reportDepth > 0;
    const QList<UpstreamConnection *> connections = findChildren<UpstreamConnection *>(Qt::FindDirectChildrenOnly);
    for (UpstreamConnection *connection : connections) {
        connection->close();
        if (deferDelete) {
            connection->setParent(nullptr);
            connection->deleteLater();
        } else {
            delete connection;
        }
    }
    auto pending = std::move(m_pending);
    m_pending.clear();
    for (auto &entry : pending)
        killTimer(entry.first);
    for (auto &entry : pending) {
        UpstreamPending *p = entry.second.get();
        if (p->hasContext && !p->context)
            continue;
        UpstreamResult result;
        result.error = UpstreamResult::Error::Cancelled;
        result.errorText = tr("the upstream client was shut down");
        p->done(std::move(result));
    }
}

int PooledUpstreamClient::connectionCount() const
{
    int count = 0;
    for (const auto &entry : m_hosts)
        count += entry.second->connections;
    return count;
}

int PooledUpstreamClient::idleConnectionCount() const
{
    int count = 0;
    for (const auto &entry : m_hosts)
        count += static_cast<int>(entry.second->idle.size());
    return count;
}

void PooledUpstreamClient::send(UpstreamRequest request, QObject *context, std::function<void(UpstreamResult)> done)
{
    Q_ASSERT(QThread::currentThread() == thread());
    if (m_destroying) {
        if (!context || !QPointer<QObject>(context).isNull()) {
            UpstreamResult result;
            result.error = UpstreamResult::Error::Cancelled;
            result.errorText = tr("the upstream client was shut down");
            done(std::move(result));
        }
        return;
    }
    const QString scheme = request.url.scheme();
    const bool tls = scheme == QLatin1String("https");
    if ((!tls && scheme != QLatin1String("http")) || request.url.host().isEmpty()) {
        failLater(
            context, std::move(done), UpstreamResult::Error::ConnectFailed,
            tr("not an absolute http or https URL: %1")
                .arg(request.url.toDisplayString(QUrl::RemoveUserInfo | QUrl::RemoveQuery | QUrl::RemoveFragment)));
        return;
    }
    if (!isToken(request.method)) {
        failLater(context, std::move(done), UpstreamResult::Error::Protocol,
                  tr("invalid request method for %1").arg(request.url.host()));
        return;
    }

    auto pending = std::make_unique<UpstreamPending>();
    pending->bytes = UpstreamRequestEncoder::encode(request);
    pending->context = context;
    pending->hasContext = context != nullptr;
    pending->done = std::move(done);
    pending->host = hostFor(request.url, tls);
    pending->noBody = request.method == "HEAD";
    pending->idempotent = UpstreamRequestEncoder::isIdempotent(request.method);
    pending->timeoutMs = request.timeoutMs > 0 ? request.timeoutMs : INT_MAX;
    pending->timerId = startTimer(pending->timeoutMs);
    UpstreamPending *raw = pending.get();
    m_pending.emplace(raw->timerId, std::move(pending));
    dispatch(raw);
}

void PooledUpstreamClient::failLater(QObject *context, std::function<void(UpstreamResult)> done,
                                     UpstreamResult::Error error, const QString &text)
{
    UpstreamResult result;
    result.error = error;
    result.errorText = text;
    QMetaObject::invokeMethod(
        context ? context : this,
        [done = std::move(done), result = std::move(result)]() mutable { done(std::move(result)); },
        Qt::QueuedConnection);
}

UpstreamHost *PooledUpstreamClient::hostFor(const QUrl &url, bool tls)
{
    UpstreamHostKey key {url.host(), static_cast<quint16>(url.port(tls ? 443 : 80)), tls};
    auto it = m_hosts.find(key);
    if (it != m_hosts.end())
        return it->second.get();
    auto host = std::make_unique<UpstreamHost>();
    host->key = key;
    UpstreamHost *raw = host.get();
    m_hosts.emplace(std::move(key), std::move(host));
    return raw;
}

const QSslConfiguration &PooledUpstreamClient::tlsConfiguration()
{
    if (m_tls)
        return *m_tls;
    QSslConfiguration configuration = QSslConfiguration::defaultConfiguration();
    configuration.setPeerVerifyMode(QSslSocket::VerifyPeer);
    if (!m_options.caFile.isEmpty()) {
        const QList<QSslCertificate> extra = QSslCertificate::fromPath(m_options.caFile, QSsl::Pem);
        if (extra.isEmpty()) {
            m_caFileError = tr("no PEM certificate could be read from %1").arg(m_options.caFile);
            qWarning("sluice: upstream CA file: %s", qPrintable(m_caFileError));
        } else {
            configuration.setCaCertificates(QSslConfiguration::systemCaCertificates() + extra);
        }
    }
    m_tls = std::move(configuration);
    return *m_tls;
}

void PooledUpstreamClient::dispatch(UpstreamPending *pending)
{
    UpstreamHost *host = pending->host;
    const qint64 now = m_clock.elapsed();
    while (!host->idle.empty()) {
        UpstreamConnection *connection = host->idle.back();
        host->idle.pop_back();
        if (connection->isReusable() && now - connection->idleSinceMs < m_options.idleTimeoutMs) {
            start(connection, pending);
            return;
        }
        discard(connection);
    }
    if (host->connections < m_options.maxConnectionsPerHost) {
        openFor(host, pending);
        return;
    }
    host->queue.push_back(pending);
}

void PooledUpstreamClient::start(UpstreamConnection *connection, UpstreamPending *pending)
{
    connection->pending = pending;
    pending->connection = connection;
    connection->send(pending->bytes, pending->noBody);
}

void PooledUpstreamClient::openFor(UpstreamHost *host, UpstreamPending *pending)
{
    auto *connection = new UpstreamConnection(this, this);
    connection->host = host;
    connection->pending = pending;
    pending->connection = connection;
    ++host->connections;
    ++m_connectionsOpened;
    connection->open(host->key.host, host->key.port, host->key.tls ? &tlsConfiguration() : nullptr,
                     m_options.connectTimeoutMs);
}

void PooledUpstreamClient::release(UpstreamConnection *connection)
{
    UpstreamHost *host = connection->host;
    if (!host->queue.empty()) {
        UpstreamPending *next = host->queue.front();
        host->queue.pop_front();
        start(connection, next);
        return;
    }
    if (static_cast<int>(host->idle.size()) >= m_options.maxIdlePerHost) {
        discard(connection);
        return;
    }
    connection->idleSinceMs = m_clock.elapsed();
    host->idle.push_back(connection);
    if (!m_sweepTimer.isActive())
        m_sweepTimer.start(std::clamp(m_options.idleTimeoutMs / 4, 10, 5'000), this);
}

void PooledUpstreamClient::discard(UpstreamConnection *connection)
{
    UpstreamHost *host = connection->host;
    connection->close();
    connection->host = nullptr;
    connection->pending = nullptr;
    connection->deleteLater(); // its handler may be on the stack
    --host->connections;
    refill(host);
}

void PooledUpstreamClient::refill(UpstreamHost *host)
{
    while (!host->queue.empty() && host->connections < m_options.maxConnectionsPerHost) {
        UpstreamPending *next = host->queue.front();
        host->queue.pop_front();
        openFor(host, next);
    }
}

void PooledUpstreamClient::connectionReady(UpstreamConnection *connection)
{
    if (connection->pending)
        connection->send(connection->pending->bytes, connection->pending->noBody);
    else
        release(connection);
}

void PooledUpstreamClient::exchangeFinished(UpstreamConnection *connection, UpstreamResult &result,
                                            UpstreamConnection::Disposition disposition)
{
    UpstreamPending *pending = connection->pending;
    UpstreamHost *host = connection->host;
    connection->pending = nullptr;
    if (pending)
        pending->connection = nullptr;

    if (disposition == UpstreamConnection::Disposition::Reuse) {
        release(connection);
    } else if (disposition == UpstreamConnection::Disposition::DiscardRetryNow && pending && pending->idempotent
               && !pending->retried) {
        // Stale keep-alive: the slot of the dead connection goes to a fresh one for this request.
        connection->close();
        connection->host = nullptr;
        connection->deleteLater();
        pending->retried = true;
        --host->connections;
        openFor(host, pending);
        return;
    } else {
        discard(connection);
    }
    if (!pending)
        return;
    ++m_reportDepth;
    QPointer<PooledUpstreamClient> alive(this);
    complete(pending, result);
    if (alive)
        --m_reportDepth;
}

void PooledUpstreamClient::idleConnectionLost(UpstreamConnection *connection)
{
    UpstreamHost *host = connection->host;
    auto it = std::find(host->idle.begin(), host->idle.end(), connection);
    if (it != host->idle.end())
        host->idle.erase(it);
    discard(connection);
}

void PooledUpstreamClient::timerEvent(QTimerEvent *event)
{
    const int id = event->timerId();
    if (id == m_sweepTimer.timerId()) {
        sweepIdle();
        return;
    }
    auto it = m_pending.find(id);
    if (it == m_pending.end()) {
        QObject::timerEvent(event);
        return;
    }
    timeout(it->second.get());
}

void PooledUpstreamClient::timeout(UpstreamPending *pending)
{
    if (UpstreamConnection *connection = pending->connection) {
        pending->connection = nullptr;
        connection->pending = nullptr;
        discard(connection); // a late response must not be read by the next request
    } else {
        auto &queue = pending->host->queue;
        queue.erase(std::remove(queue.begin(), queue.end(), pending), queue.end());
    }
    UpstreamResult result;
    result.error = UpstreamResult::Error::Timeout;
    result.errorText =
        tr("no complete response from %1 within %2 ms").arg(pending->host->key.host).arg(pending->timeoutMs);
    complete(pending, result);
}

void PooledUpstreamClient::sweepIdle()
{
    const qint64 now = m_clock.elapsed();
    int remaining = 0;
    for (auto &entry : m_hosts) {
        UpstreamHost *host = entry.second.get();
        auto &idle = host->idle;
        // Oldest first; stop at the first one still fresh.
        auto fresh = std::find_if(idle.begin(), idle.end(), [&](UpstreamConnection *c) {
            return now - c->idleSinceMs < m_options.idleTimeoutMs;
        });
        const std::vector<UpstreamConnection *> expired(idle.begin(), fresh);
        idle.erase(idle.begin(), fresh);
        for (UpstreamConnection *connection : expired)
            discard(connection);
        remaining += static_cast<int>(idle.size());
    }
    if (remaining == 0)
        m_sweepTimer.stop();
}

void PooledUpstreamClient::complete(UpstreamPending *pending, UpstreamResult &result)
{
    auto it = m_pending.find(pending->timerId);
    Q_ASSERT(it != m_pending.end());
    std::unique_ptr<UpstreamPending> owned = std::move(it->second);
    m_pending.erase(it);
    killTimer(owned->timerId);
    if (owned->hasContext && !owned->context)
        return;
    owned->done(std::move(result)); // last: may send more requests or delete the context
}

} // namespace sluice
