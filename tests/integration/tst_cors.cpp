// cors end to end: preflights answered by the gateway (without a subscription
// key and without calling the backend), CORS headers on allowed cross-origin
// requests, and unmatched requests terminated with an empty 200.
#include "InProcessGateway.h"
#include "OriginServer.h"
#include "TestHttpClient.h"
#include "TestWorkspace.h"

#include <QTest>

using namespace sluice;

using Headers = QList<std::pair<QByteArray, QByteArray>>;
using Expected = QList<std::pair<QByteArray, QByteArray>>; // header -> value; empty value: absent

class TestCors : public QObject
{
    Q_OBJECT

private:
    OriginServer m_origin;
    TestWorkspace m_workspace;
    InProcessGateway m_gateway;
    quint16 m_port = 0;

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY2(m_origin.listen(), qPrintable(m_origin.errorString()));
        QVERIFY(m_workspace.isValid());
        const QString fixture = QFINDTESTDATA("data/cors/gateway");
        QVERIFY(!fixture.isEmpty());
        QVERIFY(m_workspace.copyFrom(fixture, {{"ORIGIN", m_origin.url().toString().toUtf8()}}));
        QString error;
        QVERIFY2(m_gateway.start(m_workspace.path(), &error), qPrintable(error));
        m_port = m_gateway.port();
    }

    void cleanupTestCase() { QVERIFY(m_gateway.stop()); }

    void init() { m_origin.reset(); }

    void requests_data()
    {
        QTest::addColumn<QByteArray>("method");
        QTest::addColumn<QByteArray>("target");
        QTest::addColumn<Headers>("headers");
        QTest::addColumn<int>("status");
        QTest::addColumn<int>("backendCalls");
        QTest::addColumn<Expected>("expected");
        const Headers key {{"Ocp-Apim-Subscription-Key", "key-one"}};
        const QByteArray app = "http://app.example.com:8080";

        QTest::newRow("preflight allowed")
            << QByteArray("OPTIONS") << QByteArray("/strict/items")
            << Headers {{"Origin", app},
                        {"Access-Control-Request-Method", "PUT"},
                        {"Access-Control-Request-Headers", "Content-Type, X-Custom"}}
            << 200 << 0
            << Expected {
                   {"Access-Control-Allow-Origin", app},    {"Access-Control-Allow-Credentials", "true"},
                   {"Access-Control-Allow-Methods", "PUT"}, {"Access-Control-Allow-Headers", "Content-Type, X-Custom"},
                   {"Access-Control-Max-Age", "300"},       {"X-Inbound-Ran", ""}};
        QTest::newRow("preflight, default https port")
            << QByteArray("OPTIONS") << QByteArray("/strict/items")
            << Headers {{"Origin", "https://other.example:443"}, {"Access-Control-Request-Method", "GET"}} << 200 << 0
            << Expected {{"Access-Control-Allow-Origin", "https://other.example:443"}};
        QTest::newRow("preflight method not allowed")
            << QByteArray("OPTIONS") << QByteArray("/strict/items")
            << Headers {{"Origin", app}, {"Access-Control-Request-Method", "PATCH"}} << 200 << 0
            << Expected {{"Access-Control-Allow-Origin", ""}, {"Access-Control-Allow-Methods", ""}};
        QTest::newRow("preflight origin not allowed")
            << QByteArray("OPTIONS") << QByteArray("/strict/items")
            << Headers {{"Origin", "http://evil.example"}, {"Access-Control-Request-Method", "GET"}} << 200 << 0
            << Expected {{"Access-Control-Allow-Origin", ""}};
        QTest::newRow("preflight header not allowed") << QByteArray("OPTIONS") << QByteArray("/strict/items")
                                                      << Headers {{"Origin", app},
                                                                  {"Access-Control-Request-Method", "GET"},
                                                                  {"Access-Control-Request-Headers", "X-Other"}}
                                                      << 200 << 0 << Expected {{"Access-Control-Allow-Origin", ""}};
        QTest::newRow("preflight for no operation")
            << QByteArray("OPTIONS") << QByteArray("/strict/nothing")
            << Headers {{"Origin", app}, {"Access-Control-Request-Method", "GET"}} << 404 << 0 << Expected {};
        QTest::newRow("actual request allowed")
            << QByteArray("GET") << QByteArray("/strict/items") << (key + Headers {{"Origin", app}}) << 200 << 1
            << Expected {{"Access-Control-Allow-Origin", app},
                         {"Access-Control-Allow-Credentials", "true"},
                         {"Access-Control-Expose-Headers", "X-Exposed"},
                         {"Vary", "Origin"}};
        QTest::newRow("actual request, origin not allowed: terminated")
            << QByteArray("GET") << QByteArray("/strict/items") << (key + Headers {{"Origin", "http://evil.example"}})
            << 200 << 0 << Expected {{"Access-Control-Allow-Origin", ""}};
        QTest::newRow("no Origin: not CORS") << QByteArray("GET") << QByteArray("/strict/items") << key << 200 << 1
                                             << Expected {{"Access-Control-Allow-Origin", ""}};
        QTest::newRow("any origin, actual")
            << QByteArray("GET") << QByteArray("/open/x") << Headers {{"Origin", "http://anyone.example"}} << 200 << 1
            << Expected {{"Access-Control-Allow-Origin", "*"}, {"Access-Control-Allow-Credentials", ""}};
        QTest::newRow("any origin, preflight POST")
            << QByteArray("OPTIONS") << QByteArray("/open/x")
            << Headers {{"Origin", "http://anyone.example"}, {"Access-Control-Request-Method", "POST"}} << 200 << 0
            << Expected {{"Access-Control-Allow-Origin", "*"}, {"Access-Control-Allow-Methods", "POST"}};
        QTest::newRow("any origin, preflight PUT not allowed by default")
            << QByteArray("OPTIONS") << QByteArray("/open/x")
            << Headers {{"Origin", "http://anyone.example"}, {"Access-Control-Request-Method", "PUT"}} << 404 << 0
            << Expected {{"Access-Control-Allow-Origin", ""}};
    }

    void requests()
    {
        QFETCH(QByteArray, method);
        QFETCH(QByteArray, target);
        QFETCH(Headers, headers);
        QFETCH(int, status);
        QFETCH(int, backendCalls);
        QFETCH(Expected, expected);
        TestHttpClient client(m_port);
        const auto r = client.request(method, target, headers);
        QVERIFY(r);
        QCOMPARE(r->status, status);
        for (const auto &[name, value] : expected) {
            if (value.isEmpty())
                QVERIFY2(!r->headers.contains(name), name.constData());
            else
                QCOMPARE(r->headers.value(name), value);
        }
        QCOMPARE(m_origin.requestCount(), backendCalls);
    }
};

QTEST_GUILESS_MAIN(TestCors)
#include "tst_cors.moc"
