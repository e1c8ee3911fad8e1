// The contract of CacheStore (core/cache/CacheStore.h): every case runs once
// per store in storeFactories(), so each store behaves the same for the
// caching policies. Store-specific behaviour (LRU, budget, injected clock) is
// tested in the store's own test (tst_internalcache).

#include "cache/CacheStore.h"
#include "RedisServer.h"
#include "cache/InternalCache.h"
#include "cache/RedisCache.h"

#include <QCoreApplication>
#include <QObject>
#include <QTest>
#include <QThread>

#include <atomic>
#include <functional>
#include <memory>
#include <optional>

using namespace sluice;
using sluice::test::RedisServer;

namespace {

// ---------------------------------------------------------------------------
// The stores under test. Every test case runs once per factory; the factory's
// name is the first part of each data tag ("internal/binary").
//
// To add a store (for example the Redis-backed RedisCache), append one
// CacheStoreFactory below:
//   - `make` returns a NEW, EMPTY store ready for use on the calling (main)
//     thread. An external store must not see entries of earlier cases: start
//     its server once (capture it in a static or shared_ptr, on a free
//     loopback port) and select/flush a fresh database in `make`. Return
//     nullptr when the store cannot be created; the case then fails.
//   - `maxValueBytes`: the largest value the store accepts (it is configured
//     with it); one byte more must be refused.
//   - `external`: what isExternal() answers.
// The cases use real time only (short real TTLs and QTRY_*), never an injected
// clock, because an external store expires entries on its own clock.
// ---------------------------------------------------------------------------
struct CacheStoreFactory
{
    QString name;
    qint64 maxValueBytes = 0;
    bool external = false;
    std::function<std::unique_ptr<CacheStore>()> make;
};

constexpr qint64 internalMaxValueBytes = 256 * 1024;

QList<CacheStoreFactory> storeFactories()
{
    QList<CacheStoreFactory> factories;
    factories.append({QStringLiteral("internal"), internalMaxValueBytes, false, [] {
                          InternalCacheOptions options;
                          options.capacityBytes = 16 * 1024 * 1024;
                          options.maxEntryBytes = internalMaxValueBytes;
                          return std::unique_ptr<CacheStore>(std::make_unique<InternalCache>(options));
                      }});
    // RedisCache against a real redis-server started once for the run, flushed for each case.
    factories.append({QStringLiteral("redis"), internalMaxValueBytes, true, []() -> std::unique_ptr<CacheStore> {
                          static RedisServer *server = [] {
                              auto *s = new RedisServer();
                              if (!s->start())
                                  qWarning("redis-server did not start: %s", qPrintable(s->errorText()));
                              qAddPostRoutine([] { delete server; });
                              return s;
                          }();
                          if (!server->isRunning())
                              return nullptr;
                          server->cli({QStringLiteral("FLUSHALL")});
                          auto store = std::make_unique<RedisCache>(QStringLiteral("redis"),
                                                                    server->connectionOptions(), nullptr, nullptr,
                                                                    internalMaxValueBytes);
                          store->start();
                          RedisCache *raw = store.get();
                          if (!QTest::qWaitFor([raw] { return raw->isConnected(); }, 5000))
                              return nullptr;
                          return store;
                      }});
    return factories;
}

constexpr int callbackTimeoutMs = 5000;
constexpr qint64 longTtlMs = 10 * 60 * 1000;

// Runs one asynchronous operation with a context on the calling thread and
// waits (processing events, never sleeping) for its callback. nullopt when
// the callback did not come in time; the context then dies, so a late
// callback is never called.
template<typename Result, typename Start> std::optional<Result> await(Start start)
{
    std::optional<Result> result;
    QObject context;
    start(&context, [&result](Result r) { result = std::move(r); });
    if (!result && !QTest::qWaitFor([&result] { return result.has_value(); }, callbackTimeoutMs))
        return std::nullopt;
    return result;
}

std::optional<CacheLookup> lookupOf(CacheStore &store, const QByteArray &key)
{
    return await<CacheLookup>([&](QObject *context, auto done) { store.lookup(key, context, done); });
}

std::optional<CacheWrite> storeOf(CacheStore &store, const QByteArray &key, const QByteArray &value,
                                  qint64 ttlMs = longTtlMs)
{
    return await<CacheWrite>([&](QObject *context, auto done) { store.store(key, value, ttlMs, context, done); });
}

std::optional<CacheWrite> removeOf(CacheStore &store, const QByteArray &key)
{
    return await<CacheWrite>([&](QObject *context, auto done) { store.remove(key, context, done); });
}

std::optional<CacheListing> listOf(CacheStore &store, const QByteArray &prefix, int limit)
{
    return await<CacheListing>([&](QObject *context, auto done) { store.list(prefix, limit, context, done); });
}

std::optional<CacheWrite> purgeOf(CacheStore &store, const QByteArray &prefix)
{
    return await<CacheWrite>([&](QObject *context, auto done) { store.purge(prefix, context, done); });
}

// What a missing callback counts as: a failed write with count -1.
CacheWrite failedWrite()
{
    CacheWrite write;
    write.ok = false;
    write.count = -1;
    write.error = QStringLiteral("no callback");
    return write;
}

bool isHit(const std::optional<CacheLookup> &lookup)
{
    return lookup && lookup->status == CacheLookup::Status::Hit;
}

bool isMiss(const std::optional<CacheLookup> &lookup)
{
    return lookup && lookup->status == CacheLookup::Status::Miss;
}

QList<QByteArray> keysOf(const CacheListing &listing)
{
    QList<QByteArray> keys;
    for (const CacheEntryInfo &entry : listing.entries)
        keys.append(entry.key);
    return keys;
}

QByteArray binaryBytes()
{
    QByteArray bytes;
    for (int i = 0; i < 512; ++i)
        bytes.append(char(i % 256));
    bytes.append('\0');
    bytes.append('\xff');
    return bytes;
}

} // namespace

