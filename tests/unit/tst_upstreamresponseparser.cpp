#include "UpstreamTestSupport.h"
#include "http/HttpResponseParser.h"

#include <QTest>

using namespace sluice;
using sluice::test::exchange;
using sluice::test::headerLines;
using sluice::test::upstreamRequest;

Q_DECLARE_METATYPE(HttpResponseParser::State)

class TestUpstreamResponseParser : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void parse_data();
    void parse();
    void errors_data();
    void errors();
    void trailingBytesAfterResponse();
    void reuseAfterReset();
};

void TestUpstreamResponseParser::parse_data()
{
    QTest::addColumn<QByteArray>("wire");
    QTest::addColumn<bool>("head");
    QTest::addColumn<bool>("needsEof"); // complete only when the peer closes
    QTest::addColumn<int>("status");
    QTest::addColumn<QByteArray>("reason");
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QByteArrayList>("headers");
    QTest::addColumn<bool>("keepAlive");

    QTest::newRow("content-length") << QByteArray("HTTP/1.1 200 OK\r\nContent-Length: 3\r\nX: 1\r\n\r\nabc") << false
                                    << false << 200 << QByteArray("OK") << QByteArray("abc")
                                    << QByteArrayList {"Content-Length: 3", "X: 1"} << true;
    QTest::newRow("zero length") << QByteArray("HTTP/1.1 404 Not Found\r\nContent-Length: 0\r\n\r\n") << false << false
                                 << 404 << QByteArray("Not Found") << QByteArray()
                                 << QByteArrayList {"Content-Length: 0"} << true;
    QTest::newRow("chunked with trailer")
        << QByteArray("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n3\r\nabc\r\n1\r\nd\r\n0\r\nT: x\r\n\r\n")
        << false << false << 200 << QByteArray("OK") << QByteArray("abcd") << QByteArrayList {} << true;
    QTest::newRow("chunked after gzip coding")
        << QByteArray("HTTP/1.1 200 OK\r\nTransfer-Encoding: gzip, chunked\r\n\r\n2\r\nzz\r\n0\r\n\r\n") << false
        << false << 200 << QByteArray("OK") << QByteArray("zz") << QByteArrayList {"Transfer-Encoding: gzip"} << true;
    QTest::newRow("read until close") << QByteArray("HTTP/1.1 200 OK\r\nA: b\r\n\r\nall of it") << false << true << 200
                                      << QByteArray("OK") << QByteArray("all of it") << QByteArrayList {"A: b"}
                                      << false;
    QTest::newRow("HEAD ignores length") << QByteArray("HTTP/1.1 200 OK\r\nContent-Length: 99\r\n\r\n") << true << false
                                         << 200 << QByteArray("OK") << QByteArray()
                                         << QByteArrayList {"Content-Length: 99"} << true;
    QTest::newRow("204") << QByteArray("HTTP/1.1 204 No Content\r\n\r\n") << false << false << 204
                         << QByteArray("No Content") << QByteArray() << QByteArrayList {} << true;
    QTest::newRow("304 with length") << QByteArray("HTTP/1.1 304 Not Modified\r\nContent-Length: 10\r\n\r\n") << false
                                     << false << 304 << QByteArray("Not Modified") << QByteArray()
                                     << QByteArrayList {"Content-Length: 10"} << true;
    QTest::newRow("two interim responses")
        << QByteArray("HTTP/1.1 100 Continue\r\n\r\nHTTP/1.1 103 Early Hints\r\nLink: </a.css>\r\n\r\n"
                      "HTTP/1.1 200 OK\r\nContent-Length: 1\r\n\r\nx")
        << false << false << 200 << QByteArray("OK") << QByteArray("x") << QByteArrayList {"Content-Length: 1"} << true;
    QTest::newRow("HTTP/1.0 keep-alive") << QByteArray(
        "HTTP/1.0 200 OK\r\nConnection: keep-alive\r\nContent-Length: 1\r\n\r\nx")
                                         << false << false << 200 << QByteArray("OK") << QByteArray("x")
                                         << QByteArrayList {"Connection: keep-alive", "Content-Length: 1"} << true;
    QTest::newRow("connection close") << QByteArray(
        "HTTP/1.1 200 OK\r\nConnection: close\r\nContent-Length: 1\r\n\r\nx")
                                      << false << false << 200 << QByteArray("OK") << QByteArray("x")
                                      << QByteArrayList {"Connection: close", "Content-Length: 1"} << false;
    QTest::newRow("empty reason") << QByteArray("HTTP/1.1 299 \r\nContent-Length: 0\r\n\r\n") << false << false << 299
                                  << QByteArray() << QByteArray() << QByteArrayList {"Content-Length: 0"} << true;
    QTest::newRow("empty header value") << QByteArray("HTTP/1.1 200 OK\r\nX-Empty:\r\nContent-Length: 0\r\n\r\n")
                                        << false << false << 200 << QByteArray("OK") << QByteArray()
                                        << QByteArrayList {"X-Empty: ", "Content-Length: 0"} << true;
}

