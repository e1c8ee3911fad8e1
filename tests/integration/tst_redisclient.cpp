// RedisClient against real servers: a three-master Redis Cluster (routing by
// slot, MOVED after a reshard, ASK and TRYAGAIN during a migration, fan-out to
// every master, a password) and a single redis-server (trivial routing,
// fallback to the next endpoint, a server that goes away).
#include "RedisCluster.h"
#include "RedisServer.h"
#include "redis/RedisClient.h"
#include "redis/RedisReader.h"

#include <QCoreApplication>
#include <QDeadlineTimer>
#include <QSet>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTest>

#include <functional>
#include <memory>
#include <optional>

using namespace sluice;
using sluice::test::RedisCluster;
using sluice::test::RedisServer;

namespace {

constexpr int WaitMs = 10'000;

// Runs one command and waits for its result (nothing when none came in time).
std::optional<RedisResult> run(RedisClient &client, const QByteArray &key, const QList<QByteArray> &args)
{
    auto result = std::make_shared<std::optional<RedisResult>>();
    client.command(key, args, [result](RedisResult r) { *result = std::move(r); });
    const QDeadlineTimer deadline(WaitMs);
    while (!*result && !deadline.hasExpired())
        QCoreApplication::processEvents(QEventLoop::AllEvents | QEventLoop::WaitForMoreEvents, 50);
    return *result;
}

std::optional<QList<RedisResult>> runOnAllMasters(RedisClient &client, const QList<QByteArray> &args)
{
    auto results = std::make_shared<std::optional<QList<RedisResult>>>();
    client.commandOnAllMasters(args, [results](QList<RedisResult> r) { *results = std::move(r); });
    const QDeadlineTimer deadline(WaitMs);
    while (!*results && !deadline.hasExpired())
        QCoreApplication::processEvents(QEventLoop::AllEvents | QEventLoop::WaitForMoreEvents, 50);
    return *results;
}

QByteArray describe(const std::optional<RedisResult> &result)
{
    if (!result)
        return "no result";
    if (!result->ok())
        return "failure: " + result->error.toUtf8();
    return "reply type " + QByteArray::number(int(result->reply.type)) + ": " + result->reply.string;
}

// "count=3" / "calls=2,usec=..." -> the number after `name=`; 0 when absent.
int statValue(const QByteArray &field, const QByteArray &name)
{
    for (const QByteArray &part : field.split(',')) {
        if (part.startsWith(name + '='))
            return part.mid(name.size() + 1).toInt();
    }
    return 0;
}

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
        options.endpoints.append(RedisEndpoint{QStringLiteral("127.0.0.1"), port});
    options.connectTimeoutMs = 2000;
    options.syncTimeoutMs = 2000;
    return options;
}

} // namespace

class TestRedisClient : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();

    void clusterSpreadsKeysOverMasters();
    void slotsMatchTheServer_data();
    void slotsMatchTheServer();
    void movedAfterReshard();
    void askDuringMigration();
    void tryAgainDuringMigration();
    void scanOnAllMasters();
    void passwordProtectedCluster();

    void singleNode();
    void tlsSingleNode();
    void nextEndpointWhenTheFirstIsDown();
    void serverGoesAway();
    void redirectionsAreLimited();
    void clusterDownIsRetriedOnce();
    void commandsRightAfterStart();

private:
    bool connectClient(RedisClient &client);

    RedisCluster m_cluster;
};

void TestRedisClient::initTestCase()
{
    QVERIFY2(m_cluster.start(), qPrintable(m_cluster.errorText()));
    QCOMPARE(m_cluster.ports().size(), 3);
}

void TestRedisClient::init()
{
    for (const quint16 port : m_cluster.ports()) {
        QCOMPARE(m_cluster.cli(port, {"FLUSHALL"}).trimmed(), QByteArray("OK"));
        QCOMPARE(m_cluster.cli(port, {"CONFIG", "RESETSTAT"}).trimmed(), QByteArray("OK"));
    }
}

