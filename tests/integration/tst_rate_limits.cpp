// rate-limit, rate-limit-by-key, quota and quota-by-key end to end, with the
// counters' clock under the test's control: exact sliding windows, fixed
// quota windows, Retry-After and APIM's bodies, per subscription and per key.
#include "InProcessGateway.h"
#include "OriginServer.h"
#include "TestHttpClient.h"
#include "TestWorkspace.h"
#include "gateway/GatewayConfig.h"

#include <QTest>

#include <atomic>

using namespace sluice;

using Headers = QList<std::pair<QByteArray, QByteArray>>;

namespace {

// 2027-01-15T08:00:00Z: a whole minute, so a 60 s quota window starts here.
constexpr qint64 T0 = 1'800'000'000'000;

QByteArray rateLimitBody(int seconds)
{
    return "{ \"statusCode\": 429, \"message\": \"Rate limit is exceeded. Try again in " + QByteArray::number(seconds)
        + " seconds.\" }";
}

} // namespace

class TestRateLimits : public QObject
{
    Q_OBJECT

private:
    OriginServer m_origin;
    TestWorkspace m_workspace;
    InProcessGateway m_gateway;
    quint16 m_port = 0;
    std::shared_ptr<std::atomic<qint64>> m_now = std::make_shared<std::atomic<qint64>>(T0);

    std::optional<HttpResponse> get(const QByteArray &target, const QByteArray &key = "key-one")
    {
        return TestHttpClient::get(m_port, target, {{"Ocp-Apim-Subscription-Key", key}});
    }

    int status(const QByteArray &target, const QByteArray &key = "key-one")
    {
        const auto r = get(target, key);
        return r ? r->status : -1;
    }