void TestUpstreamResponseParser::parse()
{
    QFETCH(QByteArray, wire);
    QFETCH(bool, head);
    QFETCH(bool, needsEof);
    QFETCH(int, status);
    QFETCH(QByteArray, reason);
    QFETCH(QByteArray, body);
    QFETCH(QByteArrayList, headers);
    QFETCH(bool, keepAlive);

    // Whole, then split at every position: callbacks arrive in pieces.
    for (qsizetype split = 0; split <= wire.size(); ++split) {
        const QByteArray label = "split at " + QByteArray::number(split);
        HttpResponseParser parser;
        parser.reset(head);
        const qsizetype first = split == 0 ? wire.size() : split;
        HttpResponseParser::State state = parser.feed(wire.constData(), first);
        if (state == HttpResponseParser::State::Incomplete)
            state = parser.feed(wire.constData() + first, wire.size() - first);
        if (needsEof) {
            QVERIFY2(state == HttpResponseParser::State::Incomplete, label.constData());
            state = parser.finish();
        }
        QVERIFY2(state == HttpResponseParser::State::Complete,
                 (label + ": " + parser.errorText().toUtf8()).constData());
        QCOMPARE(parser.trailingBytes(), 0);
        QCOMPARE(parser.keepAlive(), keepAlive);
        const HttpResponse response = parser.takeResponse();
        QCOMPARE(response.status, status);
        QCOMPARE(response.reason, reason);
        QCOMPARE(response.body, body);
        QCOMPARE(headerLines(response.headers), headers);
    }

    // One byte at a time.
    HttpResponseParser parser;
    parser.reset(head);
    HttpResponseParser::State state = HttpResponseParser::State::Incomplete;
    for (qsizetype i = 0; i < wire.size(); ++i)
        state = parser.feed(wire.constData() + i, 1);
    if (needsEof)
        state = parser.finish();
    QCOMPARE(state, HttpResponseParser::State::Complete);
    QCOMPARE(parser.takeResponse().body, body);
}

void TestUpstreamResponseParser::errors_data()
{
    QTest::addColumn<QByteArray>("wire");
    QTest::addColumn<bool>("closeAfter");

    QTest::newRow("garbage") << QByteArray("this is not HTTP\r\n\r\n") << false;
    QTest::newRow("bad status") << QByteArray("HTTP/1.1 2x0 OK\r\n\r\n") << false;
    QTest::newRow("bad chunk size") << QByteArray("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n")
                                    << false;
    QTest::newRow("two lengths") << QByteArray("HTTP/1.1 200 OK\r\nContent-Length: 1\r\nContent-Length: 2\r\n\r\n")
                                 << false;
    QTest::newRow("length overflow") << QByteArray("HTTP/1.1 200 OK\r\nContent-Length: 99999999999999999999999\r\n\r\n")
                                     << false;
    QTest::newRow("closed in headers") << QByteArray("HTTP/1.1 200 OK\r\nContent-Le") << true;
    QTest::newRow("closed in body") << QByteArray("HTTP/1.1 200 OK\r\nContent-Length: 10\r\n\r\nabc") << true;
    QTest::newRow("closed in chunk") << QByteArray("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nab")
                                     << true;
    QTest::newRow("closed before anything") << QByteArray() << true;
    QTest::newRow("closed after interim") << QByteArray("HTTP/1.1 100 Continue\r\n\r\n") << true;
}

void TestUpstreamResponseParser::errors()
{
    QFETCH(QByteArray, wire);
    QFETCH(bool, closeAfter);

    HttpResponseParser parser;
    parser.reset(false);
    HttpResponseParser::State state = parser.feed(wire.constData(), wire.size());
    if (closeAfter) {
        QCOMPARE(state, HttpResponseParser::State::Incomplete);
        state = parser.finish();
    }
    QCOMPARE(state, HttpResponseParser::State::Error);
    QVERIFY(!parser.errorText().isEmpty());
    QCOMPARE(parser.hasReceivedBytes(), !wire.isEmpty());
    // Stays failed.
    QCOMPARE(parser.feed("HTTP/1.1 200 OK\r\n\r\n", 19), HttpResponseParser::State::Error);
}

void TestUpstreamResponseParser::trailingBytesAfterResponse()
{
    const QByteArray wire("HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nokHTTP/1.1 200 OK\r\n");
    HttpResponseParser parser;
    parser.reset(false);
    QCOMPARE(parser.feed(wire.constData(), wire.size()), HttpResponseParser::State::Complete);
    QCOMPARE(parser.trailingBytes(), wire.size() - wire.indexOf("okHTTP") - 2);
    QCOMPARE(parser.takeResponse().body, QByteArray("ok"));
}

void TestUpstreamResponseParser::reuseAfterReset()
{
    HttpResponseParser parser;
    const QByteArray head("HTTP/1.1 200 OK\r\nContent-Length: 5\r\n\r\n");
    parser.reset(true);
    QCOMPARE(parser.feed(head.constData(), head.size()), HttpResponseParser::State::Complete);
    QCOMPARE(parser.takeResponse().body, QByteArray());

    const QByteArray get("HTTP/1.1 201 Created\r\nContent-Length: 5\r\n\r\nhello");
    parser.reset(false);
    QCOMPARE(parser.feed(get.constData(), get.size()), HttpResponseParser::State::Complete);
    const HttpResponse response = parser.takeResponse();
    QCOMPARE(response.status, 201);
    QCOMPARE(response.body, QByteArray("hello"));
    QCOMPARE(response.headers.size(), 1);
}

QTEST_GUILESS_MAIN(TestUpstreamResponseParser)
#include "tst_upstreamresponseparser.moc"