bool TestRedisClient::connectClient(RedisClient &client)
{
    client.start();
    const QDeadlineTimer deadline(WaitMs);
    while (!(client.isConnected() && client.isCluster()) && !deadline.hasExpired())
        QCoreApplication::processEvents(QEventLoop::AllEvents | QEventLoop::WaitForMoreEvents, 50);
    return client.isConnected() && client.isCluster();
}

void TestRedisClient::clusterSpreadsKeysOverMasters()
{
    RedisClient client(m_cluster.options());
    QSignalSpy stateChanged(&client, &RedisClient::stateChanged);
    QVERIFY(connectClient(client));
    QVERIFY(stateChanged.count() >= 1);
    QVERIFY(client.lastError().isEmpty() || client.isConnected());
    QVERIFY(client.serverVersion().startsWith(QLatin1String("7.")));
    QVERIFY(client.roundTripMs() >= 0);

    // Pipelined: every SET is sent before any reply arrives.
    constexpr int KeyCount = 300;
    auto pending = std::make_shared<int>(KeyCount);
    auto failures = std::make_shared<QByteArrayList>();
    for (int i = 0; i < KeyCount; ++i) {
        const QByteArray key = "spread:" + QByteArray::number(i);
        client.command(key, {"SET", key, "value:" + QByteArray::number(i)}, [pending, failures, key](RedisResult r) {
            --*pending;
            if (!r.ok() || r.reply.type != RedisReply::Type::Status || r.reply.string != "OK")
                failures->append(key);
        });
    }
    QTRY_COMPARE_WITH_TIMEOUT(*pending, 0, WaitMs);
    QVERIFY2(failures->isEmpty(), failures->join(' ').constData());

    for (int i = 0; i < KeyCount; i += 7) {
        const QByteArray key = "spread:" + QByteArray::number(i);
        const std::optional<RedisResult> got = run(client, key, {"GET", key});
        QVERIFY2(got && got->ok() && got->reply.type == RedisReply::Type::String, describe(got).constData());
        QCOMPARE(got->reply.string, "value:" + QByteArray::number(i));
    }

    // Every master holds some of the keys, and only those of its slots.
    int total = 0;
    for (const quint16 port : m_cluster.ports()) {
        const int size = m_cluster.cli(port, {"DBSIZE"}).trimmed().toInt();
        QVERIFY2(size > 0, qPrintable(QStringLiteral("no key on port %1").arg(port)));
        total += size;
    }
    QCOMPARE(total, KeyCount);

    // The same counts through the fan-out, in host:port order.
    const std::optional<QList<RedisResult>> sizes = runOnAllMasters(client, {"DBSIZE"});
    QVERIFY(sizes);
    QCOMPARE(sizes->size(), 3);
    QStringList names;
    for (const quint16 port : m_cluster.ports())
        names.append(QStringLiteral("127.0.0.1:%1").arg(port));
    names.sort();
    for (int i = 0; i < 3; ++i) {
        QVERIFY(sizes->at(i).ok());
        QCOMPARE(sizes->at(i).reply.type, RedisReply::Type::Integer);
        const quint16 port = names.at(i).section(QLatin1Char(':'), 1).toUShort();
        QCOMPARE(sizes->at(i).reply.integer, m_cluster.cli(port, {"DBSIZE"}).trimmed().toLongLong());
    }
    // Routed straight to the owners: no redirection at all.
    for (const quint16 port : m_cluster.ports())
        QCOMPARE(statValue(m_cluster.infoField(port, "errorstats", "errorstat_MOVED"), "count"), 0);
}

void TestRedisClient::slotsMatchTheServer_data()
{
    QTest::addColumn<QByteArray>("key");
    QTest::newRow("spec") << QByteArrayLiteral("123456789");
    QTest::newRow("tag") << QByteArrayLiteral("{user1000}.following");
    QTest::newRow("empty tag") << QByteArrayLiteral("foo{}{bar}");
    QTest::newRow("brace in tag") << QByteArrayLiteral("foo{{bar}}zap");
    QTest::newRow("two tags") << QByteArrayLiteral("foo{bar}{zap}");
    QTest::newRow("cache key") << QByteArrayLiteral("sluice:v1:GET /echo?x=1&y=2");
    QTest::newRow("binary") << QByteArray("k\x01\xff\x00z", 5);
    QTest::newRow("unicode") << QStringLiteral("clé-ü").toUtf8();
}

