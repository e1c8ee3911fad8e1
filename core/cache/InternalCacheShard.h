#pragma once

#include "CacheStore.h"

#include <QByteArrayView>

#include <atomic>
#include <memory>
#include <mutex>
#include <vector>

namespace sluice {

class InternalCacheEntry;

// One shard of InternalCache: a chained hash table of intrusive entries, an LRU
// list and a part of the byte budget, behind one mutex. Entries that an
// operation removes are freed after the mutex is released.
//
// Expiry: an expired entry is removed when a lookup, store or remove meets it;
// when a store needs room, the shard first sweeps out every expired entry (at
// most every tightSweepIntervalMs, and only when one may have expired), then
// evicts from the least recently used end. A store also sweeps at most every
// idleSweepIntervalMs when an entry may have expired, so that memory held by
// expired entries is given back without pressure.
class alignas(64) InternalCacheShard
{
public:
    // What one operation changed, for the cache's counters and gauges.
    struct Change
    {
        qint64 entries = 0;
        qint64 bytes = 0;
        quint64 evictions = 0;
        quint64 expirations = 0;
    };

    static constexpr qint64 tightSweepIntervalMs = 100;
    static constexpr qint64 idleSweepIntervalMs = 5000;

    InternalCacheShard();
    ~InternalCacheShard();
    InternalCacheShard(const InternalCacheShard &) = delete;
    InternalCacheShard &operator=(const InternalCacheShard &) = delete;

    // Set once, before the shard is shared.
    void setBudget(qint64 bytes) { m_budget = bytes; }
    qint64 budget() const { return m_budget; }

    // On a live entry: fills `hit` (status, value shared, remaining ttl), marks
    // the entry most recently used and returns true.
    bool lookup(QByteArrayView key, quint32 hash, qint64 nowMs, CacheLookup &hit, Change &change);
    // Takes `entry`, replacing an entry with the same key; evicts to stay within
    // the budget. The entry's charge must not exceed the budget.
    void insert(InternalCacheEntry *entry, qint64 nowMs, Change &change);
    // True when a live entry was removed.
    bool remove(QByteArrayView key, quint32 hash, qint64 nowMs, Change &change);
    // Live entries whose key starts with `prefix`: keeps the `limit` smallest keys
    // in `best`, a heap ordered by entryKeyLess; returns how many matched.
    qint64 collect(QByteArrayView prefix, qsizetype limit, qint64 nowMs, std::vector<CacheEntryInfo> &best) const;
    // Removes the entries whose key starts with `prefix`; returns the live ones removed.
    qint64 purge(QByteArrayView prefix, qint64 nowMs, Change &change);

    // Readable without the lock (each value exact, written under it).
    qint64 entries() const { return m_publishedEntries.load(std::memory_order_relaxed); }
    qint64 bytes() const { return m_publishedBytes.load(std::memory_order_relaxed); }

    static bool entryKeyLess(const CacheEntryInfo &a, const CacheEntryInfo &b);

private:
    class Graveyard;

    InternalCacheEntry **findSlot(QByteArrayView key, quint32 hash) const;
    void unlink(InternalCacheEntry **slot, Graveyard &dead, Change &change);
    void unlinkEntry(InternalCacheEntry *entry, Graveyard &dead, Change &change);
    void linkFront(InternalCacheEntry *entry);
    void unlinkLru(InternalCacheEntry *entry);
    void touch(InternalCacheEntry *entry);
    bool maySweep(qint64 nowMs, qint64 intervalMs) const;
    void sweep(qint64 nowMs, Graveyard &dead, Change &change);
    void rehash(quint32 bucketCount);
    void shrinkIfSparse();
    void publish();

    mutable std::mutex m_mutex;
    std::unique_ptr<InternalCacheEntry *[]> m_buckets;
    quint32 m_bucketCount = 0;
    InternalCacheEntry *m_lruHead = nullptr; // most recently used
    InternalCacheEntry *m_lruTail = nullptr; // least recently used
    qint64 m_count = 0;
    qint64 m_bytes = 0;
    qint64 m_budget = 0;
    qint64 m_minExpiryMs; // no entry expires before this (exact after a sweep)
    qint64 m_lastSweepMs = 0;
    bool m_hasSwept = false;
    std::atomic<qint64> m_publishedEntries {0};
    std::atomic<qint64> m_publishedBytes {0};
};

} // namespace sluice
