// The gateway in-process in front of a real origin: routing, subscriptions,
// scope merging, the first policies, limits and error paths.
#include "OriginServer.h"
#include "TestHttpClient.h"
#include "TestWorkspace.h"
#include "InProcessGateway.h"
#include "common/RequestLog.h"
#include "gateway/Gateway.h"
#include "gateway/GatewayConfig.h"
#include "metrics/GatewayMetrics.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTest>

using namespace sluice;

namespace {

quint16 closedPort()
{
    QTcpServer probe;
    probe.listen(QHostAddress::LocalHost, 0);
    return probe.serverPort(); // closed again when probe goes away
}

} // namespace

class TestGatewayProxy : public QObject
{
    Q_OBJECT

private:
    OriginServer m_origin;
    TestWorkspace m_workspace;
    InProcessGateway m_gateway;
    quint16 m_port = 0;

    std::optional<HttpResponse> get(const QByteArray &target, const QList<std::pair<QByteArray, QByteArray>> &h = {})
    {
        return TestHttpClient::get(m_port, target, h);
    }

private Q_SLOTS:
    void initTestCase()
    {
        m_origin.setThreads(2);
        QVERIFY2(m_origin.listen(), qPrintable(m_origin.errorString()));
        QVERIFY(m_workspace.isValid());
        // The fixture's ORIGIN and CLOSED stand for the origin's URL and a port nobody listens on.
        const QString fixture = QFINDTESTDATA("data/proxy");
        QVERIFY(!fixture.isEmpty());
        QVERIFY(m_workspace.copyFrom(fixture, {{"ORIGIN", m_origin.url().toString().toUtf8()},
                                               {"CLOSED", QByteArray::number(closedPort())}}));

        QString error;
        QVERIFY2(m_gateway.start(m_workspace.path(), &error,
                                 [](GatewayOptions &options) {
                                     options.limits.maxBodyBytes = 1024;
                                     options.limits.maxHeaderBytes = 8 * 1024;
                                 }),
                 qPrintable(error));
        m_port = m_gateway.port();
        QVERIFY(m_port != 0);
    }

    void cleanupTestCase() { QVERIFY(m_gateway.stop()); }

    void init() { m_origin.reset(); }

    void forwardsPathQueryHeadersAndBody()
    {
        TestHttpClient client(m_port);
        const auto r = client.request("POST", "/echo/items?color=blue&n=1",
                                      {{"X-Test", "abc"}, {"X-Remove-Me", "x"}, {"Content-Type", "text/plain"}},
                                      "hello body");
        QVERIFY(r);
        QCOMPARE(r->status, 200);
        QCOMPARE(m_origin.requestCount(), 1);
        const HttpRequest seen = m_origin.lastRequest();
        QCOMPARE(seen.method, QByteArray("POST"));
        QCOMPARE(seen.path, QByteArray("/items"));
        QCOMPARE(seen.query, QByteArray("color=blue&n=1&added=1"));
        QCOMPARE(seen.body, QByteArray("hello body"));
        QCOMPARE(seen.headers.value("X-Test"), QByteArray("abc"));
        QCOMPARE(seen.headers.value("X-Global"), QByteArray("g"));
        QCOMPARE(seen.headers.value("X-Named"), QByteArray("named value text"));
        QVERIFY(!seen.headers.contains("X-Remove-Me"));
        QCOMPARE(seen.headers.value("X-Forwarded-For"), QByteArray("127.0.0.1"));
        QCOMPARE(seen.headers.value("X-Forwarded-Proto"), QByteArray("http"));
        QCOMPARE(seen.headers.value("Host"), QByteArray("127.0.0.1:") + QByteArray::number(m_origin.port()));
        QCOMPARE(seen.headers.value("Content-Type"), QByteArray("text/plain"));
        // create.xml has no <base/> in outbound: only its own header.
        QCOMPARE(r->headers.value("X-Op"), QByteArray("create"));
        QVERIFY(!r->headers.contains("X-Api"));
        QVERIFY(!r->headers.contains("X-Global-Out"));
    }

