// The external cache failing under a real sluice-gateway process: Redis killed
// under load, stalled beyond syncTimeout, restarted on the same port. The
// gateway fails open (every request answered by the backend), logs the change
// of state once and never the password, counts lookup errors, and serves hits
// again by itself. Bounded in time; loopback only; every process stopped by
// its own handle.
#include "GatewayProcess.h"
#include "OriginServer.h"
#include "RedisServer.h"
#include "TestHttpClient.h"
#include "TestWorkspace.h"

#include <QDeadlineTimer>
#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

#include <memory>
#include <vector>

using namespace sluice;
using namespace sluice::test;

namespace {

const QString Password = QStringLiteral("Fault-TEST-redis-pw-3a9c");
const QByteArray Stored = "sluice; fwd=miss; stored";
const QByteArray Miss = "sluice; fwd=miss";
const QByteArray Unreachable = "external cache 'main' is unreachable";

int readyClients(const QByteArray &clientList)
{
    int n = 0;
    for (const QByteArray &line : clientList.split('\n')) {
        if (line.contains(" cmd=ping") || line.contains(" cmd=get") || line.contains(" cmd=set"))
            ++n;
    }
    return n;
}

QByteArray statusOf(const std::optional<HttpResponse> &r)
{
    return r ? r->headers.value("Cache-Status") : QByteArray("(no response)");
}

bool isHit(const QByteArray &cacheStatus)
{
    return cacheStatus.startsWith("sluice; hit; ttl=");
}

} // namespace

class TestCacheExternalFaults : public QObject
{
    Q_OBJECT

private:
    OriginServer m_origin;
    std::unique_ptr<RedisServer> m_redis;
    std::unique_ptr<TestWorkspace> m_workspace;
    std::unique_ptr<GatewayProcess> m_gateway;
    static constexpr int Threads = 2;

    // Redis with a password, the fixture with one default cache and a gateway
    // whose workers and admin listener are all connected.
    bool startAll(const QString &extraOptions = QString())
    {
        RedisServer::Options options;
        options.password = Password;
        m_redis = std::make_unique<RedisServer>(options);
        if (!m_redis->start()) {
            qWarning("redis: %s", qPrintable(m_redis->errorText()));
            return false;
        }
        m_workspace = std::make_unique<TestWorkspace>();
        const QJsonArray caches {
            QJsonObject {{QStringLiteral("id"), QStringLiteral("main")},
                         {QStringLiteral("useFrom"), QStringLiteral("default")},
                         {QStringLiteral("connectionString"), m_redis->connectionString() + extraOptions}}};
        if (!m_workspace->copyFrom(
                QFINDTESTDATA("data/cache-external"),
                {{"ORIGIN", m_origin.url().toString().toUtf8()},
                 {"\"caches\": []", "\"caches\": " + QJsonDocument(caches).toJson(QJsonDocument::Compact)}}))
            return false;
        m_gateway = std::make_unique<GatewayProcess>(m_workspace->path(), QString(), Threads);
        if (!m_gateway->start()) {
            qWarning("gateway: %s", qPrintable(m_gateway->errorText()));
            return false;
        }
        return waitForGatewayConnections();
    }

