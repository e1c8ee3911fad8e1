// InternalCache beyond the CacheStore contract (tst_cachestore_contract):
// LRU order, the byte budget, counters, the injected clock, sharing of values,
// callbacks across threads, concurrency and metrics.

#include "cache/InternalCache.h"

#include "metrics/MetricsRegistry.h"

#include <QCoreApplication>
#include <QRandomGenerator>
#include <QTest>
#include <QThread>

#include <algorithm>
#include <atomic>
#include <limits>
#include <memory>
#include <thread>
#include <vector>

using namespace sluice;

namespace {

// A clock the test moves by hand; thread-safe like the real one.
struct ManualClock
{
    std::shared_ptr<std::atomic<qint64>> nowMs = std::make_shared<std::atomic<qint64>>(1000);

    InternalCacheOptions::Clock function() const
    {
        return [now = nowMs] { return now->load(std::memory_order_relaxed); };
    }
    void advance(qint64 ms) const { nowMs->fetch_add(ms); }
};

// Options for one shard holding exactly `entries` entries of key size 2 and
// value size `valueBytes`.
InternalCacheOptions oneShard(int entries, qint64 valueBytes, const ManualClock *clock = nullptr)
{
    InternalCacheOptions options;
    options.shardCount = 1;
    options.capacityBytes = entries * InternalCache::chargeFor(2, valueBytes);
    options.maxEntryBytes = valueBytes;
    if (clock)
        options.clock = clock->function();
    return options;
}

QList<QByteArray> keysOf(const CacheListing &listing)
{
    QList<QByteArray> keys;
    for (const CacheEntryInfo &entry : listing.entries)
        keys.append(entry.key);
    return keys;
}

bool isHit(InternalCache &cache, const QByteArray &key)
{
    return cache.lookupNow(key)->status == CacheLookup::Status::Hit;
}

// The charge of everything listed: what stats().bytes must equal when nothing
// has expired.
qint64 chargedBytes(const CacheListing &listing)
{
    qint64 bytes = 0;
    for (const CacheEntryInfo &entry : listing.entries)
        bytes += entry.sizeBytes + InternalCache::entryOverheadBytes;
    return bytes;
}

// A value that names its key, so that a hit returning another key's value shows.
QByteArray valueFor(const QByteArray &key, int size)
{
    QByteArray value = key + '=';
    while (value.size() < size)
        value.append(char('a' + value.size() % 26));
    return value;
}

} // namespace

class TestInternalCache : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void lruOrder();
    void shardCount_data();
    void shardCount();
    void budgetExactFill();
    void budgetNeverExceeded();
    void refusals_data();
    void refusals();
    void refusalKeepsStoredValue();
    void injectedClockExpiry();
    void expiredEvictedFirst();
    void idleSweepFreesExpired();
    void countersAndStats();
    void purgeAndListSkipExpired();
    void listLimits_data();
    void listLimits();
    void valueStorage_data();
    void valueStorage();
    void synchronousCallbacks();
    void nullContextDoesNothingVisible();
    void otherThreadCallbackIsQueued();
    void deadContextGetsNoCallback();
    void concurrentThreads();
    void metricsRegistered();
    void metricsOfTwoCaches();
};

void TestInternalCache::lruOrder()
{
    InternalCache cache(oneShard(3, 100));
    QCOMPARE(cache.shardCount(), 1);
    const QByteArray v(100, 'v');
    for (const char *key : {"k1", "k2", "k3"})
        QVERIFY(cache.storeNow(key, v, 60000).ok);
    // Most recent first: k3 k2 k1. A hit on k1 protects it: k1 k3 k2.
    QVERIFY(isHit(cache, "k1"));
    QVERIFY(cache.storeNow("k4", v, 60000).ok); // evicts k2
    QCOMPARE(keysOf(cache.listNow({}, 10)), (QList<QByteArray> {"k1", "k3", "k4"}));
    QCOMPARE(cache.stats().evictions, 1u);

    // The asynchronous lookup touches too: k3 k4 k1 -> storing k5 evicts k1.
    QObject context;
    bool hit = false;
    cache.lookup("k3", &context, [&hit](CacheLookup r) { hit = r.status == CacheLookup::Status::Hit; });
    QVERIFY(hit);
    QVERIFY(cache.storeNow("k5", v, 60000).ok);
    QCOMPARE(keysOf(cache.listNow({}, 10)), (QList<QByteArray> {"k3", "k4", "k5"}));

    // Overwriting makes an entry the most recent: k4 k5 k3 -> storing k6 evicts k3.
    QVERIFY(cache.storeNow("k4", v, 60000).ok);
    QVERIFY(cache.storeNow("k6", v, 60000).ok);
    QCOMPARE(keysOf(cache.listNow({}, 10)), (QList<QByteArray> {"k4", "k5", "k6"}));
    // Listing does not touch: k6 k4 k5 is still the order, k5 goes next.
    QVERIFY(cache.storeNow("k7", v, 60000).ok);
    QCOMPARE(keysOf(cache.listNow({}, 10)), (QList<QByteArray> {"k4", "k6", "k7"}));
    QCOMPARE(cache.stats().evictions, 4u);
    QCOMPARE(cache.stats().expirations, 0u);
}

