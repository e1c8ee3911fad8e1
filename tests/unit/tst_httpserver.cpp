// The HTTP/1.1 server: HttpServer, HttpServerConnection, HttpRequestParser,
// HttpResponseWriter, driven by raw sockets that send exact bytes.
#include "OriginServer.h"
#include "http/HttpExchange.h"
#include "http/HttpResponseWriter.h"
#include "http/HttpServer.h"

#include <http_parser.h>

#include <QJsonDocument>
#include <QJsonObject>
#include <QMutex>
#include <QMutexLocker>
#include <QSignalSpy>
#include <QTcpSocket>
#include <QTest>
#include <QTimer>

#include <atomic>
#include <memory>

using namespace sluice;

namespace {

struct ParsedResponse
{
    int status = 0;
    HttpHeaders headers;
    QByteArray body;

    QJsonObject json() const { return QJsonDocument::fromJson(body).object(); }
};

// A client on a raw socket: sends exact bytes, parses what comes back with
// http_parser (HTTP_RESPONSE), blocking on the test thread while the server runs
// on its worker threads.
class RawClient
{
public:
    explicit RawClient(quint16 port)
    {
        http_parser_init(&m_parser, HTTP_RESPONSE);
        m_parser.data = this;
        http_parser_settings_init(&m_settings);
        m_settings.on_header_field = [](http_parser *p, const char *at, size_t n) {
            auto *c = static_cast<RawClient *>(p->data);
            if (c->m_lastWasValue || c->m_current.headers.isEmpty()) {
                c->m_current.headers.add(QByteArray(at, static_cast<qsizetype>(n)), {});
                c->m_lastWasValue = false;
            } else {
                c->appendToLast(QByteArray(at, static_cast<qsizetype>(n)), true);
            }
            return 0;
        };
        m_settings.on_header_value = [](http_parser *p, const char *at, size_t n) {
            auto *c = static_cast<RawClient *>(p->data);
            c->appendToLast(QByteArray(at, static_cast<qsizetype>(n)), false);
            c->m_lastWasValue = true;
            return 0;
        };
        m_settings.on_headers_complete = [](http_parser *p) {
            auto *c = static_cast<RawClient *>(p->data);
            c->m_current.status = static_cast<int>(p->status_code);
            const bool head = !c->m_headQueue.isEmpty() && p->status_code >= 200 && c->m_headQueue.takeFirst();
            return head ? 1 : 0;
        };
        m_settings.on_body = [](http_parser *p, const char *at, size_t n) {
            static_cast<RawClient *>(p->data)->m_current.body.append(at, static_cast<qsizetype>(n));
            return 0;
        };
        m_settings.on_message_complete = [](http_parser *p) {
            auto *c = static_cast<RawClient *>(p->data);
            c->m_responses.append(std::exchange(c->m_current, ParsedResponse()));
            c->m_lastWasValue = false;
            return 0;
        };
        m_socket.connectToHost(QHostAddress::LocalHost, port);
        m_socket.waitForConnected(5000);
    }

    bool isConnected() const { return m_socket.state() == QAbstractSocket::ConnectedState; }
    QTcpSocket &socket() { return m_socket; }

    void send(const QByteArray &bytes)
    {
        m_socket.write(bytes);
        m_socket.flush();
    }
    // The next response (in order) answers a HEAD request: it has no body.
    void expectHead() { m_headQueue.append(true); }
    void expectBodies(int n)
    {
        for (int i = 0; i < n; ++i)
            m_headQueue.append(false);
    }

    // Waits until `count` responses arrived (in total, not yet taken); returns them all.
    QList<ParsedResponse> read(int count, int timeoutMs = 5000)
    {
        QDeadlineTimer deadline(timeoutMs);
        while (m_responses.size() < count && !deadline.hasExpired()) {
            feed(m_socket.readAll());
            if (m_responses.size() >= count)
                break;
            if (m_socket.state() != QAbstractSocket::ConnectedState) {
                feed(m_socket.readAll());
                break;
            }
            m_socket.waitForReadyRead(static_cast<int>(std::max<qint64>(1, deadline.remainingTime())));
        }
        feed(m_socket.readAll());
        return std::exchange(m_responses, {});
    }
    ParsedResponse readOne(int timeoutMs = 5000)
    {
        const auto list = read(1, timeoutMs);
        return list.isEmpty() ? ParsedResponse() : list.constFirst();
    }

