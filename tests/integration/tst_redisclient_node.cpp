// RedisClient against one node: a real redis-server (trivial routing, TLS,
// fallback to the next endpoint, a server that goes away) and a scripted node
// (the redirection limit, the one retry of CLUSTERDOWN and TRYAGAIN).
#include "RedisServer.h"
#include "RedisClientTestSupport.h"
#include "redis/RedisClient.h"
#include "redis/RedisReader.h"

#include <QCoreApplication>
#include <QDeadlineTimer>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTest>

#include <functional>
#include <memory>
#include <optional>

using namespace sluice;
using namespace sluice::test;
using sluice::test::RedisServer;

namespace {

quint16 freePort()
{
    QTcpServer probe;
    if (!probe.listen(QHostAddress::LocalHost, 0))
        return 0;
    return probe.serverPort();
}

// A scripted Redis node: answers the connection handshake (AUTH, INFO, PING,
// SELECT) like a single node, and every other command with what `answer`
// returns (raw RESP), counting them.
class ScriptedNode : public QObject
{
public:
    using Answer = std::function<QByteArray(const QList<QByteArray> &command)>;

    explicit ScriptedNode(Answer answer)
        : m_answer(std::move(answer))
    {
        connect(&m_server, &QTcpServer::newConnection, this, [this] {
            while (QTcpSocket *socket = m_server.nextPendingConnection())
                serve(socket);
        });
    }

    bool listen() { return m_server.listen(QHostAddress::LocalHost, 0); }
    quint16 port() const { return m_server.serverPort(); }
    const QList<QList<QByteArray>> &received() const { return m_received; }

private:
    void serve(QTcpSocket *socket)
    {
        auto reader = std::make_shared<RedisReader>();
        connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
        connect(socket, &QTcpSocket::readyRead, this, [this, socket, reader] {
            const QByteArray data = socket->readAll();
            reader->feed(data.constData(), data.size());
            while (std::optional<RedisReply> request = reader->next()) {
                QList<QByteArray> command;
                for (const RedisReply &arg : request->elements)
                    command.append(arg.string);
                socket->write(reply(command));
            }
        });
    }

    QByteArray reply(const QList<QByteArray> &command)
    {
        const QByteArray name = command.value(0).toUpper();
        if (name == "PING")
            return "+PONG\r\n";
        if (name == "AUTH" || name == "SELECT" || name == "CLIENT")
            return "+OK\r\n";
        if (name == "INFO") {
            const QByteArray info = "# Server\r\nredis_version:7.0.0\r\n# Cluster\r\ncluster_enabled:0\r\n";
            return '$' + QByteArray::number(info.size()) + "\r\n" + info + "\r\n";
        }
        if (name == "CLUSTER")
            return "-ERR This instance has cluster support disabled\r\n";
        m_received.append(command);
        return m_answer(command);
    }

    QTcpServer m_server;
    Answer m_answer;
    QList<QList<QByteArray>> m_received;
};

RedisConnectionOptions singleOptions(QList<quint16> ports)
{
    RedisConnectionOptions options;
    for (const quint16 port : ports)
        options.endpoints.append(RedisEndpoint {QStringLiteral("127.0.0.1"), port});
    options.connectTimeoutMs = 2000;
    options.syncTimeoutMs = 2000;
    return options;
}

} // namespace

class TestRedisClientNode : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void singleNode();
    void tlsSingleNode();
    void nextEndpointWhenTheFirstIsDown();
    void serverGoesAway();
    void redirectionsAreLimited();
    void clusterDownIsRetriedOnce();
};

void TestRedisClientNode::singleNode()
{
    RedisServer server;
    QVERIFY2(server.start(), qPrintable(server.errorText()));
    RedisClient client(singleOptions({server.port()}));
    QSignalSpy stateChanged(&client, &RedisClient::stateChanged);
    client.start();
    QTRY_VERIFY_WITH_TIMEOUT(client.isConnected(), WaitMs);
    QVERIFY(!client.isCluster());
    QVERIFY(stateChanged.count() >= 1);
    QVERIFY(client.serverVersion().startsWith(QLatin1String("7.")));

    for (const QByteArray &key : {QByteArrayLiteral("a"), QByteArrayLiteral("{tag}b"), QByteArrayLiteral("zzz")}) {
        QCOMPARE(setKey(client, key, key), QByteArray());
        std::optional<RedisResult> got = run(client, key, {"GET", key});
        QVERIFY2(got && got->ok(), describe(got).constData());
        QCOMPARE(got->reply.string, key);
    }
    // An error reply is returned as it is.
    const std::optional<RedisResult> wrongType = run(client, "a", {"LPUSH", "a", "x"});
    QVERIFY2(wrongType && wrongType->ok() && wrongType->reply.isError(), describe(wrongType).constData());
    QVERIFY(wrongType->reply.string.startsWith("WRONGTYPE"));

    const std::optional<QList<RedisResult>> pings = runOnAllMasters(client, {"PING"});
    QVERIFY(pings);
    QCOMPARE(pings->size(), 1);
    QCOMPARE(pings->first().reply.string, QByteArray("PONG"));
    QVERIFY(!client.isCluster());
    QCOMPARE(client.masterCount(), 1);
}