void TestInternalCache::shardCount_data()
{
    QTest::addColumn<qint64>("capacity");
    QTest::addColumn<qint64>("maxEntry");
    QTest::addColumn<int>("requested");
    QTest::addColumn<int>("expected");
    const qint64 mib = 1024 * 1024;
    QTest::newRow("defaults") << 256 * mib << 2 * mib << 32 << 32;
    QTest::newRow("64") << 256 * mib << 2 * mib << 64 << 64;
    QTest::newRow("not a power of two") << 256 * mib << 2 * mib << 48 << 32;
    QTest::newRow("too many for the budget") << 256 * mib << 2 * mib << 1000 << 64;
    QTest::newRow("zero requested") << 256 * mib << 2 * mib << 0 << 1;
    QTest::newRow("budget below one entry") << 1 * mib << 2 * mib << 32 << 1;
    QTest::newRow("small budget") << 16 * mib << 1 * mib << 32 << 8;
    QTest::newRow("no budget") << qint64(0) << 2 * mib << 32 << 1;
}

void TestInternalCache::shardCount()
{
    QFETCH(qint64, capacity);
    QFETCH(qint64, maxEntry);
    QFETCH(int, requested);
    QFETCH(int, expected);
    InternalCacheOptions options;
    options.capacityBytes = capacity;
    options.maxEntryBytes = maxEntry;
    options.shardCount = requested;
    InternalCache cache(options);
    QCOMPARE(cache.shardCount(), expected);
    QCOMPARE(cache.capacityBytes(), capacity);
    QCOMPARE(cache.stats().capacityBytes, capacity);
    // Whatever the sharding, a value of the largest size fits (if the budget allows one).
    const CacheWrite write = cache.storeNow(QByteArray(60, 'k'), QByteArray(maxEntry, 'v'), 1000);
    QCOMPARE(write.ok, InternalCache::chargeFor(60, maxEntry) <= capacity);
}

void TestInternalCache::budgetExactFill()
{
    InternalCacheOptions options = oneShard(2, 50);
    options.maxEntryBytes = 1000;
    InternalCache cache(options);
    QVERIFY(cache.storeNow("aa", QByteArray(50, 'a'), 60000).ok);
    QVERIFY(cache.storeNow("bb", QByteArray(50, 'b'), 60000).ok);
    QCOMPARE(cache.stats().bytes, cache.capacityBytes());
    QCOMPARE(cache.stats().evictions, 0u);
    // A smaller entry still needs room: the oldest goes.
    QVERIFY(cache.storeNow("c", QByteArray(), 60000).ok);
    QCOMPARE(keysOf(cache.listNow({}, 10)), (QList<QByteArray> {"bb", "c"}));
    QCOMPARE(cache.stats().bytes, InternalCache::chargeFor(2, 50) + InternalCache::chargeFor(1, 0));
    // One entry the size of the whole budget evicts everything else.
    const QByteArray whole(cache.capacityBytes() - InternalCache::entryOverheadBytes - 4, 'd');
    QVERIFY(cache.storeNow("dddd", whole, 60000).ok);
    QCOMPARE(keysOf(cache.listNow({}, 10)), QList<QByteArray> {"dddd"});
    QCOMPARE(cache.stats().bytes, cache.capacityBytes());
    QCOMPARE(cache.stats().evictions, 3u);
}

