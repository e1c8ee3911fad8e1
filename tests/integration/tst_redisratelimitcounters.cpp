// RedisRateLimitCounters against a real redis-server: the Lua script's sliding
// and fixed windows, all-or-nothing increments of several checks, increments
// added after the response, a flushed script cache, a Redis Cluster (one slot
// per call), and the in-process fallback (with its metrics) when Redis is not
// there.
#include "RedisClientTestSupport.h"
#include "RedisCluster.h"
#include "RedisServer.h"

#include "gateway/ratelimit/InMemoryRateLimitCounters.h"
#include "gateway/ratelimit/RedisRateLimitCounters.h"
#include "metrics/MetricsRegistry.h"
#include "redis/RedisClient.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QDeadlineTimer>
#include <QSet>
#include <QTcpServer>
#include <QTest>

#include <memory>
#include <optional>

using namespace sluice;
using namespace sluice::test;

namespace {

RateLimitCheck sliding(const QByteArray &key, qint64 limit, qint64 periodMs, qint64 amount = 1)
{
    return {key, limit, periodMs, false, 0, amount, {}};
}

RateLimitCheck fixed(const QByteArray &key, qint64 limit, qint64 periodMs, qint64 originMs, qint64 amount = 1)
{
    return {key, limit, periodMs, true, originMs, amount, {}};
}

std::optional<RateLimitOutcome> acquire(RateLimitCounters &counters, std::vector<RateLimitCheck> checks)
{
    QObject context;
    auto result = std::make_shared<std::optional<RateLimitOutcome>>();
    counters.acquire(std::move(checks), &context, [result](RateLimitOutcome o) { *result = std::move(o); });
    const QDeadlineTimer deadline(WaitMs);
    while (!*result && !deadline.hasExpired())
        QCoreApplication::processEvents(QEventLoop::AllEvents | QEventLoop::WaitForMoreEvents, 50);
    return *result;
}

double sample(const MetricsRegistry &registry, const QByteArray &family)
{
    for (const QByteArray &line : registry.prometheusText().split('\n')) {
        if (line.startsWith(family + "{cache=\"main\"}"))
            return line.mid(line.lastIndexOf(' ') + 1).toDouble();
    }
    return -1;
}

bool startAndConnect(RedisClient &client)
{
    client.start();
    const QDeadlineTimer deadline(WaitMs);
    while (!client.isConnected() && !deadline.hasExpired())
        QCoreApplication::processEvents(QEventLoop::AllEvents | QEventLoop::WaitForMoreEvents, 50);
    return client.isConnected();
}

} // namespace

