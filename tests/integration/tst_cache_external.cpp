// External Redis caches end to end: real sluice-gateway processes in front of
// a counting origin, sharing real redis-server processes (single node, TLS,
// ACL user, Redis Cluster) on free loopback ports; "Use from" locations,
// caching-type, /status, the admin cache endpoints on Redis, and connection
// strings refused at load without showing their secret.
#include "GatewayProcess.h"
#include "OriginServer.h"
#include "RedisCluster.h"
#include "RedisServer.h"
#include "TestHttpClient.h"
#include "TestWorkspace.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using namespace sluice;
using namespace sluice::test;

namespace {

struct CacheDef
{
    QString id;
    QString useFrom;
    QString connectionString;
};

// The fixture with the origin's URL and these caches in workspace.json.
bool setUpWorkspace(TestWorkspace &workspace, const OriginServer &origin, const QList<CacheDef> &caches)
{
    QJsonArray array;
    for (const CacheDef &c : caches) {
        array.append(QJsonObject {{QStringLiteral("id"), c.id},
                                  {QStringLiteral("useFrom"), c.useFrom},
                                  {QStringLiteral("connectionString"), c.connectionString}});
    }
    const QByteArray json = QJsonDocument(array).toJson(QJsonDocument::Compact);
    return workspace.copyFrom(
        QFINDTESTDATA("data/cache-external"),
        {{"ORIGIN", origin.url().toString().toUtf8()}, {"\"caches\": []", "\"caches\": " + json}});
}

// Connections of the gateway(s) that finished their handshake (its last
// command is PING or a cache command; redis-cli's own is CLIENT LIST).
int readyClients(const QByteArray &clientList)
{
    int n = 0;
    for (const QByteArray &line : clientList.split('\n')) {
        if (line.contains(" cmd=ping") || line.contains(" cmd=get") || line.contains(" cmd=set")
            || line.contains(" cmd=unlink") || line.contains(" cmd=scan"))
            ++n;
    }
    return n;
}

QList<QByteArray> lines(const QByteArray &output)
{
    QList<QByteArray> out;
    for (const QByteArray &line : output.split('\n')) {
        if (!line.trimmed().isEmpty())
            out.append(line.trimmed());
    }
    std::sort(out.begin(), out.end());
    return out;
}

QByteArray cacheStatus(const std::optional<HttpResponse> &r)
{
    return r ? r->headers.value("Cache-Status") : QByteArray("(no response)");
}

int echoCount(const HttpResponse &r)
{
    return QJsonDocument::fromJson(r.body).object().value(QStringLiteral("count")).toInt(-1);
}

// One GET through `gateway` expecting this Cache-Status (or its start, for hits).
bool expectStatus(const GatewayProcess &gateway, const QByteArray &target, const QByteArray &expected)
{
    const auto r = TestHttpClient::get(gateway.port(), target);
    if (!r || r->status != 200) {
        qWarning("%s: no 200", target.constData());
        return false;
    }
    const QByteArray status = r->headers.value("Cache-Status");
    const bool ok = expected.endsWith("hit") ? status.startsWith(expected + "; ttl=") : status == expected;
    if (!ok)
        qWarning("%s: Cache-Status '%s', expected '%s'", target.constData(), status.constData(), expected.constData());
    return ok;
}

const QByteArray Stored = "sluice; fwd=miss; stored";
const QByteArray Hit = "sluice; hit";

} // namespace

class TestCacheExternal : public QObject
{
    Q_OBJECT

private:
    OriginServer m_origin;

    static QJsonObject servingCache(const GatewayProcess &gateway)
    {
        return gateway.status().value(QStringLiteral("cache")).toObject();
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY2(QFileInfo::exists(GatewayProcess::binary()), qPrintable(GatewayProcess::binary()));
        QVERIFY(!QFINDTESTDATA("data/cache-external").isEmpty());
        m_origin.setThreads(2);
        QVERIFY2(m_origin.listen(), qPrintable(m_origin.errorString()));
    }

    void init() { m_origin.reset(); }

