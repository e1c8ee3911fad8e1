// The custom caching scenarios of APIM's "Custom caching in Azure API
// Management" article (and the ones the issue adds), each against a real
// origin, counting the backend calls that the cache saves:
//   1 response caching by product id   4 fragment caching (the article's policy)
//   2 user preferences (send-request)  5 transparent versioning (the article's policy)
//   3 rate-limiting protection         6 tenant isolation (a backend host per subscription)
#include "InProcessGateway.h"
#include "OriginServer.h"
#include "TestHttpClient.h"
#include "TestWorkspace.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using namespace sluice;

using Headers = QList<std::pair<QByteArray, QByteArray>>;

namespace {

// An unsigned JWT (AsJwt() reads it without validating) with this subject.
QByteArray bearer(const QByteArray &subject)
{
    const auto part = [](const QByteArray &json) {
        return json.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals);
    };
    return "Bearer " + part("{\"alg\":\"HS256\",\"typ\":\"JWT\"}") + '.' + part("{\"sub\":\"" + subject + "\"}") + '.'
        + part("signature");
}

} // namespace

class TestCachingScenarios : public QObject
{
    Q_OBJECT

private:
    OriginServer m_origin;
    OriginServer m_tenantBackend; // the second tenant's hardware group
    TestWorkspace m_workspace;
    InProcessGateway m_gateway;
    quint16 m_port = 0;

    std::optional<HttpResponse> get(const QByteArray &target, const Headers &headers = {})
    {
        return TestHttpClient::get(m_port, target, headers);
    }

