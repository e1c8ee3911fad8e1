// Response caching end to end: cache-lookup and cache-store on the built-in
// cache in front of a real, counting origin; the scenarios of the APIM
// caching documentation plus what Sluice adds (Cache-Status, collapsing).
#include "OriginServer.h"
#include "TestHttpClient.h"
#include "TestWorkspace.h"
#include "InProcessGateway.h"
#include "common/RequestLog.h"
#include "gateway/Gateway.h"
#include "gateway/GatewayConfig.h"
#include "metrics/GatewayMetrics.h"

#include <QDeadlineTimer>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QTest>

using namespace sluice;

using Headers = QList<std::pair<QByteArray, QByteArray>>;

class TestCacheResponse : public QObject
{
    Q_OBJECT

private:
    OriginServer m_origin;
    TestWorkspace m_workspace;
    InProcessGateway m_gateway;
    quint16 m_port = 0;

    std::optional<HttpResponse> get(const QByteArray &target, const Headers &headers = {})
    {
        return TestHttpClient::get(m_port, target, headers);
    }

    // The origin's request counter as the echo body reports it: equal bodies
    // mean the second answer came from the cache.
    static int echoCount(const HttpResponse &r)
    {
        return QJsonDocument::fromJson(r.body).object().value(QStringLiteral("count")).toInt(-1);
    }

    double metric(const QString &family, const QStringList &labels)
    {
        return m_gateway.gateway().metrics().snapshot().value(family, labels).value_or(-1);
    }

    static qint64 ttlOf(const HttpResponse &r)
    {
        const QRegularExpression ttl(QStringLiteral("ttl=(\\d+)"));
        const auto m = ttl.match(QString::fromLatin1(r.headers.value("Cache-Status")));
        return m.hasMatch() ? m.captured(1).toLongLong() : -1;
    }

private Q_SLOTS:
    void initTestCase()
    {
        m_origin.setThreads(2);
        QVERIFY2(m_origin.listen(), qPrintable(m_origin.errorString()));
        QVERIFY(m_workspace.isValid());
        const QString fixture = QFINDTESTDATA("data/cache-response");
        QVERIFY(!fixture.isEmpty());
        QVERIFY(m_workspace.copyFrom(fixture, {{"ORIGIN", m_origin.url().toString().toUtf8()}}));
        QString error;
        QVERIFY2(m_gateway.start(m_workspace.path(), &error), qPrintable(error));
        m_port = m_gateway.port();
    }

    void cleanupTestCase() { QVERIFY(m_gateway.stop()); }

    void init() { m_origin.reset(); }

    // APIM's first example: cache per value of the listed query parameter only.
    void varyByQueryParameter()
    {
        const auto first = get("/q/items?version=1&other=a");
        QVERIFY(first);
        QCOMPARE(first->status, 200);
        QCOMPARE(first->headers.value("Cache-Status"), QByteArray("sluice; fwd=miss; stored"));
        const auto second = get("/q/items?other=b&version=1");
        QVERIFY(second);
        QVERIFY2(second->headers.value("Cache-Status").startsWith("sluice; hit; ttl="),
                 second->headers.value("Cache-Status").constData());
        QCOMPARE(second->body, first->body);
        QVERIFY(second->headers.contains("Age"));
        const auto third = get("/q/items?version=2");
        QVERIFY(third);
        QCOMPARE(third->headers.value("Cache-Status"), QByteArray("sluice; fwd=miss; stored"));
        QCOMPARE(m_origin.requestCount(), 2);
        // Another path is another key.
        QVERIFY(get("/q/other?version=1"));
        QCOMPARE(m_origin.requestCount(), 3);
    }

    // Without vary-by-query-parameter every parameter counts, in any order.
    void allQueryParametersInCanonicalOrder()
    {
        QVERIFY(get("/all/x?b=2&a=1"));
        const auto reordered = get("/all/x?a=1&b=2");
        QVERIFY(reordered);
        QVERIFY(reordered->headers.value("Cache-Status").startsWith("sluice; hit"));
        const auto other = get("/all/x?a=1&b=3");
        QVERIFY(other);
        QCOMPARE(other->headers.value("Cache-Status"), QByteArray("sluice; fwd=miss; stored"));
        QCOMPARE(m_origin.requestCount(), 2);
    }