class TestCacheStoreContract : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void identity_data() { addStoreRows(); }
    void identity();
    void miss_data() { addStoreRows(); }
    void miss();
    void storeAndHit_data();
    void storeAndHit();
    void overwrite_data() { addStoreRows(); }
    void overwrite();
    void remainingTtlDecreases_data() { addStoreRows(); }
    void remainingTtlDecreases();
    void expiry_data() { addStoreRows(); }
    void expiry();
    void removeCountsOnce_data() { addStoreRows(); }
    void removeCountsOnce();
    void keysWithAnyByte_data();
    void keysWithAnyByte();
    void listByPrefix_data();
    void listByPrefix();
    void listSizesAndTtl_data() { addStoreRows(); }
    void listSizesAndTtl();
    void purgeByPrefix_data() { addStoreRows(); }
    void purgeByPrefix();
    void purgeAll_data() { addStoreRows(); }
    void purgeAll();
    void callbackOnContextThread_data();
    void callbackOnContextThread();
    void nullContextStillStores_data() { addStoreRows(); }
    void nullContextStillStores();
    void largeValueRefused_data() { addStoreRows(); }
    void largeValueRefused();

private:
    // Adds the "store" column and one row per factory (tag = factory name), or
    // for each factory one row per `rows` entry (tag = factory/row) when
    // `addRow` is given: addRow(factoryIndex, factory) adds that factory's rows.
    static void addStoreRows();
    static void addStoreRows(const std::function<void(int, const CacheStoreFactory &)> &addRows);
    static std::unique_ptr<CacheStore> makeStore(int index);
};

void TestCacheStoreContract::addStoreRows()
{
    QTest::addColumn<int>("store");
    const QList<CacheStoreFactory> factories = storeFactories();
    for (int i = 0; i < factories.size(); ++i)
        QTest::newRow(qPrintable(factories.at(i).name)) << i;
}

