#pragma once

#include "RedisConnectionOptions.h"

#include <QElapsedTimer>
#include <QObject>
#include <QString>
#include <QTimer>

#include <memory>

namespace sluice {

class RedisClient;

// What one connection test found.
struct RedisProbeResult
{
    bool ok = false;
    double roundTripMs = -1; // the PING's round trip
    QString serverVersion; // INFO server: redis_version
    bool tls = false;
    bool cluster = false;
    QString error; // the precise problem; never a secret
};

// "Test connection": connects with a RedisClient on the calling thread's
// event loop, sends PING, and reports its round trip, the server's version,
// TLS and cluster mode, or what went wrong, through finished(). Never blocks.
// Gives up after the options' connect timeout (at most `timeoutMs`).
class RedisConnectionProbe : public QObject
{
    Q_OBJECT
public:
    explicit RedisConnectionProbe(RedisConnectionOptions options, QObject *parent = nullptr);
    ~RedisConnectionProbe() override;

    void start(int timeoutMs = 5000);
    bool isRunning() const { return m_running; }

Q_SIGNALS:
    void finished(const sluice::RedisProbeResult &result);

private:
    void check();
    void ping();
    void finish(RedisProbeResult result);

    RedisConnectionOptions m_options;
    std::unique_ptr<RedisClient> m_client;
    QTimer m_poll;
    QTimer m_deadline;
    QElapsedTimer m_clock;
    bool m_running = false;
    bool m_pinging = false;
};

} // namespace sluice

Q_DECLARE_METATYPE(sluice::RedisProbeResult)