    // True once the server closed the connection (reading EOF).
    bool waitClosed(int timeoutMs = 5000)
    {
        QDeadlineTimer deadline(timeoutMs);
        while (m_socket.state() == QAbstractSocket::ConnectedState && !deadline.hasExpired()) {
            m_socket.waitForReadyRead(static_cast<int>(std::max<qint64>(1, deadline.remainingTime())));
            feed(m_socket.readAll());
        }
        return m_socket.state() != QAbstractSocket::ConnectedState;
    }

    bool parseError() const { return HTTP_PARSER_ERRNO(&m_parser) != HPE_OK; }

private:
    void feed(const QByteArray &bytes)
    {
        if (!bytes.isEmpty())
            http_parser_execute(&m_parser, &m_settings, bytes.constData(), static_cast<size_t>(bytes.size()));
    }
    void appendToLast(const QByteArray &text, bool toName)
    {
        auto fields = m_current.headers.fields();
        auto last = fields.back();
        m_current.headers.clear();
        fields.pop_back();
        for (const auto &f : fields)
            m_current.headers.add(f.first, f.second);
        m_current.headers.add(toName ? last.first + text : last.first, toName ? last.second : last.second + text);
    }

    QTcpSocket m_socket;
    http_parser m_parser;
    http_parser_settings m_settings;
    ParsedResponse m_current;
    QList<ParsedResponse> m_responses;
    QList<bool> m_headQueue;
    bool m_lastWasValue = false;
};

// Shared between the test thread and the handler on the worker thread.
struct Backend
{
    std::atomic<int> handled {0};
    std::atomic<int> lateResponses {0}; // /late answered...
    std::atomic<int> lateAfterClose {0}; // ...after the client had gone
    QMutex mutex;
    QList<HttpExchangePtr> held; // /hold: answered by release()
    QObject *workerContext = nullptr;

    void release()
    {
        QMetaObject::invokeMethod(workerContext, [this] {
            QList<HttpExchangePtr> exchanges;
            {
                QMutexLocker lock(&mutex);
                exchanges.swap(held);
            }
            for (const auto &e : exchanges)
                e->respond(HttpResponse::json(200, "{\"held\":true}"));
        });
    }
};

QByteArray echo(const HttpRequest &r)
{
    return r.method + ' ' + r.target + '\n' + r.body;
}

HttpRequestHandler makeHandler(const std::shared_ptr<Backend> &backend, QObject *context)
{
    backend->workerContext = context;
    return [backend, context](const HttpExchangePtr &exchange) {
        ++backend->handled;
        const HttpRequest &r = exchange->request();
        if (r.path.startsWith("/delay/")) {
            const int ms = r.path.mid(7).toInt();
            QTimer::singleShot(ms, context, [exchange] {
                HttpResponse response;
                response.body = echo(exchange->request());
                exchange->respond(std::move(response));
            });
            return;
        }
        if (r.path == "/hold") {
            QMutexLocker lock(&backend->mutex);
            backend->held.append(exchange);
            return;
        }
        if (r.path == "/late") {
            QTimer::singleShot(200, context, [exchange, backend] {
                const bool open = exchange->isConnectionOpen();
                exchange->respond(HttpResponse::json(200, "{}"));
                if (!open)
                    ++backend->lateAfterClose;
                ++backend->lateResponses;
            });
            return;
        }
        HttpResponse response;
        response.headers.set("Content-Type", "text/plain");
        response.body = r.path == "/ten" ? QByteArray(10, 'x') : echo(r);
        exchange->respond(std::move(response));
    };
}

} // namespace

