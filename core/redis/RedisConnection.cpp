#include "RedisConnection.h"

#include "RedisCommand.h"
#include "RedisReader.h"

#include <QElapsedTimer>
#include <QPointer>
#include <QRandomGenerator>
#include <QSslConfiguration>
#include <QSslSocket>
#include <QTcpSocket>
#include <QTimer>

#include <deque>
#include <memory>

// Behaviour the header leaves open, decided here:
// - command() never calls `done` from inside itself: a command refused at
//   once (not connected, empty) fails through a queued invocation, so callers
//   are never re-entered synchronously.
// - Commands are refused (NotConnected) while Connecting as well as while
//   Disconnected; only the handshake's own commands go out before Connected.
// - Replies are matched in order, so when one command times out the
//   connection cannot tell which reply belongs to whom any more: that command
//   fails with Timeout, every other command in flight with ConnectionLost, the
//   socket is closed and the connection reconnects (backoff).
// - stop() fails every command in flight with ConnectionLost before it
//   returns (synchronously); destroying the object drops them without a call.
// - disconnected(reason) is emitted only when a Connected connection is lost
//   or stopped; failed attempts update lastError() only.
// - While connected, a PING goes out every second when nothing else is in
//   flight; its round trip is roundTripMs().

namespace sluice {

namespace {

constexpr int initialBackoffMs = 100;
constexpr int maximumBackoffMs = 1000; // so that hits resume within about a second of Redis coming back
constexpr int pingIntervalMs = 1000;

RedisResult failure(RedisResult::Failure kind, const QString &error)
{
    RedisResult result;
    result.failure = kind;
    result.error = error;
    return result;
}

// "ERR something" -> "ERR"; only a leading upper-case word, never free text.
QString errorCode(const RedisReply &reply)
{
    qsizetype n = 0;
    while (n < reply.string.size() && n < 32 && reply.string.at(n) >= 'A' && reply.string.at(n) <= 'Z')
        ++n;
    return QString::fromLatin1(reply.string.left(n));
}

QByteArray infoField(const QByteArray &info, const QByteArray &name)
{
    const QByteArray prefix = name + ':';
    qsizetype pos = info.startsWith(prefix) ? 0 : info.indexOf('\n' + prefix);
    if (pos < 0)
        return {};
    if (pos > 0 || !info.startsWith(prefix))
        ++pos;
    pos += prefix.size();
    qsizetype end = info.indexOf('\n', pos);
    if (end < 0)
        end = info.size();
    return info.mid(pos, end - pos).trimmed();
}

} // namespace

class RedisConnection::Private
{
public:
    struct Pending
    {
        Callback done;
        qint64 deadlineMs = 0;
    };

    Private(RedisConnection *owner, RedisEndpoint ep, RedisConnectionOptions opts)
        : q(owner)
        , endpoint(std::move(ep))
        , options(std::move(opts))
    {
        // Settings not from the parser may hold nonsense: keep the defaults then.
        if (options.connectTimeoutMs <= 0)
            options.connectTimeoutMs = RedisConnectionOptions().connectTimeoutMs;
        if (options.syncTimeoutMs <= 0)
            options.syncTimeoutMs = RedisConnectionOptions().syncTimeoutMs;
        clock.start();
        reconnectTimer.setSingleShot(true);
        connectTimer.setSingleShot(true);
        timeoutTimer.setSingleShot(true);
        timeoutTimer.setTimerType(Qt::PreciseTimer);
        pingTimer.setInterval(pingIntervalMs);
    }

    void connectNow();
    void onTransportReady();
    void onReadyRead();
    void send(const QList<QByteArray> &args, Callback done);
    void armTimeout();
    void onTimeoutTimer();
    void sendPing(Callback then);
    void handshakeAuth();
    void handshakeInfo();
    void handshakeSelect();
    void handshakePing();
    void becomeConnected();
    // Closes the socket, fails what is in flight (the oldest with
    // `frontFailure`, the rest with ConnectionLost), and schedules a
    // reconnect while running.
    void drop(const QString &reason, RedisResult::Failure frontFailure = RedisResult::Failure::ConnectionLost,
              const QString &frontError = {});
    void closeSocket();
    void scheduleReconnect();

    RedisConnection *q;
    RedisEndpoint endpoint;
    RedisConnectionOptions options;
    State state = State::Disconnected;
    bool running = false;
    QString lastError;
    QString tlsError; // the first certificate problem of this attempt
    double roundTripMs = -1;
    QString serverVersion;
    bool clusterEnabled = false;