void TestRedisClient::slotsMatchTheServer()
{
    QFETCH(QByteArray, key);
    QCOMPARE(int(RedisClient::slotOf(key)), m_cluster.keySlot(key));
}

void TestRedisClient::movedAfterReshard()
{
    RedisClient client(m_cluster.options());
    QVERIFY(connectClient(client));
    const QByteArray key = "moved:key";
    std::optional<RedisResult> set = run(client, key, {"SET", key, "before the move"});
    QVERIFY2(set && set->ok() && set->reply.string == "OK", describe(set).constData());

    const int slot = RedisClient::slotOf(key);
    const quint16 from = m_cluster.ownerOf(slot);
    QVERIFY(from != 0);
    const quint16 to = m_cluster.ports().at((m_cluster.ports().indexOf(from) + 1) % 3);
    QVERIFY2(m_cluster.moveSlot(slot, to), qPrintable(m_cluster.errorText()));
    QCOMPARE(m_cluster.ownerOf(slot), to);
    for (const quint16 port : {from, to})
        QCOMPARE(m_cluster.cli(port, {"CONFIG", "RESETSTAT"}).trimmed(), QByteArray("OK"));

    QSignalSpy stateChanged(&client, &RedisClient::stateChanged);
    // The old owner answers MOVED; the client follows it.
    std::optional<RedisResult> got = run(client, key, {"GET", key});
    QVERIFY2(got && got->ok(), describe(got).constData());
    QCOMPARE(got->reply.string, QByteArray("before the move"));
    QCOMPARE(statValue(m_cluster.infoField(from, "errorstats", "errorstat_MOVED"), "count"), 1);

    // The second read goes straight to the new owner.
    got = run(client, key, {"GET", key});
    QVERIFY2(got && got->ok(), describe(got).constData());
    QCOMPARE(got->reply.string, QByteArray("before the move"));
    QCOMPARE(statValue(m_cluster.infoField(from, "errorstats", "errorstat_MOVED"), "count"), 1);
    QCOMPARE(statValue(m_cluster.infoField(from, "commandstats", "cmdstat_get"), "calls"), 0);
    QCOMPARE(statValue(m_cluster.infoField(to, "commandstats", "cmdstat_get"), "calls"), 2);
    // The full refresh that MOVED scheduled reported the new map.
    QTRY_VERIFY_WITH_TIMEOUT(stateChanged.count() >= 1, WaitMs);
    QVERIFY(client.isConnected());

    // Writes follow the new map too.
    set = run(client, key, {"SET", key, "after the move"});
    QVERIFY2(set && set->ok() && set->reply.string == "OK", describe(set).constData());
    QCOMPARE(m_cluster.cli(to, {"GET", key}).trimmed(), QByteArray("after the move"));
    QCOMPARE(statValue(m_cluster.infoField(from, "errorstats", "errorstat_MOVED"), "count"), 1);
}