void TestInternalCache::budgetNeverExceeded()
{
    InternalCacheOptions options;
    options.capacityBytes = 300 * 1024 + 7; // uneven: shards get budgets differing by one byte
    options.maxEntryBytes = 4096;
    options.shardCount = 4;
    InternalCache cache(options);
    QVERIFY(cache.shardCount() > 1);
    QRandomGenerator random(42);
    qint64 largest = 0;
    for (int i = 0; i < 5000; ++i) {
        const QByteArray key = "key:" + QByteArray::number(random.bounded(400)) + QByteArray(random.bounded(40), 'k');
        const QByteArray value(random.bounded(4097), 'v');
        largest = std::max(largest, InternalCache::chargeFor(key.size(), value.size()));
        QVERIFY(cache.storeNow(key, value, 60000).ok);
        const InternalCacheStats stats = cache.stats();
        QVERIFY2(stats.bytes <= options.capacityBytes, qPrintable(QString::number(stats.bytes)));
        if (i % 250 == 0 || i == 4999) {
            const CacheListing all = cache.listNow({}, std::numeric_limits<int>::max());
            QCOMPARE(all.entries.size(), stats.entries);
            QCOMPARE(chargedBytes(all), stats.bytes);
        }
        if (i < 4000 && random.bounded(10) == 0)
            cache.removeNow(key);
    }
    QVERIFY(cache.stats().evictions > 0);
    // Each shard is full to within one entry (no removals in the last 1000 stores).
    QVERIFY(cache.stats().bytes >= options.capacityBytes - cache.shardCount() * largest);
}

void TestInternalCache::refusals_data()
{
    QTest::addColumn<int>("keyBytes");
    QTest::addColumn<qint64>("valueBytes");
    QTest::addColumn<qint64>("ttlMs");
    QTest::addColumn<qint64>("capacity");
    QTest::addColumn<bool>("accepted");
    QTest::addColumn<QString>("errorMentions");
    const qint64 maxEntry = 1000;
    const qint64 roomy = 1024 * 1024;
    QTest::newRow("ttl zero") << 3 << qint64(10) << qint64(0) << roomy << false << QStringLiteral("0 ms");
    QTest::newRow("ttl negative") << 3 << qint64(10) << qint64(-5) << roomy << false << QStringLiteral("-5 ms");
    QTest::newRow("value at the limit") << 3 << maxEntry << qint64(1) << roomy << true << QString();
    QTest::newRow("value over the limit")
        << 3 << maxEntry + 1 << qint64(1) << roomy << false << QStringLiteral("1001 bytes");
    QTest::newRow("key at the limit") << int(InternalCache::maxKeyBytes) << qint64(1) << qint64(1) << roomy << true
                                      << QString();
    QTest::newRow("key over the limit") << int(InternalCache::maxKeyBytes + 1) << qint64(1) << qint64(1) << roomy
                                        << false << QStringLiteral("65537 bytes");
    QTest::newRow("entry exactly the budget")
        << 3 << qint64(500) << qint64(1) << InternalCache::chargeFor(3, 500) << true << QString();
    QTest::newRow("entry over the budget") << 3 << qint64(500) << qint64(1) << InternalCache::chargeFor(3, 500) - 1
                                           << false << QStringLiteral("capacity of 630 bytes");
    QTest::newRow("no budget") << 1 << qint64(0) << qint64(1) << qint64(0) << false << QStringLiteral("capacity of 0");
    QTest::newRow("huge ttl") << 3 << qint64(1) << std::numeric_limits<qint64>::max() << roomy << true << QString();
}

void TestInternalCache::refusals()
{
    QFETCH(int, keyBytes);
    QFETCH(qint64, valueBytes);
    QFETCH(qint64, ttlMs);
    QFETCH(qint64, capacity);
    QFETCH(bool, accepted);
    QFETCH(QString, errorMentions);
    InternalCacheOptions options;
    options.capacityBytes = capacity;
    options.maxEntryBytes = 1000;
    // Time stands still: a 1 ms entry is still there when looked up.
    const ManualClock clock;
    options.clock = clock.function();
    InternalCache cache(options);
    const QByteArray key(keyBytes, 'k');
    const CacheWrite write = cache.storeNow(key, QByteArray(valueBytes, 'v'), ttlMs);
    QCOMPARE(write.ok, accepted);
    QCOMPARE(isHit(cache, key), accepted);
    if (accepted) {
        QVERIFY(write.error.isEmpty());
        QVERIFY(cache.lookupNow(key)->ttlMs > 0);
    } else {
        QVERIFY2(write.error.contains(errorMentions), qPrintable(write.error));
        QCOMPARE(cache.stats().entries, 0);
        QCOMPARE(cache.stats().bytes, 0);
    }
}

