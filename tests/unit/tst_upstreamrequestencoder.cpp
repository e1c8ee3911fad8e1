#include "http/UpstreamRequestEncoder.h"

#include <QTest>

using namespace sluice;

class TestUpstreamRequestEncoder : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void encode_data();
    void encode();
    void idempotent_data();
    void idempotent();
};

void TestUpstreamRequestEncoder::encode_data()
{
    QTest::addColumn<QByteArray>("method");
    QTest::addColumn<QByteArray>("url"); // encoded
    QTest::addColumn<QByteArrayList>("headers");
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QByteArray>("expected");

    QTest::newRow("GET, default port") << QByteArray("GET") << QByteArray("http://api.example.com/v1/items?a=1&b=x%20y")
                                       << QByteArrayList {"Accept", "*/*"} << QByteArray()
                                       << QByteArray("GET /v1/items?a=1&b=x%20y HTTP/1.1\r\nHost: api.example.com\r\n"
                                                     "Accept: */*\r\n\r\n");
    QTest::newRow("empty path") << QByteArray("GET") << QByteArray("http://h:8080") << QByteArrayList {} << QByteArray()
                                << QByteArray("GET / HTTP/1.1\r\nHost: h:8080\r\n\r\n");
    QTest::newRow("empty query kept") << QByteArray("GET") << QByteArray("http://h/p?") << QByteArrayList {}
                                      << QByteArray() << QByteArray("GET /p? HTTP/1.1\r\nHost: h\r\n\r\n");
    QTest::newRow("https default port") << QByteArray("GET") << QByteArray("https://h:443/") << QByteArrayList {}
                                        << QByteArray() << QByteArray("GET / HTTP/1.1\r\nHost: h\r\n\r\n");
    QTest::newRow("https other port") << QByteArray("GET") << QByteArray("https://h:80/") << QByteArrayList {}
                                      << QByteArray() << QByteArray("GET / HTTP/1.1\r\nHost: h:80\r\n\r\n");
    QTest::newRow("IPv6") << QByteArray("GET") << QByteArray("http://[::1]:9000/x") << QByteArrayList {} << QByteArray()
                          << QByteArray("GET /x HTTP/1.1\r\nHost: [::1]:9000\r\n\r\n");
    QTest::newRow("encoded path kept") << QByteArray("GET") << QByteArray("http://h/a%2Fb/%C3%A9") << QByteArrayList {}
                                       << QByteArray() << QByteArray("GET /a%2Fb/%C3%A9 HTTP/1.1\r\nHost: h\r\n\r\n");
    QTest::newRow("POST body, caller length replaced")
        << QByteArray("POST") << QByteArray("http://h/p") << QByteArrayList {"Content-Length", "1", "X", "y"}
        << QByteArray("hello") << QByteArray("POST /p HTTP/1.1\r\nHost: h\r\nX: y\r\nContent-Length: 5\r\n\r\nhello");
    QTest::newRow("POST empty body") << QByteArray("POST") << QByteArray("http://h/p") << QByteArrayList {}
                                     << QByteArray()
                                     << QByteArray("POST /p HTTP/1.1\r\nHost: h\r\nContent-Length: 0\r\n\r\n");
    QTest::newRow("GET with body") << QByteArray("GET") << QByteArray("http://h/p") << QByteArrayList {}
                                   << QByteArray("q")
                                   << QByteArray("GET /p HTTP/1.1\r\nHost: h\r\nContent-Length: 1\r\n\r\nq");
    QTest::newRow("caller Host wins, chunked dropped")
        << QByteArray("PUT") << QByteArray("http://h/p")
        << QByteArrayList {"X-First", "1", "HOST", "other", "Transfer-Encoding", "chunked"} << QByteArray("ab")
        << QByteArray("PUT /p HTTP/1.1\r\nX-First: 1\r\nHOST: other\r\nContent-Length: 2\r\n\r\nab");
    QTest::newRow("CR LF in value dropped")
        << QByteArray("GET") << QByteArray("http://h/") << QByteArrayList {"A", "1\r\nEvil: 1", "B", "2"}
        << QByteArray() << QByteArray("GET / HTTP/1.1\r\nHost: h\r\nB: 2\r\n\r\n");
}

void TestUpstreamRequestEncoder::encode()
{
    QFETCH(QByteArray, method);
    QFETCH(QByteArray, url);
    QFETCH(QByteArrayList, headers);
    QFETCH(QByteArray, body);
    QFETCH(QByteArray, expected);

    UpstreamRequest request;
    request.method = method;
    request.url = QUrl::fromEncoded(url, QUrl::StrictMode);
    QVERIFY(request.url.isValid());
    for (qsizetype i = 0; i + 1 < headers.size(); i += 2)
        request.headers.add(headers.at(i), headers.at(i + 1));
    request.body = body;
    QCOMPARE(UpstreamRequestEncoder::encode(request), expected);
}

void TestUpstreamRequestEncoder::idempotent_data()
{
    QTest::addColumn<QByteArray>("method");
    QTest::addColumn<bool>("expected");
    QTest::newRow("GET") << QByteArray("GET") << true;
    QTest::newRow("HEAD") << QByteArray("HEAD") << true;
    QTest::newRow("PUT") << QByteArray("PUT") << true;
    QTest::newRow("DELETE") << QByteArray("DELETE") << true;
    QTest::newRow("OPTIONS") << QByteArray("OPTIONS") << true;
    QTest::newRow("POST") << QByteArray("POST") << false;
    QTest::newRow("PATCH") << QByteArray("PATCH") << false;
    QTest::newRow("lower-case get") << QByteArray("get") << false;
}

void TestUpstreamRequestEncoder::idempotent()
{
    QFETCH(QByteArray, method);
    QFETCH(bool, expected);
    QCOMPARE(UpstreamRequestEncoder::isIdempotent(method), expected);
}

QTEST_GUILESS_MAIN(TestUpstreamRequestEncoder)
#include "tst_upstreamrequestencoder.moc"