    // The duration expression from the APIM documentation: the backend's max-age, else 300.
    void durationFromBackendCacheControl()
    {
        const auto first = get("/cc/headers?Cache-Control=public%2C%20max-age%3D42");
        QVERIFY(first);
        QCOMPARE(first->headers.value("Cache-Status"), QByteArray("sluice; fwd=miss; stored"));
        QCOMPARE(first->headers.value("Cache-Control"), QByteArray("public, max-age=42, must-revalidate"));
        const auto hit = get("/cc/headers?Cache-Control=public%2C%20max-age%3D42");
        QVERIFY(hit);
        QVERIFY(ttlOf(*hit) <= 42 && ttlOf(*hit) >= 40);
        const auto plain = get("/cc/plain");
        QVERIFY(plain);
        QCOMPARE(plain->headers.value("Cache-Control"), QByteArray("public, max-age=300, must-revalidate"));
        const auto plainHit = get("/cc/plain");
        QVERIFY(plainHit);
        QVERIFY(ttlOf(*plainHit) <= 300 && ttlOf(*plainHit) >= 298);
        QCOMPARE(m_origin.requestCount(), 2);
    }

    // cache-response="false" (default) stores only 200 OK; "true" stores the 404 too.
    void cacheResponseFalseVersusTrue()
    {
        const auto a = get("/sd/status/404");
        QVERIFY(a);
        QCOMPARE(a->status, 404);
        QCOMPARE(a->headers.value("Cache-Status"), QByteArray("sluice; fwd=miss"));
        QVERIFY(get("/sd/status/404"));
        QCOMPARE(m_origin.requestCount(), 2);
        QCOMPARE(metric(QStringLiteral("sluice_cache_store_skips_total"),
                        {QStringLiteral("status-default"), QStringLiteral("get"), QStringLiteral("internal"),
                         QStringLiteral("status")}),
                 2.0);

        m_origin.reset();
        const auto b = get("/sa/status/404");
        QVERIFY(b);
        QCOMPARE(b->status, 404);
        QCOMPARE(b->headers.value("Cache-Status"), QByteArray("sluice; fwd=miss; stored"));
        const auto c = get("/sa/status/404");
        QVERIFY(c);
        QCOMPARE(c->status, 404);
        QVERIFY(c->headers.value("Cache-Status").startsWith("sluice; hit"));
        QCOMPARE(m_origin.requestCount(), 1);
    }

    // A request with Authorization neither reads nor fills the cache...
    void authorizationBypassesTheCache()
    {
        const Headers auth{{"Authorization", "Bearer one"}};
        QVERIFY(get("/auth/me"));
        const auto a = get("/auth/me", auth);
        QVERIFY(a);
        QCOMPARE(a->headers.value("Cache-Status"), QByteArray("sluice; fwd=bypass; detail=authorization"));
        QVERIFY(get("/auth/me", auth));
        QCOMPARE(m_origin.requestCount(), 3);
        // ... and never saw the first response's copy.
        QVERIFY(get("/auth/me")->headers.value("Cache-Status").startsWith("sluice; hit"));
        QCOMPARE(m_origin.requestCount(), 3);
        QCOMPARE(metric(QStringLiteral("sluice_cache_bypasses_total"),
                        {QStringLiteral("auth"), QStringLiteral("get"), QStringLiteral("internal"),
                         QStringLiteral("authorization")}),
                 2.0);
    }

    // ... unless allow-private-response-caching, then varying by it.
    void privateResponseCachingVariesByAuthorization()
    {
        const Headers one{{"Authorization", "Bearer one"}};
        const Headers two{{"Authorization", "Bearer two"}};
        const auto a = get("/private/me", one);
        QVERIFY(a);
        QCOMPARE(a->headers.value("Cache-Status"), QByteArray("sluice; fwd=miss; stored"));
        const auto b = get("/private/me", two);
        QVERIFY(b);
        QCOMPARE(b->headers.value("Cache-Status"), QByteArray("sluice; fwd=miss; stored"));
        const auto c = get("/private/me", one);
        QVERIFY(c);
        QVERIFY(c->headers.value("Cache-Status").startsWith("sluice; hit"));
        QCOMPARE(c->body, a->body);
        QCOMPARE(m_origin.requestCount(), 2);
    }

    void varyByDeveloper()
    {
        const Headers ann{{"Ocp-Apim-Subscription-Key", "ann-key-0001"}};
        const Headers annSecondary{{"Ocp-Apim-Subscription-Key", "ann-key-0002"}};
        const Headers ben{{"Ocp-Apim-Subscription-Key", "ben-key-0001"}};
        const auto a = get("/dev/profile", ann);
        QVERIFY(a);
        QCOMPARE(a->status, 200);
        const auto b = get("/dev/profile", ben);
        QVERIFY(b);
        QCOMPARE(b->headers.value("Cache-Status"), QByteArray("sluice; fwd=miss; stored"));
        const auto again = get("/dev/profile", annSecondary); // the same developer, the other key
        QVERIFY(again);
        QVERIFY(again->headers.value("Cache-Status").startsWith("sluice; hit"));
        QCOMPARE(again->body, a->body);
        QCOMPARE(m_origin.requestCount(), 2);
    }