class TestRedisRateLimitCounters : public QObject
{
    Q_OBJECT

private:
    RedisServer m_redis;
    std::unique_ptr<RedisClient> m_client;
    InMemoryRateLimitCounters m_fallback;
    MetricsRegistry m_registry;
    std::unique_ptr<RedisRateLimitCounters> m_counters;

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY2(m_redis.start(), qPrintable(m_redis.errorText()));
        m_client = std::make_unique<RedisClient>(m_redis.connectionOptions());
        QVERIFY(startAndConnect(*m_client));
        m_counters =
            std::make_unique<RedisRateLimitCounters>(*m_client, m_fallback, QStringLiteral("main"), &m_registry);
    }

    void cleanupTestCase()
    {
        m_counters.reset();
        m_client.reset();
    }

    void slidingWindowCountsAndRefuses()
    {
        for (qint64 remaining : {2, 1, 0}) {
            const auto o = acquire(*m_counters, {sliding("calls", 3, 60'000)});
            QVERIFY(o);
            QVERIFY(o->allowed);
            QCOMPARE(o->remaining, std::vector<qint64> {remaining});
        }
        const auto refused = acquire(*m_counters, {sliding("calls", 3, 60'000)});
        QVERIFY(refused);
        QVERIFY(!refused->allowed);
        QCOMPARE(refused->failed, 0);
        QVERIFY2(refused->retryAfterMs > 55'000 && refused->retryAfterMs <= 60'000,
                 qPrintable(QString::number(refused->retryAfterMs)));
        QCOMPARE(sample(m_registry, "sluice_rate_limit_fallbacks_total"), 0.0);
    }

    // The oldest increment leaves the window; the sum follows it.
    void slidingWindowRenews()
    {
        QVERIFY(acquire(*m_counters, {sliding("short", 1, 300)})->allowed);
        const auto refused = acquire(*m_counters, {sliding("short", 1, 300)});
        QVERIFY(!refused->allowed);
        QVERIFY(refused->retryAfterMs <= 300);
        // (QTRY_* evaluates its expression once more after success: acquire only until renewed.)
        bool renewed = false;
        QTRY_VERIFY_WITH_TIMEOUT(renewed || (renewed = acquire(*m_counters, {sliding("short", 1, 300)})->allowed),
                                 3'000);
    }

    // Several checks: nothing is counted unless all of them pass.
    void allOrNothing()
    {
        RateLimitCheck wide = sliding("wide", 5, 60'000);
        RateLimitCheck narrow = sliding("narrow", 1, 60'000);
        wide.group = narrow.group = "caller";
        QCOMPARE(acquire(*m_counters, {wide, narrow})->remaining, (std::vector<qint64> {4, 0}));
        const auto refused = acquire(*m_counters, {wide, narrow});
        QVERIFY(!refused->allowed);
        QCOMPARE(refused->failed, 1);
        QCOMPARE(refused->remaining, (std::vector<qint64> {4, 0}));
        QCOMPARE(acquire(*m_counters, {wide})->remaining, std::vector<qint64> {3});
    }

    // add() counts whatever the limit; an amount of 0 only checks.
    void addedAfterTheResponse()
    {
        const RateLimitCheck check = sliding("late", 3, 60'000, 2);
        m_counters->add(check);
        m_counters->add(check);
        QTRY_COMPARE_WITH_TIMEOUT(
            m_redis.cli(
                {QStringLiteral("GET"), QString::fromUtf8(RedisRateLimitCounters::redisKey("late", "late") + ":n")}),
            QByteArray("4"), 5'000);
        const auto o = acquire(*m_counters, {sliding("late", 3, 60'000, 0)});
        QVERIFY(!o->allowed);
        QCOMPARE(o->remaining, std::vector<qint64> {0});
    }

    void fixedWindows()
    {
        // One window for ever.
        QVERIFY(acquire(*m_counters, {fixed("forever", 1, 0, 0)})->allowed);
        const auto never = acquire(*m_counters, {fixed("forever", 1, 0, 0)});
        QVERIFY(!never->allowed);
        QCOMPARE(never->retryAfterMs, RateLimitNeverMs);
        // Windows of an hour that started 59 min 58.5 s ago: this one ends within 1.5 s.
        const qint64 origin = QDateTime::currentMSecsSinceEpoch() - 3'598'500;
        QCOMPARE(acquire(*m_counters, {fixed("hourly", 2, 3'600'000, origin)})->remaining, std::vector<qint64> {1});
        QVERIFY(acquire(*m_counters, {fixed("hourly", 2, 3'600'000, origin)})->allowed);
        const auto refused = acquire(*m_counters, {fixed("hourly", 2, 3'600'000, origin)});
        QVERIFY(!refused->allowed);
        QVERIFY2(refused->retryAfterMs > 0 && refused->retryAfterMs <= 1'500,
                 qPrintable(QString::number(refused->retryAfterMs)));
        // The next window starts from zero.
        bool renewed = false;
        QTRY_VERIFY_WITH_TIMEOUT(
            renewed || (renewed = acquire(*m_counters, {fixed("hourly", 2, 3'600'000, origin)})->allowed), 4'000);
        QCOMPARE(acquire(*m_counters, {fixed("hourly", 2, 3'600'000, origin)})->remaining, std::vector<qint64> {0});
    }

    // A server that forgot the script (SCRIPT FLUSH, a restart) is sent its source.
    void flushedScriptIsReloaded()
    {
        QCOMPARE(m_redis.cli({QStringLiteral("SCRIPT"), QStringLiteral("FLUSH")}), QByteArray("OK"));
        const auto o = acquire(*m_counters, {sliding("flushed", 2, 60'000)});
        QVERIFY(o);
        QVERIFY(o->allowed);
        QCOMPARE(o->remaining, std::vector<qint64> {1});
        QCOMPARE(sample(m_registry, "sluice_rate_limit_fallbacks_total"), 0.0);
    }

    // A Redis Cluster: the keys of one call share a slot (their hash tag),
    // so the script runs there; calls of other groups spread over the masters.
    void cluster()
    {
        RedisCluster cluster;
        QVERIFY2(cluster.start(), qPrintable(cluster.errorText()));
        RedisClient client(cluster.options());
        QVERIFY(startAndConnect(client));
        InMemoryRateLimitCounters local;
        MetricsRegistry registry;
        RedisRateLimitCounters counters(client, local, QStringLiteral("main"), &registry);
        QSet<quint16> owners;
        for (int caller = 0; caller < 12; ++caller) {
            const QByteArray group = "caller-" + QByteArray::number(caller);
            RateLimitCheck perCaller = sliding("rl|a|" + group, 1, 60'000);
            RateLimitCheck perApi = fixed("q|api|" + group, 5, 0, 0);
            perCaller.group = perApi.group = group;
            const auto o = acquire(counters, {perCaller, perApi});
            QVERIFY(o);
            QVERIFY(o->allowed);
            QCOMPARE(o->remaining, (std::vector<qint64> {0, 4}));
            QVERIFY(!acquire(counters, {perCaller, perApi})->allowed);
            owners.insert(cluster.ownerOf(cluster.keySlot(RedisRateLimitCounters::redisKey(group, perCaller.key))));
        }
        QCOMPARE(sample(registry, "sluice_rate_limit_fallbacks_total"), 0.0);
        QCOMPARE(local.counterCount(), 0);
        QVERIFY(owners.size() > 1);
    }

    // No Redis: counted in-process, exactly, and the metrics say so.
    void fallsBackWithoutRedis()
    {
        QTcpServer probe;
        QVERIFY(probe.listen(QHostAddress::LocalHost, 0));
        RedisConnectionOptions options;
        options.endpoints = {{QStringLiteral("127.0.0.1"), probe.serverPort()}};
        probe.close(); // nothing listens there now
        RedisClient absent(options);
        absent.start();
        InMemoryRateLimitCounters local;
        MetricsRegistry registry;
        {
            RedisRateLimitCounters counters(absent, local, QStringLiteral("main"), &registry);
            QVERIFY(acquire(counters, {sliding("x", 2, 60'000)})->allowed);
            QCOMPARE(sample(registry, "sluice_rate_limit_fallback"), 1.0);
            counters.add(sliding("x", 2, 60'000));
            const auto refused = acquire(counters, {sliding("x", 2, 60'000)});
            QVERIFY(!refused->allowed);
            QCOMPARE(local.counterCount(), 1);
            QTRY_COMPARE(sample(registry, "sluice_rate_limit_fallbacks_total"), 3.0);
        }
        QCOMPARE(sample(registry, "sluice_rate_limit_fallback"), 0.0); // no thread left counting in-process
    }
};

QTEST_GUILESS_MAIN(TestRedisRateLimitCounters)
#include "tst_redisratelimitcounters.moc"
