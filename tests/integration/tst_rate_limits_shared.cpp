// Rate limits and quotas shared through the external cache: two real
// sluice-gateway processes in front of a counting origin, sharing one real
// redis-server (with a password) on a free loopback port. A limit holds across
// both processes; with Redis down each process counts in-process and says so
// in its metrics; once Redis is back the counters live there again. Bounded in
// time; every process stopped by its own handle.
#include "GatewayProcess.h"
#include "OriginServer.h"
#include "RedisServer.h"
#include "TestHttpClient.h"
#include "TestWorkspace.h"

#include "gateway/ratelimit/RedisRateLimitCounters.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

#include <algorithm>
#include <memory>

using namespace sluice;
using namespace sluice::test;

namespace {

const QString Password = QStringLiteral("RateLimit-TEST-redis-pw-7f2e");
const QByteArray Fallbacks = "sluice_rate_limit_fallbacks_total";
const QByteArray FallingBack = "sluice_rate_limit_fallback";

using Headers = QList<std::pair<QByteArray, QByteArray>>;

int readyClients(const QByteArray &clientList)
{
    int n = 0;
    for (const QByteArray &line : clientList.split('\n')) {
        if (line.contains(" cmd=ping") || line.contains(" cmd=get") || line.contains(" cmd=set")
            || line.contains(" cmd=eval"))
            ++n;
    }
    return n;
}

int statusOf(const std::optional<HttpResponse> &r)
{
    return r ? r->status : -1;
}

double metric(const GatewayProcess &gateway, const QByteArray &family)
{
    return GatewayProcess::metricValue(gateway.metrics(), family, {{"cache", "shared"}});
}

} // namespace

class TestRateLimitsShared : public QObject
{
    Q_OBJECT

private:
    OriginServer m_origin;
    std::unique_ptr<RedisServer> m_redis;
    std::unique_ptr<TestWorkspace> m_workspace;
    std::unique_ptr<GatewayProcess> m_a;
    std::unique_ptr<GatewayProcess> m_b;

    QByteArray redisCli(const QStringList &arguments) { return m_redis->cli(arguments); }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY2(QFileInfo::exists(GatewayProcess::binary()), qPrintable(GatewayProcess::binary()));
        const QString fixture = QFINDTESTDATA("data/rate-limits-shared");
        QVERIFY(!fixture.isEmpty());
        m_origin.setThreads(2);
        QVERIFY2(m_origin.listen(), qPrintable(m_origin.errorString()));

        RedisServer::Options options;
        options.password = Password;
        m_redis = std::make_unique<RedisServer>(options);
        QVERIFY2(m_redis->start(), qPrintable(m_redis->errorText()));

        const QJsonArray caches {QJsonObject {
            {QStringLiteral("id"), QStringLiteral("shared")},
            {QStringLiteral("useFrom"), QStringLiteral("default")},
            {QStringLiteral("connectionString"), m_redis->connectionString() + QStringLiteral(",syncTimeout=1000")}}};
        m_workspace = std::make_unique<TestWorkspace>();
        QVERIFY(m_workspace->copyFrom(fixture,
                                      {{"ORIGIN", m_origin.url().toString().toUtf8()},
                                       {"CACHES", QJsonDocument(caches).toJson(QJsonDocument::Compact)}}));
        m_a = std::make_unique<GatewayProcess>(m_workspace->path());
        m_b = std::make_unique<GatewayProcess>(m_workspace->path());
        QVERIFY2(m_a->start(), qPrintable(m_a->errorText()));
        QVERIFY2(m_b->start(), qPrintable(m_b->errorText()));
        // Two workers and the admin listener in each process, all connected
        // before the first count (until then a thread counts in-process).
        QTRY_COMPARE_WITH_TIMEOUT(readyClients(redisCli({QStringLiteral("CLIENT"), QStringLiteral("LIST")})), 6,
                                  10'000);
    }

    void cleanupTestCase()
    {
        // Neither the metrics nor the log ever show the password.
        if (m_a && m_b) {
            for (GatewayProcess *g : {m_a.get(), m_b.get()}) {
                QVERIFY(!g->log().contains(Password.toUtf8()));
                QVERIFY(!g->metrics().contains(Password.toUtf8()));
            }
            QVERIFY(m_a->stop());
            QVERIFY(m_b->stop());
        }
    }

    void init() { m_origin.reset(); }

