// HttpRequestParser without sockets: splitting, limits at their exact boundary,
// pipelined input, and how the bytes are split never changes the result.
#include "http/HttpRequestParser.h"

#include <QTest>

using namespace sluice;

namespace {

struct Outcome
{
    QList<HttpRequest> requests;
    int errorStatus = 0;
    int continues = 0;
};

// Feeds `input` in reads of `step` bytes (0: all at once), like the connection does.
Outcome run(const QByteArray &input, int step, const HttpServerLimits &limits = {})
{
    HttpRequestParser parser(limits);
    Outcome outcome;
    qsizetype fed = 0;
    QByteArray buffer;
    qsizetype offset = 0;
    for (;;) {
        if (offset == buffer.size()) {
            if (fed == input.size())
                break;
            const qsizetype n = step == 0 ? input.size() - fed : std::min<qsizetype>(step, input.size() - fed);
            buffer = input.mid(fed, n);
            fed += n;
            offset = 0;
        }
        qsizetype consumed = 0;
        const auto event = parser.parse(buffer.constData() + offset, buffer.size() - offset, &consumed);
        offset += consumed;
        if (event == HttpRequestParser::Event::RequestComplete)
            outcome.requests.append(parser.takeRequest());
        else if (event == HttpRequestParser::Event::ExpectContinue)
            ++outcome.continues;
        else if (event == HttpRequestParser::Event::Error) {
            outcome.errorStatus = parser.errorStatus();
            break;
        }
    }
    return outcome;
}

} // namespace

