#pragma once

#include "CacheStore.h"
#include "InternalCacheOptions.h"
#include "InternalCacheShard.h"
#include "InternalCacheStats.h"

#include <atomic>
#include <memory>

namespace sluice {

class Counter;
class Gauge;
class MetricsRegistry;

// The built-in cache: in process, volatile, one object shared by every gateway
// worker thread.
//
// - Sharded: a key's hash picks one of shardCount() shards, each with its own
//   mutex, hash table, LRU list and an equal part of the byte budget, so
//   threads working on different keys rarely wait for each other. LRU order is
//   exact within a shard (approximate across the cache).
// - Budget: every entry is charged key + value + entryOverheadBytes; a store
//   evicts expired entries first, then the least recently used, so that bytes
//   never exceed capacityBytes. A value over maxEntryBytes, a key over
//   maxKeyBytes, a time to live <= 0 or an entry larger than the budget is
//   refused (ok = false, error says why).
// - Expiry: lazy (a lookup that meets an expired entry removes it) plus the
//   shard sweeps described in InternalCacheShard.h.
// - Values are shared, not copied: a hit returns the stored QByteArray
//   (reference counted). A stored value whose buffer has much spare capacity,
//   or that does not own its bytes (QByteArray::fromRawData), is copied to an
//   exact-size buffer.
//
// list() and purge() visit the shards one after the other (each under its
// lock), so they are not one atomic step while other threads write.
//
// Callbacks: every operation completes at once. When `context` lives in the
// calling thread (the gateway's case), `done` runs before the call returns;
// when it lives in another thread, `done` is queued to it (and dropped if
// `context` dies first). With a null `context` (or an empty `done`) the
// operation still happens and nothing is called; lookup() then does nothing.
// The *Now() functions are the same operations without a callback.
//
// Metrics (when a registry is given; the registry must outlive the cache):
//   sluice_cache_entries{cache="internal"}, sluice_cache_bytes{cache},
//   sluice_cache_capacity_bytes{cache} (gauges, summed over live internal
//   caches), sluice_cache_evictions_total{cache},
//   sluice_cache_expirations_total{cache} (counters).
class InternalCache final : public CacheStore
{
public:
    // What an entry costs beyond its key and value bytes, charged against the
    // budget: the 64-byte node, the value's QByteArray header and terminator,
    // allocator rounding and the hash table slot (measured by
    // sluice-bench-cache-memory, tests/bench/README.md).
    static constexpr qint64 entryOverheadBytes = 128;
    static constexpr qint64 maxKeyBytes = 64 * 1024;

    explicit InternalCache(const InternalCacheOptions &options = {}, MetricsRegistry *metrics = nullptr);
    ~InternalCache() override;
    InternalCache(const InternalCache &) = delete;
    InternalCache &operator=(const InternalCache &) = delete;

    // CacheStore
    QString name() const override;
    bool isExternal() const override { return false; }
    // Always answers (never nullopt). A hit allocates nothing: the value is shared.
    std::optional<CacheLookup> lookupNow(const QByteArray &key) override;
    void lookup(const QByteArray &key, QObject *context, LookupCallback done) override;
    void store(const QByteArray &key, const QByteArray &value, qint64 ttlMs, QObject *context,
               WriteCallback done) override;
    void remove(const QByteArray &key, QObject *context, WriteCallback done) override;
    void list(const QByteArray &prefix, int limit, QObject *context, ListCallback done) override;
    void purge(const QByteArray &prefix, QObject *context, WriteCallback done) override;

    // The same operations, answered directly.
    CacheWrite storeNow(const QByteArray &key, const QByteArray &value, qint64 ttlMs);
    CacheWrite removeNow(const QByteArray &key);
    // Live entries whose key starts with `prefix`, sorted by key (bytewise,
    // unsigned), at most `limit` (a negative limit counts as 0).
    CacheListing listNow(const QByteArray &prefix, int limit);
    // Removes the entries whose key starts with `prefix` (empty: all); count =
    // live entries removed.
    CacheWrite purgeNow(const QByteArray &prefix);

    InternalCacheStats stats() const;
    qint64 capacityBytes() const { return m_capacityBytes; }
    qint64 maxEntryBytes() const { return m_maxEntryBytes; }
    int shardCount() const { return m_shardCount; }
    // What an entry with these sizes is charged against the budget.
    static constexpr qint64 chargeFor(qint64 keyBytes, qint64 valueBytes)
    {
        return keyBytes + valueBytes + entryOverheadBytes;
    }

private:
    struct MetricChildren
    {
        Gauge *entries = nullptr;
        Gauge *bytes = nullptr;
        Gauge *capacity = nullptr;
        Counter *evictions = nullptr;
        Counter *expirations = nullptr;
    };

    qint64 now() const;
    size_t hashOf(QByteArrayView key) const;
    InternalCacheShard &shardFor(size_t hash) const;
    void apply(const InternalCacheShard::Change &change);
    void registerMetrics(MetricsRegistry *registry);

    qint64 m_capacityBytes;
    qint64 m_maxEntryBytes;
    qint64 m_shardBudget = 0; // the smallest shard budget: the largest entry accepted
    int m_shardCount = 1;
    size_t m_seed;
    InternalCacheOptions::Clock m_clock;
    std::unique_ptr<InternalCacheShard[]> m_shards;
    std::atomic<quint64> m_evictions {0};
    std::atomic<quint64> m_expirations {0};
    MetricChildren m_metrics;
};

} // namespace sluice