void TestCacheStoreContract::addStoreRows(const std::function<void(int, const CacheStoreFactory &)> &addRows)
{
    QTest::addColumn<int>("store");
    const QList<CacheStoreFactory> factories = storeFactories();
    for (int i = 0; i < factories.size(); ++i)
        addRows(i, factories.at(i));
}

std::unique_ptr<CacheStore> TestCacheStoreContract::makeStore(int index)
{
    const QList<CacheStoreFactory> factories = storeFactories();
    if (index < 0 || index >= factories.size())
        return nullptr;
    return factories.at(index).make();
}

#define MAKE_STORE(var)                                                                                                \
    QFETCH(int, store);                                                                                                \
    const std::unique_ptr<CacheStore> var = makeStore(store);                                                          \
    QVERIFY2(var, "the factory could not create the store")

void TestCacheStoreContract::identity()
{
    MAKE_STORE(cache);
    QVERIFY(!cache->name().isEmpty());
    QCOMPARE(cache->isExternal(), storeFactories().at(store).external);
}

void TestCacheStoreContract::miss()
{
    MAKE_STORE(cache);
    const std::optional<CacheLookup> lookup = lookupOf(*cache, QByteArrayLiteral("never-stored"));
    QVERIFY(lookup);
    QCOMPARE(lookup->status, CacheLookup::Status::Miss);
    QVERIFY(lookup->value.isEmpty());
    const std::optional<CacheLookup> now = cache->lookupNow(QByteArrayLiteral("never-stored"));
    if (now)
        QCOMPARE(now->status, CacheLookup::Status::Miss);
}

void TestCacheStoreContract::storeAndHit_data()
{
    addStoreRows([](int index, const CacheStoreFactory &factory) {
        QTest::addColumn<QByteArray>("value");
        const auto row = [&](const char *tag, const QByteArray &value) {
            QTest::addRow("%s/%s", qPrintable(factory.name), tag) << index << value;
        };
        row("text", QByteArrayLiteral("{\"id\":42,\"name\":\"widget\"}"));
        row("binary", binaryBytes());
        row("nul only", QByteArray(3, '\0'));
        row("0xff only", QByteArray(5, '\xff'));
        row("empty", QByteArray());
        row("utf8", QStringLiteral("gr\u00fc\u00dfe \u2603").toUtf8());
        row("largest accepted", QByteArray(factory.maxValueBytes, 'v'));
    });
}

void TestCacheStoreContract::storeAndHit()
{
    MAKE_STORE(cache);
    QFETCH(QByteArray, value);
    const QByteArray key = QByteArrayLiteral("hit:key");
    const qint64 ttlMs = 60000;
    const std::optional<CacheWrite> write = storeOf(*cache, key, value, ttlMs);
    QVERIFY(write);
    QVERIFY2(write->ok, qPrintable(write->error));

    const std::optional<CacheLookup> lookup = lookupOf(*cache, key);
    QVERIFY(isHit(lookup));
    QCOMPARE(lookup->value.size(), value.size());
    QCOMPARE(lookup->value, value);
    QVERIFY(lookup->ttlMs > 0);
    QVERIFY(lookup->ttlMs <= ttlMs);

    const std::optional<CacheLookup> now = cache->lookupNow(key);
    if (now) {
        QCOMPARE(now->status, CacheLookup::Status::Hit);
        QCOMPARE(now->value, value);
    }
}

void TestCacheStoreContract::overwrite()
{
    MAKE_STORE(cache);
    const QByteArray key = QByteArrayLiteral("overwrite");
    QVERIFY(storeOf(*cache, key, QByteArrayLiteral("first, a longer value"), 5000).value_or(failedWrite()).ok);
    QVERIFY(storeOf(*cache, key, QByteArrayLiteral("second"), longTtlMs).value_or(failedWrite()).ok);
    const std::optional<CacheLookup> lookup = lookupOf(*cache, key);
    QVERIFY(isHit(lookup));
    QCOMPARE(lookup->value, QByteArrayLiteral("second"));
    QVERIFY2(lookup->ttlMs > 5000, "the second store's time to live replaces the first");

    const std::optional<CacheListing> listing = listOf(*cache, key, 10);
    QVERIFY(listing && listing->ok);
    QCOMPARE(listing->entries.size(), 1);
    QCOMPARE(listing->entries.first().sizeBytes, key.size() + 6);
}