    void outboundScopesMerge()
    {
        const auto r = get("/echo/items/42");
        QVERIFY(r);
        QCOMPARE(r->status, 200);
        QCOMPARE(r->headers.value("X-Global-Out"), QByteArray("yes"));
        QCOMPARE(r->headers.value("X-Api"), QByteArray("echo"));
        QCOMPARE(m_origin.lastRequest().path, QByteArray("/items/42"));
        const QJsonObject echo = QJsonDocument::fromJson(r->body).object();
        QCOMPARE(echo.value(QStringLiteral("path")).toString(), QStringLiteral("/items/42"));
    }

    void percentEncodedPathIsForwardedAsSent()
    {
        const auto r = get("/echo/files/a%20b/c%2Fd");
        QVERIFY(r);
        QCOMPARE(r->status, 200);
        QCOMPARE(m_origin.lastRequest().path, QByteArray("/files/a%20b/c%2Fd"));
    }

    void keepAliveServesSeveralRequestsOnOneConnection()
    {
        TestHttpClient client(m_port);
        for (int i = 0; i < 5; ++i) {
            const auto r = client.request("GET", "/echo/items/" + QByteArray::number(i));
            QVERIFY(r);
            QCOMPARE(r->status, 200);
        }
        QVERIFY(client.isConnected());
        QCOMPARE(m_origin.requestCount(), 5);
    }

    void pipelinedRequestsAnswerInOrder()
    {
        TestHttpClient client(m_port);
        // The first is slow at the origin, the second fast: answers must keep request order.
        QVERIFY(client.send("GET /echo/delay/300 HTTP/1.1\r\nHost: t\r\n\r\n"
                            "GET /echo/items/2 HTTP/1.1\r\nHost: t\r\n\r\n"));
        const auto first = client.read();
        const auto second = client.read();
        QVERIFY(first && second);
        QCOMPARE(QJsonDocument::fromJson(first->body).object().value(QStringLiteral("path")).toString(),
                 QStringLiteral("/delay/300"));
        QCOMPARE(QJsonDocument::fromJson(second->body).object().value(QStringLiteral("path")).toString(),
                 QStringLiteral("/items/2"));
    }

    void chunkedRequestBodyIsForwarded()
    {
        TestHttpClient client(m_port);
        QVERIFY(client.send("POST /echo/items HTTP/1.1\r\nHost: t\r\nTransfer-Encoding: chunked\r\n\r\n"
                            "5\r\nhello\r\n6\r\n world\r\n0\r\n\r\n"));
        const auto r = client.read();
        QVERIFY(r);
        QCOMPARE(r->status, 200);
        QCOMPARE(m_origin.lastRequest().body, QByteArray("hello world"));
        QVERIFY(!m_origin.lastRequest().headers.contains("Transfer-Encoding")
                || m_origin.lastRequest().headers.value("Content-Length") == "11");
    }

    void headRequest()
    {
        TestHttpClient client(m_port);
        const auto r = client.request("HEAD", "/echo/items/1");
        QVERIFY(r);
        QCOMPARE(r->status, 200);
        QVERIFY(r->body.isEmpty());
        QCOMPARE(m_origin.lastRequest().method, QByteArray("HEAD"));
    }

    void notFound_data()
    {
        QTest::addColumn<QByteArray>("target");
        QTest::newRow("no api") << QByteArray("/nothing/here");
        QTest::newRow("api prefix is a whole segment") << QByteArray("/echoes/items/1");
        QTest::newRow("no operation") << QByteArray("/rw/other");
        QTest::newRow("root") << QByteArray("/");
    }

    void notFound()
    {
        QFETCH(QByteArray, target);
        const auto r = get(target);
        QVERIFY(r);
        QCOMPARE(r->status, 404);
        const QJsonObject body = QJsonDocument::fromJson(r->body).object();
        QCOMPARE(body.value(QStringLiteral("statusCode")).toInt(), 404);
        QCOMPARE(body.value(QStringLiteral("message")).toString(), QStringLiteral("Resource not found"));
        QVERIFY(r->body.startsWith("{ \"statusCode\": 404"));
        QCOMPARE(m_origin.requestCount(), 0);
    }