void TestInternalCache::refusalKeepsStoredValue()
{
    InternalCacheOptions options;
    options.maxEntryBytes = 10;
    InternalCache cache(options);
    QVERIFY(cache.storeNow("k", "small", 60000).ok);
    QVERIFY(!cache.storeNow("k", QByteArray(11, 'x'), 60000).ok);
    QCOMPARE(cache.lookupNow("k")->value, QByteArrayLiteral("small"));
}

void TestInternalCache::injectedClockExpiry()
{
    ManualClock clock;
    InternalCacheOptions options;
    options.clock = clock.function();
    InternalCache cache(options);
    QVERIFY(cache.storeNow("k", "v", 1000).ok);
    clock.advance(999);
    std::optional<CacheLookup> lookup = cache.lookupNow("k");
    QCOMPARE(lookup->status, CacheLookup::Status::Hit);
    QCOMPARE(lookup->ttlMs, 1);
    QCOMPARE(cache.listNow("k", 1).entries.first().ttlMs, 1);
    clock.advance(1);
    QCOMPARE(cache.stats().entries, 1); // not removed until met
    lookup = cache.lookupNow("k");
    QCOMPARE(lookup->status, CacheLookup::Status::Miss);
    QVERIFY(lookup->value.isNull());
    QCOMPARE(cache.stats().entries, 0);
    QCOMPARE(cache.stats().bytes, 0);
    QCOMPARE(cache.stats().expirations, 1u);
    QCOMPARE(cache.stats().evictions, 0u);
    // A second miss counts nothing more.
    QCOMPARE(cache.lookupNow("k")->status, CacheLookup::Status::Miss);
    QCOMPARE(cache.stats().expirations, 1u);
}

void TestInternalCache::expiredEvictedFirst()
{
    ManualClock clock;
    InternalCache cache(oneShard(3, 10, &clock));
    QVERIFY(cache.storeNow("ex", QByteArray(10, 'x'), 50).ok);
    QVERIFY(cache.storeNow("b1", QByteArray(10, 'b'), 60000).ok);
    QVERIFY(cache.storeNow("c1", QByteArray(10, 'c'), 60000).ok);
    QVERIFY(isHit(cache, "ex")); // order ex c1 b1: without expiry first, b1 would go
    clock.advance(60);
    QVERIFY(cache.storeNow("d1", QByteArray(10, 'd'), 60000).ok);
    QCOMPARE(keysOf(cache.listNow({}, 10)), (QList<QByteArray> {"b1", "c1", "d1"}));
    QCOMPARE(cache.stats().expirations, 1u);
    QCOMPARE(cache.stats().evictions, 0u);
    QCOMPARE(cache.stats().entries, 3);
}

void TestInternalCache::idleSweepFreesExpired()
{
    ManualClock clock;
    InternalCacheOptions options;
    options.clock = clock.function();
    options.shardCount = 1;
    InternalCache cache(options);
    for (int i = 0; i < 10; ++i)
        QVERIFY(cache.storeNow("short:" + QByteArray::number(i), "v", 10).ok);
    QVERIFY(cache.storeNow("long", "v", 3600 * 1000).ok);
    clock.advance(InternalCacheShard::idleSweepIntervalMs);
    QCOMPARE(cache.stats().entries, 11);
    // A store into the same shard, with room to spare, still sweeps.
    QVERIFY(cache.storeNow("other", "v", 1000).ok);
    QCOMPARE(cache.stats().entries, 2);
    QCOMPARE(cache.stats().expirations, 10u);
    QCOMPARE(cache.stats().evictions, 0u);
    QCOMPARE(cache.stats().bytes, InternalCache::chargeFor(4, 1) + InternalCache::chargeFor(5, 1));
}