class TestHttpServer : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<HttpServer> m_server;
    std::shared_ptr<Backend> m_backend;

    quint16 start(const HttpServerLimits &limits = {})
    {
        m_backend = std::make_shared<Backend>();
        m_server = std::make_unique<HttpServer>();
        const auto backend = m_backend;
        m_server->setHandlerFactory([backend](int, QObject *context) { return makeHandler(backend, context); });
        HttpServerOptions options;
        options.threads = 1;
        options.limits = limits;
        QString error;
        if (!m_server->listen(options, &error))
            qWarning("%s", qPrintable(error));
        return m_server->serverPort();
    }

private Q_SLOTS:
    void cleanup()
    {
        m_server.reset();
        m_backend.reset();
    }

    void keepAlive()
    {
        RawClient client(start());
        QVERIFY(client.isConnected());
        for (int i = 0; i < 3; ++i) {
            const QByteArray path = "/k" + QByteArray::number(i);
            client.send("GET " + path + " HTTP/1.1\r\nHost: t\r\n\r\n");
            const ParsedResponse r = client.readOne();
            QCOMPARE(r.status, 200);
            QCOMPARE(r.body, "GET " + path + "\n");
            QVERIFY(!r.headers.contains("Connection"));
            QVERIFY(r.headers.value("Date").endsWith(" GMT"));
            QCOMPARE(r.headers.value("Content-Length"), QByteArray::number(r.body.size()));
        }
        QVERIFY(client.isConnected());
        QCOMPARE(m_backend->handled.load(), 3);
        QCOMPARE(m_server->connectionCount(), 1);
    }

    void pipelinedOutOfOrder()
    {
        RawClient client(start());
        client.send("GET /delay/300 HTTP/1.1\r\nHost: t\r\n\r\n"
                    "GET /delay/0 HTTP/1.1\r\nHost: t\r\n\r\n"
                    "GET /delay/100 HTTP/1.1\r\nHost: t\r\n\r\n");
        const auto responses = client.read(3);
        QCOMPARE(responses.size(), 3);
        QCOMPARE(responses.at(0).body, "GET /delay/300\n");
        QCOMPARE(responses.at(1).body, "GET /delay/0\n");
        QCOMPARE(responses.at(2).body, "GET /delay/100\n");
        QVERIFY(client.isConnected());
    }

    void pipelineLimit()
    {
        HttpServerLimits limits;
        limits.maxPipelined = 2;
        RawClient client(start(limits));
        client.send("GET /hold HTTP/1.1\r\n\r\nGET /a HTTP/1.1\r\n\r\n"
                    "GET /b HTTP/1.1\r\n\r\nGET /c HTTP/1.1\r\n\r\n");
        QTRY_COMPARE(m_backend->handled.load(), 2);
        // Nothing can be answered before /hold, and nothing more is parsed meanwhile.
        QVERIFY(client.read(1, 200).isEmpty());
        QCOMPARE(m_backend->handled.load(), 2);
        m_backend->release();
        const auto responses = client.read(4);
        QCOMPARE(responses.size(), 4);
        QCOMPARE(responses.at(0).body, "{\"held\":true}");
        QCOMPARE(responses.at(1).body, "GET /a\n");
        QCOMPARE(responses.at(2).body, "GET /b\n");
        QCOMPARE(responses.at(3).body, "GET /c\n");
        QCOMPARE(m_backend->handled.load(), 4);
    }

    void requestBody_data()
    {
        QTest::addColumn<QByteArray>("request");
        QTest::addColumn<QByteArray>("body");
        QTest::newRow("content-length") << QByteArray("POST /p HTTP/1.1\r\nContent-Length: 5\r\n\r\nhello")
                                        << QByteArray("hello");
        QTest::newRow("chunked") << QByteArray("POST /p HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n"
                                               "5\r\nhello\r\n6;ext=1\r\n world\r\n0\r\nX-Trailer: t\r\n\r\n")
                                 << QByteArray("hello world");
        QTest::newRow("empty chunked") << QByteArray("POST /p HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n")
                                       << QByteArray();
        QTest::newRow("zero length") << QByteArray("PUT /p HTTP/1.1\r\nContent-Length: 0\r\n\r\n") << QByteArray();
    }
    void requestBody()
    {
        QFETCH(QByteArray, request);
        QFETCH(QByteArray, body);
        RawClient client(start());
        // Byte by byte for the first request, at once for the second: same result.
        for (char c : std::as_const(request))
            client.send(QByteArray(1, c));
        client.send(request);
        const auto responses = client.read(2);
        QCOMPARE(responses.size(), 2);
        for (const auto &r : responses) {
            QCOMPARE(r.status, 200);
            QCOMPARE(r.body, request.left(request.indexOf(' ')) + " /p\n" + body);
        }
    }

    void expectContinue()
    {
        RawClient client(start());
        client.send("POST /p HTTP/1.1\r\nContent-Length: 4\r\nExpect: 100-continue\r\n\r\n");
        const ParsedResponse interim = client.readOne();
        QCOMPARE(interim.status, 100);
        client.send("data");
        const ParsedResponse final = client.readOne();
        QCOMPARE(final.status, 200);
        QCOMPARE(final.body, "POST /p\ndata");
    }

    void expectContinueTooLarge()
    {
        HttpServerLimits limits;
        limits.maxBodyBytes = 10;
        RawClient client(start(limits));
        client.send("POST /p HTTP/1.1\r\nContent-Length: 11\r\nExpect: 100-continue\r\n\r\n");
        const ParsedResponse r = client.readOne();
        QCOMPARE(r.status, 413);
        QVERIFY(client.waitClosed());
        QCOMPARE(m_backend->handled.load(), 0);
    }

    void head()
    {
        RawClient client(start());
        client.expectHead();
        client.send("HEAD /ten HTTP/1.1\r\n\r\nGET /ten HTTP/1.1\r\n\r\n");
        const auto responses = client.read(2);
        QCOMPARE(responses.size(), 2);
        QCOMPARE(responses.at(0).status, 200);
        QCOMPARE(responses.at(0).headers.value("Content-Length"), "10");
        QVERIFY(responses.at(0).body.isEmpty());
        QCOMPARE(responses.at(1).body, QByteArray(10, 'x')); // no stray body bytes before it
        QVERIFY(!client.parseError());
    }

    void connectionPersistence_data()
    {
        QTest::addColumn<QByteArray>("request");
        QTest::addColumn<QByteArray>("connectionHeader");
        QTest::addColumn<bool>("staysOpen");
        QTest::newRow("1.0") << QByteArray("GET /a HTTP/1.0\r\n\r\n") << QByteArray("close") << false;
        QTest::newRow("1.0 keep-alive") << QByteArray("GET /a HTTP/1.0\r\nConnection: keep-alive\r\n\r\n")
                                        << QByteArray("keep-alive") << true;
        QTest::newRow("1.1") << QByteArray("GET /a HTTP/1.1\r\n\r\n") << QByteArray() << true;
        QTest::newRow("1.1 close") << QByteArray("GET /a HTTP/1.1\r\nConnection: close\r\n\r\n") << QByteArray("close")
                                   << false;
    }
    void connectionPersistence()
    {
        QFETCH(QByteArray, request);
        QFETCH(QByteArray, connectionHeader);
        QFETCH(bool, staysOpen);
        RawClient client(start());
        client.send(request);
        const ParsedResponse r = client.readOne();
        QCOMPARE(r.status, 200);
        QCOMPARE(r.headers.value("Connection"), connectionHeader);
        if (staysOpen) {
            client.send(request);
            QCOMPARE(client.readOne().status, 200);
            QVERIFY(client.isConnected());
        } else {
            QVERIFY(client.waitClosed());
        }
    }

    void errors_data()
    {
        QTest::addColumn<QByteArray>("request");
        QTest::addColumn<int>("status");
        const QByteArray bigHeader = "GET / HTTP/1.1\r\nX-Big: " + QByteArray(2000, 'a') + "\r\n\r\n";
        QTest::newRow("header too large") << bigHeader << 431;
        QTest::newRow("long request line") << "GET /" + QByteArray(3000, 'p') + " HTTP/1.1\r\n\r\n" << 431;
        QTest::newRow("content-length too large")
            << QByteArray("POST / HTTP/1.1\r\nContent-Length: 101\r\n\r\n") << 413;
        QTest::newRow("chunked too large") << "POST / HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n40\r\n"
                + QByteArray(64, 'x') + "\r\n40\r\n" + QByteArray(64, 'y')
                + "\r\n0\r\n\r\n" << 413;
        QTest::newRow("garbage") << QByteArray("\x16\x03\x01\x02\x00\x01\x00\x01\xfc\x03\x03 hello\r\n\r\n") << 400;
        QTest::newRow("bad header") << QByteArray("GET / HTTP/1.1\r\nBad Header\r\n\r\n") << 400;
        QTest::newRow("length and chunked") << QByteArray("POST / HTTP/1.1\r\nContent-Length: 3\r\n"
                                                          "Transfer-Encoding: chunked\r\n\r\n0\r\n\r\n")
                                            << 400;
        QTest::newRow("gzip transfer-encoding") << QByteArray("POST / HTTP/1.1\r\nTransfer-Encoding: gzip, chunked"
                                                              "\r\n\r\n0\r\n\r\n")
                                                << 501;
        QTest::newRow("connect") << QByteArray("CONNECT example.com:443 HTTP/1.1\r\n\r\n") << 501;
        QTest::newRow("http/2.0") << QByteArray("GET / HTTP/2.0\r\n\r\n") << 505;
        QTest::newRow("unknown expectation") << QByteArray("GET / HTTP/1.1\r\nExpect: magic\r\n\r\n") << 417;
    }
    void errors()
    {
        QFETCH(QByteArray, request);
        QFETCH(int, status);
        HttpServerLimits limits;
        limits.maxHeaderBytes = 1024;
        limits.maxBodyBytes = 100;
        RawClient client(start(limits));
        client.send(request);
        const ParsedResponse r = client.readOne();
        QCOMPARE(r.status, status);
        QCOMPARE(r.headers.value("Connection"), "close");
        QCOMPARE(r.headers.value("Content-Type"), "application/json; charset=utf-8");
        QCOMPARE(r.json().value(QStringLiteral("statusCode")).toInt(), status);
        QVERIFY(!r.json().value(QStringLiteral("message")).toString().isEmpty());
        QVERIFY(client.waitClosed());
        QCOMPARE(m_backend->handled.load(), 0);
    }

    void errorAfterPipelinedRequest()
    {
        RawClient client(start());
        client.send("GET /delay/100 HTTP/1.1\r\n\r\nGARBAGE\r\n\r\n");
        const auto responses = client.read(2);
        QCOMPARE(responses.size(), 2);
        QCOMPARE(responses.at(0).status, 200);
        QCOMPARE(responses.at(1).status, 400);
        QVERIFY(client.waitClosed());
    }

    void requestTimeout()
    {
        HttpServerLimits limits;
        limits.headerTimeoutMs = 200;
        RawClient client(start(limits));
        client.send("GET / HTTP/1.1\r\nHost: t\r\n");
        const ParsedResponse r = client.readOne();
        QCOMPARE(r.status, 408);
        QCOMPARE(r.headers.value("Connection"), "close");
        QVERIFY(client.waitClosed());
    }

    void idleClose()
    {
        HttpServerLimits limits;
        limits.idleTimeoutMs = 200;
        RawClient client(start(limits));
        client.send("GET /a HTTP/1.1\r\n\r\n");
        QCOMPARE(client.readOne().status, 200);
        QVERIFY(client.waitClosed());
        QTRY_COMPARE(m_server->connectionCount(), 0);
    }

    void busyConnectionIsNotIdle()
    {
        HttpServerLimits limits;
        limits.idleTimeoutMs = 100;
        RawClient client(start(limits));
        client.send("GET /delay/400 HTTP/1.1\r\n\r\n");
        const ParsedResponse r = client.readOne();
        QCOMPARE(r.status, 200);
        QVERIFY(!r.headers.contains("Connection"));
    }

    void disconnectWhileHandlerPending()
    {
        const quint16 port = start();
        {
            RawClient client(port);
            client.send("GET /late HTTP/1.1\r\n\r\n");
            QTRY_COMPARE(m_backend->handled.load(), 1);
            client.socket().abort();
        }
        QTRY_COMPARE(m_server->connectionCount(), 0);
        QTRY_COMPARE(m_backend->lateResponses.load(), 1);
        QCOMPARE(m_backend->lateAfterClose.load(), 1);
        RawClient again(port);
        again.send("GET /b HTTP/1.1\r\n\r\n");
        QCOMPARE(again.readOne().status, 200);
    }

    void gracefulShutdown()
    {
        const quint16 port = start();
        RawClient client(port);
        RawClient idle(port);
        client.send("GET /delay/300 HTTP/1.1\r\n\r\n");
        QTRY_COMPARE(m_backend->handled.load(), 1);
        bool done = false;
        m_server->shutdown(5000, [&done] { done = true; });
        QVERIFY(idle.waitClosed());
        const ParsedResponse r = client.readOne();
        QCOMPARE(r.status, 200);
        QCOMPARE(r.body, "GET /delay/300\n");
        QCOMPARE(r.headers.value("Connection"), "close");
        QVERIFY(client.waitClosed());
        QTRY_VERIFY(done);
        QCOMPARE(m_server->connectionCount(), 0);
        QVERIFY(!m_server->isListening());
        RawClient late(port);
        QVERIFY(!late.isConnected());
    }

    void shutdownGraceExpires()
    {
        RawClient client(start());
        client.send("GET /hold HTTP/1.1\r\n\r\n");
        QTRY_COMPARE(m_backend->handled.load(), 1);
        bool done = false;
        m_server->shutdown(200, [&done] { done = true; });
        QTRY_VERIFY(done);
        QCOMPARE(m_server->connectionCount(), 0);
        QVERIFY(client.waitClosed());
        QVERIFY(client.read(1, 100).isEmpty());
    }

    void droppedExchangeAnswers500()
    {
        auto server = std::make_unique<HttpServer>();
        server->setHandlerFactory([](int, QObject *) { return [](const HttpExchangePtr &) {}; });
        QVERIFY(server->listen({}));
        RawClient client(server->serverPort());
        client.send("GET / HTTP/1.1\r\n\r\n");
        QCOMPARE(client.readOne().status, 500);
    }

    void portInUse()
    {
        const quint16 port = start();
        HttpServer second;
        HttpServerOptions options;
        options.port = port;
        options.threads = 1;
        QString error;
        QVERIFY(!second.listen(options, &error));
        QCOMPARE(error, QStringLiteral("cannot listen on 127.0.0.1:%1: address already in use").arg(port));
        QCOMPARE(second.workerCount(), 0);
    }

    void workerThreads()
    {
        HttpServer server;
        std::atomic<int> factoryCalls {0};
        std::atomic<int> contextOnOtherThread {0};
        QMutex mutex;
        QSet<QThread *> threads;
        QList<int> indexes;
        server.setHandlerFactory([&](int index, QObject *context) {
            ++factoryCalls;
            if (context->thread() != QThread::currentThread())
                ++contextOnOtherThread;
            QMutexLocker lock(&mutex);
            threads.insert(QThread::currentThread());
            indexes.append(index);
            return [](const HttpExchangePtr &e) { e->respond(HttpResponse::json(200, "{}")); };
        });
        HttpServerOptions options;
        options.threads = 3;
        QVERIFY(server.listen(options));
        QCOMPARE(server.workerCount(), 3);
        QCOMPARE(factoryCalls.load(), 3);
        QCOMPARE(threads.size(), 3);
        QCOMPARE(contextOnOtherThread.load(), 0);
        QCOMPARE(indexes, QList<int>({0, 1, 2}));
        QVERIFY(!threads.contains(QThread::currentThread()));
        std::vector<std::unique_ptr<RawClient>> clients;
        for (int i = 0; i < 6; ++i) {
            clients.push_back(std::make_unique<RawClient>(server.serverPort()));
            clients.back()->send("GET / HTTP/1.1\r\n\r\n");
        }
        for (auto &c : clients)
            QCOMPARE(c->readOne().status, 200);
    }

    void httpDate()
    {
        QCOMPARE(HttpResponseWriter::httpDate(784111777), "Sun, 06 Nov 1994 08:49:37 GMT");
        QCOMPARE(HttpResponseWriter::httpDate(0), "Thu, 01 Jan 1970 00:00:00 GMT");
    }

    void originRoutes_data()
    {
        QTest::addColumn<QByteArray>("target");
        QTest::addColumn<int>("status");
        QTest::addColumn<QByteArray>("header"); // name: value expected in the response
        QTest::addColumn<int>("bodySize"); // -1: any
        QTest::newRow("echo") << QByteArray("/x?y=1") << 200
                              << QByteArray("Content-Type: application/json; charset=utf-8") << -1;
        QTest::newRow("status") << QByteArray("/status/404") << 404 << QByteArray() << -1;
        QTest::newRow("no content") << QByteArray("/status/204") << 204 << QByteArray() << 0;
        QTest::newRow("bytes") << QByteArray("/bytes/100000") << 200 << QByteArray("Content-Length: 100000") << 100000;
        QTest::newRow("headers") << QByteArray("/headers?X-One=1&X-Two=a%20b") << 200 << QByteArray("X-Two: a b") << -1;
        QTest::newRow("delay") << QByteArray("/delay/50") << 200 << QByteArray() << -1;
        QTest::newRow("chunked") << QByteArray("/chunked") << 200 << QByteArray() << -1;
        QTest::newRow("close") << QByteArray("/close") << 200 << QByteArray("Connection: close") << -1;
    }
    void originRoutes()
    {
        QFETCH(QByteArray, target);
        QFETCH(int, status);
        QFETCH(QByteArray, header);
        QFETCH(int, bodySize);
        OriginServer origin;
        QVERIFY(origin.listen());
        QCOMPARE(origin.url().port(), origin.port());
        RawClient client(origin.port());
        client.send("GET " + target + " HTTP/1.1\r\nX-Test: yes\r\n\r\n");
        const ParsedResponse r = client.readOne();
        QCOMPARE(r.status, status);
        if (!header.isEmpty()) {
            const qsizetype colon = header.indexOf(':');
            QCOMPARE(r.headers.value(header.left(colon)), header.mid(colon + 2));
        }
        if (bodySize >= 0)
            QCOMPARE(r.body.size(), bodySize);
        QCOMPARE(origin.requestCount(), 1);
        QCOMPARE(origin.lastRequest().target, target);
        QCOMPARE(origin.lastRequest().headers.value("X-Test"), "yes");
        if (target == "/x?y=1") {
            const QJsonObject o = r.json();
            QCOMPARE(o.value(QStringLiteral("path")).toString(), QStringLiteral("/x"));
            QCOMPARE(o.value(QStringLiteral("query")).toString(), QStringLiteral("y=1"));
            QCOMPARE(o.value(QStringLiteral("count")).toInt(), 1);
            QCOMPARE(o.value(QStringLiteral("headers")).toObject().value(QStringLiteral("X-Test")).toString(),
                     QStringLiteral("yes"));
        }
        if (target == "/close")
            QVERIFY(client.waitClosed());
        origin.reset();
        QCOMPARE(origin.requestCount(), 0);
        QVERIFY(origin.requests().isEmpty());
    }

    void originHang()
    {
        OriginServer origin;
        QVERIFY(origin.listen());
        {
            RawClient client(origin.port());
            client.send("GET /hang HTTP/1.1\r\n\r\n");
            QTRY_COMPARE(origin.requestCount(), 1);
            QVERIFY(client.read(1, 200).isEmpty());
        }
        RawClient other(origin.port());
        other.send("GET / HTTP/1.1\r\n\r\n");
        QCOMPARE(other.readOne().status, 200);
    }
};

QTEST_GUILESS_MAIN(TestHttpServer)
#include "tst_httpserver.moc"
