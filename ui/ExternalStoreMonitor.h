#pragma once

#include "DashboardModel.h"

#include <QObject>
#include <QTimer>

#include <map>
#include <memory>

namespace sluice {

class ConnectionStringKeychain;
class RedisClient;
class WorkspaceDocument;

// Measures the external caches of the open workspace every few seconds, in
// the background on this thread's event loop (the core's async RedisClient,
// one per cache): keys (DBSIZE), used memory (INFO memory), reachability and
// the last error, summed over a Cluster's masters. Needs no gateway.
// measured() delivers every cache's status after each round.
class ExternalStoreMonitor : public QObject
{
    Q_OBJECT

public:
    // `keychain` may be null: caches kept in the keychain then report that.
    ExternalStoreMonitor(WorkspaceDocument *document, ConnectionStringKeychain *keychain, QObject *parent = nullptr,
                         int intervalMs = 5000);
    ~ExternalStoreMonitor() override;

    const QList<ExternalStoreStatus> &stores() const { return m_stores; }
    // Measures now (and then every interval).
    void poll();

Q_SIGNALS:
    void measured(const QList<ExternalStoreStatus> &stores);

private:
    void rebuild();
    void connectCache(int index, const QString &connectionString);
    void measure(int index);
    void report();

    WorkspaceDocument *m_document;
    ConnectionStringKeychain *m_keychain;
    QTimer m_timer;
    QList<ExternalStoreStatus> m_stores;
    std::map<QString, std::unique_ptr<RedisClient>> m_clients; // by cache id
    quint64 m_generation = 0;
};

} // namespace sluice
