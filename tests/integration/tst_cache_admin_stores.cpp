// The admin cache endpoints over several stores, as a gateway with external
// caches will have them: the built-in cache, a store that answers later (from
// its event loop, as Redis does) and one that cannot answer. A real HttpServer
// with one worker serves AdminCacheHandler, as the gateway's admin listener does.
#include "TestHttpClient.h"
#include "cache/CacheCompletion.h"
#include "cache/InternalCache.h"
#include "gateway/AdminCacheHandler.h"
#include "http/HttpServer.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>
#include <QTimer>

#include <atomic>

using namespace sluice;

namespace {

// An external store stand-in: the entries of an InternalCache, each answer
// delivered later from the caller's event loop, never before the call returns.
class LaterStore final : public CacheStore
{
public:
    explicit LaterStore(QString name)
        : m_name(std::move(name))
    { }

    InternalCache &cache() { return m_cache; }

    QString name() const override { return m_name; }
    bool isExternal() const override { return true; }
    void lookup(const QByteArray &key, QObject *context, LookupCallback done) override
    {
        later(context, std::move(done), *m_cache.lookupNow(key));
    }
    void store(const QByteArray &key, const QByteArray &value, qint64 ttlMs, QObject *context,
               WriteCallback done) override
    {
        later(context, std::move(done), m_cache.storeNow(key, value, ttlMs));
    }
    void remove(const QByteArray &key, QObject *context, WriteCallback done) override
    {
        later(context, std::move(done), m_cache.removeNow(key));
    }
    void list(const QByteArray &prefix, int limit, QObject *context, ListCallback done) override
    {
        later(context, std::move(done), m_cache.listNow(prefix, limit));
    }
    void purge(const QByteArray &prefix, QObject *context, WriteCallback done) override
    {
        later(context, std::move(done), m_cache.purgeNow(prefix));
    }

private:
    template<typename Callback, typename Result> static void later(QObject *context, Callback done, Result result)
    {
        QTimer::singleShot(5, context, [done = std::move(done), result = std::move(result)] { done(result); });
    }

    QString m_name;
    InternalCache m_cache;
};

// An external cache that is down: every operation fails.
class DownStore final : public CacheStore
{
public:
    QString name() const override { return QStringLiteral("down"); }
    bool isExternal() const override { return true; }
    void lookup(const QByteArray &, QObject *context, LookupCallback done) override
    {
        CacheLookup r;
        r.status = CacheLookup::Status::Error;
        r.error = error();
        completeCacheCall(context, std::move(done), r);
    }
    void store(const QByteArray &, const QByteArray &, qint64, QObject *context, WriteCallback done) override
    {
        completeCacheCall(context, std::move(done), failedWrite());
    }
    void remove(const QByteArray &, QObject *context, WriteCallback done) override
    {
        completeCacheCall(context, std::move(done), failedWrite());
    }
    void list(const QByteArray &, int, QObject *context, ListCallback done) override
    {
        CacheListing r;
        r.ok = false;
        r.error = error();
        completeCacheCall(context, std::move(done), r);
    }
    void purge(const QByteArray &, QObject *context, WriteCallback done) override
    {
        completeCacheCall(context, std::move(done), failedWrite());
    }

private:
    static QString error() { return QStringLiteral("connection refused"); }
    static CacheWrite failedWrite()
    {
        CacheWrite w;
        w.ok = false;
        w.error = error();
        return w;
    }
};

} // namespace

class TestCacheAdminStores : public QObject
{
    Q_OBJECT

private:
    InternalCache m_internal;
    LaterStore m_edge {QStringLiteral("edge")};
    DownStore m_down;
    std::atomic<bool> m_withDown {false};
    std::unique_ptr<AdminCacheHandler> m_handler;
    std::unique_ptr<HttpServer> m_server;

    std::optional<HttpResponse> request(const QByteArray &method, const QByteArray &target)
    {
        TestHttpClient client(m_server->serverPort());
        return client.request(method, target);
    }

    QJsonObject json(const QByteArray &method, const QByteArray &target, int status = 200)
    {
        const auto r = request(method, target);
        if (!r || r->status != status) {
            const QByteArray message = method + ' ' + target + ": "
                + (r ? QByteArray(QByteArray::number(r->status) + ' ' + r->body) : QByteArray("no answer"));
            QTest::qFail(message.constData(), __FILE__, __LINE__);
            return {};
        }
        return QJsonDocument::fromJson(r->body).object();
    }