void TestInternalCache::countersAndStats()
{
    ManualClock clock;
    InternalCache cache(oneShard(3, 8, &clock));
    const InternalCacheStats empty = cache.stats();
    QCOMPARE(empty.entries, 0);
    QCOMPARE(empty.bytes, 0);
    QCOMPARE(empty.capacityBytes, 3 * InternalCache::chargeFor(2, 8));

    QVERIFY(cache.storeNow("aa", QByteArray(8, 'a'), 100).ok);
    QVERIFY(cache.storeNow("bb", QByteArray(8, 'b'), 10000).ok);
    QVERIFY(cache.storeNow("cc", QByteArray(4, 'c'), 10000).ok);
    QCOMPARE(cache.stats().bytes, 2 * InternalCache::chargeFor(2, 8) + InternalCache::chargeFor(2, 4));
    clock.advance(100);
    QCOMPARE(cache.lookupNow("aa")->status, CacheLookup::Status::Miss);
    QCOMPARE(cache.stats().expirations, 1u);
    QCOMPARE(cache.stats().entries, 2);
    QVERIFY(cache.storeNow("dd", QByteArray(8, 'd'), 10000).ok); // fits: 3 entries
    QCOMPARE(cache.stats().evictions, 0u);
    QVERIFY(cache.storeNow("ee", QByteArray(8, 'e'), 10000).ok); // evicts bb
    QCOMPARE(cache.stats().evictions, 1u);
    QCOMPARE(cache.removeNow("cc").count, 1);
    QCOMPARE(cache.removeNow("cc").count, 0);
    const InternalCacheStats stats = cache.stats();
    QCOMPARE(stats.entries, 2);
    QCOMPARE(stats.bytes, 2 * InternalCache::chargeFor(2, 8));
    QCOMPARE(stats.evictions, 1u);
    QCOMPARE(stats.expirations, 1u);
    // Removing and overwriting are neither evictions nor expirations.
    QVERIFY(cache.storeNow("dd", QByteArray(2, 'd'), 10000).ok);
    QCOMPARE(cache.stats().bytes, InternalCache::chargeFor(2, 8) + InternalCache::chargeFor(2, 2));
    QCOMPARE(cache.stats().evictions, 1u);
    QCOMPARE(cache.stats().expirations, 1u);
}

void TestInternalCache::purgeAndListSkipExpired()
{
    ManualClock clock;
    InternalCacheOptions options;
    options.clock = clock.function();
    InternalCache cache(options);
    QVERIFY(cache.storeNow("p:old", "v", 10).ok);
    QVERIFY(cache.storeNow("p:new", "v", 10000).ok);
    clock.advance(10);
    const CacheListing listing = cache.listNow("p:", 10);
    QCOMPARE(keysOf(listing), QList<QByteArray> {"p:new"});
    QVERIFY(!listing.truncated);
    const CacheWrite purged = cache.purgeNow("p:");
    QCOMPARE(purged.count, 1); // the live one
    QCOMPARE(cache.stats().expirations, 1u);
    QCOMPARE(cache.stats().entries, 0);
    QCOMPARE(cache.stats().bytes, 0);
}

void TestInternalCache::listLimits_data()
{
    QTest::addColumn<int>("limit");
    QTest::addColumn<int>("entries");
    QTest::addColumn<bool>("truncated");
    QTest::newRow("negative") << -1 << 0 << true;
    QTest::newRow("zero") << 0 << 0 << true;
    QTest::newRow("one") << 1 << 1 << true;
    QTest::newRow("all but one") << 199 << 199 << true;
    QTest::newRow("exact") << 200 << 200 << false;
    QTest::newRow("more") << 1000 << 200 << false;
    QTest::newRow("int max") << std::numeric_limits<int>::max() << 200 << false;
}

void TestInternalCache::listLimits()
{
    QFETCH(int, limit);
    QFETCH(int, entries);
    QFETCH(bool, truncated);
    InternalCache cache;
    QVERIFY(cache.shardCount() > 1); // the smallest keys come from every shard
    QList<QByteArray> keys;
    for (int i = 0; i < 200; ++i) {
        keys.append("n:" + QByteArray::number(1000 + (i * 7919) % 200));
        QVERIFY(cache.storeNow(keys.last(), "v", 60000).ok);
    }
    std::sort(keys.begin(), keys.end());
    const CacheListing listing = cache.listNow("n:", limit);
    QVERIFY(listing.ok);
    QCOMPARE(keysOf(listing), keys.mid(0, entries));
    QCOMPARE(listing.truncated, truncated);
}

