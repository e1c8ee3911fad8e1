#include "InternalCacheShard.h"

#include "InternalCacheEntry.h"

#include <algorithm>
#include <limits>

namespace sluice {

namespace {

constexpr quint32 minBucketCount = 16;

CacheEntryInfo infoOf(const InternalCacheEntry *entry, qint64 nowMs)
{
    CacheEntryInfo info;
    info.key = entry->key().toByteArray();
    info.sizeBytes = entry->key().size() + entry->value().size();
    info.ttlMs = entry->expiresAtMs() - nowMs;
    return info;
}

} // namespace

// Entries unlinked under the lock, freed when the operation's scope ends: after
// the lock guard declared below it has released the mutex.
class InternalCacheShard::Graveyard
{
public:
    Graveyard() = default;
    Graveyard(const Graveyard &) = delete;
    Graveyard &operator=(const Graveyard &) = delete;
    ~Graveyard()
    {
        while (m_head) {
            InternalCacheEntry *next = m_head->hashNext;
            InternalCacheEntry::destroy(m_head);
            m_head = next;
        }
    }
    void bury(InternalCacheEntry *entry)
    {
        entry->hashNext = m_head;
        m_head = entry;
    }

private:
    InternalCacheEntry *m_head = nullptr;
};

InternalCacheShard::InternalCacheShard()
    : m_buckets(std::make_unique<InternalCacheEntry *[]>(minBucketCount))
    , m_bucketCount(minBucketCount)
    , m_minExpiryMs(std::numeric_limits<qint64>::max())
{ }

InternalCacheShard::~InternalCacheShard()
{
    InternalCacheEntry *entry = m_lruHead;
    while (entry) {
        InternalCacheEntry *next = entry->lruNext;
        InternalCacheEntry::destroy(entry);
        entry = next;
    }
}

bool InternalCacheShard::entryKeyLess(const CacheEntryInfo &a, const CacheEntryInfo &b)
{
    return QByteArrayView(a.key) < QByteArrayView(b.key);
}

InternalCacheEntry **InternalCacheShard::findSlot(QByteArrayView key, quint32 hash) const
{
    InternalCacheEntry **slot = &m_buckets[hash & (m_bucketCount - 1)];
    while (*slot && ((*slot)->hash() != hash || (*slot)->key() != key))
        slot = &(*slot)->hashNext;
    return slot;
}

void InternalCacheShard::unlink(InternalCacheEntry **slot, Graveyard &dead, Change &change)
{
    InternalCacheEntry *entry = *slot;
    *slot = entry->hashNext;
    unlinkLru(entry);
    const qint64 charge = entry->charge();
    --m_count;
    m_bytes -= charge;
    --change.entries;
    change.bytes -= charge;
    dead.bury(entry);
}

void InternalCacheShard::unlinkEntry(InternalCacheEntry *entry, Graveyard &dead, Change &change)
{
    InternalCacheEntry **slot = findSlot(entry->key(), entry->hash());
    Q_ASSERT(*slot == entry);
    unlink(slot, dead, change);
}

void InternalCacheShard::linkFront(InternalCacheEntry *entry)
{
    entry->lruPrev = nullptr;
    entry->lruNext = m_lruHead;
    if (m_lruHead)
        m_lruHead->lruPrev = entry;
    else
        m_lruTail = entry;
    m_lruHead = entry;
}

void InternalCacheShard::unlinkLru(InternalCacheEntry *entry)
{
    if (entry->lruPrev)
        entry->lruPrev->lruNext = entry->lruNext;
    else
        m_lruHead = entry->lruNext;
    if (entry->lruNext)
        entry->lruNext->lruPrev = entry->lruPrev;
    else
        m_lruTail = entry->lruPrev;
    entry->lruPrev = nullptr;
    entry->lruNext = nullptr;
}

void InternalCacheShard::touch(InternalCacheEntry *entry)
{
    if (m_lruHead == entry)
        return;
    unlinkLru(entry);
    linkFront(entry);
}

bool InternalCacheShard::maySweep(qint64 nowMs, qint64 intervalMs) const
{
    return nowMs >= m_minExpiryMs && (!m_hasSwept || nowMs - m_lastSweepMs >= intervalMs);
}

void InternalCacheShard::sweep(qint64 nowMs, Graveyard &dead, Change &change)
{
    qint64 minExpiry = std::numeric_limits<qint64>::max();
    InternalCacheEntry *entry = m_lruHead;
    while (entry) {
        InternalCacheEntry *next = entry->lruNext;
        if (entry->isExpired(nowMs)) {
            ++change.expirations;
            unlinkEntry(entry, dead, change);
        } else {
            minExpiry = std::min(minExpiry, entry->expiresAtMs());
        }
        entry = next;
    }
    m_minExpiryMs = minExpiry;
    m_lastSweepMs = nowMs;
    m_hasSwept = true;
}

void InternalCacheShard::rehash(quint32 bucketCount)
{
    auto buckets = std::make_unique<InternalCacheEntry *[]>(bucketCount);
    for (quint32 i = 0; i < m_bucketCount; ++i) {
        InternalCacheEntry *entry = m_buckets[i];
        while (entry) {
            InternalCacheEntry *next = entry->hashNext;
            InternalCacheEntry *&head = buckets[entry->hash() & (bucketCount - 1)];
            entry->hashNext = head;
            head = entry;
            entry = next;
        }
    }
    m_buckets = std::move(buckets);
    m_bucketCount = bucketCount;
}

void InternalCacheShard::shrinkIfSparse()
{
    quint32 target = m_bucketCount;
    while (target > minBucketCount && m_count < qint64(target / 8))
        target = std::max(minBucketCount, target / 4);
    if (target != m_bucketCount)
        rehash(target);
}

void InternalCacheShard::publish()
{
    m_publishedEntries.store(m_count, std::memory_order_relaxed);
    m_publishedBytes.store(m_bytes, std::memory_order_relaxed);
}

bool InternalCacheShard::lookup(QByteArrayView key, quint32 hash, qint64 nowMs, CacheLookup &hit, Change &change)
{
    Graveyard dead;
    std::lock_guard lock(m_mutex);
    InternalCacheEntry **slot = findSlot(key, hash);
    InternalCacheEntry *entry = *slot;
    if (!entry)
        return false;
    if (entry->isExpired(nowMs)) {
        ++change.expirations;
        unlink(slot, dead, change);
        shrinkIfSparse();
        publish();
        return false;
    }
    touch(entry);
    hit.status = CacheLookup::Status::Hit;
    hit.value = entry->value();
    hit.ttlMs = entry->expiresAtMs() - nowMs;
    return true;
}

void InternalCacheShard::insert(InternalCacheEntry *entry, qint64 nowMs, Change &change)
{
    Graveyard dead;
    std::lock_guard lock(m_mutex);
    InternalCacheEntry **slot = findSlot(entry->key(), entry->hash());
    if (*slot) {
        if ((*slot)->isExpired(nowMs))
            ++change.expirations;
        unlink(slot, dead, change);
    }
    const qint64 charge = entry->charge();
    Q_ASSERT(charge <= m_budget);
    if (maySweep(nowMs, idleSweepIntervalMs))
        sweep(nowMs, dead, change);
    while (m_lruTail && m_bytes + charge > m_budget) {
        if (maySweep(nowMs, tightSweepIntervalMs)) {
            sweep(nowMs, dead, change);
            continue;
        }
        InternalCacheEntry *victim = m_lruTail;
        if (victim->isExpired(nowMs))
            ++change.expirations;
        else
            ++change.evictions;
        unlinkEntry(victim, dead, change);
    }
    if (m_count >= qint64(m_bucketCount) && m_bucketCount <= std::numeric_limits<quint32>::max() / 2)
        rehash(m_bucketCount * 2);
    InternalCacheEntry *&head = m_buckets[entry->hash() & (m_bucketCount - 1)];
    entry->hashNext = head;
    head = entry;
    linkFront(entry);
    ++m_count;
    m_bytes += charge;
    ++change.entries;
    change.bytes += charge;
    m_minExpiryMs = std::min(m_minExpiryMs, entry->expiresAtMs());
    publish();
}

bool InternalCacheShard::remove(QByteArrayView key, quint32 hash, qint64 nowMs, Change &change)
{
    Graveyard dead;
    std::lock_guard lock(m_mutex);
    InternalCacheEntry **slot = findSlot(key, hash);
    if (!*slot)
        return false;
    const bool live = !(*slot)->isExpired(nowMs);
    if (!live)
        ++change.expirations;
    unlink(slot, dead, change);
    shrinkIfSparse();
    publish();
    return live;
}

qint64 InternalCacheShard::collect(QByteArrayView prefix, qsizetype limit, qint64 nowMs,
                                   std::vector<CacheEntryInfo> &best) const
{
    qint64 matched = 0;
    std::lock_guard lock(m_mutex);
    for (const InternalCacheEntry *entry = m_lruHead; entry; entry = entry->lruNext) {
        if (entry->isExpired(nowMs) || !entry->key().startsWith(prefix))
            continue;
        ++matched;
        if (limit <= 0)
            continue;
        if (qsizetype(best.size()) < limit) {
            best.push_back(infoOf(entry, nowMs));
            std::push_heap(best.begin(), best.end(), entryKeyLess);
        } else if (entry->key() < QByteArrayView(best.front().key)) {
            std::pop_heap(best.begin(), best.end(), entryKeyLess);
            best.back() = infoOf(entry, nowMs);
            std::push_heap(best.begin(), best.end(), entryKeyLess);
        }
    }
    return matched;
}

qint64 InternalCacheShard::purge(QByteArrayView prefix, qint64 nowMs, Change &change)
{
    qint64 removed = 0;
    Graveyard dead;
    std::lock_guard lock(m_mutex);
    InternalCacheEntry *entry = m_lruHead;
    while (entry) {
        InternalCacheEntry *next = entry->lruNext;
        if (entry->key().startsWith(prefix)) {
            if (entry->isExpired(nowMs))
                ++change.expirations;
            else
                ++removed;
            unlinkEntry(entry, dead, change);
        }
        entry = next;
    }
    shrinkIfSparse();
    publish();
    return removed;
}

} // namespace sluice