void TestCacheStoreContract::remainingTtlDecreases()
{
    MAKE_STORE(cache);
    const QByteArray key = QByteArrayLiteral("ttl");
    const qint64 ttlMs = 10000;
    QVERIFY(storeOf(*cache, key, QByteArrayLiteral("v"), ttlMs).value_or(failedWrite()).ok);
    const std::optional<CacheLookup> first = lookupOf(*cache, key);
    QVERIFY(isHit(first));
    QVERIFY(first->ttlMs > 0);
    QVERIFY(first->ttlMs <= ttlMs);
    qint64 later = first->ttlMs;
    QTRY_VERIFY_WITH_TIMEOUT((later = lookupOf(*cache, key).value_or(CacheLookup {}).ttlMs) < first->ttlMs, 5000);
    QVERIFY(later > 0);
}

void TestCacheStoreContract::expiry()
{
    MAKE_STORE(cache);
    const QByteArray key = QByteArrayLiteral("expires");
    const qint64 ttlMs = 500; // short, yet long enough for the first lookup on a loaded machine
    QVERIFY(storeOf(*cache, key, QByteArrayLiteral("short-lived"), ttlMs).value_or(failedWrite()).ok);
    QVERIFY(storeOf(*cache, QByteArrayLiteral("stays"), QByteArrayLiteral("v")).value_or(failedWrite()).ok);
    const std::optional<CacheLookup> lookup = lookupOf(*cache, key);
    QVERIFY(isHit(lookup));
    QVERIFY(lookup->ttlMs <= ttlMs);

    QTRY_VERIFY_WITH_TIMEOUT(isMiss(lookupOf(*cache, key)), 5000);
    const std::optional<CacheListing> listing = listOf(*cache, QByteArray(), 10);
    QVERIFY(listing && listing->ok);
    QCOMPARE(keysOf(*listing), QList<QByteArray> {QByteArrayLiteral("stays")});
    QCOMPARE(removeOf(*cache, key).value_or(failedWrite()).count, 0);
}

void TestCacheStoreContract::removeCountsOnce()
{
    MAKE_STORE(cache);
    const QByteArray key = QByteArrayLiteral("remove-me");
    QVERIFY(storeOf(*cache, key, QByteArrayLiteral("v")).value_or(failedWrite()).ok);
    QVERIFY(storeOf(*cache, QByteArrayLiteral("remove-me-not"), QByteArrayLiteral("v")).value_or(failedWrite()).ok);

    std::optional<CacheWrite> removed = removeOf(*cache, key);
    QVERIFY(removed && removed->ok);
    QCOMPARE(removed->count, 1);
    QVERIFY(isMiss(lookupOf(*cache, key)));
    QVERIFY(isHit(lookupOf(*cache, QByteArrayLiteral("remove-me-not"))));

    removed = removeOf(*cache, key);
    QVERIFY(removed && removed->ok);
    QCOMPARE(removed->count, 0);
}

void TestCacheStoreContract::keysWithAnyByte_data()
{
    addStoreRows([](int index, const CacheStoreFactory &factory) {
        QTest::addColumn<QByteArray>("key");
        const auto row = [&](const char *tag, const QByteArray &key) {
            QTest::addRow("%s/%s", qPrintable(factory.name), tag) << index << key;
        };
        row("nul", QByteArray("a\0b\0", 4));
        row("0xff and high bytes", QByteArray("\xff\xfe\x80k", 4));
        row("whitespace and CRLF", QByteArrayLiteral(" key with\r\nnew line\t"));
        row("glob characters", QByteArrayLiteral("*?[a-z]\\*{x}"));
        row("resp-like", QByteArrayLiteral("*1\r\n$4\r\nPING\r\n"));
        row("utf8", QStringLiteral("cl\u00e9/\u65e5\u672c").toUtf8());
        row("single byte", QByteArrayLiteral("k"));
        row("long", QByteArray(4096, 'x') + "end");
        row("all bytes", [] {
            QByteArray all;
            for (int i = 255; i >= 0; --i)
                all.append(char(i));
            return all;
        }());
    });
}