    static QByteArrayList keysAndStores(const QJsonArray &entries)
    {
        QByteArrayList out;
        for (const QJsonValue &e : entries)
            out.append(e.toObject().value(QStringLiteral("key")).toString().toUtf8() + '@'
                       + e.toObject().value(QStringLiteral("store")).toString().toUtf8());
        return out;
    }

private Q_SLOTS:
    void initTestCase()
    {
        m_handler = std::make_unique<AdminCacheHandler>([this] {
            QList<CacheStore *> stores {&m_internal, &m_edge};
            if (m_withDown)
                stores.append(&m_down);
            return stores;
        });
        m_server = std::make_unique<HttpServer>();
        AdminCacheHandler *handler = m_handler.get();
        m_server->setHandlerFactory([handler](int, QObject *workerContext) {
            return HttpRequestHandler([handler, workerContext](const HttpExchangePtr &exchange) {
                if (!handler->handle(exchange, workerContext))
                    exchange->respond(HttpResponse::apimError(404, QStringLiteral("Resource not found")));
            });
        });
        HttpServerOptions options;
        options.threads = 1;
        QString error;
        QVERIFY2(m_server->listen(options, &error), qPrintable(error));
    }

    void cleanupTestCase()
    {
        bool done = false;
        m_server->shutdown(1000, [&] { done = true; });
        QTRY_VERIFY(done);
    }