    void subscriptions_data()
    {
        QTest::addColumn<QByteArray>("target");
        QTest::addColumn<QByteArray>("headerKey");
        QTest::addColumn<int>("status");
        QTest::addColumn<QString>("message");
        const QString missing = QStringLiteral("Access denied due to missing subscription key. Make sure to include "
                                               "subscription key when making requests to an API.");
        const QString invalid = QStringLiteral("Access denied due to invalid subscription key. Make sure to provide "
                                               "a valid key for an active subscription.");
        QTest::newRow("missing") << QByteArray("/secure/a") << QByteArray() << 401 << missing;
        QTest::newRow("unknown key") << QByteArray("/secure/a") << QByteArray("nope") << 401 << invalid;
        QTest::newRow("key for another api") << QByteArray("/secure/a") << QByteArray("other-primary-key-0001")
                                             << 401 << invalid;
        QTest::newRow("suspended") << QByteArray("/secure/a") << QByteArray("suspended-key-0001") << 401 << invalid;
        QTest::newRow("primary") << QByteArray("/secure/a") << QByteArray("gold-primary-key-0001") << 200
                                 << QString();
        QTest::newRow("secondary") << QByteArray("/secure/a") << QByteArray("gold-secondary-key-0001") << 200
                                   << QString();
        QTest::newRow("query key") << QByteArray("/secure/a?x=1&subscription-key=gold-primary-key-0001") << QByteArray()
                                   << 200 << QString();
        QTest::newRow("api-scoped") << QByteArray("/other/a") << QByteArray("other-secondary-key-0001") << 200
                                    << QString();
        QTest::newRow("optional, invalid given") << QByteArray("/echo/items/1") << QByteArray("nope") << 401
                                                 << invalid;
    }

    void subscriptions()
    {
        QFETCH(QByteArray, target);
        QFETCH(QByteArray, headerKey);
        QFETCH(int, status);
        QFETCH(QString, message);
        QList<std::pair<QByteArray, QByteArray>> headers;
        if (!headerKey.isEmpty())
            headers.append({"Ocp-Apim-Subscription-Key", headerKey});
        const auto r = get(target, headers);
        QVERIFY(r);
        QCOMPARE(r->status, status);
        if (status == 401) {
            QCOMPARE(QJsonDocument::fromJson(r->body).object().value(QStringLiteral("message")).toString(), message);
            QCOMPARE(m_origin.requestCount(), 0);
            return;
        }
        QCOMPARE(m_origin.requestCount(), 1);
        const HttpRequest seen = m_origin.lastRequest();
        QVERIFY(!seen.headers.contains("Ocp-Apim-Subscription-Key"));
        QVERIFY(!seen.query.contains("subscription-key"));
    }

    void productScopeAppliesForProductSubscription()
    {
        auto r = get("/secure/a", {{"Ocp-Apim-Subscription-Key", "gold-primary-key-0001"}});
        QVERIFY(r);
        QCOMPARE(m_origin.lastRequest().headers.value("X-Product"), QByteArray("gold"));
        r = get("/echo/items/1");
        QVERIFY(r);
        QVERIFY(!m_origin.lastRequest().headers.contains("X-Product"));
    }

    void rewriteUriAndSetBackendService()
    {
        const auto r = get("/rw/things/7?keep=me");
        QVERIFY(r);
        QCOMPARE(r->status, 200);
        const HttpRequest seen = m_origin.lastRequest();
        QCOMPARE(seen.path, QByteArray("/base/v2/objects/7"));
        QCOMPARE(seen.query, QByteArray("kind=thing&keep=me"));
    }

    void mockAndReturnResponseSkipBackendAndOutbound()
    {
        auto r = get("/mock/m");
        QVERIFY(r);
        QCOMPARE(r->status, 201);
        QCOMPARE(r->headers.value("Content-Type"), QByteArray("application/json"));
        QVERIFY(!r->headers.contains("X-Global-Out")); // return ends the pipeline

        r = get("/mock/r");
        QVERIFY(r);
        QCOMPARE(r->status, 418);
        QCOMPARE(r->body, QByteArray("short and stout"));
        QCOMPARE(r->headers.value("X-Returned"), QByteArray("1"));
        QVERIFY(!r->headers.contains("X-Global-Out"));
        QCOMPARE(m_origin.requestCount(), 0);
    }

    void expressionsEvaluatePerRequest()
    {
        const auto r = get("/expr/items/abc");
        QVERIFY(r);
        QCOMPARE(r->status, 200);
        const HttpRequest seen = m_origin.lastRequest();
        QCOMPARE(seen.headers.value("X-Item"), QByteArray("item-abc"));
        QCOMPARE(seen.query, QByteArray("api=expr%2Fitem"));
        QCOMPARE(r->headers.value("X-Backend-Status"), QByteArray("200"));
    }