void TestCacheStoreContract::keysWithAnyByte()
{
    MAKE_STORE(cache);
    QFETCH(QByteArray, key);
    const QByteArray value = QByteArrayLiteral("value of ") + key;
    QVERIFY(storeOf(*cache, key, value).value_or(failedWrite()).ok);

    const std::optional<CacheLookup> lookup = lookupOf(*cache, key);
    QVERIFY(isHit(lookup));
    QCOMPARE(lookup->value, value);
    QVERIFY(isMiss(lookupOf(*cache, key + 'x')));
    QVERIFY(isMiss(lookupOf(*cache, key.left(key.size() - 1))));

    const std::optional<CacheListing> listing = listOf(*cache, key, 10);
    QVERIFY(listing && listing->ok);
    QCOMPARE(keysOf(*listing), QList<QByteArray> {key});
    QCOMPARE(listing->entries.first().sizeBytes, key.size() + value.size());

    QCOMPARE(removeOf(*cache, key).value_or(failedWrite()).count, 1);
    QVERIFY(isMiss(lookupOf(*cache, key)));
}

void TestCacheStoreContract::listByPrefix_data()
{
    addStoreRows([](int index, const CacheStoreFactory &factory) {
        QTest::addColumn<QByteArray>("prefix");
        QTest::addColumn<int>("limit");
        QTest::addColumn<QList<QByteArray>>("expected");
        QTest::addColumn<bool>("truncated");
        const auto row = [&](const char *tag, const QByteArray &prefix, int limit, const QList<QByteArray> &keys,
                             bool truncated) {
            QTest::addRow("%s/%s", qPrintable(factory.name), tag) << index << prefix << limit << keys << truncated;
        };
        using L = QList<QByteArray>;
        const QByteArray a = "list:a", ab = "list:ab", b = "list:b", c = "list:c", high = "list:\xff";
        row("all under prefix", "list:", 100, L {a, ab, b, c, high}, false);
        row("limit cuts", "list:", 2, L {a, ab}, true);
        row("limit exact", "list:", 5, L {a, ab, b, c, high}, false);
        row("longer prefix", "list:a", 10, L {a, ab}, false);
        row("exact key as prefix", "list:c", 10, L {c}, false);
        row("no match", "nothing:", 10, L {}, false);
        row("limit zero", "list:", 0, L {}, true);
        row("glob star is literal", "glob*", 10, L {"glob*1", "glob*2"}, false);
        row("glob question is literal", "glob?", 10, L {"glob?"}, false);
        row("empty prefix", "", 3, L {"glob*1", "glob*2", "glob?"}, true);
    });
}

void TestCacheStoreContract::listByPrefix()
{
    MAKE_STORE(cache);
    QFETCH(QByteArray, prefix);
    QFETCH(int, limit);
    QFETCH(QList<QByteArray>, expected);
    QFETCH(bool, truncated);
    // Stored out of order, so that sorting is the store's work.
    const QList<QByteArray> keys {"list:c", "list:\xff", "list:a", "other:a", "list:b", "list:ab",
                                  "glob?",  "globX1",    "glob*2", "glob*1",  "lisT:a"};
    for (const QByteArray &key : keys)
        QVERIFY(storeOf(*cache, key, QByteArrayLiteral("value")).value_or(failedWrite()).ok);

    const std::optional<CacheListing> listing = listOf(*cache, prefix, limit);
    QVERIFY(listing);
    QVERIFY2(listing->ok, qPrintable(listing->error));
    QCOMPARE(keysOf(*listing), expected);
    QCOMPARE(listing->truncated, truncated);
}