    // Two processes, one Redis: what one stores the other serves.
    void twoGatewaysShareOneRedis()
    {
        RedisServer redis;
        QVERIFY2(redis.start(), qPrintable(redis.errorText()));
        TestWorkspace workspace;
        QVERIFY(setUpWorkspace(workspace, m_origin,
                               {{QStringLiteral("main"), QStringLiteral("default"), redis.connectionString()}}));
        GatewayProcess a(workspace.path());
        GatewayProcess b(workspace.path());
        QVERIFY2(a.start(), qPrintable(a.errorText()));
        QVERIFY2(b.start(), qPrintable(b.errorText()));
        // Two workers and the admin listener in each process.
        QTRY_COMPARE_WITH_TIMEOUT(readyClients(redis.cli({QStringLiteral("CLIENT"), QStringLiteral("LIST")})), 6,
                                  10'000);

        const auto first = TestHttpClient::get(a.port(), "/pref/shared/1?x=1");
        QVERIFY(first);
        QCOMPARE(first->status, 200);
        QCOMPARE(cacheStatus(first), Stored);
        QCOMPARE(m_origin.requestCount(), 1);
        const auto second = TestHttpClient::get(b.port(), "/pref/shared/1?x=1");
        QVERIFY(second);
        QCOMPARE(second->status, 200);
        QVERIFY2(cacheStatus(second).startsWith("sluice; hit; ttl="), cacheStatus(second).constData());
        const int ttl = cacheStatus(second).mid(qsizetype(sizeof("sluice; hit; ttl=")) - 1).toInt();
        QVERIFY2(ttl >= 55 && ttl <= 60, cacheStatus(second).constData());
        QVERIFY(second->headers.contains("Age"));
        QCOMPARE(second->body, first->body);
        QCOMPARE(echoCount(*second), 1);
        QCOMPARE(m_origin.requestCount(), 1);
        // ... and back: B stores, A serves.
        QVERIFY(expectStatus(b, "/pref/shared/2", Stored));
        QVERIFY(expectStatus(a, "/pref/shared/2", Hit));
        QCOMPARE(m_origin.requestCount(), 2);
        // One Redis string per response, under the documented key.
        const QList<QByteArray> keys =
            lines(redis.cli({QStringLiteral("--scan"), QStringLiteral("--pattern"), QStringLiteral("sluice:r1:*")}));
        QCOMPARE(keys.size(), 2);
        const QByteArray base = "sluice:r1:pref:get::" + m_origin.url().toString().toUtf8();
        QCOMPARE(keys.at(0), base + "/shared/1?x=1");
        QCOMPARE(keys.at(1), base + "/shared/2?");

        // Values: stored in A, read in B.
        QVERIFY(TestHttpClient::get(a.port(), "/values/store?k=color&v=teal"));
        QCOMPARE(redis.cli({QStringLiteral("EXISTS"), QStringLiteral("sluice:v1:x-color")}), QByteArray("1"));
        const auto value = TestHttpClient::get(b.port(), "/values/lookup?k=color");
        QVERIFY(value);
        QCOMPARE(value->headers.value("X-Value"), QByteArray("teal"));
        const auto missing = TestHttpClient::get(b.port(), "/values/lookup?k=other");
        QVERIFY(missing);
        QCOMPARE(missing->headers.value("X-Value"), QByteArray("(none)"));

        QVERIFY(a.stop());
        QVERIFY(b.stop());
    }

    // "Use from": the location's own cache, else the default one.
    void useFromPicksTheLocationsCache_data()
    {
        QTest::addColumn<QString>("location");
        QTest::addColumn<QString>("expectedCache");
        QTest::newRow("Southeast Asia") << QStringLiteral("Southeast Asia") << QStringLiteral("sea");
        QTest::newRow("southeast asia (any case)") << QStringLiteral("southeast asia") << QStringLiteral("sea");
        QTest::newRow("East US") << QStringLiteral("East US") << QStringLiteral("main");
        QTest::newRow("Default") << QStringLiteral("Default") << QStringLiteral("main");
    }

    void useFromPicksTheLocationsCache()
    {
        QFETCH(QString, location);
        QFETCH(QString, expectedCache);
        RedisServer sea;
        RedisServer main;
        QVERIFY2(sea.start(), qPrintable(sea.errorText()));
        QVERIFY2(main.start(), qPrintable(main.errorText()));
        TestWorkspace workspace;
        QVERIFY(setUpWorkspace(workspace, m_origin,
                               {{QStringLiteral("sea"), QStringLiteral("Southeast Asia"), sea.connectionString()},
                                {QStringLiteral("main"), QStringLiteral("default"), main.connectionString()}}));
        GatewayProcess gateway(workspace.path(), location, 1);
        QVERIFY2(gateway.start(), qPrintable(gateway.errorText()));
        RedisServer &used = expectedCache == QLatin1String("sea") ? sea : main;
        RedisServer &unused = expectedCache == QLatin1String("sea") ? main : sea;
        QTRY_COMPARE_WITH_TIMEOUT(readyClients(used.cli({QStringLiteral("CLIENT"), QStringLiteral("LIST")})), 2,
                                  10'000);
        QCOMPARE(readyClients(unused.cli({QStringLiteral("CLIENT"), QStringLiteral("LIST")})), 0);

        const QJsonObject serving = servingCache(gateway);
        QCOMPARE(serving.value(QStringLiteral("id")).toString(), expectedCache);
        QVERIFY(serving.value(QStringLiteral("connected")).toBool());

        QVERIFY(expectStatus(gateway, "/pref/where", Stored));
        QVERIFY(expectStatus(gateway, "/pref/where", Hit));
        QVERIFY(TestHttpClient::get(gateway.port(), "/values/store?k=where&v=here"));
        QCOMPARE(m_origin.requestCount(), 2);
        const QStringList scan {QStringLiteral("--scan"), QStringLiteral("--pattern"), QStringLiteral("sluice:*")};
        const QList<QByteArray> keys = lines(used.cli(scan));
        QCOMPARE(keys.size(), 2);
        QVERIFY(keys.at(0).startsWith("sluice:r1:pref:get::"));
        QCOMPARE(keys.at(1), QByteArray("sluice:v1:x-where"));
        QCOMPARE(unused.cli({QStringLiteral("DBSIZE")}), QByteArray("0"));
        QVERIFY(gateway.stop());
    }

    // caching-type: internal never touches Redis; external without a cache for
    // the location bypasses; prefer-external without one uses the built-in cache.
    void cachingType_data()
    {
        QTest::addColumn<QString>("useFrom"); // of the only cache; empty: no cache at all
        QTest::addColumn<QString>("location");
        QTest::addColumn<QByteArray>("path");
        QTest::addColumn<QByteArray>("firstStatus");
        QTest::addColumn<QByteArray>("secondStatus");
        QTest::addColumn<int>("originCalls");
        QTest::addColumn<QByteArray>("cacheLabel");

        const QByteArray bypass = "sluice; fwd=bypass; detail=no-external-cache";
        QTest::newRow("internal with a Redis") << QStringLiteral("default") << QString() << QByteArray("/int/a")
                                               << Stored << Hit << 1 << QByteArray("internal");
        QTest::newRow("external with a Redis") << QStringLiteral("default") << QString() << QByteArray("/ext/a")
                                               << Stored << Hit << 1 << QByteArray("main");
        QTest::newRow("external, no cache for the location")
            << QStringLiteral("Southeast Asia") << QStringLiteral("East US") << QByteArray("/ext/a") << bypass << bypass
            << 2 << QByteArray("");
        QTest::newRow("external, no cache at all")
            << QString() << QString() << QByteArray("/ext/a") << bypass << bypass << 2 << QByteArray("");
        QTest::newRow("prefer-external, no cache for the location")
            << QStringLiteral("Southeast Asia") << QStringLiteral("East US") << QByteArray("/pref/a") << Stored << Hit
            << 1 << QByteArray("internal");
        QTest::newRow("prefer-external, no cache at all")
            << QString() << QString() << QByteArray("/pref/a") << Stored << Hit << 1 << QByteArray("internal");
    }

    void cachingType()
    {
        QFETCH(QString, useFrom);
        QFETCH(QString, location);
        QFETCH(QByteArray, path);
        QFETCH(QByteArray, firstStatus);
        QFETCH(QByteArray, secondStatus);
        QFETCH(int, originCalls);
        QFETCH(QByteArray, cacheLabel);

        RedisServer redis;
        QVERIFY2(redis.start(), qPrintable(redis.errorText()));
        QList<CacheDef> caches;
        if (!useFrom.isEmpty())
            caches.append({QStringLiteral("main"), useFrom, redis.connectionString()});
        TestWorkspace workspace;
        QVERIFY(setUpWorkspace(workspace, m_origin, caches));
        GatewayProcess gateway(workspace.path(), location, 1);
        QVERIFY2(gateway.start(), qPrintable(gateway.errorText()));
        const bool serves = useFrom == QLatin1String("default");
        if (serves)
            QTRY_COMPARE_WITH_TIMEOUT(readyClients(redis.cli({QStringLiteral("CLIENT"), QStringLiteral("LIST")})), 2,
                                      10'000);

        QVERIFY(expectStatus(gateway, path, firstStatus));
        QVERIFY(expectStatus(gateway, path, secondStatus));
        QCOMPARE(m_origin.requestCount(), originCalls);
        const QByteArray expectedKeys = cacheLabel == "main" ? "1" : "0";
        QCOMPARE(redis.cli({QStringLiteral("DBSIZE")}), expectedKeys);
        const QByteArray metrics = gateway.metrics();
        const QByteArray api = path.mid(1, path.indexOf('/', 1) - 1);
        if (cacheLabel.isEmpty()) {
            QCOMPARE(GatewayProcess::metricValue(metrics, "sluice_cache_bypasses_total",
                                                 {{"api", api}, {"reason", "no_external_cache"}}),
                     2.0);
        } else {
            QCOMPARE(GatewayProcess::metricValue(metrics, "sluice_cache_lookups_total",
                                                 {{"api", api}, {"cache", cacheLabel}, {"outcome", "hit"}}),
                     1.0);
        }
        QVERIFY(gateway.stop());
    }

    // TLS (a private CA through caFile=) and an ACL user: hits through Redis.
    void tlsAndAclUser_data()
    {
        QTest::addColumn<bool>("tls");
        QTest::addColumn<bool>("aclUser");
        QTest::newRow("tls") << true << false;
        QTest::newRow("tls + password") << true << true;
        QTest::newRow("acl user") << false << true;
    }

    void tlsAndAclUser()
    {
        QFETCH(bool, tls);
        QFETCH(bool, aclUser);
        RedisServer::Options options;
        options.tls = tls;
        if (aclUser) {
            // The default user has another password: only the ACL user gets in.
            options.password = QStringLiteral("default-user-pw-0c41");
            options.aclUser = QStringLiteral("sluice-gw");
            options.aclPassword = QStringLiteral("acl-user-pw-7d2e");
        }
        RedisServer redis(options);
        QVERIFY2(redis.start(), qPrintable(redis.errorText()));
        QString connection = QStringLiteral("127.0.0.1:%1").arg(redis.port());
        if (aclUser)
            connection += QStringLiteral(",user=sluice-gw,password=acl-user-pw-7d2e");
        connection += tls ? QStringLiteral(",ssl=True,caFile=") + redis.tlsCaFile() : QStringLiteral(",ssl=False");
        connection += QStringLiteral(",abortConnect=False");
        TestWorkspace workspace;
        QVERIFY(setUpWorkspace(workspace, m_origin, {{QStringLiteral("main"), QStringLiteral("default"), connection}}));
        GatewayProcess gateway(workspace.path(), QString(), 1);
        QVERIFY2(gateway.start(), qPrintable(gateway.errorText()));
        QTRY_COMPARE_WITH_TIMEOUT(readyClients(redis.cli({QStringLiteral("CLIENT"), QStringLiteral("LIST")})), 2,
                                  10'000);
        if (aclUser) {
            const QByteArray clients = redis.cli({QStringLiteral("CLIENT"), QStringLiteral("LIST")});
            QCOMPARE(clients.count("user=sluice-gw"), 2);
        }
        QVERIFY(servingCache(gateway).value(QStringLiteral("connected")).toBool());

        QVERIFY(expectStatus(gateway, "/ext/secure", Stored));
        QVERIFY(expectStatus(gateway, "/ext/secure", Hit));
        QCOMPARE(m_origin.requestCount(), 1);
        QCOMPARE(redis.cli({QStringLiteral("DBSIZE")}), QByteArray("1"));
        QVERIFY(!gateway.log().contains("acl-user-pw-7d2e"));
        QVERIFY(gateway.stop());
    }

    // A Redis Cluster: keys spread over the three masters, hits from each.
    void redisCluster()
    {
        RedisCluster cluster;
        QVERIFY2(cluster.start(QStringLiteral("cluster-pw-5e0b")), qPrintable(cluster.errorText()));
        const QList<quint16> ports = cluster.ports();
        QCOMPARE(ports.size(), 3);
        QString connection;
        for (quint16 port : ports)
            connection += QStringLiteral("127.0.0.1:%1,").arg(port);
        connection += QStringLiteral("password=cluster-pw-5e0b,ssl=False,abortConnect=False");
        TestWorkspace workspace;
        QVERIFY(setUpWorkspace(workspace, m_origin, {{QStringLiteral("main"), QStringLiteral("default"), connection}}));
        GatewayProcess gateway(workspace.path(), QString(), 2);
        QVERIFY2(gateway.start(), qPrintable(gateway.errorText()));
        // Every master has the connections of both workers and the admin listener.
        for (quint16 port : ports) {
            QTRY_VERIFY_WITH_TIMEOUT(readyClients(cluster.cli(port, {"CLIENT", "LIST"})) >= 3, 10'000);
        }
        QTRY_VERIFY_WITH_TIMEOUT(servingCache(gateway).value(QStringLiteral("connected")).toBool(), 10'000);
        const QJsonObject serving = servingCache(gateway);
        QCOMPARE(serving.value(QStringLiteral("cluster")).toBool(), true);
        QVERIFY(serving.value(QStringLiteral("serverVersion")).toString().startsWith(QLatin1String("7.")));

        constexpr int urls = 48;
        for (int i = 0; i < urls; ++i)
            QVERIFY(expectStatus(gateway, "/pref/spread/" + QByteArray::number(i), Stored));
        for (int i = 0; i < urls; ++i)
            QVERIFY(expectStatus(gateway, "/pref/spread/" + QByteArray::number(i), Hit));
        QCOMPARE(m_origin.requestCount(), urls);
        int total = 0;
        for (quint16 port : ports) {
            const int size = cluster.cli(port, {"DBSIZE"}).trimmed().toInt();
            QVERIFY2(size > 0, qPrintable(QStringLiteral("master %1 holds no key").arg(port)));
            total += size;
        }
        QCOMPARE(total, urls);

        // The admin endpoints walk every master.
        TestHttpClient admin(gateway.adminPort());
        const auto listing = admin.request("GET", "/cache/entries?store=main&limit=1000");
        QVERIFY(listing);
        QCOMPARE(listing->status, 200);
        QCOMPARE(QJsonDocument::fromJson(listing->body).object().value(QStringLiteral("entries")).toArray().size(),
                 urls);
        const auto purge = admin.request("POST", "/cache/purge?store=main&prefix=sluice%3Ar1%3A");
        QVERIFY(purge);
        QCOMPARE(purge->status, 200);
        QCOMPARE(QJsonDocument::fromJson(purge->body).object().value(QStringLiteral("removed")).toInt(), urls);
        for (quint16 port : ports)
            QCOMPARE(cluster.cli(port, {"DBSIZE"}).trimmed(), QByteArray("0"));
        QVERIFY(!gateway.log().contains("cluster-pw-5e0b"));
        QVERIFY(gateway.stop());
    }

    // /status shows the live state of the serving cache and never a password;
    // the admin endpoints list, delete and purge entries in Redis.
    void statusAndAdminEndpoints()
    {
        const QString password = QStringLiteral("Xq7-UNMISTAKABLE-redis-secret-41f9");
        RedisServer::Options options;
        options.password = password;
        RedisServer redis(options);
        QVERIFY2(redis.start(), qPrintable(redis.errorText()));
        TestWorkspace workspace;
        QVERIFY(setUpWorkspace(
            workspace, m_origin,
            {{QStringLiteral("main"), QStringLiteral("default"), redis.connectionString()},
             {QStringLiteral("sea"), QStringLiteral("Southeast Asia"), QStringLiteral("${SLUICE_TEST_SEA_REDIS}")}}));
        QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
        environment.insert(QStringLiteral("SLUICE_TEST_SEA_REDIS"),
                           QStringLiteral("rediss://default:SEA-OTHER-secret-88aa@127.0.0.1:1/0"));
        GatewayProcess gateway(workspace.path(), QStringLiteral("East US"), 1);
        gateway.setEnvironment(environment);
        QVERIFY2(gateway.start(), qPrintable(gateway.errorText()));
        QTRY_VERIFY_WITH_TIMEOUT(servingCache(gateway).value(QStringLiteral("roundTripMs")).isDouble(), 10'000);
        QTRY_COMPARE_WITH_TIMEOUT(readyClients(redis.cli({QStringLiteral("CLIENT"), QStringLiteral("LIST")})), 2,
                                  10'000);

        const auto statusResponse = TestHttpClient::get(gateway.adminPort(), "/status");
        QVERIFY(statusResponse);
        QCOMPARE(statusResponse->status, 200);
        QVERIFY2(!statusResponse->body.contains(password.toUtf8()), statusResponse->body.constData());
        QVERIFY(!statusResponse->body.contains("SEA-OTHER-secret-88aa"));
        const QJsonObject status = QJsonDocument::fromJson(statusResponse->body).object();
        QCOMPARE(status.value(QStringLiteral("location")).toString(), QStringLiteral("East US"));
        const QJsonObject cache = status.value(QStringLiteral("cache")).toObject();
        QCOMPARE(cache.value(QStringLiteral("id")).toString(), QStringLiteral("main"));
        QCOMPARE(cache.value(QStringLiteral("connected")).toBool(), true);
        QVERIFY(cache.value(QStringLiteral("lastError")).isNull());
        QVERIFY(cache.value(QStringLiteral("roundTripMs")).toDouble() >= 0);
        QVERIFY2(cache.value(QStringLiteral("serverVersion")).toString().startsWith(QLatin1String("7.")),
                 qPrintable(cache.value(QStringLiteral("serverVersion")).toString()));
        QCOMPARE(cache.value(QStringLiteral("cluster")).toBool(true), false);
        QCOMPARE(cache.value(QStringLiteral("endpoint")).toString(),
                 QStringLiteral("127.0.0.1:%1,password=***,ssl=False,abortConnect=False").arg(redis.port()));
        const QJsonArray caches = status.value(QStringLiteral("caches")).toArray();
        QCOMPARE(caches.size(), 2);
        const QJsonObject other = caches.at(1).toObject();
        QCOMPARE(other.value(QStringLiteral("id")).toString(), QStringLiteral("sea"));
        QCOMPARE(other.value(QStringLiteral("servesThisGateway")).toBool(true), false);
        QVERIFY(!other.contains(QStringLiteral("connected")));

        // Three responses, one value and a key that is not the gateway's.
        QVERIFY(expectStatus(gateway, "/pref/a/1", Stored));
        QVERIFY(expectStatus(gateway, "/pref/a/2", Stored));
        QVERIFY(expectStatus(gateway, "/pref/b/1", Stored));
        QVERIFY(TestHttpClient::get(gateway.port(), "/values/store?k=keep&v=me"));
        QCOMPARE(redis.cli({QStringLiteral("SET"), QStringLiteral("foreign:key"), QStringLiteral("x")}),
                 QByteArray("OK"));
        QCOMPARE(redis.cli({QStringLiteral("DBSIZE")}), QByteArray("5"));

        TestHttpClient admin(gateway.adminPort());
        const auto listing = admin.request("GET", "/cache/entries?store=main");
        QVERIFY(listing);
        QCOMPARE(listing->status, 200);
        const QJsonArray entries =
            QJsonDocument::fromJson(listing->body).object().value(QStringLiteral("entries")).toArray();
        QCOMPARE(entries.size(), 4); // the foreign key is no entry of ours
        const QByteArray firstKey = "sluice:r1:pref:get::" + m_origin.url().toString().toUtf8() + "/a/1?";
        const QJsonObject first = entries.at(0).toObject();
        QCOMPARE(first.value(QStringLiteral("key")).toString().toUtf8(), firstKey);
        QCOMPARE(first.value(QStringLiteral("store")).toString(), QStringLiteral("main"));
        QVERIFY(first.value(QStringLiteral("ttlMs")).toInteger() > 55'000);
        const QByteArray encoded = first.value(QStringLiteral("keyEncoded")).toString().toUtf8();
        QCOMPARE(QByteArray::fromPercentEncoding(encoded), firstKey);
        QCOMPARE(entries.at(3).toObject().value(QStringLiteral("key")).toString(), QStringLiteral("sluice:v1:x-keep"));
        const auto internal = admin.request("GET", "/cache/entries?store=internal");
        QVERIFY(internal);
        QCOMPARE(QJsonDocument::fromJson(internal->body).object().value(QStringLiteral("entries")).toArray().size(), 0);

        const auto removed = admin.request("DELETE", "/cache/entries/" + encoded + "?store=main");
        QVERIFY(removed);
        QCOMPARE(removed->status, 204);
        QCOMPARE(redis.cli({QStringLiteral("EXISTS"), QString::fromUtf8(firstKey)}), QByteArray("0"));
        const auto again = admin.request("DELETE", "/cache/entries/" + encoded + "?store=main");
        QVERIFY(again);
        QCOMPARE(again->status, 404);
        QVERIFY(expectStatus(gateway, "/pref/a/2", Hit));

        const auto purge = admin.request("POST", "/cache/purge?store=main&prefix=sluice%3Ar1%3A");
        QVERIFY(purge);
        QCOMPARE(purge->status, 200);
        const QJsonObject purged = QJsonDocument::fromJson(purge->body).object();
        QCOMPARE(purged.value(QStringLiteral("removed")).toInt(), 2);
        QCOMPARE(purged.value(QStringLiteral("stores")).toObject().value(QStringLiteral("main")).toInt(), 2);
        QCOMPARE(redis.cli({QStringLiteral("DBSIZE")}), QByteArray("2")); // the value and the foreign key stay
        QVERIFY(expectStatus(gateway, "/pref/a/2", Stored));

        const QByteArray metrics = gateway.metrics();
        QVERIFY(!metrics.isEmpty());
        QVERIFY(!metrics.contains(password.toUtf8()));
        QVERIFY(!gateway.log().contains(password.toUtf8()));
        QVERIFY(gateway.stop());
    }

    // A connection string that does not parse is a load error naming the cache
    // and the problem, never the password.
    void badConnectionStringIsRefusedAtLoad_data()
    {
        QTest::addColumn<QString>("connectionString");
        QTest::addColumn<QByteArray>("problem");
        QTest::addColumn<int>("character"); // 1-based, of the problem in the string
        const QString pw = QStringLiteral("Pw-LEAK-CHECK-1b7d");
        QTest::newRow("ssl") << QStringLiteral("127.0.0.1:6379,password=%1,ssl=maybe").arg(pw)
                             << QByteArray("ssl must be True or False") << 48;
        QTest::newRow("port") << QStringLiteral("127.0.0.1:99999,password=%1").arg(pw)
                              << QByteArray("the port must be a number from 1 to 65535") << 11;
        QTest::newRow("no endpoint") << QStringLiteral("password=%1,ssl=False").arg(pw) << QByteArray("no endpoint")
                                     << 1;
        QTest::newRow("syncTimeout") << QStringLiteral("127.0.0.1:6379,password=%1,syncTimeout=soon").arg(pw)
                                     << QByteArray("syncTimeout must be a whole number") << 56;
        QTest::newRow("uri scheme") << QStringLiteral("http://user:%1@127.0.0.1:6379").arg(pw)
                                    << QByteArray("unsupported URI scheme") << 1;
        QTest::newRow("password in the host")
            << QStringLiteral("%1@127.0.0.1:6379").arg(pw) << QByteArray("invalid character in the host name") << 19;
    }

    void badConnectionStringIsRefusedAtLoad()
    {
        QFETCH(QString, connectionString);
        QFETCH(QByteArray, problem);
        QFETCH(int, character);
        TestWorkspace workspace;
        QVERIFY(setUpWorkspace(workspace, m_origin,
                               {{QStringLiteral("main"), QStringLiteral("default"), connectionString}}));
        const GatewayProcess::Run r =
            GatewayProcess::run({QStringLiteral("--workspace"), workspace.path(), QStringLiteral("--check")});
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.contains("workspace.json: caches[0].connectionString: error: " + problem), r.err.constData());
        QVERIFY2(!r.err.contains("Pw-LEAK-CHECK-1b7d") && !r.out.contains("Pw-LEAK-CHECK-1b7d"), r.err.constData());
        // One position, counted from 1 like every other column in a diagnostic.
        const QByteArray line = r.err.mid(r.err.indexOf("caches[0]")).split('\n').value(0);
        QVERIFY2(line.endsWith("(at character " + QByteArray::number(character) + ')'), line.constData());
        QVERIFY2(!line.contains("(at position"), line.constData());
        // Started for real, it refuses to start (exit 2), still without the secret.
        const GatewayProcess::Run serve =
            GatewayProcess::run({QStringLiteral("--workspace"), workspace.path(), QStringLiteral("--listen"),
                                 QStringLiteral("127.0.0.1:0"), QStringLiteral("--admin"), QStringLiteral("off")});
        QCOMPARE(serve.exitCode, 2);
        QVERIFY(serve.err.contains("caches[0].connectionString"));
        QVERIFY(!serve.err.contains("Pw-LEAK-CHECK-1b7d"));
    }
};

QTEST_GUILESS_MAIN(TestCacheExternal)
#include "tst_cache_external.moc"