void TestInternalCache::valueStorage_data()
{
    QTest::addColumn<QByteArray>("value");
    QTest::addColumn<bool>("shared");
    QTest::newRow("exact buffer: shared, not copied") << QByteArray(1024, 'x') << true;
    QByteArray spare;
    spare.reserve(64 * 1024);
    spare.append("small body");
    QTest::newRow("spare capacity: compacted") << spare << false;
    static const char borrowed[] = "borrowed bytes";
    QTest::newRow("raw data: copied") << QByteArray::fromRawData(borrowed, sizeof(borrowed) - 1) << false;
}

void TestInternalCache::valueStorage()
{
    QFETCH(QByteArray, value);
    QFETCH(bool, shared);
    InternalCache cache;
    QVERIFY(cache.storeNow("k", value, 60000).ok);
    const QByteArray first = cache.lookupNow("k")->value;
    const QByteArray second = cache.lookupNow("k")->value;
    QCOMPARE(first, value);
    QCOMPARE(first.constData() == value.constData(), shared);
    QCOMPARE(second.constData(), first.constData()); // hits share the stored buffer
    QVERIFY2(first.capacity() - first.size() <= 32 + first.size() / 64, qPrintable(QString::number(first.capacity())));
}

void TestInternalCache::synchronousCallbacks()
{
    InternalCache cache;
    QObject context;
    int calls = 0;
    cache.store("k", "v", 1000, &context, [&calls](CacheWrite w) { calls += w.ok ? 1 : 100; });
    QCOMPARE(calls, 1); // before store() returned
    cache.lookup("k", &context, [&calls](CacheLookup l) { calls += l.status == CacheLookup::Status::Hit ? 1 : 100; });
    QCOMPARE(calls, 2);
    cache.list("", 10, &context, [&calls](CacheListing l) { calls += l.entries.size() == 1 ? 1 : 100; });
    QCOMPARE(calls, 3);
    cache.remove("k", &context, [&calls](CacheWrite w) { calls += w.count == 1 ? 1 : 100; });
    QCOMPARE(calls, 4);
    cache.purge("", &context, [&calls](CacheWrite w) { calls += w.count == 0 ? 1 : 100; });
    QCOMPARE(calls, 5);
    // An empty callback is allowed.
    cache.store("k", "v", 1000, &context, {});
    QVERIFY(isHit(cache, "k"));
}

void TestInternalCache::nullContextDoesNothingVisible()
{
    InternalCache cache;
    bool called = false;
    cache.store("k", "v", 1000, nullptr, [&called](CacheWrite) { called = true; });
    QVERIFY(isHit(cache, "k"));
    cache.lookup("k", nullptr, [&called](CacheLookup) { called = true; });
    cache.list("", 10, nullptr, [&called](CacheListing) { called = true; });
    cache.purge("", nullptr, [&called](CacheWrite) { called = true; });
    QVERIFY(!isHit(cache, "k"));
    QCoreApplication::processEvents();
    QVERIFY(!called);
}

void TestInternalCache::otherThreadCallbackIsQueued()
{
    InternalCache cache;
    QObject context; // lives in the main thread
    std::atomic<int> calls {0};
    QThread *callbackThread = nullptr;
    std::thread caller([&] {
        cache.store("k", "v", 60000, &context, [&](CacheWrite w) {
            callbackThread = QThread::currentThread();
            calls.fetch_add(w.ok ? 1 : 100);
        });
    });
    caller.join();
    QCOMPARE(calls.load(), 0); // queued to the context's thread, not run on the caller's
    QVERIFY(isHit(cache, "k"));
    QTRY_COMPARE(calls.load(), 1);
    QCOMPARE(callbackThread, QThread::currentThread());
}

void TestInternalCache::deadContextGetsNoCallback()
{
    InternalCache cache;
    auto context = std::make_unique<QObject>();
    std::atomic<int> calls {0};
    std::thread caller([&] {
        cache.lookup("k", context.get(), [&calls](CacheLookup) { calls.fetch_add(1); });
        cache.store("k", "v", 60000, context.get(), [&calls](CacheWrite) { calls.fetch_add(1); });
    });
    caller.join();
    context.reset();
    QCoreApplication::sendPostedEvents();
    QCoreApplication::processEvents();
    QCOMPARE(calls.load(), 0);
    QVERIFY(isHit(cache, "k")); // the store itself happened
}

