#include "UpstreamTestSupport.h"
#include "FaultServer.h"
#include "http/PooledUpstreamClient.h"

#include <QPointer>
#include <QTest>

#include <memory>
#include <optional>

using namespace sluice;
using sluice::test::exchange;
using sluice::test::headerLines;
using sluice::test::upstreamRequest;
using sluice::test::FaultServer;

Q_DECLARE_METATYPE(FaultServer::Behavior)
Q_DECLARE_METATYPE(UpstreamResult::Error)

namespace {

QUrl urlFor(const FaultServer &server, const QString &pathAndQuery)
{
    QUrl url = server.url();
    const QUrl relative = QUrl::fromEncoded(pathAndQuery.toUtf8(), QUrl::StrictMode);
    url.setPath(relative.path(QUrl::FullyEncoded), QUrl::StrictMode);
    if (relative.hasQuery())
        url.setQuery(relative.query(QUrl::FullyEncoded), QUrl::StrictMode);
    return url;
}

} // namespace

class TestUpstream : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void roundTrip_data();
    void roundTrip();
    void hostHeaderKeptWhenGiven();
    void keepAliveReuse();
    void concurrentConnections_data();
    void concurrentConnections();
    void responseFraming_data();
    void responseFraming();
    void connectionRefused();
    void invalidUrlFailsAsynchronously();
    void faults_data();
    void faults();
    void staleKeepAliveRetry_data();
    void staleKeepAliveRetry();
    void idleConnectionClosedByServerIsDiscarded();
    void idleTimeoutClosesConnection();
    void maxIdlePerHost();
    void destroyedContextGetsNoCallback();
    void destroyingClientCancelsInFlight();
    void deletingClientInsideDone_data();
    void deletingClientInsideDone();
    void sustainedLoad_data();
    void sustainedLoad();
};

void TestUpstream::roundTrip_data()
{
    QTest::addColumn<QByteArray>("method");
    QTest::addColumn<QString>("pathAndQuery");
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QByteArray>("expectedTarget");
    QTest::addColumn<QByteArray>("expectedContentLength"); // empty: header absent

    QTest::newRow("GET root") << QByteArray("GET") << QStringLiteral("/") << QByteArray() << QByteArray("/")
                              << QByteArray();
    QTest::newRow("GET path and query") << QByteArray("GET") << QStringLiteral("/a/b%20c?x=1&y=%C3%A9") << QByteArray()
                                        << QByteArray("/a/b%20c?x=1&y=%C3%A9") << QByteArray();
    QTest::newRow("POST body") << QByteArray("POST") << QStringLiteral("/items") << QByteArray("{\"a\":1}")
                               << QByteArray("/items") << QByteArray("7");
    QTest::newRow("POST empty") << QByteArray("POST") << QStringLiteral("/items") << QByteArray()
                                << QByteArray("/items") << QByteArray("0");
    QTest::newRow("PUT") << QByteArray("PUT") << QStringLiteral("/items/1") << QByteArray("x") << QByteArray("/items/1")
                         << QByteArray("1");
    QTest::newRow("PATCH empty") << QByteArray("PATCH") << QStringLiteral("/items/1") << QByteArray()
                                 << QByteArray("/items/1") << QByteArray("0");
    QTest::newRow("DELETE") << QByteArray("DELETE") << QStringLiteral("/items/1") << QByteArray()
                            << QByteArray("/items/1") << QByteArray();
}