    void varyByDeveloperGroups()
    {
        const auto a = get("/groups/list", {{"Ocp-Apim-Subscription-Key", "ann-key-0001"}});
        QVERIFY(a);
        // ben is in the same groups as ann: he shares her copy; cyd is in none.
        const auto b = get("/groups/list", {{"Ocp-Apim-Subscription-Key", "ben-key-0001"}});
        QVERIFY(b);
        QVERIFY(b->headers.value("Cache-Status").startsWith("sluice; hit"));
        const auto c = get("/groups/list", {{"Ocp-Apim-Subscription-Key", "cyd-key-0001"}});
        QVERIFY(c);
        QCOMPARE(c->headers.value("Cache-Status"), QByteArray("sluice; fwd=miss; stored"));
        QCOMPARE(m_origin.requestCount(), 2);
    }

    void onlyGetIsCached()
    {
        TestHttpClient client(m_port);
        const auto a = client.request("POST", "/q/items?version=9", {}, "x");
        QVERIFY(a);
        QCOMPARE(a->status, 200);
        QCOMPARE(a->headers.value("Cache-Status"), QByteArray("sluice; fwd=bypass; detail=method"));
        QVERIFY(client.request("POST", "/q/items?version=9", {}, "x"));
        QCOMPARE(m_origin.requestCount(), 2);
    }

    // A miss asks the backend for the full response.
    void clientCacheHeadersAreRemovedOnAMiss()
    {
        const auto r = get("/all/conditional", {{"If-None-Match", "\"abc\""},
                                                 {"If-Modified-Since", "Sun, 06 Nov 1994 08:49:37 GMT"},
                                                 {"Cache-Control", "no-cache"},
                                                 {"Pragma", "no-cache"},
                                                 {"X-Kept", "yes"}});
        QVERIFY(r);
        const HttpRequest seen = m_origin.lastRequest();
        QVERIFY(!seen.headers.contains("If-None-Match"));
        QVERIFY(!seen.headers.contains("If-Modified-Since"));
        QVERIFY(!seen.headers.contains("Cache-Control"));
        QVERIFY(!seen.headers.contains("Pragma"));
        QCOMPARE(seen.headers.value("X-Kept"), QByteArray("yes"));
    }

    void entriesExpireAfterTheirDuration()
    {
        const auto a = get("/short/x");
        QVERIFY(a);
        QCOMPARE(a->headers.value("Cache-Status"), QByteArray("sluice; fwd=miss; stored"));
        const auto b = get("/short/x");
        QVERIFY(b);
        QCOMPARE(b->headers.value("Cache-Status"), QByteArray("sluice; hit; ttl=1"));
        // Within a few seconds the entry is gone and the backend is asked again.
        // (Each probe is a request, so the loop is explicit: QTRY would send extra ones.)
        QDeadlineTimer deadline(5000);
        QByteArray status;
        while (!deadline.hasExpired() && status != "sluice; fwd=miss; stored") {
            QTest::qWait(50);
            const auto r = get("/short/x");
            QVERIFY(r);
            status = r->headers.value("Cache-Status");
        }
        QCOMPARE(status, QByteArray("sluice; fwd=miss; stored"));
        QCOMPARE(m_origin.requestCount(), 2);
    }

    // 100 simultaneous requests for a cold key: one backend call.
    void concurrentMissesCollapse()
    {
        std::vector<std::unique_ptr<TestHttpClient>> clients;
        for (int i = 0; i < 100; ++i) {
            clients.push_back(std::make_unique<TestHttpClient>(m_port));
            QVERIFY(clients.back()->isConnected());
        }
        for (auto &client : clients)
            QVERIFY(client->send("GET /slow/delay/300 HTTP/1.1\r\nHost: x\r\n\r\n"));
        int hits = 0;
        QByteArray body;
        for (auto &client : clients) {
            const auto r = client->read();
            QVERIFY(r);
            QCOMPARE(r->status, 200);
            if (body.isEmpty())
                body = r->body;
            QCOMPARE(r->body, body);
            if (r->headers.value("Cache-Status").startsWith("sluice; hit"))
                ++hits;
        }
        QCOMPARE(m_origin.requestCount(), 1);
        QCOMPARE(hits, 99);
    }

