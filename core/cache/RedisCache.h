#pragma once

#include "CacheStore.h"
#include "redis/RedisConnectionOptions.h"

#include <QObject>
#include <QString>

#include <memory>

namespace sluice {

class RedisCacheHealth;
class RedisClient;

// An external Redis-compatible cache (Azure Cache for Redis, Azure Managed
// Redis, any Redis or Redis Cluster) as a CacheStore. One per thread that uses
// it (each gateway worker, the admin listener): it owns that thread's
// RedisClient, and every callback runs on that thread.
//
// Each entry is one Redis string, written with its TTL (`SET key value PX ms`)
// under the caller's key (the caching policies' keys all start with `sluice:`,
// so a shared Redis can hold other data too). The value is an envelope around
// the caller's bytes:
//   "SLX" version(1 byte, = 1) expiresAtMs (int64 little-endian, Unix epoch) value
// so that a hit is exactly one round trip (GET) and still knows its remaining
// time to live. Anything else under a key reads as a miss.
//
// Fail-open: a Redis that is down, slower than syncTimeout or answering
// garbage gives Error lookups (the caller treats them as misses) and failed
// writes; nothing blocks and nothing throws. The state (reachable or not) is
// logged once per change for the whole gateway (RedisCacheHealth), never per
// request, and never with a secret.
class RedisCache final : public QObject, public CacheStore
{
    Q_OBJECT
public:
    // Values over `maxValueBytes` are refused by store(), as the built-in cache does.
    // `health` is shared by the RedisCache objects of one cache (one per
    // thread) so that its state changes are logged once; null: none logged.
    RedisCache(QString id, RedisConnectionOptions options, std::shared_ptr<RedisCacheHealth> health = nullptr,
               QObject *parent = nullptr, qint64 maxValueBytes = 2 * 1024 * 1024);
    ~RedisCache() override;

    // Connects (and keeps reconnecting). Until connected every operation fails fast.
    void start();

    QString name() const override { return m_id; }
    bool isExternal() const override { return true; }

    void lookup(const QByteArray &key, QObject *context, LookupCallback done) override;
    void store(const QByteArray &key, const QByteArray &value, qint64 ttlMs, QObject *context,
               WriteCallback done) override;
    void remove(const QByteArray &key, QObject *context, WriteCallback done) override;
    void list(const QByteArray &prefix, int limit, QObject *context, ListCallback done) override;
    void purge(const QByteArray &prefix, QObject *context, WriteCallback done) override;

    // For /status and the console.
    bool isConnected() const;
    bool isCluster() const;
    QString lastError() const;
    double roundTripMs() const;
    QString serverVersion() const;
    RedisClient &client() const { return *m_client; }

    // The envelope (exposed for tests and the admin endpoints).
    static QByteArray wrap(const QByteArray &value, qint64 expiresAtMs);
    static bool unwrap(const QByteArray &stored, QByteArray *value, qint64 *expiresAtMs);
    // A SCAN MATCH pattern for keys starting with `prefix` (glob characters escaped).
    static QByteArray matchPattern(const QByteArray &prefix);

private:
    void onStateChanged();

    QString m_id;
    qint64 m_maxValueBytes;
    std::unique_ptr<RedisClient> m_client;
    std::shared_ptr<RedisCacheHealth> m_health;
    bool m_reported = false;
    bool m_wasConnected = false;
};

} // namespace sluice