void TestUpstream::roundTrip()
{
    QFETCH(QByteArray, method);
    QFETCH(QString, pathAndQuery);
    QFETCH(QByteArray, body);
    QFETCH(QByteArray, expectedTarget);
    QFETCH(QByteArray, expectedContentLength);

    FaultServer server;
    QVERIFY(server.start());
    PooledUpstreamClient client;
    UpstreamRequest r = upstreamRequest(urlFor(server, pathAndQuery), method, body);
    r.headers.add("X-Custom", "one");
    r.headers.add("Accept", "application/json");
    r.headers.add("Content-Length", "999"); // replaced by the real length
    const auto result = exchange(client, r);
    QVERIFY(result);
    QVERIFY2(result->ok(), qPrintable(result->errorText));
    QCOMPARE(result->response.status, 200);
    QCOMPARE(result->response.reason, QByteArray("OK"));
    QCOMPARE(result->response.body, method + ' ' + expectedTarget + '\n' + body);
    QCOMPARE(result->response.headers.value("Content-Type"), QByteArray("text/plain"));

    QCOMPARE(server.requestCount(), 1);
    const HttpRequest seen = server.lastRequest();
    QCOMPARE(seen.method, method);
    QCOMPARE(seen.target, expectedTarget);
    QCOMPARE(seen.body, body);
    QCOMPARE(seen.headers.value("Host"), "127.0.0.1:" + QByteArray::number(server.port()));
    QCOMPARE(seen.headers.values("Content-Length").size(), expectedContentLength.isEmpty() ? 0 : 1);
    QCOMPARE(seen.headers.value("Content-Length"), expectedContentLength);
    QCOMPARE(seen.headers.value("X-Custom"), QByteArray("one"));
    // Caller's order is kept: Host first (added), then the caller's fields.
    QCOMPARE(seen.headers.fields().at(0).first, QByteArray("Host"));
    QCOMPARE(seen.headers.fields().at(1).first, QByteArray("X-Custom"));
    QCOMPARE(seen.headers.fields().at(2).first, QByteArray("Accept"));
}

void TestUpstream::hostHeaderKeptWhenGiven()
{
    FaultServer server;
    QVERIFY(server.start());
    PooledUpstreamClient client;
    UpstreamRequest r = upstreamRequest(server.url());
    r.headers.add("host", "api.example.com");
    r.headers.add("X-Bad", "a\r\nInjected: yes"); // never sent: would split the request
    const auto result = exchange(client, r);
    QVERIFY(result && result->ok());
    const HttpRequest seen = server.lastRequest();
    QCOMPARE(seen.headers.values("Host"), QList<QByteArray> {"api.example.com"});
    QVERIFY(!seen.headers.contains("Injected"));
    QVERIFY(!seen.headers.contains("X-Bad"));
}

void TestUpstream::keepAliveReuse()
{
    FaultServer server;
    QVERIFY(server.start());
    PooledUpstreamClient client;
    for (int i = 0; i < 10; ++i) {
        const auto result = exchange(client, upstreamRequest(urlFor(server, QStringLiteral("/n/%1").arg(i))));
        QVERIFY(result);
        QVERIFY2(result->ok(), qPrintable(result->errorText));
        QCOMPARE(result->response.body, "GET /n/" + QByteArray::number(i) + "\n");
    }
    QCOMPARE(server.requestCount(), 10);
    QCOMPARE(server.connectionsAccepted(), 1);
    QCOMPARE(client.connectionsOpened(), quint64(1));
    QCOMPARE(client.idleConnectionCount(), 1);
}

void TestUpstream::concurrentConnections_data()
{
    QTest::addColumn<int>("maxConnections");
    QTest::addColumn<int>("requests");
    QTest::addColumn<int>("expectedMaxOpen");

    QTest::newRow("20 at once, no cap of 6") << 1024 << 20 << 20;
    QTest::newRow("capped at 3, rest queued") << 3 << 10 << 3;
    QTest::newRow("capped at 1") << 1 << 4 << 1;
}

