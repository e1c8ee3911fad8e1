// The Test console's words for Cache-Status, its body formatting and its
// request URLs.
#include "BodyFormatter.h"
#include "CacheStatusExplanation.h"
#include "TestRequest.h"

#include <QTest>

using namespace sluice;

class TestConsoleCacheStatus : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void explains_data()
    {
        QTest::addColumn<QString>("header");
        QTest::addColumn<int>("outcome");
        QTest::addColumn<QString>("text");
        using O = CacheStatusExplanation::Outcome;
        QTest::newRow("hit") << QStringLiteral("sluice; hit; ttl=42") << int(O::Hit)
                             << QStringLiteral("Hit: served from the gateway's cache, 42 s left.");
        QTest::newRow("hit collapsed")
            << QStringLiteral("sluice; hit; ttl=1; collapsed") << int(O::Hit)
            << QStringLiteral("Hit: served from the gateway's cache after waiting for another request's backend call, "
                              "1 s left.");
        QTest::newRow("miss stored") << QStringLiteral("sluice; fwd=miss; stored") << int(O::Miss)
                                     << QStringLiteral("Miss: the backend answered and the response was stored.");
        QTest::newRow("miss") << QStringLiteral("sluice; fwd=miss") << int(O::Miss)
                              << QStringLiteral("Miss: the backend answered; the response was not stored (status, "
                                                "size, or no cache-store).");
        QTest::newRow("bypass method") << QStringLiteral("sluice; fwd=bypass; detail=method") << int(O::Bypass)
                                       << QStringLiteral("Bypass: caching does not apply to this method.");
        QTest::newRow("bypass authorization")
            << QStringLiteral("sluice; fwd=bypass; detail=authorization") << int(O::Bypass)
            << QStringLiteral("Bypass: the request carries an Authorization header.");
        QTest::newRow("bypass no external cache")
            << QStringLiteral("sluice; fwd=bypass; detail=no-external-cache") << int(O::Bypass)
            << QStringLiteral("Bypass: no external cache serves this gateway's location.");
        QTest::newRow("none") << QString() << int(O::None)
                              << QStringLiteral("No Cache-Status: no cache policy ran for this request.");
        QTest::newRow("after another cache")
            << QStringLiteral("varnish; hit, sluice; fwd=miss; stored") << int(O::Miss)
            << QStringLiteral("Miss: the backend answered and the response was stored.");
        QTest::newRow("other cache only") << QStringLiteral("varnish; hit") << int(O::Other)
                                          << QStringLiteral("Cache-Status from another cache: varnish; hit");
    }

    void explains()
    {
        QFETCH(QString, header);
        QFETCH(int, outcome);
        QFETCH(QString, text);
        const CacheStatusExplanation e = CacheStatusExplanation::parse(header);
        QCOMPARE(int(e.outcome()), outcome);
        QCOMPARE(e.text(), text);
    }

    void parsesTtl()
    {
        const CacheStatusExplanation e = CacheStatusExplanation::parse(QStringLiteral("sluice; hit; ttl=17"));
        QCOMPARE(e.ttlSeconds(), std::optional<int>(17));
        QVERIFY(!e.collapsed());
    }

    void prettyPrintsBodies()
    {
        QCOMPARE(BodyFormatter::pretty("application/json", R"({"a":1})"), QStringLiteral("{\n    \"a\": 1\n}\n"));
        QCOMPARE(BodyFormatter::pretty("application/xml", "<a><b>x</b></a>"), QStringLiteral("<a>\n  <b>x</b>\n</a>"));
        QCOMPARE(BodyFormatter::pretty("text/plain", "plain {"), QStringLiteral("plain {"));
        QCOMPARE(BodyFormatter::pretty("application/json", "{broken"), QStringLiteral("{broken"));
    }

    void buildsRequestUrls()
    {
        QCOMPARE(TestRequest::templateParameters(QStringLiteral("/items/{id}/parts/{part}")),
                 QStringList({QStringLiteral("id"), QStringLiteral("part")}));
        QCOMPARE(TestRequest::templateParameters(QStringLiteral("/*")), QStringList({QStringLiteral("*")}));
        TestRequest r;
        r.apiPath = QStringLiteral("echo");
        r.urlTemplate = QStringLiteral("/items/{id}");
        r.parameters = {{QStringLiteral("id"), QStringLiteral("4 2")}};
        r.query = QStringLiteral("color=blue");
        QCOMPARE(r.path(), QStringLiteral("/echo/items/4%202"));
        QCOMPARE(r.url(QUrl(QStringLiteral("http://127.0.0.1:8080"))).toString(QUrl::FullyEncoded),
                 QStringLiteral("http://127.0.0.1:8080/echo/items/4%202?color=blue"));
        r.urlTemplate = QStringLiteral("/*");
        r.parameters = {{QStringLiteral("*"), QStringLiteral("a/b")}};
        QCOMPARE(r.path(), QStringLiteral("/echo/a/b"));
    }
};

QTEST_GUILESS_MAIN(TestConsoleCacheStatus)
#include "tst_console_cachestatus.moc"