void TestInternalCache::concurrentThreads()
{
    ManualClock clock;
    InternalCacheOptions options;
    options.capacityBytes = 1024 * 1024;
    options.maxEntryBytes = 4096;
    options.clock = clock.function();
    InternalCache cache(options);
    QVERIFY(cache.shardCount() > 1);

    constexpr int threadCount = 4;
    constexpr int operations = 20000;
    std::atomic<int> wrongValues {0};
    std::atomic<int> failedStores {0};
    std::atomic<int> hits {0};
    std::atomic<bool> stop {false};
    std::vector<std::unique_ptr<QThread>> threads;
    for (int t = 0; t < threadCount; ++t) {
        threads.emplace_back(QThread::create([&, t] {
            QRandomGenerator random(quint32(100 + t));
            QObject context; // in this thread: callbacks run synchronously
            const QByteArray own = "t" + QByteArray::number(t) + ':';
            for (int i = 0; i < operations; ++i) {
                const bool shared = random.bounded(2) == 0;
                const QByteArray key = (shared ? QByteArrayLiteral("shared:") : own)
                    + QByteArray::number(random.bounded(shared ? 64 : 256));
                const int op = random.bounded(10);
                if (op < 4) {
                    const qint64 ttl = random.bounded(5) == 0 ? 5 : 60000;
                    if (!cache.storeNow(key, valueFor(key, random.bounded(4000)), ttl).ok)
                        failedStores.fetch_add(1);
                } else if (op < 7) {
                    const std::optional<CacheLookup> hit = cache.lookupNow(key);
                    if (hit->status == CacheLookup::Status::Hit) {
                        hits.fetch_add(1);
                        if (!hit->value.startsWith(key + '='))
                            wrongValues.fetch_add(1);
                    }
                } else if (op < 8) {
                    cache.lookup(key, &context, [&](CacheLookup r) {
                        if (r.status == CacheLookup::Status::Hit && !r.value.startsWith(key + '='))
                            wrongValues.fetch_add(1);
                    });
                } else if (op < 9) {
                    cache.removeNow(key);
                } else {
                    clock.advance(1);
                }
            }
        }));
    }
    // One more thread inspects while the others write.
    threads.emplace_back(QThread::create([&] {
        while (!stop.load()) {
            const CacheListing listing = cache.listNow("shared:", 20);
            for (qsizetype i = 1; i < listing.entries.size(); ++i) {
                if (!(listing.entries.at(i - 1).key < listing.entries.at(i).key))
                    wrongValues.fetch_add(1);
            }
            cache.purgeNow("t3:1");
            (void)cache.stats();
        }
    }));
    for (auto &thread : threads)
        thread->start();
    for (int t = 0; t < threadCount; ++t)
        QVERIFY(threads[std::size_t(t)]->wait(60000));
    stop.store(true);
    QVERIFY(threads.back()->wait(60000));

    QCOMPARE(wrongValues.load(), 0);
    QCOMPARE(failedStores.load(), 0);
    QVERIFY(hits.load() > 0);
    const InternalCacheStats stats = cache.stats();
    QVERIFY(stats.bytes <= options.capacityBytes);
    QVERIFY(stats.evictions > 0);
    QVERIFY(stats.expirations > 0);
    // Quiet now: the per-shard figures agree with what is stored.
    clock.advance(-1000000); // nothing is expired when listed
    const CacheListing all = cache.listNow({}, std::numeric_limits<int>::max());
    QCOMPARE(all.entries.size(), stats.entries);
    QCOMPARE(chargedBytes(all), stats.bytes);
    QCOMPARE(cache.purgeNow({}).count, stats.entries);
    QCOMPARE(cache.stats().bytes, 0);
}