void TestRedisClient::askDuringMigration()
{
    RedisClient client(m_cluster.options());
    QVERIFY(connectClient(client));
    const QByteArray moved = "{ask}:moved";
    const QByteArray stays = "{ask}:stays";
    const QByteArray created = "{ask}:created";
    for (const QByteArray &key : {moved, stays}) {
        const std::optional<RedisResult> set = run(client, key, {"SET", key, key + " value"});
        QVERIFY2(set && set->ok() && set->reply.string == "OK", describe(set).constData());
    }
    const int slot = RedisClient::slotOf(moved);
    QCOMPARE(int(RedisClient::slotOf(stays)), slot);
    const quint16 from = m_cluster.ownerOf(slot);
    const quint16 to = m_cluster.ports().at((m_cluster.ports().indexOf(from) + 1) % 3);
    QVERIFY2(m_cluster.beginMigration(slot, to, {moved}), qPrintable(m_cluster.errorText()));
    for (const quint16 port : {from, to})
        QCOMPARE(m_cluster.cli(port, {"CONFIG", "RESETSTAT"}).trimmed(), QByteArray("OK"));

    // The key already migrated: ASK from the owner, ASKING + GET on the target.
    std::optional<RedisResult> got = run(client, moved, {"GET", moved});
    QVERIFY2(got && got->ok() && got->reply.type == RedisReply::Type::String, describe(got).constData());
    QCOMPARE(got->reply.string, moved + " value");
    QCOMPARE(statValue(m_cluster.infoField(from, "errorstats", "errorstat_ASK"), "count"), 1);
    QCOMPARE(statValue(m_cluster.infoField(to, "commandstats", "cmdstat_asking"), "calls"), 1);
    // The key not migrated yet is served by the owner.
    got = run(client, stays, {"GET", stays});
    QVERIFY2(got && got->ok(), describe(got).constData());
    QCOMPARE(got->reply.string, stays + " value");
    // ASK does not change the map: the next read asks the owner again.
    got = run(client, moved, {"GET", moved});
    QVERIFY2(got && got->ok(), describe(got).constData());
    QCOMPARE(got->reply.string, moved + " value");
    QCOMPARE(statValue(m_cluster.infoField(from, "errorstats", "errorstat_ASK"), "count"), 2);
    QCOMPARE(statValue(m_cluster.infoField(from, "errorstats", "errorstat_MOVED"), "count"), 0);
    // A new key of a migrating slot is created on the target.
    const std::optional<RedisResult> set = run(client, created, {"SET", created, "new"});
    QVERIFY2(set && set->ok() && set->reply.string == "OK", describe(set).constData());
    QVERIFY(m_cluster.keysInSlot(to, slot).contains(created));
    QVERIFY(!m_cluster.keysInSlot(from, slot).contains(created));

    // Once the migration is over, MOVED leads every key to the new owner.
    QVERIFY2(m_cluster.finishMigration(slot, to), qPrintable(m_cluster.errorText()));
    for (const QByteArray &key : {moved, stays, created}) {
        got = run(client, key, {"GET", key});
        QVERIFY2(got && got->ok() && got->reply.type == RedisReply::Type::String, describe(got).constData());
    }
    QCOMPARE(statValue(m_cluster.infoField(from, "errorstats", "errorstat_MOVED"), "count"), 1);
}

void TestRedisClient::tryAgainDuringMigration()
{
    RedisClient client(m_cluster.options());
    QVERIFY(connectClient(client));
    const QByteArray a = "{retry}:a";
    const QByteArray b = "{retry}:b";
    for (const QByteArray &key : {a, b}) {
        const std::optional<RedisResult> set = run(client, key, {"SET", key, "1"});
        QVERIFY2(set && set->ok(), describe(set).constData());
    }
    const int slot = RedisClient::slotOf(a);
    const quint16 from = m_cluster.ownerOf(slot);
    const quint16 to = m_cluster.ports().at((m_cluster.ports().indexOf(from) + 2) % 3);
    QVERIFY2(m_cluster.beginMigration(slot, to, {a}), qPrintable(m_cluster.errorText()));
    QCOMPARE(m_cluster.cli(from, {"CONFIG", "RESETSTAT"}).trimmed(), QByteArray("OK"));

    // A multi-key command over a half-moved slot: TRYAGAIN, retried once, then returned.
    const std::optional<RedisResult> got = run(client, a, {"MGET", a, b});
    QVERIFY2(got && got->ok(), describe(got).constData());
    QVERIFY2(got->reply.isError() && got->reply.string.startsWith("TRYAGAIN"), describe(got).constData());
    QCOMPARE(statValue(m_cluster.infoField(from, "errorstats", "errorstat_TRYAGAIN"), "count"), 2);

    QVERIFY2(m_cluster.finishMigration(slot, to), qPrintable(m_cluster.errorText()));
    const std::optional<RedisResult> after = run(client, a, {"MGET", a, b});
    QVERIFY2(after && after->ok() && after->reply.type == RedisReply::Type::Array, describe(after).constData());
    QCOMPARE(after->reply.elements.size(), 2);
    QCOMPARE(after->reply.elements.at(0).string, QByteArray("1"));
    QCOMPARE(after->reply.elements.at(1).string, QByteArray("1"));
}