    // rate-limit calls="10": ten calls split over both gateways pass, the
    // eleventh in total is refused by either, and the counter is in Redis.
    void rateLimitHoldsAcrossGateways()
    {
        const Headers key {{"Ocp-Apim-Subscription-Key", "key-one"}};
        for (int i = 0; i < 10; ++i) {
            GatewayProcess &g = i % 2 ? *m_b : *m_a;
            const auto r = TestHttpClient::get(g.port(), "/rl/call", key);
            QCOMPARE(statusOf(r), 200);
            QCOMPARE(r->headers.value("X-Remaining"), QByteArray::number(9 - i));
        }
        for (GatewayProcess *g : {m_a.get(), m_b.get()}) {
            const auto limited = TestHttpClient::get(g->port(), "/rl/call", key);
            QCOMPARE(statusOf(limited), 429);
            QVERIFY(limited->body.startsWith(
                "{ \"statusCode\": 429, \"message\": \"Rate limit is exceeded. Try again in "));
            QVERIFY(limited->headers.value("Retry-After").toInt() > 0);
        }
        QCOMPARE(m_origin.requestCount("/call"), 10);
        // Another subscription has its own counter.
        QCOMPARE(statusOf(TestHttpClient::get(m_b->port(), "/rl/call", {{"Ocp-Apim-Subscription-Key", "key-two"}})),
                 200);
        // Counted in Redis, not in either process.
        // Counted in Redis: the sums of the rate-limit counters are key-one's
        // 10 calls and key-two's one.
        QList<QByteArray> sums;
        const QByteArray sumKeys =
            redisCli({QStringLiteral("--scan"), QStringLiteral("--pattern"), QStringLiteral("sluice:rl:*:rl:*:n")});
        for (const QByteArray &k : sumKeys.split('\n'))
            sums.append(redisCli({QStringLiteral("GET"), QString::fromUtf8(k.trimmed())}));
        std::sort(sums.begin(), sums.end());
        QCOMPARE(sums, (QList<QByteArray> {"1", "10"}));
        // Digests: neither the subscription nor its key appear in Redis as such.
        const QByteArray all = redisCli({QStringLiteral("--scan"), QStringLiteral("--pattern"), QStringLiteral("*")});
        QVERIFY2(!all.contains("one") && !all.contains("two"), all.constData());
        QCOMPARE(metric(*m_a, Fallbacks), 0.0);
        QCOMPARE(metric(*m_b, Fallbacks), 0.0);
    }

    // quota-by-key calls="4" (a fixed window): 403 once both gateways made four calls.
    void quotaHoldsAcrossGateways()
    {
        for (int i = 0; i < 4; ++i)
            QCOMPARE(statusOf(TestHttpClient::get((i < 2 ? *m_a : *m_b).port(), "/quota/q?k=tenant")), 200);
        for (GatewayProcess *g : {m_a.get(), m_b.get()}) {
            const auto over = TestHttpClient::get(g->port(), "/quota/q?k=tenant");
            QCOMPARE(statusOf(over), 403);
            QVERIFY2(over->body.startsWith("{ \"statusCode\": 403, \"message\": \"Out of call volume quota. Quota will "
                                           "be replenished in "),
                     over->body.constData());
            QVERIFY(over->headers.contains("Retry-After"));
        }
        QCOMPARE(statusOf(TestHttpClient::get(m_a->port(), "/quota/q?k=other")), 200);
        QCOMPARE(m_origin.requestCount("/q"), 5);
    }

    // An increment-condition that reads the response is counted after it
    // (one more script call); the next gateway sees it.
    void incrementAfterResponseIsShared()
    {
        const QByteArray sum = RedisRateLimitCounters::redisKey("rlk|late", "rlk|late") + ":n";
        for (int i = 0; i < 3; ++i) {
            QCOMPARE(statusOf(TestHttpClient::get((i % 2 ? *m_b : *m_a).port(), "/after/x?k=late")), 200);
            QTRY_COMPARE_WITH_TIMEOUT(redisCli({QStringLiteral("GET"), QString::fromUtf8(sum)}),
                                      QByteArray::number(i + 1), 5'000);
        }
        QCOMPARE(statusOf(TestHttpClient::get(m_b->port(), "/after/x?k=late")), 429);
        QCOMPARE(statusOf(TestHttpClient::get(m_a->port(), "/after/x?k=late")), 429);
        QCOMPARE(m_origin.requestCount("/x"), 3);
    }

    // Redis down: each process still limits exactly, in-process, and its
    // metrics say so; once Redis is back, counting returns there.
    void fallsBackToInProcessWhileRedisIsDown()
    {
        m_redis->kill();
        const Headers key {{"Ocp-Apim-Subscription-Key", "key-two"}};
        // key-two made one call (through Redis) before: the in-process count starts afresh.
        for (int i = 0; i < 10; ++i)
            QCOMPARE(statusOf(TestHttpClient::get(m_a->port(), "/rl/fallback", key)), 200);
        QCOMPARE(statusOf(TestHttpClient::get(m_a->port(), "/rl/fallback", key)), 429);
        QCOMPARE(m_origin.requestCount("/fallback"), 10);
        QVERIFY(metric(*m_a, Fallbacks) >= 11);
        QVERIFY(metric(*m_a, FallingBack) >= 1);
        // The other process counts on its own meanwhile.
        QCOMPARE(statusOf(TestHttpClient::get(m_b->port(), "/rl/fallback", key)), 200);
        QVERIFY(metric(*m_b, Fallbacks) >= 1);

        QVERIFY2(m_redis->restart(), qPrintable(m_redis->errorText()));
        QTRY_COMPARE_WITH_TIMEOUT(readyClients(redisCli({QStringLiteral("CLIENT"), QStringLiteral("LIST")})), 6,
                                  15'000);
        const double before = metric(*m_a, Fallbacks);
        int n = 0;
        for (; n < 20 && metric(*m_a, FallingBack) > 0; ++n)
            QCOMPARE(statusOf(TestHttpClient::get(m_a->port(), QByteArray("/quota/back?k=r") + QByteArray::number(n))),
                     200);
        QCOMPARE(metric(*m_a, FallingBack), 0.0);
        QCOMPARE(metric(*m_a, Fallbacks), before);
        const QByteArray last = "qk|r" + QByteArray::number(n - 1);
        const QByteArray window = RedisRateLimitCounters::redisKey(last, last + "|calls") + ":w";
        QCOMPARE(redisCli({QStringLiteral("HGET"), QString::fromUtf8(window), QStringLiteral("n")}), QByteArray("1"));
    }
};

QTEST_GUILESS_MAIN(TestRateLimitsShared)
#include "tst_rate_limits_shared.moc"