    QTcpSocket *socket = nullptr;
    std::unique_ptr<RedisReader> reader;
    std::deque<Pending> pending;
    quint64 generation = 0; // bumped whenever the socket is dropped
    QElapsedTimer clock;
    bool pingInFlight = false;
    int backoffMs = initialBackoffMs;
    QTimer reconnectTimer;
    QTimer connectTimer;
    QTimer timeoutTimer;
    QTimer pingTimer;
};

void RedisConnection::Private::connectNow()
{
    if (!running || socket != nullptr)
        return;
    state = State::Connecting;
    tlsError.clear();
    reader = std::make_unique<RedisReader>();
    connectTimer.start(options.connectTimeoutMs);
    if (options.tls) {
        auto *ssl = new QSslSocket(q);
        QSslConfiguration configuration = QSslConfiguration::defaultConfiguration();
        configuration.setPeerVerifyMode(QSslSocket::VerifyPeer);
        if (!options.caFile.isEmpty()) {
            const QList<QSslCertificate> cas = QSslCertificate::fromPath(options.caFile, QSsl::Pem);
            if (cas.isEmpty()) {
                delete ssl;
                reader.reset();
                connectTimer.stop();
                state = State::Disconnected;
                lastError = tr("cannot read a CA certificate (PEM) from %1").arg(options.caFile);
                scheduleReconnect();
                return;
            }
            configuration.addCaCertificates(cas);
        }
        ssl->setSslConfiguration(configuration);
        socket = ssl;
        QObject::connect(ssl, &QSslSocket::encrypted, q, [this] { onTransportReady(); });
        QObject::connect(ssl, &QSslSocket::sslErrors, q, [this](const QList<QSslError> &errors) {
            // Not ignored: the handshake fails and errorOccurred follows.
            if (!errors.isEmpty())
                tlsError = tr("TLS: %1").arg(errors.first().errorString());
        });
    } else {
        socket = new QTcpSocket(q);
        QObject::connect(socket, &QTcpSocket::connected, q, [this] { onTransportReady(); });
    }
    socket->setSocketOption(QAbstractSocket::LowDelayOption, 1);
    socket->setSocketOption(QAbstractSocket::KeepAliveOption, 1);
    QObject::connect(socket, &QTcpSocket::readyRead, q, [this] { onReadyRead(); });
    QObject::connect(socket, &QTcpSocket::errorOccurred, q, [this](QAbstractSocket::SocketError error) {
        if (!tlsError.isEmpty())
            drop(tlsError);
        else if (error == QAbstractSocket::SslHandshakeFailedError)
            drop(tr("TLS: %1").arg(socket->errorString()));
        else
            drop(socket->errorString());
    });
    QObject::connect(socket, &QTcpSocket::disconnected, q, [this] { drop(tr("the server closed the connection")); });
    if (options.tls) {
        const QString peerName = options.tlsHost.isEmpty() ? endpoint.host : options.tlsHost;
        static_cast<QSslSocket *>(socket)->connectToHostEncrypted(endpoint.host, endpoint.port, peerName);
    } else {
        socket->connectToHost(endpoint.host, endpoint.port);
    }
}

void RedisConnection::Private::onTransportReady()
{
    handshakeAuth();
}

void RedisConnection::Private::handshakeAuth()
{
    if (options.password.isEmpty()) {
        handshakeInfo();
        return;
    }
    QList<QByteArray> args{QByteArrayLiteral("AUTH")};
    if (!options.user.isEmpty())
        args.append(options.user.toUtf8());
    args.append(options.password.toUtf8());
    send(args, [this](const RedisResult &result) {
        if (!result.ok())
            return; // drop() already handles the connection
        if (result.reply.isError()) {
            // A password for a server without one: go on, as redis-cli does.
            if (!result.reply.string.contains("without any password configured")) {
                drop(tr("authentication failed (%1)").arg(errorCode(result.reply)));
                return;
            }
        }
        handshakeInfo();
    });
}

void RedisConnection::Private::handshakeInfo()
{
    send({QByteArrayLiteral("INFO"), QByteArrayLiteral("server")}, [this](const RedisResult &result) {
        if (!result.ok())
            return;
        if (result.reply.isError()) {
            if (result.reply.string.startsWith("NOAUTH"))
                drop(tr("authentication required: the connection string has no password"));
            return; // INFO may be disabled: the version stays unknown
        }
        serverVersion = QString::fromLatin1(infoField(result.reply.string, "redis_version"));
    });
    send({QByteArrayLiteral("INFO"), QByteArrayLiteral("cluster")}, [this](const RedisResult &result) {
        if (!result.ok())
            return;
        clusterEnabled = !result.reply.isError() && infoField(result.reply.string, "cluster_enabled") == "1";
        handshakeSelect();
    });
}

void RedisConnection::Private::handshakeSelect()
{
    if (options.database <= 0 || clusterEnabled) {
        handshakePing();
        return;
    }
    send({QByteArrayLiteral("SELECT"), QByteArray::number(options.database)}, [this](const RedisResult &result) {
        if (!result.ok())
            return;
        if (result.reply.isError()) {
            drop(tr("SELECT %1 failed (%2)").arg(options.database).arg(errorCode(result.reply)));
            return;
        }
        handshakePing();
    });
}

void RedisConnection::Private::handshakePing()
{
    sendPing([this](const RedisResult &result) {
        if (!result.ok())
            return;
        if (result.reply.isError()) {
            drop(tr("PING failed (%1)").arg(errorCode(result.reply)));
            return;
        }
        becomeConnected();
    });
}

void RedisConnection::Private::sendPing(Callback then)
{
    const qint64 sentNs = clock.nsecsElapsed();
    pingInFlight = true;
    send({QByteArrayLiteral("PING")}, [this, sentNs, then = std::move(then)](RedisResult result) {
        pingInFlight = false;
        if (result.ok() && !result.reply.isError())
            roundTripMs = double(clock.nsecsElapsed() - sentNs) / 1e6;
        if (then)
            then(std::move(result));
    });
}

void RedisConnection::Private::becomeConnected()
{
    connectTimer.stop();
    state = State::Connected;
    lastError.clear();
    backoffMs = initialBackoffMs;
    pingTimer.start();
    Q_EMIT q->connected();
}

void RedisConnection::Private::send(const QList<QByteArray> &args, Callback done)
{
    const QByteArray encoded = RedisCommand::encode(args);
    const bool wasIdle = pending.empty();
    pending.push_back(Pending{std::move(done), clock.elapsed() + options.syncTimeoutMs});
    if (wasIdle && !timeoutTimer.isActive())
        armTimeout();
    socket->write(encoded);
}

void RedisConnection::Private::armTimeout()
{
    if (pending.empty())
        return;
    timeoutTimer.start(int(qMax<qint64>(0, pending.front().deadlineMs - clock.elapsed())));
}

void RedisConnection::Private::onTimeoutTimer()
{
    if (pending.empty())
        return;
    if (pending.front().deadlineMs > clock.elapsed()) {
        armTimeout(); // the command it was armed for has been answered; wait for the oldest one
        return;
    }
    drop(tr("a command timed out after %1 ms; reconnecting").arg(options.syncTimeoutMs), RedisResult::Failure::Timeout,
         tr("no reply within %1 ms").arg(options.syncTimeoutMs));
}

void RedisConnection::Private::onReadyRead()
{
    if (socket == nullptr)
        return;
    const QByteArray data = socket->readAll();
    if (!reader->feed(data.constData(), data.size())) {
        drop(tr("protocol error: %1").arg(reader->error()), RedisResult::Failure::Protocol, reader->error());
        return;
    }
    const QPointer<RedisConnection> guard(q);
    const quint64 currentGeneration = generation;
    for (;;) {
        std::optional<RedisReply> reply = reader->next();
        if (!reply) {
            if (reader->hasError())
                drop(tr("protocol error: %1").arg(reader->error()), RedisResult::Failure::Protocol, reader->error());
            return;
        }
        if (pending.empty()) {
            drop(tr("protocol error: a reply that no command asked for"), RedisResult::Failure::Protocol);
            return;
        }
        Callback done = std::move(pending.front().done);
        pending.pop_front();
        RedisResult result;
        result.reply = std::move(*reply);
        if (done)
            done(std::move(result));
        // The callback may have stopped or destroyed the connection.
        if (guard.isNull() || generation != currentGeneration)
            return;
    }
}

void RedisConnection::Private::closeSocket()
{
    ++generation;
    connectTimer.stop();
    pingTimer.stop();
    timeoutTimer.stop();
    pingInFlight = false;
    if (socket != nullptr) {
        QTcpSocket *old = socket;
        socket = nullptr;
        old->disconnect(q);
        old->abort();
        old->deleteLater();
    }
    reader.reset();
}

void RedisConnection::Private::drop(const QString &reason, RedisResult::Failure frontFailure, const QString &frontError)
{
    if (socket == nullptr)
        return;
    const bool wasConnected = state == State::Connected;
    std::deque<Pending> failed;
    failed.swap(pending);
    closeSocket();
    state = State::Disconnected;
    lastError = reason;
    scheduleReconnect();

    const QPointer<RedisConnection> guard(q);
    bool first = true;
    for (Pending &p : failed) {
        if (p.done) {
            if (first)
                p.done(failure(frontFailure, frontError.isEmpty() ? reason : frontError));
            else
                p.done(failure(RedisResult::Failure::ConnectionLost, reason));
            if (guard.isNull())
                return;
        }
        first = false;
    }
    if (wasConnected)
        Q_EMIT q->disconnected(reason);
}

void RedisConnection::Private::scheduleReconnect()
{
    if (!running)
        return;
    const double jitter = 0.8 + 0.4 * QRandomGenerator::global()->generateDouble(); // +-20%
    reconnectTimer.start(qMax(1, int(backoffMs * jitter)));
    backoffMs = qMin(backoffMs * 2, maximumBackoffMs);
}

RedisConnection::RedisConnection(RedisEndpoint endpoint, RedisConnectionOptions options, QObject *parent)
    : QObject(parent)
    , d(std::make_unique<Private>(this, std::move(endpoint), std::move(options)))
{
    d->reconnectTimer.setParent(this);
    d->connectTimer.setParent(this);
    d->timeoutTimer.setParent(this);
    d->pingTimer.setParent(this);
    connect(&d->reconnectTimer, &QTimer::timeout, this, [this] { d->connectNow(); });
    connect(&d->connectTimer, &QTimer::timeout, this, [this] {
        if (d->state != State::Connected)
            d->drop(tr("connecting timed out after %1 ms").arg(d->options.connectTimeoutMs));
    });
    connect(&d->timeoutTimer, &QTimer::timeout, this, [this] { d->onTimeoutTimer(); });
    connect(&d->pingTimer, &QTimer::timeout, this, [this] {
        if (d->state == State::Connected && !d->pingInFlight && d->pending.empty())
            d->sendPing({});
    });
}

RedisConnection::~RedisConnection()
{
    d->running = false;
    d->pending.clear(); // dropped without a call: the object is going away
    d->closeSocket();
    // The timers are members of d, parented to this: unparent before QObject
    // deletes its children.
    d->reconnectTimer.setParent(nullptr);
    d->connectTimer.setParent(nullptr);
    d->timeoutTimer.setParent(nullptr);
    d->pingTimer.setParent(nullptr);
}

void RedisConnection::start()
{
    if (d->running)
        return;
    d->running = true;
    d->backoffMs = initialBackoffMs;
    d->connectNow();
}

void RedisConnection::stop()
{
    d->running = false;
    d->reconnectTimer.stop();
    d->drop(tr("stopped"));
    d->state = State::Disconnected;
}

void RedisConnection::command(const QList<QByteArray> &args, Callback done)
{
    if (d->state != State::Connected || args.isEmpty()) {
        const RedisResult result = args.isEmpty()
            ? failure(RedisResult::Failure::Protocol, tr("empty command"))
            : failure(RedisResult::Failure::NotConnected,
                      d->lastError.isEmpty() ? tr("not connected") : tr("not connected: %1").arg(d->lastError));
        QMetaObject::invokeMethod(
            this, [result, done = std::move(done)] { if (done) done(result); }, Qt::QueuedConnection);
        return;
    }
    d->send(args, std::move(done));
}

RedisConnection::State RedisConnection::state() const
{
    return d->state;
}

const RedisEndpoint &RedisConnection::endpoint() const
{
    return d->endpoint;
}

QString RedisConnection::lastError() const
{
    return d->lastError;
}

double RedisConnection::roundTripMs() const
{
    return d->roundTripMs;
}

QString RedisConnection::serverVersion() const
{
    return d->serverVersion;
}

bool RedisConnection::clusterEnabled() const
{
    return d->clusterEnabled;
}

} // namespace sluice