    void failingExpressionRunsOnError()
    {
        const auto r = get("/expr/fail");
        QVERIFY(r);
        QCOMPARE(r->status, 500);
        QCOMPARE(r->headers.value("X-Error-Reason"), QByteArray("ExpressionValueEvaluationFailure"));
        QCOMPARE(r->headers.value("X-On-Error"), QByteArray("global"));
        QCOMPARE(m_origin.requestCount(), 0);
    }

    void backendDownIs502AfterOnError()
    {
        const auto r = get("/down/x");
        QVERIFY(r);
        QCOMPARE(r->status, 502);
        QCOMPARE(r->headers.value("X-On-Error"), QByteArray("global"));
        QCOMPARE(r->headers.value("X-Down-Handled"), QByteArray("1"));
        const QJsonObject body = QJsonDocument::fromJson(r->body).object();
        QCOMPARE(body.value(QStringLiteral("statusCode")).toInt(), 502);
        QVERIFY(!body.value(QStringLiteral("activityId")).toString().isEmpty());
    }

    void backendTimeoutIs504()
    {
        const auto r = get("/slow/delay/3000");
        QVERIFY(r);
        QCOMPARE(r->status, 504);
        QCOMPARE(r->headers.value("X-On-Error"), QByteArray("global"));
        QCOMPARE(QJsonDocument::fromJson(r->body).object().value(QStringLiteral("statusCode")).toInt(), 504);
    }

    void limits_data()
    {
        QTest::addColumn<QByteArray>("raw");
        QTest::addColumn<int>("status");
        QTest::newRow("body too large")
            << QByteArray("POST /echo/items HTTP/1.1\r\nHost: t\r\nContent-Length: 5000\r\n\r\n") << 413;
        QTest::newRow("header too large")
            << (QByteArray("GET /echo/items/1 HTTP/1.1\r\nHost: t\r\nX-Big: ") + QByteArray(9000, 'x')
                + "\r\n\r\n")
            << 431;
        QTest::newRow("malformed") << QByteArray("GARBAGE\r\n\r\n") << 400;
    }

    void limits()
    {
        QFETCH(QByteArray, raw);
        QFETCH(int, status);
        TestHttpClient client(m_port);
        QVERIFY(client.send(raw));
        const auto r = client.read();
        QVERIFY(r);
        QCOMPARE(r->status, status);
        QVERIFY(client.waitForClose());
        QCOMPARE(m_origin.requestCount(), 0);
    }

    void metricsCountRequests()
    {
        QVERIFY(get("/echo/items/1"));
        const QByteArray text = m_gateway.gateway().metrics().prometheusText();
        QVERIFY(text.contains("sluice_requests_total{api=\"echo\",operation=\"get-item\",status_class=\"2xx\"}"));
        QVERIFY(text.contains("sluice_backend_requests_total{api=\"echo\",outcome=\"ok\"}"));
    }

    void gracefulShutdownFinishesRequestsInFlight()
    {
        // A second gateway, so that the shared one stays up for other tests.
        Diagnostics diagnostics;
        auto config = GatewayConfig::load(m_workspace.path(), {}, &diagnostics);
        QVERIFY(config);
        GatewayOptions options;
        options.listenPort = 0;
        options.adminEnabled = false;
        options.threads = 1;
        RequestLog log{RequestLog::Level::Off};
        Gateway gateway(config, options, &log);
        QString error;
        QVERIFY2(gateway.start(&error), qPrintable(error));

        TestHttpClient client(gateway.port());
        QVERIFY(client.send("GET /echo/delay/400 HTTP/1.1\r\nHost: t\r\n\r\n"));
        QTRY_COMPARE(m_origin.requestCount(), 1);
        bool done = false;
        gateway.shutdown(5000, [&] { done = true; });
        const auto r = client.read();
        QVERIFY(r);
        QCOMPARE(r->status, 200);
        QTRY_VERIFY(done);
        QVERIFY(!TestHttpClient(gateway.port()).isConnected());
    }
};

QTEST_GUILESS_MAIN(TestGatewayProxy)
#include "tst_gateway_proxy.moc"