void TestCacheStoreContract::listSizesAndTtl()
{
    MAKE_STORE(cache);
    QVERIFY(storeOf(*cache, "size:empty", QByteArray(), 60000).value_or(failedWrite()).ok);
    QVERIFY(storeOf(*cache, "size:kib", QByteArray(1024, 'k'), 120000).value_or(failedWrite()).ok);
    QVERIFY(storeOf(*cache, "size:bin", binaryBytes(), 30000).value_or(failedWrite()).ok);

    const std::optional<CacheListing> listing = listOf(*cache, "size:", 10);
    QVERIFY(listing && listing->ok);
    QCOMPARE(keysOf(*listing), (QList<QByteArray> {"size:bin", "size:empty", "size:kib"}));
    const QList<qint64> sizes {8 + binaryBytes().size(), 10, 8 + 1024};
    const QList<qint64> ttls {30000, 60000, 120000};
    for (int i = 0; i < 3; ++i) {
        const CacheEntryInfo &entry = listing->entries.at(i);
        QCOMPARE(entry.sizeBytes, sizes.at(i));
        QVERIFY2(entry.ttlMs > 0 && entry.ttlMs <= ttls.at(i), qPrintable(QString::number(entry.ttlMs)));
        QVERIFY2(entry.ttlMs > ttls.at(i) - 5000, "remaining time to live, not elapsed time");
    }
}

void TestCacheStoreContract::purgeByPrefix()
{
    MAKE_STORE(cache);
    const QList<QByteArray> purged {"p:1", "p:2", QByteArray("p:3\0x", 5), "p:"};
    const QList<QByteArray> kept {"q:1", "P:1", "pX", "p"};
    for (const QByteArray &key : purged + kept)
        QVERIFY(storeOf(*cache, key, QByteArrayLiteral("v")).value_or(failedWrite()).ok);
    QVERIFY(storeOf(*cache, "p*", QByteArrayLiteral("v")).value_or(failedWrite()).ok);

    std::optional<CacheWrite> result = purgeOf(*cache, "p*");
    QVERIFY(result && result->ok);
    QCOMPARE(result->count, 1); // the literal key "p*", not a pattern

    result = purgeOf(*cache, "p:");
    QVERIFY(result && result->ok);
    QCOMPARE(result->count, purged.size());
    for (const QByteArray &key : purged)
        QVERIFY2(isMiss(lookupOf(*cache, key)), key.constData());
    for (const QByteArray &key : kept)
        QVERIFY2(isHit(lookupOf(*cache, key)), key.constData());

    result = purgeOf(*cache, "p:");
    QVERIFY(result && result->ok);
    QCOMPARE(result->count, 0);
}

void TestCacheStoreContract::purgeAll()
{
    MAKE_STORE(cache);
    for (int i = 0; i < 25; ++i)
        QVERIFY(storeOf(*cache, "all:" + QByteArray::number(i), QByteArray(i, 'a')).value_or(failedWrite()).ok);
    std::optional<CacheWrite> result = purgeOf(*cache, QByteArray());
    QVERIFY(result && result->ok);
    QCOMPARE(result->count, 25);
    const std::optional<CacheListing> listing = listOf(*cache, QByteArray(), 100);
    QVERIFY(listing && listing->ok);
    QVERIFY(listing->entries.isEmpty());
    QVERIFY(!listing->truncated);
    QVERIFY(isMiss(lookupOf(*cache, "all:3")));
    result = purgeOf(*cache, QByteArray());
    QVERIFY(result && result->ok);
    QCOMPARE(result->count, 0);
}

void TestCacheStoreContract::callbackOnContextThread_data()
{
    addStoreRows([](int index, const CacheStoreFactory &factory) {
        QTest::addColumn<bool>("workerThread");
        QTest::addRow("%s/main thread", qPrintable(factory.name)) << index << false;
        QTest::addRow("%s/worker thread", qPrintable(factory.name)) << index << true;
    });
}