    static QJsonObject json(const QByteArray &body) { return QJsonDocument::fromJson(body).object(); }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY2(m_origin.listen(), qPrintable(m_origin.errorString()));
        QVERIFY2(m_tenantBackend.listen(), qPrintable(m_tenantBackend.errorString()));
        const QByteArray origin = m_origin.url().toString().toUtf8();
        m_origin.setRoute("/userprefs/alice", 200, "theme=dark", "text/plain");
        m_origin.setRoute("/userprefs/bob", 200, "theme=light", "text/plain");
        m_origin.setRoute("/flights/871", 200,
                          "{\n  \"airline\" : \"Air Canada\",\n  \"flightno\" : \"871\",\n  \"status\" : \"ontime\",\n"
                          "  \"gate\" : \"B40\",\n  \"terminal\" : \"2A\",\n  \"userprofile\" : \"$userprofile$\"\n}");
        m_origin.setRoute("/userprofile/bob", 200, "{ \"username\" : \"Bob Smith\", \"Status\" : \"Gold\" }");
        m_origin.setRoute("/api/ClientConfig/key-v1", 200, "v1", "text/plain");
        m_origin.setRoute("/api/ClientConfig/key-v2", 200, "v2", "text/plain");
        m_origin.setRoute("/api/TenantConfig/key-t1", 200, origin, "text/plain");
        m_origin.setRoute("/api/TenantConfig/key-t2", 200, m_tenantBackend.url().toString().toUtf8(), "text/plain");
        QVERIFY(m_workspace.isValid());
        const QString fixture = QFINDTESTDATA("data/caching-scenarios/gateway");
        QVERIFY(!fixture.isEmpty());
        QVERIFY(m_workspace.copyFrom(fixture, {{"ORIGIN", origin}}));
        QString error;
        QVERIFY2(m_gateway.start(m_workspace.path(), &error), qPrintable(error));
        m_port = m_gateway.port();
    }

    void cleanupTestCase() { QVERIFY(m_gateway.stop()); }

    void init()
    {
        m_origin.reset();
        m_tenantBackend.reset();
    }

    // 1: the first request per product goes to the backend; the next ones are
    // answered from the cached body by return-response.
    void responseCachingByProductId()
    {
        const auto first = get("/catalog/products/7");
        QVERIFY(first);
        QCOMPARE(first->status, 200);
        QVERIFY(!first->headers.contains("X-Served-From"));
        QCOMPARE(json(first->body).value(QStringLiteral("path")).toString(), QStringLiteral("/products/7"));
        for (int i = 0; i < 3; ++i) {
            const auto hit = get("/catalog/products/7");
            QVERIFY(hit);
            QCOMPARE(hit->status, 200);
            QCOMPARE(hit->headers.value("X-Served-From"), QByteArray("cache"));
            QCOMPARE(hit->body, first->body);
        }
        QCOMPARE(m_origin.requestCount("/products/7"), 1);
        const auto other = get("/catalog/products/8");
        QVERIFY(other);
        QVERIFY(!other->headers.contains("X-Served-From"));
        QCOMPARE(m_origin.requestCount("/products/"), 2);
    }

    // 2: preferences are fetched once per user with send-request, then cached.
    void userPreferences_data()
    {
        QTest::addColumn<QByteArray>("user");
        QTest::addColumn<QByteArray>("prefs");
        QTest::newRow("alice") << QByteArray("alice") << QByteArray("theme=dark");
        QTest::newRow("bob") << QByteArray("bob") << QByteArray("theme=light");
    }

    void userPreferences()
    {
        QFETCH(QByteArray, user);
        QFETCH(QByteArray, prefs);
        for (int i = 0; i < 3; ++i) {
            const auto r = get("/prefs/home", {{"X-User", user}});
            QVERIFY(r);
            QCOMPARE(r->status, 200);
            QCOMPARE(r->headers.value("X-User-Prefs"), prefs);
            // The backend request carried them too.
            QCOMPARE(m_origin.lastRequest().headers.value("X-User-Prefs"), prefs);
        }
        QCOMPARE(m_origin.requestCount("/userprefs/"), 1);
        QCOMPARE(m_origin.requestCount("/home"), 3);
    }

    // 3: an unknown client gets 10 calls a minute; once its address is cached
    // as trusted, the rate limit no longer applies.
    void rateLimitingProtection()
    {
        for (int i = 0; i < 10; ++i) {
            const auto r = get("/protected/data");
            QVERIFY(r);
            QCOMPARE(r->status, 200);
        }
        const auto limited = get("/protected/data");
        QVERIFY(limited);
        QCOMPARE(limited->status, 429);
        QVERIFY(
            limited->body.startsWith("{ \"statusCode\": 429, \"message\": \"Rate limit is exceeded. Try again in "));
        QCOMPARE(m_origin.requestCount("/data"), 10);

        TestHttpClient client(m_port);
        const auto trusted = client.request("POST", "/protected/trust");
        QVERIFY(trusted);
        QCOMPARE(trusted->status, 204);
        for (int i = 0; i < 5; ++i) {
            const auto r = get("/protected/data");
            QVERIFY(r);
            QCOMPARE(r->status, 200);
        }
        QCOMPARE(m_origin.requestCount("/data"), 15);
    }

    // 4: the article's fragment caching policy, unchanged but for the profile
    // service's host: the profile is fetched once and spliced into each response.
    void fragmentCaching()
    {
        const Headers auth {{"Authorization", bearer("bob")}};
        for (int i = 0; i < 3; ++i) {
            const auto r = get("/airline/flights/871", auth);
            QVERIFY(r);
            QCOMPARE(r->status, 200);
            QVERIFY2(r->body.contains("\"userprofile\" : { \"username\" : \"Bob Smith\", \"Status\" : \"Gold\" }"),
                     r->body.constData());
            QVERIFY(!r->body.contains("$userprofile$"));
            const QJsonObject flight = json(r->body);
            QCOMPARE(flight.value(QStringLiteral("userprofile")).toObject().value(QStringLiteral("Status")).toString(),
                     QStringLiteral("Gold"));
        }
        QCOMPARE(m_origin.requestCount("/userprofile/"), 1);
        QCOMPARE(m_origin.requestCount("/flights/871"), 3);
    }

    // 5: the article's transparent versioning policy: the version of each
    // subscription is read from api/ClientConfig/{key} once and selects api/v1/ or api/v2/.
    void transparentVersioning_data()
    {
        QTest::addColumn<QByteArray>("key");
        QTest::addColumn<QByteArray>("version");
        QTest::newRow("v1") << QByteArray("key-v1") << QByteArray("v1");
        QTest::newRow("v2") << QByteArray("key-v2") << QByteArray("v2");
    }

    void transparentVersioning()
    {
        QFETCH(QByteArray, key);
        QFETCH(QByteArray, version);
        for (int i = 0; i < 3; ++i) {
            const auto r = get("/versioned/customers", {{"Ocp-Apim-Subscription-Key", key}});
            QVERIFY(r);
            QCOMPARE(r->status, 200);
            QCOMPARE(json(r->body).value(QStringLiteral("path")).toString(),
                     QStringLiteral("/api/%1/customers").arg(QString::fromLatin1(version)));
        }
        QCOMPARE(m_origin.requestCount("/api/ClientConfig/"), 1);
        QCOMPARE(m_origin.requestCount("/api/" + version + "/customers"), 3);
    }

    // 6: each subscription's tenant lives on its own backend host.
    void tenantIsolation()
    {
        for (int i = 0; i < 2; ++i) {
            for (const char *key : {"key-t1", "key-t2"}) {
                const auto r = get("/tenants/orders", {{"Ocp-Apim-Subscription-Key", key}});
                QVERIFY(r);
                QCOMPARE(r->status, 200);
            }
        }
        QCOMPARE(m_origin.requestCount("/orders"), 2);
        QCOMPARE(m_tenantBackend.requestCount("/orders"), 2);
        QCOMPARE(m_origin.requestCount("/api/TenantConfig/"), 2); // once per subscription
    }
};

QTEST_GUILESS_MAIN(TestCachingScenarios)
#include "tst_caching_scenarios.moc"
