#pragma once

#include "redis/RedisConnectionOptions.h"

#include <QByteArray>
#include <QList>
#include <QProcess>
#include <QString>
#include <QStringList>
#include <QTemporaryDir>

#include <memory>
#include <vector>

namespace sluice::test {

// A real Redis Cluster for tests: three `redis-server` masters on free
// loopback ports (each port and its cluster bus port, port + 10000, free),
// each in its own temporary directory, joined with `redis-cli --cluster
// create` and ready when every node reports cluster_state:ok. Optionally
// password-protected (requirepass + masterauth; redis-cli gets it through
// REDISCLI_AUTH, never on a command line). Each server is stopped by its own
// process handle (terminate, then kill), also when destroyed.
//
// Also the resharding the routing tests need: moving one slot from its owner
// to another master (IMPORTING / MIGRATING, MIGRATE of its keys, SETSLOT
// NODE), or leaving it half-migrated so that its owner answers ASK.
class RedisCluster
{
public:
    RedisCluster();
    ~RedisCluster();
    RedisCluster(const RedisCluster &) = delete;
    RedisCluster &operator=(const RedisCluster &) = delete;

    bool start(const QString &password = QString());
    void stop();

    QString errorText() const { return m_error; }
    QList<quint16> ports() const; // the masters, in start order
    QString password() const { return m_password; }
    // Options for a RedisClient: the first node as the one endpoint, the password.
    RedisConnectionOptions options() const;

    // Runs one command on the node at `port` with redis-cli (arguments given
    // on its standard input, quoted) and returns its output, or an empty
    // array with errorText() set when redis-cli failed.
    QByteArray cli(quint16 port, const QList<QByteArray> &args);
    // The same for several commands at once (one output, in order).
    QByteArray cliBatch(quint16 port, const QList<QList<QByteArray>> &commands);
    // One field of INFO (e.g. "errorstat_MOVED" in section "errorstats"):
    // the text after the colon, empty when absent.
    QByteArray infoField(quint16 port, const QByteArray &section, const QByteArray &field);

    QByteArray nodeId(quint16 port);
    int keySlot(const QByteArray &key);
    // The port of the master that serves `slot`, as the node at `askedPort`
    // (default: the first) sees it; 0 when unknown.
    quint16 ownerOf(int slot, quint16 askedPort = 0);
    QList<QByteArray> keysInSlot(quint16 port, int slot);

    // Moves `slot` (and its keys) from its owner to the master at `toPort`.
    bool moveSlot(int slot, quint16 toPort);
    // Starts moving `slot` to `toPort` and migrates only `keys`: the owner
    // answers ASK for them (and for new keys), the target serves them to
    // clients that send ASKING. finishMigration() completes it.
    bool beginMigration(int slot, quint16 toPort, const QList<QByteArray> &keys);
    bool finishMigration(int slot, quint16 toPort);

    bool waitUntilHealthy(int timeoutMs = 20'000);

private:
    struct Node
    {
        quint16 port = 0;
        std::unique_ptr<QTemporaryDir> dir;
        std::unique_ptr<QProcess> process;
    };

    bool startNode(Node &node);
    bool migrateKeys(quint16 fromPort, quint16 toPort, const QList<QByteArray> &keys);
    static void stopProcess(QProcess &process);

    std::vector<Node> m_nodes;
    QString m_password;
    QString m_error;
};

} // namespace sluice::test