class TestHttpServerParser : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void target_data()
    {
        QTest::addColumn<QByteArray>("target");
        QTest::addColumn<QByteArray>("path");
        QTest::addColumn<QByteArray>("query");
        QTest::newRow("plain") << QByteArray("/a/b") << QByteArray("/a/b") << QByteArray();
        QTest::newRow("query") << QByteArray("/a?x=1&y=2") << QByteArray("/a") << QByteArray("x=1&y=2");
        QTest::newRow("encoded") << QByteArray("/a%20b?q=%3F") << QByteArray("/a%20b") << QByteArray("q=%3F");
        QTest::newRow("empty query") << QByteArray("/a?") << QByteArray("/a") << QByteArray();
        QTest::newRow("fragment") << QByteArray("/a?x=1#f") << QByteArray("/a") << QByteArray("x=1");
        QTest::newRow("absolute") << QByteArray("http://h:8080/p/q?z=9") << QByteArray("/p/q") << QByteArray("z=9");
        QTest::newRow("absolute no path") << QByteArray("http://h") << QByteArray("/") << QByteArray();
        QTest::newRow("asterisk") << QByteArray("*") << QByteArray("*") << QByteArray();
    }
    void target()
    {
        QFETCH(QByteArray, target);
        QFETCH(QByteArray, path);
        QFETCH(QByteArray, query);
        const QByteArray method = target == "*" ? "OPTIONS" : "GET";
        const Outcome o = run(method + ' ' + target + " HTTP/1.1\r\nHost: h\r\n\r\n", 0);
        QCOMPARE(o.errorStatus, 0);
        QCOMPARE(o.requests.size(), 1);
        QCOMPARE(o.requests.at(0).target, target);
        QCOMPARE(o.requests.at(0).path, path);
        QCOMPARE(o.requests.at(0).query, query);
        QCOMPARE(o.requests.at(0).method, method);
    }

    void splitsDoNotMatter_data()
    {
        QTest::addColumn<int>("step");
        for (int step : {0, 1, 2, 3, 7, 16, 64})
            QTest::newRow(QByteArray::number(step).constData()) << step;
    }
    void splitsDoNotMatter()
    {
        QFETCH(int, step);
        const QByteArray input = "GET /a HTTP/1.1\r\nHost: h\r\nX-Multi: 1\r\nx-multi: 2\r\n\r\n"
                                 "POST /b HTTP/1.1\r\nContent-Length: 5\r\n\r\nhello"
                                 "PUT /c HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n3\r\nabc\r\n1\r\nd\r\n0\r\n\r\n"
                                 "GET /d HTTP/1.0\r\n\r\n";
        const Outcome o = run(input, step);
        QCOMPARE(o.errorStatus, 0);
        QCOMPARE(o.requests.size(), 4);
        QCOMPARE(o.requests.at(0).headers.values("X-MULTI"), QList<QByteArray>({"1", "2"}));
        QCOMPARE(o.requests.at(0).headers.value("host"), "h");
        QCOMPARE(o.requests.at(1).body, "hello");
        QCOMPARE(o.requests.at(2).body, "abcd");
        QCOMPARE(o.requests.at(2).method, "PUT");
        QVERIFY(o.requests.at(2).keepAlive);
        QCOMPARE(o.requests.at(3).versionMinor, 0);
        QVERIFY(!o.requests.at(3).keepAlive);
    }

    void headerLimitBoundary_data()
    {
        QTest::addColumn<int>("limitDelta"); // limit = exact header size + delta
        QTest::addColumn<int>("status");
        QTest::newRow("exact") << 0 << 0;
        QTest::newRow("one over") << -1 << 431;
        QTest::newRow("roomy") << 100 << 0;
    }
    void headerLimitBoundary()
    {
        QFETCH(int, limitDelta);
        QFETCH(int, status);
        const QByteArray head = "GET /abc HTTP/1.1\r\nHost: example\r\nX-Pad: 0123456789\r\n\r\n";
        HttpServerLimits limits;
        limits.maxHeaderBytes = head.size() + limitDelta;
        for (int step : {0, 1, 5}) {
            // The second request must be judged on its own bytes, not on the first one's.
            const Outcome o = run(head + head, step, limits);
            QCOMPARE(o.errorStatus, status);
            QCOMPARE(o.requests.size(), status == 0 ? 2 : 0);
        }
    }

    void bodyLimitBoundary_data()
    {
        QTest::addColumn<QByteArray>("request");
        QTest::addColumn<int>("status");
        QTest::newRow("length at limit") << QByteArray("POST / HTTP/1.1\r\nContent-Length: 8\r\n\r\n12345678") << 0;
        QTest::newRow("length over") << QByteArray("POST / HTTP/1.1\r\nContent-Length: 9\r\n\r\n123456789") << 413;
        QTest::newRow("chunked at limit")
            << QByteArray("POST / HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n4\r\n1234\r\n4\r\n5678\r\n0\r\n\r\n")
            << 0;
        QTest::newRow("chunked over") << QByteArray(
            "POST / HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n4\r\n1234\r\n5\r\n56789\r\n0\r\n\r\n")
                                      << 413;
    }
    void bodyLimitBoundary()
    {
        QFETCH(QByteArray, request);
        QFETCH(int, status);
        HttpServerLimits limits;
        limits.maxBodyBytes = 8;
        const Outcome o = run(request, 3, limits);
        QCOMPARE(o.errorStatus, status);
        QCOMPARE(o.requests.size(), status == 0 ? 1 : 0);
    }

    void expectContinue_data()
    {
        QTest::addColumn<QByteArray>("request");
        QTest::addColumn<int>("continues");
        QTest::newRow("with body") << QByteArray("PUT / HTTP/1.1\r\nExpect: 100-Continue\r\nContent-Length: 1\r\n\r\nx")
                                   << 1;
        QTest::newRow("without body") << QByteArray("GET / HTTP/1.1\r\nExpect: 100-continue\r\n\r\n") << 0;
        QTest::newRow("http/1.0") << QByteArray("PUT / HTTP/1.0\r\nExpect: 100-continue\r\nContent-Length: 1\r\n\r\nx")
                                  << 0;
    }
    void expectContinue()
    {
        QFETCH(QByteArray, request);
        QFETCH(int, continues);
        const Outcome o = run(request, 0);
        QCOMPARE(o.errorStatus, 0);
        QCOMPARE(o.continues, continues);
        QCOMPARE(o.requests.size(), 1);
    }

    void upgradeIsIgnored()
    {
        const Outcome o = run("GET /ws HTTP/1.1\r\nConnection: Upgrade\r\nUpgrade: websocket\r\n\r\n"
                              "GET /next HTTP/1.1\r\n\r\n",
                              0);
        QCOMPARE(o.errorStatus, 0);
        QCOMPARE(o.requests.size(), 2);
        QCOMPARE(o.requests.at(1).path, "/next");
    }

    void errorIsFinal()
    {
        HttpRequestParser parser;
        qsizetype consumed = 0;
        QCOMPARE(parser.parse("BAD\x01 / HTTP/1.1\r\n\r\n", 19, &consumed), HttpRequestParser::Event::Error);
        QCOMPARE(parser.errorStatus(), 400);
        QCOMPARE(parser.parse("GET / HTTP/1.1\r\n\r\n", 18, &consumed), HttpRequestParser::Event::Error);
        QCOMPARE(consumed, 0);
    }
};

QTEST_GUILESS_MAIN(TestHttpServerParser)
#include "tst_httpserverparser.moc"