void TestRedisClient::scanOnAllMasters()
{
    RedisClient client(m_cluster.options());
    QVERIFY(connectClient(client));
    QSet<QByteArray> written;
    for (int i = 0; i < 60; ++i) {
        const QByteArray key = "scan:" + QByteArray::number(i);
        const std::optional<RedisResult> set = run(client, key, {"SET", key, "x"});
        QVERIFY2(set && set->ok(), describe(set).constData());
        written.insert(key);
    }
    const std::optional<QList<RedisResult>> scans =
        runOnAllMasters(client, {"SCAN", "0", "MATCH", "scan:*", "COUNT", "1000"});
    QVERIFY(scans);
    QCOMPARE(scans->size(), 3);
    QSet<QByteArray> found;
    for (const RedisResult &scan : *scans) {
        QVERIFY2(scan.ok() && scan.reply.type == RedisReply::Type::Array, describe(scan).constData());
        QCOMPARE(scan.reply.elements.size(), 2);
        QCOMPARE(scan.reply.elements.at(0).string, QByteArray("0")); // complete in one call
        QVERIFY(!scan.reply.elements.at(1).elements.isEmpty());      // every master has some
        for (const RedisReply &key : scan.reply.elements.at(1).elements)
            found.insert(key.string);
    }
    QCOMPARE(found, written);

    // The same walk master by master, with a cursor (COUNT 5: several calls each).
    QCOMPARE(client.masterCount(), 3);
    QSet<QByteArray> walked;
    for (int master = 0; master < client.masterCount(); ++master) {
        QByteArray cursor = "0";
        int calls = 0;
        do {
            auto result = std::make_shared<std::optional<RedisResult>>();
            client.commandOnMaster(master, {"SCAN", cursor, "MATCH", "scan:*", "COUNT", "5"},
                                   [result](RedisResult r) { *result = std::move(r); });
            QTRY_VERIFY_WITH_TIMEOUT(result->has_value(), WaitMs);
            const RedisResult &scan = **result;
            QVERIFY2(scan.ok() && scan.reply.elements.size() == 2, describe(scan).constData());
            cursor = scan.reply.elements.at(0).string;
            for (const RedisReply &key : scan.reply.elements.at(1).elements)
                walked.insert(key.string);
            ++calls;
        } while (cursor != "0" && calls < 100);
        QVERIFY(calls > 1);
        QCOMPARE(cursor, QByteArray("0"));
    }
    QCOMPARE(walked, written);
    auto outOfRange = std::make_shared<std::optional<RedisResult>>();
    client.commandOnMaster(3, {"PING"}, [outOfRange](RedisResult r) { *outOfRange = std::move(r); });
    QVERIFY(outOfRange->has_value());
    QCOMPARE((*outOfRange)->failure, RedisResult::Failure::NotConnected);
}

void TestRedisClient::passwordProtectedCluster()
{
    const QString password = QStringLiteral("cluster-s3cret");
    RedisCluster secured;
    QVERIFY2(secured.start(password), qPrintable(secured.errorText()));

    RedisConnectionOptions options = secured.options();
    QCOMPARE(options.password, password);
    options.connectTimeoutMs = 2000;
    RedisClient client(options);
    QVERIFY2(connectClient(client), qPrintable(client.lastError()));
    for (int i = 0; i < 30; ++i) {
        const QByteArray key = "secured:" + QByteArray::number(i);
        const std::optional<RedisResult> set = run(client, key, {"SET", key, key});
        QVERIFY2(set && set->ok() && set->reply.string == "OK", describe(set).constData());
    }
    const std::optional<QList<RedisResult>> sizes = runOnAllMasters(client, {"DBSIZE"});
    QVERIFY(sizes);
    QCOMPARE(sizes->size(), 3);
    qint64 total = 0;
    for (const RedisResult &size : *sizes) {
        QVERIFY2(size.ok() && size.reply.type == RedisReply::Type::Integer, describe(size).constData());
        QVERIFY(size.reply.integer > 0);
        total += size.reply.integer;
    }
    QCOMPARE(total, 30);

    // A wrong password never connects, and the error does not show it.
    RedisConnectionOptions wrong = options;
    wrong.password = QStringLiteral("not-the-password");
    RedisClient refused(wrong);
    refused.start();
    QTRY_VERIFY_WITH_TIMEOUT(!refused.lastError().isEmpty(), WaitMs);
    QVERIFY(!refused.isConnected());
    QVERIFY(!refused.lastError().contains(wrong.password));
    QVERIFY(!refused.lastError().contains(password));
    const std::optional<RedisResult> denied = run(refused, "secured:1", {"GET", "secured:1"});
    QVERIFY(denied);
    QVERIFY(!denied->ok() || denied->reply.isError());
}