void TestUpstream::concurrentConnections()
{
    QFETCH(int, maxConnections);
    QFETCH(int, requests);
    QFETCH(int, expectedMaxOpen);

    FaultServer server;
    QVERIFY(server.start());
    server.setResponseDelayMs(200);
    UpstreamClientOptions options;
    options.maxConnectionsPerHost = maxConnections;
    PooledUpstreamClient client(options);
    QObject context;
    int ok = 0;
    int calls = 0;
    for (int i = 0; i < requests; ++i) {
        client.send(upstreamRequest(urlFor(server, QStringLiteral("/delay/%1").arg(i))), &context, [&](UpstreamResult result) {
            ++calls;
            if (result.ok() && result.response.status == 200)
                ++ok;
        });
    }
    QTRY_COMPARE_WITH_TIMEOUT(calls, requests, 20'000);
    QCOMPARE(ok, requests);
    QCOMPARE(server.maxOpenConnections(), expectedMaxOpen);
    QCOMPARE(server.connectionsAccepted(), expectedMaxOpen);
    QCOMPARE(client.pendingCount(), 0);
}

void TestUpstream::responseFraming_data()
{
    QTest::addColumn<QByteArray>("method");
    QTest::addColumn<QByteArray>("response");
    QTest::addColumn<bool>("closeAfterResponse");
    QTest::addColumn<int>("expectedStatus");
    QTest::addColumn<QByteArray>("expectedBody");
    QTest::addColumn<QByteArrayList>("expectedHeaders");
    QTest::addColumn<bool>("expectReuse");

    QTest::newRow("content-length") << QByteArray("GET")
                                    << QByteArray("HTTP/1.1 201 Created\r\nA: 1\r\nContent-Length: 5\r\n\r\nhello")
                                    << false << 201 << QByteArray("hello")
                                    << QByteArrayList {"A: 1", "Content-Length: 5"} << true;
    QTest::newRow("chunked") << QByteArray("GET")
                             << QByteArray("HTTP/1.1 200 OK\r\nX-A: 1\r\nTransfer-Encoding: chunked\r\nX-B: 2\r\n\r\n"
                                           "5\r\nhello\r\n6;ext=1\r\n world\r\n0\r\nX-Trailer: t\r\n\r\n")
                             << false << 200 << QByteArray("hello world") << QByteArrayList {"X-A: 1", "X-B: 2"}
                             << true;
    QTest::newRow("read until close") << QByteArray("GET")
                                      << QByteArray("HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\n\r\nuntil the end")
                                      << true << 200 << QByteArray("until the end")
                                      << QByteArrayList {"Content-Type: text/plain"} << false;
    QTest::newRow("HEAD with length") << QByteArray("HEAD")
                                      << QByteArray("HTTP/1.1 200 OK\r\nContent-Length: 1234\r\n\r\n") << false << 200
                                      << QByteArray() << QByteArrayList {"Content-Length: 1234"} << true;
    QTest::newRow("HEAD with chunked") << QByteArray("HEAD")
                                       << QByteArray("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n") << false
                                       << 200 << QByteArray() << QByteArrayList {} << true;
    QTest::newRow("204") << QByteArray("DELETE") << QByteArray("HTTP/1.1 204 No Content\r\nX: y\r\n\r\n") << false
                         << 204 << QByteArray() << QByteArrayList {"X: y"} << true;
    QTest::newRow("304 with length") << QByteArray(
        "GET") << QByteArray("HTTP/1.1 304 Not Modified\r\nETag: \"v1\"\r\nContent-Length: 50\r\n\r\n")
                                     << false << 304 << QByteArray()
                                     << QByteArrayList {"ETag: \"v1\"", "Content-Length: 50"} << true;
    QTest::newRow("100 continue then 200")
        << QByteArray("POST")
        << QByteArray("HTTP/1.1 100 Continue\r\nX-Interim: 1\r\n\r\nHTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok")
        << false << 200 << QByteArray("ok") << QByteArrayList {"Content-Length: 2"} << true;
    QTest::newRow("repeated fields in order")
        << QByteArray("GET")
        << QByteArray("HTTP/1.1 200 OK\r\nSet-Cookie: a=1\r\nVary: x\r\nset-cookie: b=2\r\nContent-Length: 0\r\n\r\n")
        << false << 200 << QByteArray()
        << QByteArrayList {"Set-Cookie: a=1", "Vary: x", "set-cookie: b=2", "Content-Length: 0"} << true;
    QTest::newRow("connection close") << QByteArray(
        "GET") << QByteArray("HTTP/1.1 200 OK\r\nConnection: close\r\nContent-Length: 1\r\n\r\nz")
                                      << true << 200 << QByteArray("z")
                                      << QByteArrayList {"Connection: close", "Content-Length: 1"} << false;
    QTest::newRow("HTTP/1.0 without keep-alive")
        << QByteArray("GET") << QByteArray("HTTP/1.0 200 OK\r\nContent-Length: 1\r\n\r\nz") << true << 200
        << QByteArray("z") << QByteArrayList {"Content-Length: 1"} << false;
    QTest::newRow("custom reason") << QByteArray("GET")
                                   << QByteArray("HTTP/1.1 418 Short And Stout\r\nContent-Length: 0\r\n\r\n") << false
                                   << 418 << QByteArray() << QByteArrayList {"Content-Length: 0"} << true;
}

void TestUpstream::responseFraming()
{
    QFETCH(QByteArray, method);
    QFETCH(QByteArray, response);
    QFETCH(bool, closeAfterResponse);
    QFETCH(int, expectedStatus);
    QFETCH(QByteArray, expectedBody);
    QFETCH(QByteArrayList, expectedHeaders);
    QFETCH(bool, expectReuse);

    FaultServer server;
    QVERIFY(server.start());
    server.setCloseAfterResponse(closeAfterResponse);
    server.setResponder([&](const HttpRequest &) { return response; });
    PooledUpstreamClient client;
    for (int round = 0; round < 2; ++round) {
        const auto result = exchange(client, upstreamRequest(server.url(), method));
        QVERIFY(result);
        QVERIFY2(result->ok(), qPrintable(result->errorText));
        QCOMPARE(result->response.status, expectedStatus);
        QCOMPARE(result->response.body, expectedBody);
        QCOMPARE(headerLines(result->response.headers), expectedHeaders);
    }
    QCOMPARE(server.connectionsAccepted(), expectReuse ? 1 : 2);
}

void TestUpstream::connectionRefused()
{
    quint16 port = 0;
    {
        FaultServer server;
        QVERIFY(server.start());
        port = server.port();
    }
    PooledUpstreamClient client;
    QUrl url(QStringLiteral("http://127.0.0.1/x"));
    url.setPort(port);
    const auto result = exchange(client, upstreamRequest(url));
    QVERIFY(result);
    QCOMPARE(result->error, UpstreamResult::Error::ConnectFailed);
    QVERIFY(!result->errorText.isEmpty());
    QCOMPARE(client.connectionCount(), 0);
}

void TestUpstream::invalidUrlFailsAsynchronously()
{
    PooledUpstreamClient client;
    QObject context;
    int calls = 0;
    UpstreamResult got;
    client.send(upstreamRequest(QUrl(QStringLiteral("ftp://127.0.0.1/x"))), &context, [&](UpstreamResult result) {
        ++calls;
        got = std::move(result);
    });
    QCOMPARE(calls, 0); // never from inside send()
    QTRY_COMPARE(calls, 1);
    QCOMPARE(got.error, UpstreamResult::Error::ConnectFailed);
}

void TestUpstream::faults_data()
{
    QTest::addColumn<FaultServer::Behavior>("behavior");
    QTest::addColumn<int>("timeoutMs");
    QTest::addColumn<UpstreamResult::Error>("expected");

    QTest::newRow("never answers") << FaultServer::Behavior::NeverAnswer << 300 << UpstreamResult::Error::Timeout;
    QTest::newRow("closes immediately") << FaultServer::Behavior::CloseImmediately << 10'000
                                        << UpstreamResult::Error::Protocol;
    QTest::newRow("garbage") << FaultServer::Behavior::Garbage << 10'000 << UpstreamResult::Error::Protocol;
    QTest::newRow("partial then stall") << FaultServer::Behavior::PartialThenStall << 300
                                        << UpstreamResult::Error::Timeout;
    QTest::newRow("close mid-body") << FaultServer::Behavior::PartialThenClose << 10'000
                                    << UpstreamResult::Error::Protocol;
}

void TestUpstream::faults()
{
    QFETCH(FaultServer::Behavior, behavior);
    QFETCH(int, timeoutMs);
    QFETCH(UpstreamResult::Error, expected);

    FaultServer server(behavior);
    QVERIFY(server.start());
    PooledUpstreamClient client;
    UpstreamRequest r = upstreamRequest(server.url());
    r.timeoutMs = timeoutMs;
    const auto result = exchange(client, r);
    QVERIFY(result);
    QCOMPARE(result->error, expected);
    QVERIFY(!result->errorText.isEmpty());
    // The failed connection is not kept.
    QCOMPARE(client.connectionCount(), 0);
    QTRY_COMPARE(server.openConnections(), 0);
    QCOMPARE(client.pendingCount(), 0);
}

void TestUpstream::staleKeepAliveRetry_data()
{
    QTest::addColumn<QByteArray>("method");
    QTest::addColumn<bool>("retried");

    QTest::newRow("GET retried") << QByteArray("GET") << true;
    QTest::newRow("HEAD retried") << QByteArray("HEAD") << true;
    QTest::newRow("PUT retried") << QByteArray("PUT") << true;
    QTest::newRow("DELETE retried") << QByteArray("DELETE") << true;
    QTest::newRow("OPTIONS retried") << QByteArray("OPTIONS") << true;
    QTest::newRow("POST not retried") << QByteArray("POST") << false;
    QTest::newRow("PATCH not retried") << QByteArray("PATCH") << false;
}

void TestUpstream::staleKeepAliveRetry()
{
    QFETCH(QByteArray, method);
    QFETCH(bool, retried);

    FaultServer server;
    QVERIFY(server.start());
    PooledUpstreamClient client;
    const auto first = exchange(client, upstreamRequest(server.url()));
    QVERIFY(first && first->ok());
    QCOMPARE(client.idleConnectionCount(), 1);

    // The server drops the kept-alive connection; the client sends before it
    // could notice (no event loop pass in between): the stale keep-alive race.
    server.closeAllConnections();
    const auto second = exchange(client, upstreamRequest(server.url(), method, "b"));
    QVERIFY(second);
    if (retried) {
        QVERIFY2(second->ok(), qPrintable(second->errorText));
        QCOMPARE(second->response.status, 200);
        QCOMPARE(server.connectionsAccepted(), 2);
        QCOMPARE(server.requestCount(), 2);
        QCOMPARE(server.lastRequest().method, method);
    } else {
        QCOMPARE(second->error, UpstreamResult::Error::Protocol);
        QCOMPARE(server.connectionsAccepted(), 1);
        QCOMPARE(server.requestCount(), 1);
    }
}

void TestUpstream::idleConnectionClosedByServerIsDiscarded()
{
    FaultServer server;
    QVERIFY(server.start());
    PooledUpstreamClient client;
    QVERIFY(exchange(client, upstreamRequest(server.url()))->ok());
    QCOMPARE(client.connectionCount(), 1);
    server.closeAllConnections();
    QTRY_COMPARE(client.connectionCount(), 0);
    QCOMPARE(client.idleConnectionCount(), 0);
    const auto again = exchange(client, upstreamRequest(server.url()));
    QVERIFY(again && again->ok());
    QCOMPARE(server.connectionsAccepted(), 2);
}

void TestUpstream::idleTimeoutClosesConnection()
{
    FaultServer server;
    QVERIFY(server.start());
    UpstreamClientOptions options;
    options.idleTimeoutMs = 100;
    PooledUpstreamClient client(options);
    QVERIFY(exchange(client, upstreamRequest(server.url()))->ok());
    QCOMPARE(server.openConnections(), 1);
    QTRY_COMPARE(server.openConnections(), 0);
    QCOMPARE(client.connectionCount(), 0);
}

void TestUpstream::maxIdlePerHost()
{
    FaultServer server;
    QVERIFY(server.start());
    server.setResponseDelayMs(50);
    UpstreamClientOptions options;
    options.maxIdlePerHost = 2;
    PooledUpstreamClient client(options);
    QObject context;
    int calls = 0;
    for (int i = 0; i < 5; ++i)
        client.send(upstreamRequest(server.url()), &context, [&](UpstreamResult) { ++calls; });
    QTRY_COMPARE(calls, 5);
    QCOMPARE(server.connectionsAccepted(), 5);
    QCOMPARE(client.idleConnectionCount(), 2);
    QCOMPARE(client.connectionCount(), 2);
    QTRY_COMPARE(server.openConnections(), 2);
}

void TestUpstream::destroyedContextGetsNoCallback()
{
    FaultServer server;
    QVERIFY(server.start());
    server.setResponseDelayMs(100);
    UpstreamClientOptions options;
    options.maxConnectionsPerHost = 1; // the second request runs after the first on the same connection
    PooledUpstreamClient client(options);
    auto *doomed = new QObject;
    int doomedCalls = 0;
    client.send(upstreamRequest(server.url()), doomed, [&](UpstreamResult) { ++doomedCalls; });
    delete doomed;
    QObject alive;
    int aliveCalls = 0;
    bool aliveOk = false;
    client.send(upstreamRequest(server.url()), &alive, [&](UpstreamResult result) {
        ++aliveCalls;
        aliveOk = result.ok();
    });
    QTRY_COMPARE(aliveCalls, 1);
    QVERIFY(aliveOk);
    QCOMPARE(server.responsesSent(), 2);
    QCOMPARE(doomedCalls, 0);
    QCOMPARE(client.pendingCount(), 0);
}

void TestUpstream::destroyingClientCancelsInFlight()
{
    FaultServer server(FaultServer::Behavior::NeverAnswer);
    QVERIFY(server.start());
    auto client = std::make_unique<PooledUpstreamClient>();
    QObject alive;
    auto *doomed = new QObject;
    int aliveCalls = 0;
    int cancelled = 0;
    int doomedCalls = 0;
    for (int i = 0; i < 3; ++i) {
        client->send(upstreamRequest(server.url()), &alive, [&](UpstreamResult result) {
            ++aliveCalls;
            if (result.error == UpstreamResult::Error::Cancelled)
                ++cancelled;
        });
    }
    client->send(upstreamRequest(server.url()), doomed, [&](UpstreamResult) { ++doomedCalls; });
    QTRY_COMPARE(server.requestCount(), 4);
    delete doomed;
    client.reset();
    QCOMPARE(aliveCalls, 3);
    QCOMPARE(cancelled, 3);
    QTRY_COMPARE(server.openConnections(), 0);
    QCOMPARE(aliveCalls, 3);
    QCOMPARE(doomedCalls, 0);
}

void TestUpstream::deletingClientInsideDone_data()
{
    QTest::addColumn<FaultServer::Behavior>("behavior");
    QTest::addColumn<UpstreamResult::Error>("expected");
    QTest::newRow("after a response") << FaultServer::Behavior::Respond << UpstreamResult::Error::None;
    QTest::newRow("after a timeout") << FaultServer::Behavior::NeverAnswer << UpstreamResult::Error::Timeout;
    QTest::newRow("after a protocol error") << FaultServer::Behavior::Garbage << UpstreamResult::Error::Protocol;
}

// Not the recommended use (deleteLater is), but it must not touch freed memory
// (this test runs under AddressSanitizer in the sanitizer build).
void TestUpstream::deletingClientInsideDone()
{
    QFETCH(FaultServer::Behavior, behavior);
    QFETCH(UpstreamResult::Error, expected);

    FaultServer server(behavior);
    QVERIFY(server.start());
    auto *client = new PooledUpstreamClient;
    QObject context;
    int calls = 0;
    UpstreamResult::Error got = UpstreamResult::Error::Cancelled;
    UpstreamRequest r = upstreamRequest(server.url());
    r.timeoutMs = 300;
    // A second request in flight on another connection when the client dies.
    client->send(upstreamRequest(server.url()), &context, [&](UpstreamResult) { ++calls; });
    client->send(r, &context, [&](UpstreamResult result) {
        ++calls;
        got = result.error;
        delete client;
        client = nullptr;
    });
    QTRY_VERIFY(client == nullptr);
    QCOMPARE(got, expected);
    QTRY_COMPARE(server.openConnections(), 0);
    QCOMPARE(calls, 2);
}

void TestUpstream::sustainedLoad_data()
{
    QTest::addColumn<bool>("serverClosesAfterEachResponse");
    QTest::addColumn<int>("expectedMaxConnections");

    QTest::newRow("keep-alive") << false << 32;
    // Responses look keep-alive but the server hangs up right after: every
    // reuse races with the close and must be retried transparently.
    QTest::newRow("server hangs up after each response") << true << 2000;
}

void TestUpstream::sustainedLoad()
{
    QFETCH(bool, serverClosesAfterEachResponse);
    QFETCH(int, expectedMaxConnections);

    FaultServer server;
    QVERIFY(server.start());
    server.setCloseAfterResponse(serverClosesAfterEachResponse);
    PooledUpstreamClient client;
    QObject context;
    constexpr int total = 2000;
    constexpr int inFlight = 32;
    int sent = 0;
    int finished = 0;
    int failures = 0;
    QString firstFailure;
    std::function<void()> sendNext = [&] {
        const int index = sent++;
        const QByteArray path = "/load/" + QByteArray::number(index);
        client.send(upstreamRequest(urlFor(server, QString::fromLatin1(path))), &context, [&, path](UpstreamResult result) {
            ++finished;
            if (!result.ok() || result.response.body != "GET " + path + '\n') {
                if (firstFailure.isEmpty())
                    firstFailure = result.errorText + QString::fromLatin1(result.response.body);
                ++failures;
            }
            if (sent < total)
                sendNext(); // from inside done: re-entrant use of the client
        });
    };
    for (int i = 0; i < inFlight; ++i)
        sendNext();
    QTRY_COMPARE_WITH_TIMEOUT(finished, total, 60'000);
    QVERIFY2(failures == 0, qPrintable(QStringLiteral("%1 failures, first: %2").arg(failures).arg(firstFailure)));
    QCOMPARE(server.requestCount(), total);
    QVERIFY(server.maxOpenConnections() <= inFlight);
    QVERIFY(server.connectionsAccepted() <= expectedMaxConnections);
    QCOMPARE(client.pendingCount(), 0);
}

QTEST_GUILESS_MAIN(TestUpstream)
#include "tst_upstream.moc"