void TestCacheStoreContract::callbackOnContextThread()
{
    MAKE_STORE(cache);
    QFETCH(bool, workerThread);
    QThread worker;
    worker.setObjectName(QStringLiteral("cache contract worker"));
    QObject context;
    if (workerThread) {
        worker.start();
        context.moveToThread(&worker);
    }
    QThread *const expected = workerThread ? &worker : QThread::currentThread();

    // Each operation is started on the context's thread (the interface's rule)
    // and records the thread its callback runs on. `threads` is written on the
    // worker and read here after `done` (an atomic) says so.
    QList<QThread *> threads;
    std::atomic<int> done {0};
    const auto counted = [&threads, &done](auto) {
        threads.append(QThread::currentThread());
        done.fetch_add(1);
    };
    CacheStore *const target = cache.get();
    const auto run = [&](std::function<void()> operation) {
        if (workerThread)
            QMetaObject::invokeMethod(&context, std::move(operation), Qt::BlockingQueuedConnection);
        else
            operation();
    };
    run([&] { target->store("thread:k", "v", longTtlMs, &context, CacheStore::WriteCallback(counted)); });
    QTRY_COMPARE_WITH_TIMEOUT(done.load(), 1, callbackTimeoutMs);
    run([&] { target->lookup("thread:k", &context, CacheStore::LookupCallback(counted)); });
    QTRY_COMPARE_WITH_TIMEOUT(done.load(), 2, callbackTimeoutMs);
    run([&] { target->list("thread:", 10, &context, CacheStore::ListCallback(counted)); });
    QTRY_COMPARE_WITH_TIMEOUT(done.load(), 3, callbackTimeoutMs);
    run([&] { target->remove("thread:k", &context, CacheStore::WriteCallback(counted)); });
    QTRY_COMPARE_WITH_TIMEOUT(done.load(), 4, callbackTimeoutMs);
    run([&] { target->purge("thread:", &context, CacheStore::WriteCallback(counted)); });
    QTRY_COMPARE_WITH_TIMEOUT(done.load(), 5, callbackTimeoutMs);

    if (workerThread) {
        QMetaObject::invokeMethod(
            &context, [&context] { context.moveToThread(QCoreApplication::instance()->thread()); },
            Qt::BlockingQueuedConnection);
        worker.quit();
        QVERIFY(worker.wait(callbackTimeoutMs));
    }
    QCOMPARE(threads.size(), 5);
    for (QThread *thread : threads)
        QCOMPARE(thread, expected);
}

void TestCacheStoreContract::nullContextStillStores()
{
    MAKE_STORE(cache);
    bool called = false;
    cache->store("fire-and-forget", "v", longTtlMs, nullptr, [&called](CacheWrite) { called = true; });
    QTRY_VERIFY_WITH_TIMEOUT(isHit(lookupOf(*cache, "fire-and-forget")), callbackTimeoutMs);
    cache->remove("fire-and-forget", nullptr, [&called](CacheWrite) { called = true; });
    QTRY_VERIFY_WITH_TIMEOUT(isMiss(lookupOf(*cache, "fire-and-forget")), callbackTimeoutMs);
    QVERIFY(!called);
}

void TestCacheStoreContract::largeValueRefused()
{
    MAKE_STORE(cache);
    const qint64 limit = storeFactories().at(store).maxValueBytes;
    const std::optional<CacheWrite> write = storeOf(*cache, "too-large", QByteArray(limit + 1, 'x'));
    QVERIFY(write);
    QVERIFY(!write->ok);
    QVERIFY(!write->error.isEmpty());
    QVERIFY2(write->error.contains(QString::number(limit + 1)), qPrintable(write->error));
    QVERIFY(isMiss(lookupOf(*cache, "too-large")));
}

QTEST_GUILESS_MAIN(TestCacheStoreContract)
#include "tst_cachestore_contract.moc"
