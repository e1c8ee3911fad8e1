#include "RedisClusterNode.h"

#include <QCoreApplication>

#include <utility>

namespace sluice {

namespace {

constexpr int FirstAttemptPollMs = 20;

} // namespace

RedisClusterNode::RedisClusterNode(const QString &name, RedisEndpoint endpoint, const RedisConnectionOptions &options,
                                   QObject *parent)
    : QObject(parent)
    , m_name(name)
    , m_connection(new RedisConnection(std::move(endpoint), options, this))
{
    connect(m_connection, &RedisConnection::connected, this, &RedisClusterNode::onConnected);
    connect(m_connection, &RedisConnection::disconnected, this, &RedisClusterNode::onDisconnected);
    // In case a connection attempt never reports its end: the connect timeout
    // plus the AUTH/PING exchange.
    m_firstAttemptTimer.setSingleShot(true);
    m_firstAttemptTimer.setInterval(options.connectTimeoutMs + options.syncTimeoutMs);
    connect(&m_firstAttemptTimer, &QTimer::timeout, this, [this] {
        endFirstAttempt(QCoreApplication::translate("RedisClient", "No connection to %1:%2 within %3 ms")
                            .arg(this->endpoint().host)
                            .arg(this->endpoint().port)
                            .arg(m_firstAttemptTimer.interval()));
    });
    // RedisConnection signals only the loss of an established connection; a
    // failed attempt (refused, timed out, AUTH refused) shows in its state.
    m_firstAttemptPoll.setInterval(FirstAttemptPollMs);
    connect(&m_firstAttemptPoll, &QTimer::timeout, this, &RedisClusterNode::pollFirstAttempt);
}

RedisClusterNode::~RedisClusterNode() = default;

void RedisClusterNode::start()
{
    m_firstAttemptTimer.start();
    m_firstAttemptPoll.start();
    m_connection->start();
}

void RedisClusterNode::command(const QList<QByteArray> &args, Callback done)
{
    if (m_firstAttempt && !m_retired) {
        m_waiting.append({args, std::move(done)});
        return;
    }
    ++m_inFlight;
    m_connection->command(args, [this, done = std::move(done)](RedisResult result) {
        --m_inFlight;
        done(std::move(result));
        deleteWhenIdle();
    });
}

void RedisClusterNode::retire()
{
    if (m_retired)
        return;
    m_retired = true;
    disconnect(m_connection, nullptr, this, nullptr);
    if (m_firstAttempt)
        endFirstAttempt(QCoreApplication::translate("RedisClient", "The connection to %1:%2 is no longer used")
                            .arg(endpoint().host)
                            .arg(endpoint().port));
    m_connection->stop();
    deleteWhenIdle();
}

void RedisClusterNode::onConnected()
{
    m_hasConnected = true;
    if (m_firstAttempt) {
        m_firstAttempt = false;
        m_firstAttemptTimer.stop();
        m_firstAttemptPoll.stop();
        const QList<Waiting> waiting = std::exchange(m_waiting, {});
        for (const Waiting &w : waiting)
            command(w.args, w.done);
    }
    Q_EMIT connected();
}

void RedisClusterNode::onDisconnected(const QString &reason)
{
    if (m_firstAttempt)
        endFirstAttempt(reason);
    Q_EMIT disconnected(reason);
}

void RedisClusterNode::pollFirstAttempt()
{
    if (m_connection->state() == RedisConnection::State::Disconnected && !m_connection->lastError().isEmpty())
        endFirstAttempt(m_connection->lastError());
}

void RedisClusterNode::endFirstAttempt(const QString &reason)
{
    if (!m_firstAttempt)
        return;
    m_firstAttempt = false;
    m_firstAttemptTimer.stop();
    m_firstAttemptPoll.stop();
    const QList<Waiting> waiting = std::exchange(m_waiting, {});
    for (const Waiting &w : waiting) {
        RedisResult result;
        result.failure = RedisResult::Failure::NotConnected;
        result.error = reason;
        w.done(result);
    }
    if (!m_retired)
        Q_EMIT connectFailed(reason);
}

void RedisClusterNode::deleteWhenIdle()
{
    if (m_retired && m_inFlight == 0 && m_waiting.isEmpty())
        deleteLater();
}

} // namespace sluice
