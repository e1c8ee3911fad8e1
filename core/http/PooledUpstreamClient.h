#pragma once

#include "UpstreamClient.h"
#include "UpstreamClientOptions.h"
#include "UpstreamConnection.h"
#include "UpstreamHostKey.h"

#include <QBasicTimer>
#include <QElapsedTimer>
#include <QObject>
#include <QSslConfiguration>

#include <memory>
#include <optional>
#include <unordered_map>

namespace sluice {

// The gateway's HTTP/1.1 client for backends: a keep-alive connection pool
// per scheme+host+port without QNetworkAccessManager's limit of 6 connections.
// A request takes an idle connection, else opens one (up to
// maxConnectionsPerHost), else waits in a queue. A request that fails on a
// reused connection before any response byte (the peer closed the idle
// connection as we sent) is retried once on a fresh connection when its
// method is idempotent.
//
// One instance per gateway worker thread; not thread-safe, use it on the
// thread it lives on. `done` is called exactly once, from the event loop (never
// from inside send()), unless `context` is destroyed first. Destroying the
// client cancels the requests in flight: their `done` gets
// UpstreamResult::Error::Cancelled (when their context is still alive).
// Deleting the client from inside a `done` callback is safe (its connections
// are then deleted from the event loop), though deleteLater() reads better.
class PooledUpstreamClient : public QObject, public UpstreamClient, private UpstreamConnection::Listener
{
    Q_OBJECT
public:
    explicit PooledUpstreamClient(UpstreamClientOptions options = {}, QObject *parent = nullptr);
    ~PooledUpstreamClient() override;

    void send(UpstreamRequest request, QObject *context, std::function<void(UpstreamResult)> done) override;

    const UpstreamClientOptions &options() const { return m_options; }
    // Connections open or opening, over all hosts.
    int connectionCount() const;
    int idleConnectionCount() const;
    // Requests sent and not finished yet (including queued ones).
    int pendingCount() const { return static_cast<int>(m_pending.size()); }
    // Connections opened since construction.
    quint64 connectionsOpened() const { return m_connectionsOpened; }
    // Why options().caFile could not be used; empty when fine or not set.
    QString caFileError() const { return m_caFileError; }

protected:
    void timerEvent(QTimerEvent *event) override;

private:
    void connectionReady(UpstreamConnection *connection) override;
    void exchangeFinished(UpstreamConnection *connection, UpstreamResult &result,
                          UpstreamConnection::Disposition disposition) override;
    void idleConnectionLost(UpstreamConnection *connection) override;

    UpstreamHost *hostFor(const QUrl &url, bool tls);
    const QSslConfiguration &tlsConfiguration();
    void dispatch(UpstreamPending *pending);
    void start(UpstreamConnection *connection, UpstreamPending *pending);
    void openFor(UpstreamHost *host, UpstreamPending *pending);
    void release(UpstreamConnection *connection);
    void discard(UpstreamConnection *connection);
    void refill(UpstreamHost *host);
    void timeout(UpstreamPending *pending);
    void sweepIdle();
    void complete(UpstreamPending *pending, UpstreamResult &result);
    void failLater(QObject *context, std::function<void(UpstreamResult)> done, UpstreamResult::Error error,
                   const QString &text);

    UpstreamClientOptions m_options;
    std::unordered_map<UpstreamHostKey, std::unique_ptr<UpstreamHost>, UpstreamHostKeyHash> m_hosts;
    std::unordered_map<int, std::unique_ptr<UpstreamPending>> m_pending; // by timer id
    std::optional<QSslConfiguration> m_tls;
    QString m_caFileError;
    QElapsedTimer m_clock;
    QBasicTimer m_sweepTimer;
    quint64 m_connectionsOpened = 0;
    int m_reportDepth = 0;
    bool m_destroying = false;
};

} // namespace sluice