    void init()
    {
        m_withDown = false;
        m_internal.purgeNow({});
        m_edge.cache().purgeNow({});
        QVERIFY(m_internal.storeNow("k:a", "1", 60'000).ok);
        QVERIFY(m_internal.storeNow("k:c", "22", 60'000).ok);
        QVERIFY(m_edge.cache().storeNow("k:b", "333", 30'000).ok);
        QVERIFY(m_edge.cache().storeNow("k:c", "4444", 30'000).ok);
    }

    void storesAreListedInOrder()
    {
        const QJsonArray stores = json("GET", "/cache/stores").value(QStringLiteral("stores")).toArray();
        QCOMPARE(stores.size(), 2);
        QCOMPARE(stores.at(0).toObject().value(QStringLiteral("name")).toString(), QStringLiteral("internal"));
        QCOMPARE(stores.at(0).toObject().value(QStringLiteral("external")).toBool(), false);
        QCOMPARE(stores.at(1).toObject().value(QStringLiteral("name")).toString(), QStringLiteral("edge"));
        QCOMPARE(stores.at(1).toObject().value(QStringLiteral("external")).toBool(), true);
    }

    void listingMergesStores_data()
    {
        QTest::addColumn<QByteArray>("query");
        QTest::addColumn<QByteArrayList>("expected");
        QTest::addColumn<bool>("truncated");
        QTest::newRow("all") << QByteArray() << QByteArrayList {"k:a@internal", "k:b@edge", "k:c@internal", "k:c@edge"}
                             << false;
        QTest::newRow("limit cuts the merge")
            << QByteArray("limit=3") << QByteArrayList {"k:a@internal", "k:b@edge", "k:c@internal"} << true;
        QTest::newRow("limit cuts one store") << QByteArray("limit=1") << QByteArrayList {"k:a@internal"} << true;
        QTest::newRow("store=edge") << QByteArray("store=edge") << QByteArrayList {"k:b@edge", "k:c@edge"} << false;
        QTest::newRow("prefix") << QByteArray("prefix=k%3Ac") << QByteArrayList {"k:c@internal", "k:c@edge"} << false;
    }

    void listingMergesStores()
    {
        QFETCH(QByteArray, query);
        QFETCH(QByteArrayList, expected);
        QFETCH(bool, truncated);
        const QJsonObject listing = json("GET", "/cache/entries?" + query);
        QCOMPARE(keysAndStores(listing.value(QStringLiteral("entries")).toArray()), expected);
        QCOMPARE(listing.value(QStringLiteral("truncated")).toBool(!truncated), truncated);
    }

    void getPrefersTheFirstStoreAndNamesTheOthers()
    {
        QJsonObject e = json("GET", "/cache/entries/k%3Ac");
        QCOMPARE(e.value(QStringLiteral("store")).toString(), QStringLiteral("internal"));
        QCOMPARE(e.value(QStringLiteral("sizeBytes")).toInt(), 3 + 2);
        QCOMPARE(e.value(QStringLiteral("alsoIn")).toArray(), QJsonArray {QStringLiteral("edge")});
        QCOMPARE(e.value(QStringLiteral("kind")).toString(), QStringLiteral("unknown"));

        e = json("GET", "/cache/entries/k%3Ac?store=edge");
        QCOMPARE(e.value(QStringLiteral("store")).toString(), QStringLiteral("edge"));
        QCOMPARE(e.value(QStringLiteral("sizeBytes")).toInt(), 3 + 4);
        QVERIFY(!e.contains(QStringLiteral("alsoIn")));
        const qint64 ttlMs = e.value(QStringLiteral("ttlMs")).toInteger();
        QVERIFY(ttlMs > 0 && ttlMs <= 30'000);

        // Only in the later store.
        QCOMPARE(json("GET", "/cache/entries/k%3Ab").value(QStringLiteral("store")).toString(), QStringLiteral("edge"));
        json("GET", "/cache/entries/k%3Ab?store=internal", 404);
    }

    void deleteRemovesFromEveryStore()
    {
        const auto r = request("DELETE", "/cache/entries/k%3Ac");
        QVERIFY(r);
        QCOMPARE(r->status, 204);
        QCOMPARE(m_internal.lookupNow("k:c")->status, CacheLookup::Status::Miss);
        QCOMPARE(m_edge.cache().lookupNow("k:c")->status, CacheLookup::Status::Miss);
        json("DELETE", "/cache/entries/k%3Ac", 404);
        // Only from the store asked.
        QCOMPARE(request("DELETE", "/cache/entries/k%3Ab?store=edge")->status, 204);
        QCOMPARE(m_internal.lookupNow("k:a")->status, CacheLookup::Status::Hit);
    }

    void purgeCountsPerStore()
    {
        QJsonObject purged = json("POST", "/cache/purge?prefix=k%3Ac");
        QCOMPARE(purged.value(QStringLiteral("removed")).toInt(), 2);
        QCOMPARE(purged.value(QStringLiteral("stores")).toObject().value(QStringLiteral("internal")).toInt(), 1);
        QCOMPARE(purged.value(QStringLiteral("stores")).toObject().value(QStringLiteral("edge")).toInt(), 1);
        purged = json("POST", "/cache/purge?store=edge");
        QCOMPARE(purged.value(QStringLiteral("removed")).toInt(), 1);
        QCOMPARE(m_internal.lookupNow("k:a")->status, CacheLookup::Status::Hit);
        QCOMPARE(json("POST", "/cache/purge").value(QStringLiteral("removed")).toInt(), 1);
    }

    void storeThatCannotAnswer_data()
    {
        QTest::addColumn<QByteArray>("method");
        QTest::addColumn<QByteArray>("target");
        // With store=internal. The stores that could answer did their part
        // before the 503: the entry is already gone from the built-in one.
        QTest::addColumn<int>("statusWithoutIt");
        QTest::newRow("list") << QByteArray("GET") << QByteArray("/cache/entries") << 200;
        QTest::newRow("get") << QByteArray("GET") << QByteArray("/cache/entries/k%3Aa") << 200;
        QTest::newRow("delete") << QByteArray("DELETE") << QByteArray("/cache/entries/k%3Aa") << 404;
        QTest::newRow("purge") << QByteArray("POST") << QByteArray("/cache/purge") << 200;
    }

    void storeThatCannotAnswer()
    {
        QFETCH(QByteArray, method);
        QFETCH(QByteArray, target);
        QFETCH(int, statusWithoutIt);
        m_withDown = true;
        const auto r = request(method, target);
        QVERIFY(r);
        QCOMPARE(r->status, 503);
        const QJsonObject error = QJsonDocument::fromJson(r->body).object();
        QCOMPARE(error.value(QStringLiteral("statusCode")).toInt(), 503);
        const QString message = error.value(QStringLiteral("message")).toString();
        QVERIFY2(message.contains(QStringLiteral("'down'")) && message.contains(QStringLiteral("connection refused")),
                 qPrintable(message));

        const QByteArray only = target + (target.contains('?') ? "&" : "?") + "store=internal";
        const auto without = request(method, only);
        QVERIFY(without);
        QCOMPARE(without->status, statusWithoutIt);
    }
};

QTEST_GUILESS_MAIN(TestCacheAdminStores)
#include "tst_cache_admin_stores.moc"