void TestRedisClient::singleNode()
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
        std::optional<RedisResult> got = run(client, key, {"SET", key, key});
        QVERIFY2(got && got->ok() && got->reply.string == "OK", describe(got).constData());
        got = run(client, key, {"GET", key});
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

void TestRedisClient::tlsSingleNode()
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
    std::optional<RedisResult> got = run(client, "tls", {"SET", "tls", "over TLS"});
    QVERIFY2(got && got->ok() && got->reply.string == "OK", describe(got).constData());
    got = run(client, "tls", {"GET", "tls"});
    QVERIFY2(got && got->ok(), describe(got).constData());
    QCOMPARE(got->reply.string, QByteArray("over TLS"));
}

void TestRedisClient::nextEndpointWhenTheFirstIsDown()
{
    RedisServer server;
    QVERIFY2(server.start(), qPrintable(server.errorText()));
    const quint16 closed = freePort(); // nothing listens there
    RedisClient client(singleOptions({closed, server.port()}));
    client.start();
    QTRY_VERIFY_WITH_TIMEOUT(client.isConnected(), WaitMs);
    const std::optional<RedisResult> got = run(client, "k", {"SET", "k", "v"});
    QVERIFY2(got && got->ok() && got->reply.string == "OK", describe(got).constData());
    QVERIFY(!client.isCluster());
}

void TestRedisClient::serverGoesAway()
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

void TestRedisClient::redirectionsAreLimited()
{
    // A node that always sends the client back to itself.
    quint16 port = 0;
    ScriptedNode node([&port](const QList<QByteArray> &) {
        return "-MOVED 866 127.0.0.1:" + QByteArray::number(port) + "\r\n";
    });
    QVERIFY(node.listen());
    port = node.port();
    RedisClient client(singleOptions({port}));
    client.start();
    QTRY_VERIFY_WITH_TIMEOUT(client.isConnected(), WaitMs);
    const std::optional<RedisResult> got = run(client, "hello", {"GET", "hello"});
    QVERIFY2(got && got->ok() && got->reply.isError(), describe(got).constData());
    QVERIFY(got->reply.string.startsWith("MOVED 866 "));
    QCOMPARE(node.received().size(), 6); // the command and 5 redirections
    QVERIFY(client.isCluster());          // MOVED means cluster mode

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
    QCOMPARE(names, QList<QByteArray>({"GET", "ASKING", "GET", "ASKING", "GET", "ASKING", "GET", "ASKING", "GET",
                                       "ASKING", "GET"}));
}

void TestRedisClient::clusterDownIsRetriedOnce()
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

void TestRedisClient::commandsRightAfterStart()
{
    // Commands given before the first connection is up wait for it.
    RedisClient client(m_cluster.options());
    client.start();
    auto pending = std::make_shared<int>(20);
    auto failures = std::make_shared<QByteArrayList>();
    for (int i = 0; i < 20; ++i) {
        const QByteArray key = "early:" + QByteArray::number(i);
        client.command(key, {"SET", key, "x"}, [pending, failures](RedisResult r) {
            --*pending;
            if (!r.ok() || r.reply.string != "OK")
                failures->append(r.ok() ? r.reply.string : r.error.toUtf8());
        });
    }
    QTRY_COMPARE_WITH_TIMEOUT(*pending, 0, WaitMs);
    QVERIFY2(failures->isEmpty(), failures->join(" / ").constData());
    int total = 0;
    for (const quint16 port : m_cluster.ports())
        total += m_cluster.cli(port, {"DBSIZE"}).trimmed().toInt();
    QCOMPARE(total, 20);
}

QTEST_GUILESS_MAIN(TestRedisClient)
#include "tst_redisclient.moc"
