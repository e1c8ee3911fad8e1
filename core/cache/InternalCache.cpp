#include "InternalCache.h"

#include "CacheCompletion.h"
#include "InternalCacheEntry.h"

#include "metrics/Counter.h"
#include "metrics/CounterFamily.h"
#include "metrics/Gauge.h"
#include "metrics/GaugeFamily.h"
#include "metrics/MetricsRegistry.h"

#include <QCoreApplication>
#include <QHashFunctions>
#include <QRandomGenerator>

#include <algorithm>
#include <chrono>
#include <limits>

namespace sluice {

static_assert(sizeof(size_t) == 8, "the shard is picked from the upper half of a 64-bit hash");

namespace {

constexpr int maxShards = 256;

qint64 steadyMilliseconds()
{
    using namespace std::chrono;
    return duration_cast<milliseconds>(steady_clock::now().time_since_epoch()).count();
}

int floorPowerOfTwo(int n)
{
    int result = 1;
    while (result * 2 <= n)
        result *= 2;
    return result;
}

// The caller's buffer when it is exact enough to keep (shared, no copy);
// otherwise an exact-size copy, so the cache never pins spare capacity or
// bytes it does not own.
QByteArray compactValue(const QByteArray &value)
{
    const qsizetype size = value.size();
    if (size == 0)
        return {};
    const qsizetype capacity = value.capacity();
    if (capacity >= size && capacity - size <= 32 + size / 64)
        return value;
    return QByteArray(value.constData(), size);
}

CacheWrite refused(const QString &error)
{
    CacheWrite result;
    result.ok = false;
    result.error = error;
    return result;
}

} // namespace

InternalCache::InternalCache(const InternalCacheOptions &options, MetricsRegistry *metrics)
    : m_capacityBytes(std::max<qint64>(0, options.capacityBytes))
    , m_maxEntryBytes(std::max<qint64>(0, options.maxEntryBytes))
    , m_seed(size_t(QRandomGenerator::system()->generate64()))
    , m_clock(options.clock)
{
    int shards = floorPowerOfTwo(std::clamp(options.shardCount, 1, maxShards));
    const qint64 largestEntry = chargeFor(maxKeyBytes, m_maxEntryBytes);
    while (shards > 1 && m_capacityBytes / shards < largestEntry)
        shards /= 2;
    m_shardCount = shards;
    m_shards = std::make_unique<InternalCacheShard[]>(std::size_t(shards));
    m_shardBudget = m_capacityBytes / shards;
    const qint64 remainder = m_capacityBytes % shards;
    for (int i = 0; i < shards; ++i)
        m_shards[std::size_t(i)].setBudget(m_shardBudget + (i < remainder ? 1 : 0));
    registerMetrics(metrics);
}

InternalCache::~InternalCache()
{
    const InternalCacheStats s = stats();
    if (m_metrics.entries)
        m_metrics.entries->decrement(double(s.entries));
    if (m_metrics.bytes)
        m_metrics.bytes->decrement(double(s.bytes));
    if (m_metrics.capacity)
        m_metrics.capacity->decrement(double(m_capacityBytes));
}

void InternalCache::registerMetrics(MetricsRegistry *registry)
{
    if (!registry)
        return;
    const QStringList labelNames {QStringLiteral("cache")};
    const QStringList labels {name()};
    auto gauge = [&](const QString &metric, const QString &help) -> Gauge * {
        GaugeFamily *family = registry->addGaugeFamily(metric, help, labelNames);
        return family ? family->withLabels(labels) : nullptr;
    };
    auto counter = [&](const QString &metric, const QString &help) -> Counter * {
        CounterFamily *family = registry->addCounterFamily(metric, help, labelNames);
        return family ? family->withLabels(labels) : nullptr;
    };
    m_metrics.entries =
        gauge(QStringLiteral("sluice_cache_entries"),
              QStringLiteral("Entries held by the built-in cache, including expired ones not yet removed."));
    m_metrics.bytes =
        gauge(QStringLiteral("sluice_cache_bytes"),
              QStringLiteral("Bytes charged against the cache's budget (key, value and per-entry overhead)."));
    m_metrics.capacity =
        gauge(QStringLiteral("sluice_cache_capacity_bytes"), QStringLiteral("The cache's byte budget."));
    m_metrics.evictions =
        counter(QStringLiteral("sluice_cache_evictions_total"),
                QStringLiteral("Live entries evicted to stay within the byte budget (least recently used first)."));
    m_metrics.expirations = counter(QStringLiteral("sluice_cache_expirations_total"),
                                    QStringLiteral("Entries removed because their time to live had passed."));
    if (m_metrics.capacity)
        m_metrics.capacity->increment(double(m_capacityBytes));
}

QString InternalCache::name() const
{
    return QStringLiteral("internal");
}

qint64 InternalCache::now() const
{
    return m_clock ? m_clock() : steadyMilliseconds();
}

size_t InternalCache::hashOf(QByteArrayView key) const
{
    return qHashBits(key.data(), size_t(key.size()), m_seed);
}

InternalCacheShard &InternalCache::shardFor(size_t hash) const
{
    return m_shards[(hash >> 32) & size_t(m_shardCount - 1)];
}

void InternalCache::apply(const InternalCacheShard::Change &change)
{
    if (change.evictions) {
        m_evictions.fetch_add(change.evictions, std::memory_order_relaxed);
        if (m_metrics.evictions)
            m_metrics.evictions->increment(change.evictions);
    }
    if (change.expirations) {
        m_expirations.fetch_add(change.expirations, std::memory_order_relaxed);
        if (m_metrics.expirations)
            m_metrics.expirations->increment(change.expirations);
    }
    if (change.entries && m_metrics.entries)
        m_metrics.entries->increment(double(change.entries));
    if (change.bytes && m_metrics.bytes)
        m_metrics.bytes->increment(double(change.bytes));
}

std::optional<CacheLookup> InternalCache::lookupNow(const QByteArray &key)
{
    CacheLookup result;
    const size_t hash = hashOf(key);
    InternalCacheShard::Change change;
    shardFor(hash).lookup(key, quint32(hash), now(), result, change);
    if (change.expirations)
        apply(change);
    return result;
}

CacheWrite InternalCache::storeNow(const QByteArray &key, const QByteArray &value, qint64 ttlMs)
{
    if (ttlMs <= 0)
        return refused(
            QCoreApplication::translate("InternalCache", "The time to live must be positive (got %1 ms).").arg(ttlMs));
    if (key.size() > maxKeyBytes)
        return refused(
            QCoreApplication::translate("InternalCache", "A cache key of %1 bytes exceeds the limit of %2 bytes.")
                .arg(key.size())
                .arg(maxKeyBytes));
    if (value.size() > m_maxEntryBytes)
        return refused(
            QCoreApplication::translate("InternalCache",
                                        "A value of %1 bytes exceeds the internal cache's per-entry limit of %2 bytes.")
                .arg(value.size())
                .arg(m_maxEntryBytes));
    const qint64 charge = chargeFor(key.size(), value.size());
    if (charge > m_shardBudget)
        return refused(QCoreApplication::translate(
                           "InternalCache",
                           "An entry of %1 bytes (key, value and %2 bytes of overhead) does not fit the internal "
                           "cache's capacity of %3 bytes.")
                           .arg(charge)
                           .arg(entryOverheadBytes)
                           .arg(m_capacityBytes));
    const qint64 nowMs = now();
    const qint64 expiresAtMs =
        ttlMs > std::numeric_limits<qint64>::max() - nowMs ? std::numeric_limits<qint64>::max() : nowMs + ttlMs;
    const size_t hash = hashOf(key);
    InternalCacheEntry *entry = InternalCacheEntry::create(key, quint32(hash), compactValue(value), expiresAtMs);
    InternalCacheShard::Change change;
    shardFor(hash).insert(entry, nowMs, change);
    apply(change);
    return {};
}

CacheWrite InternalCache::removeNow(const QByteArray &key)
{
    const size_t hash = hashOf(key);
    InternalCacheShard::Change change;
    CacheWrite result;
    result.count = shardFor(hash).remove(key, quint32(hash), now(), change) ? 1 : 0;
    apply(change);
    return result;
}

CacheListing InternalCache::listNow(const QByteArray &prefix, int limit)
{
    const qsizetype wanted = std::max(0, limit);
    std::vector<CacheEntryInfo> best;
    best.reserve(std::size_t(std::min<qint64>(wanted, stats().entries)));
    const qint64 nowMs = now();
    qint64 matched = 0;
    for (int i = 0; i < m_shardCount; ++i)
        matched += m_shards[std::size_t(i)].collect(prefix, wanted, nowMs, best);
    std::sort_heap(best.begin(), best.end(), InternalCacheShard::entryKeyLess);
    CacheListing listing;
    listing.truncated = matched > qint64(best.size());
    listing.entries = QList<CacheEntryInfo>(std::make_move_iterator(best.begin()), std::make_move_iterator(best.end()));
    return listing;
}

CacheWrite InternalCache::purgeNow(const QByteArray &prefix)
{
    const qint64 nowMs = now();
    CacheWrite result;
    InternalCacheShard::Change change;
    for (int i = 0; i < m_shardCount; ++i)
        result.count += m_shards[std::size_t(i)].purge(prefix, nowMs, change);
    apply(change);
    return result;
}

void InternalCache::lookup(const QByteArray &key, QObject *context, LookupCallback done)
{
    if (!context || !done)
        return;
    completeCacheCall(context, std::move(done), *lookupNow(key));
}

void InternalCache::store(const QByteArray &key, const QByteArray &value, qint64 ttlMs, QObject *context,
                          WriteCallback done)
{
    completeCacheCall(context, std::move(done), storeNow(key, value, ttlMs));
}

void InternalCache::remove(const QByteArray &key, QObject *context, WriteCallback done)
{
    completeCacheCall(context, std::move(done), removeNow(key));
}

void InternalCache::list(const QByteArray &prefix, int limit, QObject *context, ListCallback done)
{
    if (!context || !done)
        return;
    completeCacheCall(context, std::move(done), listNow(prefix, limit));
}

void InternalCache::purge(const QByteArray &prefix, QObject *context, WriteCallback done)
{
    completeCacheCall(context, std::move(done), purgeNow(prefix));
}

InternalCacheStats InternalCache::stats() const
{
    InternalCacheStats s;
    for (int i = 0; i < m_shardCount; ++i) {
        s.entries += m_shards[std::size_t(i)].entries();
        s.bytes += m_shards[std::size_t(i)].bytes();
    }
    s.capacityBytes = m_capacityBytes;
    s.evictions = m_evictions.load(std::memory_order_relaxed);
    s.expirations = m_expirations.load(std::memory_order_relaxed);
    return s;
}

} // namespace sluice