void TestRedisClientNode::tlsSingleNode()
{
    RedisServer::Options serverOptions;
    serverOptions.tls = true;
    serverOptions.password = QStringLiteral("tls-s3cret");
    RedisServer server(serverOptions);
    QVERIFY2(server.start(), qPrintable(server.errorText()));
    const RedisConnectionOptions options = server.connectionOptions();
    QVERIFY(options.tls);
    RedisClient client(options);
    client.start();
    QTRY_VERIFY_WITH_TIMEOUT(client.isConnected(), WaitMs);
    QVERIFY(!client.isCluster());
    QCOMPARE(setKey(client, "tls", "over TLS"), QByteArray());
    const std::optional<RedisResult> got = run(client, "tls", {"GET", "tls"});
    QVERIFY2(got && got->ok(), describe(got).constData());
    QCOMPARE(got->reply.string, QByteArray("over TLS"));
}

void TestRedisClientNode::nextEndpointWhenTheFirstIsDown()
{
    RedisServer server;
    QVERIFY2(server.start(), qPrintable(server.errorText()));
    const quint16 closed = freePort(); // nothing listens there
    RedisClient client(singleOptions({closed, server.port()}));
    client.start();
    QTRY_VERIFY_WITH_TIMEOUT(client.isConnected(), WaitMs);
    QCOMPARE(setKey(client, "k", "v"), QByteArray());
    QVERIFY(!client.isCluster());
}

void TestRedisClientNode::serverGoesAway()
{
    RedisServer server;
    QVERIFY2(server.start(), qPrintable(server.errorText()));
    RedisClient client(singleOptions({server.port()}));
    client.start();
    QTRY_VERIFY_WITH_TIMEOUT(client.isConnected(), WaitMs);
    QSignalSpy stateChanged(&client, &RedisClient::stateChanged);
    server.stop();
    QTRY_VERIFY_WITH_TIMEOUT(!client.isConnected(), WaitMs);
    QVERIFY(stateChanged.count() >= 1);
    QVERIFY(!client.lastError().isEmpty());
    // A transport failure comes back as such (the cache treats it as a miss).
    const std::optional<RedisResult> got = run(client, "k", {"GET", "k"});
    QVERIFY(got);
    QVERIFY(!got->ok());
    QVERIFY(!got->error.isEmpty());
}

void TestRedisClientNode::redirectionsAreLimited()
{
    // A node that always sends the client back to itself.
    quint16 port = 0;
    ScriptedNode node(
        [&port](const QList<QByteArray> &) { return "-MOVED 866 127.0.0.1:" + QByteArray::number(port) + "\r\n"; });
    QVERIFY(node.listen());
    port = node.port();
    RedisClient client(singleOptions({port}));
    client.start();
    QTRY_VERIFY_WITH_TIMEOUT(client.isConnected(), WaitMs);
    const std::optional<RedisResult> got = run(client, "hello", {"GET", "hello"});
    QVERIFY2(got && got->ok() && got->reply.isError(), describe(got).constData());
    QVERIFY(got->reply.string.startsWith("MOVED 866 "));
    QCOMPARE(node.received().size(), 6); // the command and 5 redirections
    QVERIFY(client.isCluster()); // MOVED means cluster mode

    // ASK is limited the same way; ASKING precedes each retry.
    quint16 askPort = 0;
    ScriptedNode asking([&askPort](const QList<QByteArray> &command) -> QByteArray {
        if (command.value(0) == "ASKING")
            return "+OK\r\n";
        return "-ASK 866 127.0.0.1:" + QByteArray::number(askPort) + "\r\n";
    });
    QVERIFY(asking.listen());
    askPort = asking.port();
    RedisClient askClient(singleOptions({askPort}));
    askClient.start();
    QTRY_VERIFY_WITH_TIMEOUT(askClient.isConnected(), WaitMs);
    const std::optional<RedisResult> asked = run(askClient, "hello", {"GET", "hello"});
    QVERIFY2(asked && asked->ok() && asked->reply.isError(), describe(asked).constData());
    QVERIFY(asked->reply.string.startsWith("ASK 866 "));
    QList<QByteArray> names;
    for (const QList<QByteArray> &command : asking.received())
        names.append(command.value(0));
    QCOMPARE(names,
             QList<QByteArray>(
                 {"GET", "ASKING", "GET", "ASKING", "GET", "ASKING", "GET", "ASKING", "GET", "ASKING", "GET"}));
}

void TestRedisClientNode::clusterDownIsRetriedOnce()
{
    for (const QByteArray &error : {QByteArrayLiteral("CLUSTERDOWN The cluster is down"),
                                    QByteArrayLiteral("TRYAGAIN Multiple keys request during rehashing of slot")}) {
        ScriptedNode node([&error](const QList<QByteArray> &) { return '-' + error + "\r\n"; });
        QVERIFY(node.listen());
        RedisClient client(singleOptions({node.port()}));
        client.start();
        QTRY_VERIFY_WITH_TIMEOUT(client.isConnected(), WaitMs);
        const std::optional<RedisResult> got = run(client, "k", {"GET", "k"});
        QVERIFY2(got && got->ok() && got->reply.isError(), describe(got).constData());
        QCOMPARE(got->reply.string, error);
        QCOMPARE(node.received().size(), 2);
    }
}

QTEST_GUILESS_MAIN(TestRedisClientNode)
#include "tst_redisclient_node.moc"