    void downstreamCachingHeaders_data()
    {
        QTest::addColumn<QByteArray>("path");
        QTest::addColumn<QByteArray>("onMiss");
        QTest::addColumn<QByteArray>("onHitPrefix");
        // none: not cacheable downstream, whatever the backend said.
        QTest::newRow("none") << QByteArray("/dnone/headers?Cache-Control=public%2C%20max-age%3D999")
                              << QByteArray("no-store") << QByteArray("no-store");
        QTest::newRow("private") << QByteArray("/dprivate/a") << QByteArray("private, max-age=60, must-revalidate")
                                 << QByteArray("private, max-age=");
        QTest::newRow("public, expression, must-revalidate false")
            << QByteArray("/dpublic/a") << QByteArray("public, max-age=60") << QByteArray("public, max-age=");
    }

    void downstreamCachingHeaders()
    {
        QFETCH(QByteArray, path);
        QFETCH(QByteArray, onMiss);
        QFETCH(QByteArray, onHitPrefix);
        const auto miss = get(path);
        QVERIFY(miss);
        QCOMPARE(miss->headers.value("Cache-Control"), onMiss);
        const auto hit = get(path);
        QVERIFY(hit);
        QVERIFY(hit->headers.value("Cache-Status").startsWith("sluice; hit"));
        QVERIFY2(hit->headers.value("Cache-Control").startsWith(onHitPrefix),
                 hit->headers.value("Cache-Control").constData());
        QCOMPARE(hit->headers.values("Cache-Control").size(), 1);
    }

    void oversizedResponsesAreNotStored()
    {
        const auto a = get("/all/bytes/8000"); // the fixture allows 4 KiB per entry
        QVERIFY(a);
        QCOMPARE(a->body.size(), 8000);
        QCOMPARE(a->headers.value("Cache-Status"), QByteArray("sluice; fwd=miss"));
        QVERIFY(get("/all/bytes/8000"));
        QCOMPARE(m_origin.requestCount(), 2);
        QVERIFY(metric(QStringLiteral("sluice_cache_store_skips_total"),
                       {QStringLiteral("all"), QStringLiteral("get"), QStringLiteral("internal"),
                        QStringLiteral("too_large")})
                >= 2.0);
    }

    void externalWithoutAnExternalCacheBypasses()
    {
        const auto a = get("/ext/a");
        QVERIFY(a);
        QCOMPARE(a->status, 200);
        QCOMPARE(a->headers.value("Cache-Status"), QByteArray("sluice; fwd=bypass; detail=no-external-cache"));
        QVERIFY(get("/ext/a"));
        QCOMPARE(m_origin.requestCount(), 2);
        QCOMPARE(metric(QStringLiteral("sluice_cache_bypasses_total"),
                        {QStringLiteral("ext"), QStringLiteral("get"), QStringLiteral("external"),
                         QStringLiteral("no_external_cache")}),
                 2.0);
    }

    void metricsCountLookupsStoresAndAvoidedCalls()
    {
        QVERIFY(get("/all/metrics-probe"));
        QVERIFY(get("/all/metrics-probe"));
        QVERIFY(get("/all/metrics-probe"));
        const QStringList labels{QStringLiteral("all"), QStringLiteral("get"), QStringLiteral("internal")};
        QVERIFY(metric(QStringLiteral("sluice_cache_lookups_total"), labels + QStringList{QStringLiteral("hit")}) >= 2);
        QVERIFY(metric(QStringLiteral("sluice_cache_stores_total"), labels) >= 1);
        QVERIFY(metric(QStringLiteral("sluice_cache_backend_requests_avoided_total"), labels) >= 2);
        const QByteArray text = m_gateway.gateway().metrics().prometheusText();
        QVERIFY(text.contains("sluice_cache_entries{cache=\"internal\"}"));
        QVERIFY(text.contains("sluice_cache_lookup_duration_seconds_bucket{api=\"all\",cache=\"internal\""));
    }

    void cacheStoreWithoutCacheLookupIsALoadError()
    {
        Diagnostics diagnostics;
        const auto config = GatewayConfig::load(QFINDTESTDATA("data/cache-store-alone"), {}, &diagnostics);
        QVERIFY(!config);
        QStringList texts;
        for (const Diagnostic &d : diagnostics)
            texts.append(d.toString());
        QVERIFY2(texts.join(QLatin1Char('\n'))
                     .contains(QStringLiteral("policies/apis/a.xml:10:9: error: cache-store needs a cache-lookup")),
                 qPrintable(texts.join(QLatin1Char('\n'))));
    }
};

QTEST_GUILESS_MAIN(TestCacheResponse)
#include "tst_cache_response.moc"
