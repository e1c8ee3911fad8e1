#pragma once

#include "RedisConnectionOptions.h"
#include "RedisReply.h"

#include <QByteArray>
#include <QList>
#include <QObject>

#include <functional>

namespace sluice {

// One connection to one Redis node, on the thread that owns it: a QTcpSocket
// or QSslSocket (TLS with SNI, system CAs plus an optional CA file) for
// transport, hiredis for the protocol (redisFormatCommandArgv to encode,
// redisReader to decode). Pipelined: commands are written at once and replies
// matched in order. After connecting it sends AUTH (user + password, or
// password) and SELECT (database > 0, unless cluster mode), then PING, and
// only then reports itself connected. A lost connection fails every command
// in flight (ConnectionLost) and reconnects with exponential backoff and
// jitter (100 ms doubling to 1 s, so that hits resume within about a second
// of Redis coming back); commands sent while disconnected fail at
// once with NotConnected (a cache treats that as a miss: fail-open).
// Each command fails with Timeout when no reply came within syncTimeoutMs.
class RedisConnection : public QObject
{
    Q_OBJECT
public:
    using Callback = std::function<void(RedisResult)>;

    enum class State { Disconnected, Connecting, Connected };

    RedisConnection(RedisEndpoint endpoint, RedisConnectionOptions options, QObject *parent = nullptr);
    ~RedisConnection() override;

    // Starts connecting (and keeps reconnecting until destroyed or stopped).
    void start();
    void stop();

    // Sends one command (each argument binary-safe). `done` is called exactly
    // once, on this object's thread, unless this object is destroyed first.
    void command(const QList<QByteArray> &args, Callback done);

    State state() const;
    bool isConnected() const { return state() == State::Connected; }
    const RedisEndpoint &endpoint() const;
    QString lastError() const;      // never a secret
    double roundTripMs() const;     // of the last PING (health check), -1 when unknown
    QString serverVersion() const;  // from INFO server after connecting, empty when unknown
    bool clusterEnabled() const;    // INFO cluster: cluster_enabled:1

Q_SIGNALS:
    void connected();
    void disconnected(const QString &reason);

private:
    class Private;
    std::unique_ptr<Private> d;
};

} // namespace sluice
