#pragma once

#include "RedisConnectionOptions.h"
#include "RedisReply.h"

#include <QByteArray>
#include <QList>
#include <QObject>

#include <functional>
#include <memory>

namespace sluice {

class RedisConnection;

// The client the caches (and later the rate limits) use: one per gateway
// worker thread. Talks to a single node or to a Redis Cluster, transparently:
// it starts with the first endpoint; when the node reports cluster mode or
// answers MOVED, it loads the slot map (CLUSTER SLOTS), routes each command
// to the master of its key's slot (CRC16 of the key or of its {hash tag}),
// follows MOVED (and refreshes the map) and ASK (ASKING + retry on that node)
// up to 5 redirections, and refreshes the map when it changes.
class RedisClient : public QObject
{
    Q_OBJECT
public:
    using Callback = std::function<void(RedisResult)>;

    explicit RedisClient(RedisConnectionOptions options, QObject *parent = nullptr);
    ~RedisClient() override;

    void start();

    // A command whose routing key is `key` (for GET/SET/PTTL/UNLINK ...,
    // usually args[1]). `done` is called exactly once on this thread.
    void command(const QByteArray &key, const QList<QByteArray> &args, Callback done);
    // A command for every master (SCAN, INFO, PING): one result per master,
    // in a stable order.
    void commandOnAllMasters(const QList<QByteArray> &args, std::function<void(QList<RedisResult>)> done);
    // The masters in that same order (a single node: 1), and a command for
    // one of them (SCAN walks that need a cursor per master). An index out
    // of range (the map changed) fails with NotConnected.
    int masterCount() const;
    void commandOnMaster(int master, const QList<QByteArray> &args, Callback done);

    bool isConnected() const;        // at least the node(s) needed are connected
    bool isCluster() const;
    QString lastError() const;       // never a secret
    double roundTripMs() const;
    QString serverVersion() const;

    // CRC16 (XMODEM) slot of a key, honouring {hash tags}: 0..16383.
    static quint16 slotOf(const QByteArray &key);

Q_SIGNALS:
    void stateChanged(); // connected / disconnected / cluster map changed

private:
    class Private;
    std::unique_ptr<Private> d;
};

} // namespace sluice