    bool waitForGatewayConnections()
    {
        const QDeadlineTimer deadline(10'000);
        while (!deadline.hasExpired()) {
            if (readyClients(m_redis->cli({QStringLiteral("CLIENT"), QStringLiteral("LIST")})) >= Threads + 1)
                return true;
            QTest::qWait(20);
        }
        qWarning("the gateway did not connect to redis");
        return false;
    }

    std::optional<HttpResponse> get(const QByteArray &target) { return TestHttpClient::get(m_gateway->port(), target); }

    double lookupErrors()
    {
        const double v = GatewayProcess::metricValue(m_gateway->metrics(), "sluice_cache_lookups_total",
                                                     {{"api", "pref"}, {"cache", "main"}, {"outcome", "error"}});
        return v < 0 ? 0 : v;
    }

    // Stores `target` in Redis and checks that the next request is a hit.
    bool warm(const QByteArray &target)
    {
        const QByteArray first = statusOf(get(target));
        const QByteArray second = statusOf(get(target));
        if (first != Stored || !isHit(second)) {
            qWarning("%s: '%s' then '%s'", target.constData(), first.constData(), second.constData());
            return false;
        }
        return true;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY2(QFileInfo::exists(GatewayProcess::binary()), qPrintable(GatewayProcess::binary()));
        m_origin.setThreads(2);
        QVERIFY2(m_origin.listen(), qPrintable(m_origin.errorString()));
    }

    void init() { m_origin.reset(); }

    void cleanup()
    {
        if (m_gateway)
            QVERIFY(m_gateway->stop());
        m_gateway.reset();
        m_redis.reset();
        m_workspace.reset();
    }

    // ~300 GETs over 4 connections (4 in flight at a time, 6 URLs); Redis is
    // killed after a third of them. Every request gets 200; before the kill
    // they are hits, after it misses that the backend answers.
    void redisKilledUnderLoad()
    {
        QVERIFY(startAll());
        constexpr int urls = 6;
        for (int u = 0; u < urls; ++u)
            QVERIFY(warm("/pref/load/" + QByteArray::number(u)));
        const int originBefore = m_origin.requestCount();
        const double errorsBefore = lookupErrors();

        constexpr int connections = 4;
        constexpr int rounds = 75;
        constexpr int killAt = 25;
        std::vector<std::unique_ptr<TestHttpClient>> clients;
        for (int c = 0; c < connections; ++c)
            clients.push_back(std::make_unique<TestHttpClient>(m_gateway->port()));
        int answered = 0;
        int hitsBefore = 0;
        int missesAfter = 0;
        for (int round = 0; round < rounds; ++round) {
            if (round == killAt)
                m_redis->kill();
            for (int c = 0; c < connections; ++c) {
                const QByteArray target = "/pref/load/" + QByteArray::number((round * connections + c) % urls);
                QVERIFY(clients[c]->send("GET " + target + " HTTP/1.1\r\nHost: gateway\r\n\r\n"));
            }
            for (int c = 0; c < connections; ++c) {
                const auto r = clients[c]->read(5'000);
                QVERIFY2(r, qPrintable(QStringLiteral("round %1, connection %2: no answer").arg(round).arg(c)));
                QCOMPARE(r->status, 200);
                ++answered;
                const QByteArray status = statusOf(r);
                if (round < killAt) {
                    QVERIFY2(isHit(status), status.constData());
                    ++hitsBefore;
                } else {
                    // Lookup errors are misses; the store is skipped.
                    QCOMPARE(status, Miss);
                    ++missesAfter;
                }
            }
        }
        QCOMPARE(answered, rounds * connections);
        QCOMPARE(hitsBefore, killAt * connections);
        QCOMPARE(m_origin.requestCount() - originBefore, missesAfter);

        // Every lookup after the kill counted as an error.
        QCOMPARE(lookupErrors() - errorsBefore, double(missesAfter));

        // The change of state is logged once for the gateway (not per thread),
        // never per request, never with the password.
        const QByteArray log = m_gateway->log();
        const qsizetype reports = log.count(Unreachable);
        QVERIFY2(reports >= 1, log.constData());
        QVERIFY2(reports <= Threads + 1, log.constData());
        QCOMPARE(reports, qsizetype(1));
        QVERIFY(!log.contains(Password.toUtf8()));
        // ...while the request log has its line for every request.
        QCOMPARE(log.count("GET /pref/load/"), qsizetype(rounds * connections + 2 * urls));
    }

    // Redis stalls (CLIENT PAUSE) far beyond syncTimeout=300: each request is
    // answered by the backend after at most about syncTimeout plus backend time.
    void redisStalledBeyondSyncTimeout()
    {
        QVERIFY(startAll(QStringLiteral(",syncTimeout=300")));
        QVERIFY(warm("/pref/stall/cached"));
        const int originBefore = m_origin.requestCount();

        QVERIFY2(m_redis->pause(2'500), qPrintable(m_redis->errorText()));
        QElapsedTimer paused;
        paused.start();
        const QList<QByteArray> targets {"/pref/stall/cached", "/pref/stall/new", "/pref/stall/cached"};
        for (const QByteArray &target : targets) {
            QElapsedTimer timer;
            timer.start();
            const auto r = get(target);
            const qint64 ms = timer.elapsed();
            QVERIFY(r);
            QCOMPARE(r->status, 200);
            QVERIFY2(ms < 1'500, qPrintable(QStringLiteral("%1 took %2 ms").arg(QString::fromUtf8(target)).arg(ms)));
            QVERIFY2(!isHit(statusOf(r)), statusOf(r).constData());
            QVERIFY2(statusOf(r).startsWith(Miss), statusOf(r).constData());
        }
        // Two at once on two connections, still within the pause.
        TestHttpClient one(m_gateway->port());
        TestHttpClient two(m_gateway->port());
        QElapsedTimer timer;
        timer.start();
        QVERIFY(one.send("GET /pref/stall/a HTTP/1.1\r\nHost: g\r\n\r\n"));
        QVERIFY(two.send("GET /pref/stall/b HTTP/1.1\r\nHost: g\r\n\r\n"));
        const auto ra = one.read(5'000);
        const auto rb = two.read(5'000);
        QVERIFY(ra && rb);
        QCOMPARE(ra->status, 200);
        QCOMPARE(rb->status, 200);
        QVERIFY2(timer.elapsed() < 1'500, qPrintable(QString::number(timer.elapsed())));
        QVERIFY2(paused.elapsed() < 2'500, "the requests outlasted the pause: the test proved nothing");
        QCOMPARE(m_origin.requestCount() - originBefore, 5);
        QVERIFY(!m_gateway->log().contains(Password.toUtf8()));

        // After the pause, hits come back without restarting anything (the
        // bound is generous: on a loaded machine the reconnection has taken 10 s).
        // Bounded by the clock, not by QTRY's count of 50 ms steps: each try is
        // a request of its own, so the steps do not add up to wall time.
        const QDeadlineTimer reconnected(30'000);
        bool hit = isHit(statusOf(get("/pref/stall/cached")));
        while (!hit && !reconnected.hasExpired()) {
            QTest::qWait(50);
            hit = isHit(statusOf(get("/pref/stall/cached")));
        }
        QVERIFY2(hit, "no hit within 30 s of the pause");
    }

    // Redis restarted on the same port (empty): the gateway reconnects by
    // itself and stores and serves hits again within 2 s.
    void redisRestartedOnTheSamePort()
    {
        QVERIFY(startAll());
        QVERIFY(warm("/pref/restart/1"));
        const quint16 port = m_redis->port();
        m_redis->kill();
        QCOMPARE(statusOf(get("/pref/restart/1")), Miss);
        QCOMPARE(statusOf(get("/pref/restart/2")), Miss);

        QVERIFY2(m_redis->restart(), qPrintable(m_redis->errorText()));
        QCOMPARE(m_redis->port(), port);
        const QDeadlineTimer deadline(2'000);
        QByteArray status;
        bool stored = false;
        while (!stored && !deadline.hasExpired()) {
            status = statusOf(get("/pref/restart/1"));
            stored = status == Stored;
            if (!stored) {
                QCOMPARE(status, Miss);
                QTest::qWait(20);
            }
        }
        QVERIFY2(stored, status.constData());
        // Then hits, on whichever worker answers each new connection.
        int hits = 0;
        while (hits < 4 && !deadline.hasExpired()) {
            status = statusOf(get("/pref/restart/1"));
            if (isHit(status))
                ++hits;
            else
                QTest::qWait(20);
        }
        QVERIFY2(hits == 4, status.constData());
        QTRY_VERIFY_WITH_TIMEOUT(m_gateway->log().count("external cache 'main' is reachable") >= 1, 2'000);
        QVERIFY(!m_gateway->log().contains(Password.toUtf8()));
    }

    // While Redis is down, lookups count as errors (not misses), /status says
    // so without the password, and the workers never fail a request.
    void lookupErrorsAreCountedWhileDown()
    {
        QVERIFY(startAll());
        QVERIFY(warm("/pref/metrics/1"));
        const QByteArray before = m_gateway->metrics();
        const auto value = [](const QByteArray &metrics, const QByteArray &outcome) {
            const double v = GatewayProcess::metricValue(metrics, "sluice_cache_lookups_total",
                                                         {{"api", "pref"}, {"cache", "main"}, {"outcome", outcome}});
            return v < 0 ? 0.0 : v;
        };
        QCOMPARE(value(before, "hit"), 1.0);
        QCOMPARE(value(before, "miss"), 1.0);
        QCOMPARE(value(before, "error"), 0.0);

        m_redis->kill();
        constexpr int requests = 12;
        for (int i = 0; i < requests; ++i) {
            const auto r = get("/pref/metrics/" + QByteArray::number(i % 3));
            QVERIFY(r);
            QCOMPARE(r->status, 200);
            QCOMPARE(statusOf(r), Miss);
        }
        const QByteArray after = m_gateway->metrics();
        QCOMPARE(value(after, "error"), double(requests));
        QCOMPARE(value(after, "hit"), 1.0);
        QCOMPARE(value(after, "miss"), 1.0);
        QCOMPARE(
            GatewayProcess::metricValue(after, "sluice_requests_total", {{"api", "pref"}, {"status_class", "5xx"}}),
            -1.0);
        QVERIFY(!after.contains(Password.toUtf8()));

        const auto status = TestHttpClient::get(m_gateway->adminPort(), "/status");
        QVERIFY(status);
        QVERIFY(!status->body.contains(Password.toUtf8()));
        const QJsonObject cache =
            QJsonDocument::fromJson(status->body).object().value(QStringLiteral("cache")).toObject();
        QCOMPARE(cache.value(QStringLiteral("connected")).toBool(true), false);
        QVERIFY2(!cache.value(QStringLiteral("lastError")).toString().isEmpty(), status->body.constData());

        // Values fail open too: the store is skipped, the lookup misses.
        const auto store = get("/values/store?k=down&v=1");
        QVERIFY(store);
        QCOMPARE(store->status, 200);
        const auto lookup = get("/values/lookup?k=down");
        QVERIFY(lookup);
        QCOMPARE(lookup->status, 200);
        QCOMPARE(lookup->headers.value("X-Value"), QByteArray("(none)"));

        // The admin endpoints say that the store could not answer (503, naming
        // it), never with the password.
        TestHttpClient admin(m_gateway->adminPort());
        const QList<std::pair<QByteArray, QByteArray>> calls {
            {"GET", "/cache/entries?store=main"},
            {"GET", "/cache/entries"},
            {"POST", "/cache/purge?store=main"},
            {"DELETE", "/cache/entries/sluice%3Av1%3Ax-down?store=main"}};
        for (const auto &[method, target] : calls) {
            const auto r = admin.request(method, target);
            QVERIFY2(r, target.constData());
            QVERIFY2(r->status == 503,
                     qPrintable(QStringLiteral("%1 %2: %3 %4")
                                    .arg(QString::fromUtf8(method), QString::fromUtf8(target))
                                    .arg(r->status)
                                    .arg(QString::fromUtf8(r->body))));
            QVERIFY2(r->body.contains("main"), r->body.constData());
            QVERIFY(!r->body.contains(Password.toUtf8()));
        }
    }
};

QTEST_GUILESS_MAIN(TestCacheExternalFaults)
#include "tst_cache_external_faults.moc"