void TestInternalCache::metricsRegistered()
{
    MetricsRegistry registry;
    ManualClock clock;
    InternalCacheOptions options = oneShard(2, 10, &clock);
    InternalCache cache(options, &registry);
    QVERIFY(cache.storeNow("aa", QByteArray(10, 'a'), 10).ok);
    QVERIFY(cache.storeNow("bb", QByteArray(10, 'b'), 10000).ok);
    QVERIFY(cache.storeNow("cc", QByteArray(10, 'c'), 10000).ok); // evicts aa (still live)
    QVERIFY(cache.storeNow("dd", QByteArray(3, 'd'), 5).ok); // evicts bb
    clock.advance(5);
    QCOMPARE(cache.lookupNow("dd")->status, CacheLookup::Status::Miss); // expired

    const InternalCacheStats stats = cache.stats();
    QCOMPARE(stats.entries, 1);
    QCOMPARE(stats.evictions, 2u);
    QCOMPARE(stats.expirations, 1u);

    const MetricsSnapshot snapshot = registry.snapshot();
    const QStringList internal {QStringLiteral("internal")};
    QCOMPARE(snapshot.value(QStringLiteral("sluice_cache_entries"), internal), std::optional<double>(1.0));
    QCOMPARE(snapshot.value(QStringLiteral("sluice_cache_bytes"), internal),
             std::optional<double>(double(stats.bytes)));
    QCOMPARE(snapshot.value(QStringLiteral("sluice_cache_capacity_bytes"), internal),
             std::optional<double>(double(options.capacityBytes)));
    QCOMPARE(snapshot.value(QStringLiteral("sluice_cache_evictions_total"), internal), std::optional<double>(2.0));
    QCOMPARE(snapshot.value(QStringLiteral("sluice_cache_expirations_total"), internal), std::optional<double>(1.0));
    const MetricFamilySnapshot *entries = snapshot.family(QStringLiteral("sluice_cache_entries"));
    QVERIFY(entries);
    QCOMPARE(entries->type, MetricType::Gauge);
    QCOMPARE(entries->labelNames, QStringList {QStringLiteral("cache")});
    QCOMPARE(snapshot.family(QStringLiteral("sluice_cache_evictions_total"))->type, MetricType::Counter);

    const QByteArray text = registry.prometheusText();
    QVERIFY2(text.contains("sluice_cache_entries{cache=\"internal\"} 1\n"), text.constData());
    QVERIFY(text.contains("sluice_cache_bytes{cache=\"internal\"} " + QByteArray::number(stats.bytes) + '\n'));
    QVERIFY(text.contains("sluice_cache_capacity_bytes{cache=\"internal\"} " + QByteArray::number(options.capacityBytes)
                          + '\n'));
    QVERIFY(text.contains("sluice_cache_evictions_total{cache=\"internal\"} 2\n"));
    QVERIFY(text.contains("sluice_cache_expirations_total{cache=\"internal\"} 1\n"));
    QVERIFY(text.contains("# TYPE sluice_cache_evictions_total counter\n"));
}

void TestInternalCache::metricsOfTwoCaches()
{
    MetricsRegistry registry;
    const QStringList internal {QStringLiteral("internal")};
    InternalCacheOptions options;
    options.capacityBytes = 64 * 1024 * 1024;
    InternalCache first(options, &registry);
    QVERIFY(first.storeNow("a", "1", 60000).ok);
    {
        InternalCache second(options, &registry);
        QVERIFY(second.storeNow("b", "22", 60000).ok);
        const MetricsSnapshot both = registry.snapshot();
        QCOMPARE(both.value(QStringLiteral("sluice_cache_entries"), internal), std::optional<double>(2.0));
        QCOMPARE(both.value(QStringLiteral("sluice_cache_capacity_bytes"), internal),
                 std::optional<double>(2.0 * double(options.capacityBytes)));
    }
    // The gone cache's share is taken back.
    const MetricsSnapshot one = registry.snapshot();
    QCOMPARE(one.value(QStringLiteral("sluice_cache_entries"), internal), std::optional<double>(1.0));
    QCOMPARE(one.value(QStringLiteral("sluice_cache_bytes"), internal),
             std::optional<double>(double(InternalCache::chargeFor(1, 1))));
    QCOMPARE(one.value(QStringLiteral("sluice_cache_capacity_bytes"), internal),
             std::optional<double>(double(options.capacityBytes)));
    // A cache without a registry keeps its own figures only.
    InternalCache alone;
    QVERIFY(alone.storeNow("c", "3", 60000).ok);
    QCOMPARE(alone.stats().entries, 1);
    QCOMPARE(registry.snapshot().value(QStringLiteral("sluice_cache_entries"), internal), std::optional<double>(1.0));
}

QTEST_GUILESS_MAIN(TestInternalCache)
#include "tst_internalcache.moc"
