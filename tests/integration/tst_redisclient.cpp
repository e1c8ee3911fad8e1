// RedisClient against a real three-master Redis Cluster: routing by slot,
// MOVED after a reshard, ASK and TRYAGAIN during a migration, fan-out to every
// master, a password, commands given before the connection is up. One node:
// tst_redisclient_node.
#include "RedisCluster.h"
#include "RedisClientTestSupport.h"
#include "redis/RedisClient.h"

#include <QCoreApplication>
#include <QDeadlineTimer>
#include <QSet>
#include <QSignalSpy>
#include <QTest>

#include <functional>
#include <memory>
#include <optional>

using namespace sluice;
using namespace sluice::test;
using sluice::test::RedisCluster;

namespace {

// "count=3" / "calls=2,usec=..." -> the number after `name=`; 0 when absent.
int statValue(const QByteArray &field, const QByteArray &name)
{
    for (const QByteArray &part : field.split(',')) {
        if (part.startsWith(name + '='))
            return part.mid(name.size() + 1).toInt();
    }
    return 0;
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

    void commandsRightAfterStart();

private:
    bool connectClient(RedisClient &client);
    int errors(quint16 port, const QByteArray &code) // error replies `code` sent since the reset
    {
        return statValue(m_cluster.infoField(port, "errorstats", "errorstat_" + code), "count");
    }
    int calls(quint16 port, const QByteArray &command) // `command` run since the reset
    {
        return statValue(m_cluster.infoField(port, "commandstats", "cmdstat_" + command), "calls");
    }
    bool resetStats(quint16 port) { return m_cluster.cli(port, {"CONFIG", "RESETSTAT"}).trimmed() == "OK"; }

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
        QVERIFY(resetStats(port));
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
        QCOMPARE(errors(port, "MOVED"), 0);
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
    QCOMPARE(setKey(client, key, "before the move"), QByteArray());

    const int slot = RedisClient::slotOf(key);
    const quint16 from = m_cluster.ownerOf(slot);
    QVERIFY(from != 0);
    const quint16 to = m_cluster.ports().at((m_cluster.ports().indexOf(from) + 1) % 3);
    QVERIFY2(m_cluster.moveSlot(slot, to), qPrintable(m_cluster.errorText()));
    QCOMPARE(m_cluster.ownerOf(slot), to);
    for (const quint16 port : {from, to})
        QVERIFY(resetStats(port));

    QSignalSpy stateChanged(&client, &RedisClient::stateChanged);
    // The old owner answers MOVED; the client follows it.
    std::optional<RedisResult> got = run(client, key, {"GET", key});
    QVERIFY2(got && got->ok(), describe(got).constData());
    QCOMPARE(got->reply.string, QByteArray("before the move"));
    QCOMPARE(errors(from, "MOVED"), 1);

    // The second read goes straight to the new owner.
    got = run(client, key, {"GET", key});
    QVERIFY2(got && got->ok(), describe(got).constData());
    QCOMPARE(got->reply.string, QByteArray("before the move"));
    QCOMPARE(errors(from, "MOVED"), 1);
    QCOMPARE(calls(from, "get"), 0);
    QCOMPARE(calls(to, "get"), 2);
    // The full refresh that MOVED scheduled reported the new map.
    QTRY_VERIFY_WITH_TIMEOUT(stateChanged.count() >= 1, WaitMs);
    QVERIFY(client.isConnected());

    // Writes follow the new map too.
    QCOMPARE(setKey(client, key, "after the move"), QByteArray());
    QCOMPARE(m_cluster.cli(to, {"GET", key}).trimmed(), QByteArray("after the move"));
    QCOMPARE(errors(from, "MOVED"), 1);
}

void TestRedisClient::askDuringMigration()
{
    RedisClient client(m_cluster.options());
    QVERIFY(connectClient(client));
    const QByteArray moved = "{ask}:moved";
    const QByteArray stays = "{ask}:stays";
    const QByteArray created = "{ask}:created";
    for (const QByteArray &key : {moved, stays}) {
        QCOMPARE(setKey(client, key, key + " value"), QByteArray());
    }
    const int slot = RedisClient::slotOf(moved);
    QCOMPARE(int(RedisClient::slotOf(stays)), slot);
    const quint16 from = m_cluster.ownerOf(slot);
    const quint16 to = m_cluster.ports().at((m_cluster.ports().indexOf(from) + 1) % 3);
    QVERIFY2(m_cluster.beginMigration(slot, to, {moved}), qPrintable(m_cluster.errorText()));
    for (const quint16 port : {from, to})
        QVERIFY(resetStats(port));

    // The key already migrated: ASK from the owner, ASKING + GET on the target.
    std::optional<RedisResult> got = run(client, moved, {"GET", moved});
    QVERIFY2(got && got->ok() && got->reply.type == RedisReply::Type::String, describe(got).constData());
    QCOMPARE(got->reply.string, moved + " value");
    QCOMPARE(errors(from, "ASK"), 1);
    QCOMPARE(calls(to, "asking"), 1);
    // The key not migrated yet is served by the owner.
    got = run(client, stays, {"GET", stays});
    QVERIFY2(got && got->ok(), describe(got).constData());
    QCOMPARE(got->reply.string, stays + " value");
    // ASK does not change the map: the next read asks the owner again.
    got = run(client, moved, {"GET", moved});
    QVERIFY2(got && got->ok(), describe(got).constData());
    QCOMPARE(got->reply.string, moved + " value");
    QCOMPARE(errors(from, "ASK"), 2);
    QCOMPARE(errors(from, "MOVED"), 0);
    // A new key of a migrating slot is created on the target.
    QCOMPARE(setKey(client, created, "new"), QByteArray());
    QVERIFY(m_cluster.keysInSlot(to, slot).contains(created));
    QVERIFY(!m_cluster.keysInSlot(from, slot).contains(created));

    // Once the migration is over, MOVED leads every key to the new owner.
    QVERIFY2(m_cluster.finishMigration(slot, to), qPrintable(m_cluster.errorText()));
    for (const QByteArray &key : {moved, stays, created}) {
        got = run(client, key, {"GET", key});
        QVERIFY2(got && got->ok() && got->reply.type == RedisReply::Type::String, describe(got).constData());
    }
    QCOMPARE(errors(from, "MOVED"), 1);
}

void TestRedisClient::tryAgainDuringMigration()
{
    RedisClient client(m_cluster.options());
    QVERIFY(connectClient(client));
    const QByteArray a = "{retry}:a";
    const QByteArray b = "{retry}:b";
    for (const QByteArray &key : {a, b}) {
        QCOMPARE(setKey(client, key, "1"), QByteArray());
    }
    const int slot = RedisClient::slotOf(a);
    const quint16 from = m_cluster.ownerOf(slot);
    const quint16 to = m_cluster.ports().at((m_cluster.ports().indexOf(from) + 2) % 3);
    QVERIFY2(m_cluster.beginMigration(slot, to, {a}), qPrintable(m_cluster.errorText()));
    QVERIFY(resetStats(from));

    // A multi-key command over a half-moved slot: TRYAGAIN, retried once, then returned.
    const std::optional<RedisResult> got = run(client, a, {"MGET", a, b});
    QVERIFY2(got && got->ok(), describe(got).constData());
    QVERIFY2(got->reply.isError() && got->reply.string.startsWith("TRYAGAIN"), describe(got).constData());
    QCOMPARE(errors(from, "TRYAGAIN"), 2);

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
        QCOMPARE(setKey(client, key, "x"), QByteArray());
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
        QVERIFY(!scan.reply.elements.at(1).elements.isEmpty()); // every master has some
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
        QCOMPARE(setKey(client, key, key), QByteArray());
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
