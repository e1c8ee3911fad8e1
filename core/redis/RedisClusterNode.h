#pragma once

#include "RedisConnection.h"

#include <QList>
#include <QObject>
#include <QTimer>

#include <functional>

namespace sluice {

// RedisClient's handle on one node: its RedisConnection, plus what the client
// needs around it. Commands given while the node makes its first connection
// attempt wait for it (a node learnt from CLUSTER SLOTS or a redirection is
// used at once), in order; once that attempt is over, commands go straight to
// the connection (which fails them at once when it is not connected).
// Counts the commands in flight so that a node no longer needed is deleted
// only when idle.
class RedisClusterNode : public QObject
{
    Q_OBJECT
public:
    using Callback = std::function<void(RedisResult)>;

    RedisClusterNode(const QString &name, RedisEndpoint endpoint, const RedisConnectionOptions &options,
                     QObject *parent);
    ~RedisClusterNode() override;

    void start();
    void command(const QList<QByteArray> &args, Callback done);
    // Stops the connection and deletes this node once no command is in flight.
    void retire();

    const QString &name() const { return m_name; }
    const RedisEndpoint &endpoint() const { return m_connection->endpoint(); }
    const RedisConnection &connection() const { return *m_connection; }
    bool isConnected() const { return m_connection->isConnected(); }
    bool hasConnected() const { return m_hasConnected; } // ever

Q_SIGNALS:
    void connected();
    void disconnected(const QString &reason);
    // The first connection attempt failed (emitted once).
    void connectFailed(const QString &reason);

private:
    void onConnected();
    void onDisconnected(const QString &reason);
    void pollFirstAttempt();
    void endFirstAttempt(const QString &reason);
    void deleteWhenIdle();

    struct Waiting
    {
        QList<QByteArray> args;
        Callback done;
    };

    QString m_name;
    RedisConnection *m_connection; // child
    QList<Waiting> m_waiting;
    QTimer m_firstAttemptTimer;
    QTimer m_firstAttemptPoll;
    int m_inFlight = 0;
    bool m_firstAttempt = true;
    bool m_hasConnected = false;
    bool m_retired = false;
};

} // namespace sluice
