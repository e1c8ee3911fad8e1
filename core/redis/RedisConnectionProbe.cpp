#include "RedisConnectionProbe.h"

#include "RedisClient.h"

#include <QCoreApplication>

namespace sluice {

RedisConnectionProbe::RedisConnectionProbe(RedisConnectionOptions options, QObject *parent)
    : QObject(parent)
    , m_options(std::move(options))
{
    m_poll.setInterval(20);
    connect(&m_poll, &QTimer::timeout, this, &RedisConnectionProbe::check);
    m_deadline.setSingleShot(true);
    connect(&m_deadline, &QTimer::timeout, this, [this] {
        RedisProbeResult result;
        result.tls = m_options.tls;
        result.error = m_client && !m_client->lastError().isEmpty()
            ? m_client->lastError()
            : tr("no answer within %1 ms").arg(m_deadline.interval());
        finish(std::move(result));
    });
}

RedisConnectionProbe::~RedisConnectionProbe()
{
    m_running = false; // a callback the client fails while it goes reports nothing
    m_client.reset();
}

void RedisConnectionProbe::start(int timeoutMs)
{
    if (m_running)
        return;
    m_running = true;
    m_pinging = false;
    m_options.connectTimeoutMs =
        qMin(m_options.connectTimeoutMs > 0 ? m_options.connectTimeoutMs : timeoutMs, timeoutMs);
    m_options.syncTimeoutMs = qMin(m_options.syncTimeoutMs > 0 ? m_options.syncTimeoutMs : timeoutMs, timeoutMs);
    m_client = std::make_unique<RedisClient>(m_options);
    connect(m_client.get(), &RedisClient::stateChanged, this, &RedisConnectionProbe::check);
    m_clock.start();
    m_deadline.start(m_options.connectTimeoutMs + m_options.syncTimeoutMs);
    m_poll.start();
    m_client->start();
    check();
}

void RedisConnectionProbe::check()
{
    if (!m_running || m_pinging || !m_client)
        return;
    if (m_client->isConnected()) {
        ping();
        return;
    }
    // The first failed attempt is the answer: the client would retry with backoff.
    if (!m_client->lastError().isEmpty()) {
        RedisProbeResult result;
        result.tls = m_options.tls;
        result.error = m_client->lastError();
        finish(std::move(result));
    }
}

void RedisConnectionProbe::ping()
{
    m_pinging = true;
    m_poll.stop();
    m_clock.restart();
    m_client->command(QByteArray(), {QByteArrayLiteral("PING")}, [this](RedisResult reply) {
        const double ms = double(m_clock.nsecsElapsed()) / 1e6;
        RedisProbeResult result;
        result.tls = m_options.tls;
        if (!reply.ok()) {
            result.error = reply.error;
        } else if (reply.reply.isError()) {
            result.error =
                tr("the server answered PING with an error: %1").arg(QString::fromUtf8(reply.reply.string.left(200)));
        } else {
            result.ok = true;
            result.roundTripMs = ms;
            result.serverVersion = m_client->serverVersion();
            result.cluster = m_client->isCluster();
        }
        finish(std::move(result));
    });
}

void RedisConnectionProbe::finish(RedisProbeResult result)
{
    if (!m_running)
        return;
    m_running = false;
    m_poll.stop();
    m_deadline.stop();
    // The client is deleted later: this may run inside its own callback.
    if (m_client)
        m_client.release()->deleteLater();
    Q_EMIT finished(result);
}

} // namespace sluice