    void at(qint64 offsetMs) { m_now->store(T0 + offsetMs); }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY2(m_origin.listen(), qPrintable(m_origin.errorString()));
        QVERIFY(m_workspace.isValid());
        const QString fixture = QFINDTESTDATA("data/rate-limits/gateway");
        QVERIFY(!fixture.isEmpty());
        QVERIFY(m_workspace.copyFrom(fixture, {{"ORIGIN", m_origin.url().toString().toUtf8()}}));
        QString error;
        const auto now = m_now;
        QVERIFY2(m_gateway.start(m_workspace.path(), &error,
                                 [now](GatewayOptions &o) { o.rateLimitClock = [now] { return now->load(); }; }),
                 qPrintable(error));
        m_port = m_gateway.port();
        QVERIFY(m_port != 0);
    }

    void cleanupTestCase() { QVERIFY(m_gateway.stop()); }

    void init() { m_origin.reset(); }

    // calls="3" renewal-period="10": an exact sliding window per subscription.
    void rateLimitSlidingWindow()
    {
        struct Call
        {
            qint64 atMs;
            QByteArray key;
            int status;
            QByteArray remaining; // X-Remaining on success, Retry-After on 429
        };
        const Call calls[] = {
            {0, "key-one", 200, "2"},     {5000, "key-one", 200, "1"},  {6000, "key-one", 200, "0"},
            {7000, "key-one", 429, "3"},  {7000, "key-two", 200, "2"},  {9999, "key-one", 429, "1"},
            {10001, "key-one", 200, "0"}, {11000, "key-one", 429, "4"}, {15001, "key-one", 200, "0"},
        };
        int backendCalls = 0;
        for (const Call &c : calls) {
            at(c.atMs);
            const auto r = get("/limits/rl", c.key);
            QVERIFY(r);
            const QByteArray where = QByteArray::number(c.atMs) + " ms " + c.key;
            QVERIFY2(r->status == c.status, where.constData());
            if (c.status == 200) {
                ++backendCalls;
                QCOMPARE(r->headers.value("X-Remaining"), c.remaining);
                QCOMPARE(r->headers.value("X-Remaining-Variable"), c.remaining);
                QCOMPARE(r->headers.value("X-Total"), QByteArray("3"));
            } else {
                QCOMPARE(r->headers.value("Retry-After"), c.remaining);
                QCOMPARE(r->headers.value("X-Retry"), c.remaining);
                QCOMPARE(r->headers.value("X-Remaining"), QByteArray("0"));
                QCOMPARE(r->body, rateLimitBody(c.remaining.toInt()));
                QVERIFY(r->headers.value("Content-Type").startsWith("application/json"));
                QCOMPARE(r->headers.value("X-Error"), "rate-limit/RateLimitExceeded/" + c.remaining);
            }
        }
        QCOMPARE(m_origin.requestCount("/rl"), backendCalls);
    }

    // <api>/<operation> children: limits of their own for one operation.
    void rateLimitScopes()
    {
        at(100'000);
        QCOMPARE(status("/scoped/a"), 200);
        QCOMPARE(status("/scoped/a"), 429);
        QCOMPARE(status("/scoped/a", "key-two"), 200);
        for (int i = 0; i < 5; ++i)
            QCOMPARE(status("/scoped/b"), 200);
        at(160'001);
        QCOMPARE(status("/scoped/a"), 200);
    }

    // increment-condition reads the response: only 2xx answers count.
    void rateLimitByKeyCountsAfterResponse()
    {
        at(200'000);
        for (int i = 0; i < 4; ++i)
            QCOMPARE(status("/limits/bykey?k=after&code=500"), 500);
        QCOMPARE(status("/limits/bykey?k=after&code=200"), 200);
        QCOMPARE(status("/limits/bykey?k=after&code=201"), 201);
        const auto r = get("/limits/bykey?k=after&code=200");
        QVERIFY(r);
        QCOMPARE(r->status, 429);
        QCOMPARE(r->body, rateLimitBody(60));
        // Another key has its own counter.
        QCOMPARE(status("/limits/bykey?k=other&code=200"), 200);
        QCOMPARE(m_origin.requestCount("/status/"), 7);
    }

    // increment-count="@(2)" against calls="@(3)": the second call does not fit.
    void rateLimitByKeyIncrementCount()
    {
        at(300'000);
        const auto first = get("/limits/bycount?k=x");
        QVERIFY(first);
        QCOMPARE(first->status, 200);
        QCOMPARE(first->headers.value("X-Remaining"), QByteArray("1"));
        QCOMPARE(status("/limits/bycount?k=x"), 429);
        at(360'001);
        QCOMPARE(status("/limits/bycount?k=x"), 200);
    }

    // quota calls="2" renewal-period="60": fixed windows, 403 with the time left.
    void quotaCalls()
    {
        at(60'000 * 10);
        QCOMPARE(status("/limits/quota"), 200);
        at(60'000 * 10 + 8000);
        QCOMPARE(status("/limits/quota"), 200);
        const auto r = get("/limits/quota");
        QVERIFY(r);
        QCOMPARE(r->status, 403);
        QCOMPARE(r->body,
                 QByteArray("{ \"statusCode\": 403, \"message\": \"Out of call volume quota. Quota will be "
                            "replenished in 00:00:52.\" }"));
        QCOMPARE(r->headers.value("X-Error"), QByteArray("quota/QuotaExceeded"));
        QCOMPARE(status("/limits/quota", "key-two"), 200); // per subscription
        at(60'000 * 11); // the next window
        QCOMPARE(status("/limits/quota"), 200);
        QCOMPARE(m_origin.requestCount("/quota"), 4);
    }

    // bandwidth="1": the first response (2000 bytes) uses up the kilobyte.
    void quotaBandwidth()
    {
        at(60'000 * 20);
        QCOMPARE(status("/limits/bandwidth"), 200);
        const auto r = get("/limits/bandwidth");
        QVERIFY(r);
        QCOMPARE(r->status, 403);
        QVERIFY2(r->body.contains("Out of bandwidth quota. Quota will be replenished in 00:01:00."),
                 r->body.constData());
        at(60'000 * 21);
        QCOMPARE(status("/limits/bandwidth"), 200);
    }

    void quotaByKey()
    {
        at(60'000 * 30);
        QCOMPARE(status("/limits/quotakey?k=a"), 200);
        QCOMPARE(status("/limits/quotakey?k=a", "key-two"), 403); // the key, not the subscription, counts
        QCOMPARE(status("/limits/quotakey?k=b"), 200);
    }

    void loadErrors_data()
    {
        QTest::addColumn<QString>("expected");
        const QString file = QStringLiteral("policies/apis/bad.xml:");
        QTest::newRow("renewal-period over 300") << file
                + QStringLiteral("4:48: error: attribute 'renewal-period' must be an integer from 1 to 300, not '301'");
        QTest::newRow("calls missing") << file
                + QStringLiteral("5:9: error: 'rate-limit' requires the attribute 'calls'");
        QTest::newRow("rate-limit calls expression")
            << file + QStringLiteral("6:28: error: attribute 'calls' does not accept policy expressions");
        QTest::newRow("unknown attribute")
            << file + QStringLiteral("7:52: error: 'rate-limit' has no attribute 'burst'");
        QTest::newRow("api without name or id")
            << file + QStringLiteral("8:52: error: 'api' needs a 'name' or an 'id'");
        QTest::newRow("counter-key missing")
            << file + QStringLiteral("9:9: error: 'rate-limit-by-key' requires the attribute 'counter-key'");
        QTest::newRow("quota without calls or bandwidth")
            << file + QStringLiteral("10:9: error: 'quota' needs 'calls' or 'bandwidth'");
        QTest::newRow("first-period-start")
            << file + QStringLiteral("11:89: error: first-period-start must be an ISO 8601");
        QTest::newRow("cors origin") << file
                + QStringLiteral("12:15: error: 'not an origin' is not an origin (scheme://host[:port])");
    }

    void loadErrors()
    {
        QFETCH(QString, expected);
        Diagnostics diagnostics;
        const auto config = GatewayConfig::load(QFINDTESTDATA("data/rate-limits/bad"), {}, &diagnostics);
        QVERIFY(!config);
        const QString problems = InProcessGateway::problems(diagnostics);
        QVERIFY2(problems.contains(expected), qPrintable(problems));
    }
};

QTEST_GUILESS_MAIN(TestRateLimits)
#include "tst_rate_limits.moc"
