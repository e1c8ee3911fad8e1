// Hash slots, the slot map of CLUSTER SLOTS and MOVED/ASK replies: the pure
// parts of RedisClient's cluster routing.
#include "redis/RedisClient.h"
#include "redis/RedisClusterRedirect.h"
#include "redis/RedisSlotMap.h"

#include <QTest>

using namespace sluice;

namespace {

RedisReply integer(qint64 value)
{
    RedisReply reply;
    reply.type = RedisReply::Type::Integer;
    reply.integer = value;
    return reply;
}

RedisReply string(const QByteArray &value)
{
    RedisReply reply;
    reply.type = RedisReply::Type::String;
    reply.string = value;
    return reply;
}

RedisReply array(QList<RedisReply> elements)
{
    RedisReply reply;
    reply.type = RedisReply::Type::Array;
    reply.elements = std::move(elements);
    return reply;
}

RedisReply node(const QByteArray &host, qint64 port, const QByteArray &id)
{
    return array({string(host), integer(port), string(id)});
}

RedisReply range(qint64 start, qint64 end, QList<RedisReply> nodes)
{
    QList<RedisReply> elements {integer(start), integer(end)};
    elements += nodes;
    return array(elements);
}

} // namespace

class TestRedisSlot : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void crc16_data();
    void crc16();
    void slotOf_data();
    void slotOf();
    void hashTagsShareSlot();
    void clusterSlots();
    void clusterSlotsUnknownHost();
    void clusterSlotsRejected_data();
    void clusterSlotsRejected();
    void assignMovesOneSlot();
    void redirect_data();
    void redirect();
};

void TestRedisSlot::crc16_data()
{
    QTest::addColumn<QByteArray>("data");
    QTest::addColumn<int>("crc");
    // The reference value of CRC-16/XMODEM, quoted by the Redis Cluster specification.
    QTest::newRow("check") << QByteArrayLiteral("123456789") << 0x31C3;
    QTest::newRow("empty") << QByteArray() << 0;
    QTest::newRow("one byte") << QByteArrayLiteral("A") << 0x58E5;
}

void TestRedisSlot::crc16()
{
    QFETCH(QByteArray, data);
    QFETCH(int, crc);
    QCOMPARE(int(RedisSlotMap::crc16(data)), crc);
}

void TestRedisSlot::slotOf_data()
{
    QTest::addColumn<QByteArray>("key");
    QTest::addColumn<QByteArray>("hashed"); // what the slot is computed from
    QTest::addColumn<int>("slot"); // -1: only compare with `hashed`

    QTest::newRow("spec check value") << QByteArrayLiteral("123456789") << QByteArrayLiteral("123456789")
                                      << (0x31C3 % 16384);
    QTest::newRow("docs somekey") << QByteArrayLiteral("somekey") << QByteArrayLiteral("somekey") << 11058;
    QTest::newRow("docs foo{hash_tag}") << QByteArrayLiteral("foo{hash_tag}") << QByteArrayLiteral("hash_tag") << 2515;
    QTest::newRow("tag") << QByteArrayLiteral("{user1000}.following") << QByteArrayLiteral("user1000") << -1;
    QTest::newRow("empty tag hashes whole key")
        << QByteArrayLiteral("foo{}{bar}") << QByteArrayLiteral("foo{}{bar}") << -1;
    QTest::newRow("first close brace") << QByteArrayLiteral("foo{{bar}}zap") << QByteArrayLiteral("{bar") << -1;
    QTest::newRow("first tag only") << QByteArrayLiteral("foo{bar}{zap}") << QByteArrayLiteral("bar") << -1;
    QTest::newRow("unclosed brace") << QByteArrayLiteral("foo{bar") << QByteArrayLiteral("foo{bar") << -1;
    QTest::newRow("close before open") << QByteArrayLiteral("a}b{c}") << QByteArrayLiteral("c") << -1;
    QTest::newRow("empty key") << QByteArray() << QByteArray() << 0;
    QTest::newRow("binary") << QByteArray("\x00\xff{\x01}", 5) << QByteArray("\x01", 1) << -1;
}

void TestRedisSlot::slotOf()
{
    QFETCH(QByteArray, key);
    QFETCH(QByteArray, hashed);
    QFETCH(int, slot);
    const quint16 got = RedisClient::slotOf(key);
    QVERIFY(got < 16384);
    QCOMPARE(got, quint16(RedisSlotMap::crc16(hashed) % 16384));
    QCOMPARE(got, RedisSlotMap::slotOf(key));
    if (slot >= 0)
        QCOMPARE(int(got), slot);
}

void TestRedisSlot::hashTagsShareSlot()
{
    QCOMPARE(RedisClient::slotOf("{user1000}.following"), RedisClient::slotOf("{user1000}.followers"));
    QCOMPARE(RedisClient::slotOf("{user1000}.following"), RedisClient::slotOf("user1000"));
    QVERIFY(RedisClient::slotOf("foo{}{bar}") != RedisClient::slotOf("bar"));
    // Many keys spread over the whole slot space.
    QSet<int> quarters;
    for (int i = 0; i < 100; ++i)
        quarters.insert(RedisClient::slotOf("key:" + QByteArray::number(i)) / 4096);
    QCOMPARE(quarters.size(), 4);
}

void TestRedisSlot::clusterSlots()
{
    // Masters out of name order, one with a replica, one with two ranges.
    const RedisReply reply = array({
        range(0, 5460, {node("127.0.0.1", 7002, "b"), node("127.0.0.1", 7005, "r")}),
        range(5461, 10922, {node("127.0.0.1", 7001, "a")}),
        range(10923, 16000, {node("127.0.0.1", 7003, "c")}),
        range(16001, 16383, {node("127.0.0.1", 7001, "a")}),
    });
    const std::optional<RedisSlotMap> map = RedisSlotMap::fromClusterSlots(reply, QStringLiteral("10.0.0.1"));
    QVERIFY(map);
    QCOMPARE(map->masters(),
             QStringList({QStringLiteral("127.0.0.1:7001"), QStringLiteral("127.0.0.1:7002"),
                          QStringLiteral("127.0.0.1:7003")}));
    QCOMPARE(map->masterOf(0), 1);
    QCOMPARE(map->masterOf(5460), 1);
    QCOMPARE(map->masterOf(5461), 0);
    QCOMPARE(map->masterOf(10922), 0);
    QCOMPARE(map->masterOf(10923), 2);
    QCOMPARE(map->masterOf(16383), 0);
    QCOMPARE(map->hostOf(2), QStringLiteral("127.0.0.1"));
    QCOMPARE(map->portOf(2), quint16(7003));
    QVERIFY(!map->isEmpty());

    // A partial map leaves the other slots without a master.
    const std::optional<RedisSlotMap> partial =
        RedisSlotMap::fromClusterSlots(array({range(100, 200, {node("::1", 7000, "x")})}), QString());
    QVERIFY(partial);
    QCOMPARE(partial->masters(), QStringList {QStringLiteral("[::1]:7000")});
    QCOMPARE(partial->masterOf(99), -1);
    QCOMPARE(partial->masterOf(150), 0);
    QCOMPARE(partial->masterOf(201), -1);
    QVERIFY(!(*partial == *map));

    const std::optional<RedisSlotMap> empty = RedisSlotMap::fromClusterSlots(array({}), QString());
    QVERIFY(empty);
    QVERIFY(empty->isEmpty());
}

void TestRedisSlot::clusterSlotsUnknownHost()
{
    const RedisReply reply = array({range(0, 8000, {node("", 7001, "a")}), range(8001, 16383, {node("?", 7002, "b")})});
    const std::optional<RedisSlotMap> map = RedisSlotMap::fromClusterSlots(reply, QStringLiteral("127.0.0.5"));
    QVERIFY(map);
    QCOMPARE(map->masters(), QStringList({QStringLiteral("127.0.0.5:7001"), QStringLiteral("127.0.0.5:7002")}));
}

void TestRedisSlot::clusterSlotsRejected_data()
{
    QTest::addColumn<RedisReply>("reply");
    RedisReply error;
    error.type = RedisReply::Type::Error;
    error.string = "ERR This instance has cluster support disabled";
    QTest::newRow("error") << error;
    QTest::newRow("not ranges") << array({integer(1)});
    QTest::newRow("short range") << array({array({integer(0), integer(1)})});
    QTest::newRow("end past last slot") << array({range(0, 16384, {node("h", 1, "a")})});
    QTest::newRow("start after end") << array({range(10, 9, {node("h", 1, "a")})});
    QTest::newRow("bad port") << array({range(0, 1, {node("h", 70000, "a")})});
    QTest::newRow("master not an array") << array({range(0, 1, {string("h")})});
}

void TestRedisSlot::clusterSlotsRejected()
{
    QFETCH(RedisReply, reply);
    QVERIFY(!RedisSlotMap::fromClusterSlots(reply, QStringLiteral("h")));
}

void TestRedisSlot::assignMovesOneSlot()
{
    std::optional<RedisSlotMap> map = RedisSlotMap::fromClusterSlots(
        array({range(0, 8191, {node("127.0.0.1", 7001, "a")}), range(8192, 16383, {node("127.0.0.1", 7002, "b")})}),
        QString());
    QVERIFY(map);
    const RedisSlotMap before = *map;
    map->assign(42, QStringLiteral("127.0.0.1"), 7002);
    QCOMPARE(map->masters().at(map->masterOf(42)), QStringLiteral("127.0.0.1:7002"));
    QCOMPARE(map->masters().at(map->masterOf(41)), QStringLiteral("127.0.0.1:7001"));
    QVERIFY(!(*map == before));

    // A new master is sorted in; a master left without slots is dropped.
    map->assign(43, QStringLiteral("127.0.0.1"), 7000);
    QCOMPARE(map->masters().size(), 3);
    QCOMPARE(map->masters().first(), QStringLiteral("127.0.0.1:7000"));
    QCOMPARE(map->masterOf(43), 0);
    QCOMPARE(map->masters().at(map->masterOf(42)), QStringLiteral("127.0.0.1:7002"));

    std::optional<RedisSlotMap> small = RedisSlotMap::fromClusterSlots(
        array({range(0, 2, {node("127.0.0.1", 7001, "a")}), range(3, 16383, {node("127.0.0.1", 7002, "b")})}),
        QString());
    QVERIFY(small);
    for (quint16 slot = 0; slot < 3; ++slot)
        small->assign(slot, QStringLiteral("127.0.0.1"), 7002);
    QCOMPARE(small->masters(), QStringList {QStringLiteral("127.0.0.1:7002")});
    QCOMPARE(small->masterOf(0), 0);
}

void TestRedisSlot::redirect_data()
{
    QTest::addColumn<QByteArray>("error");
    QTest::addColumn<bool>("valid");
    QTest::addColumn<bool>("ask");
    QTest::addColumn<int>("slot");
    QTest::addColumn<QString>("host");
    QTest::addColumn<int>("port");

    QTest::newRow("moved") << QByteArrayLiteral("MOVED 3999 127.0.0.1:6381") << true << false << 3999
                           << QStringLiteral("127.0.0.1") << 6381;
    QTest::newRow("ask") << QByteArrayLiteral("ASK 16383 10.1.2.3:7000") << true << true << 16383
                         << QStringLiteral("10.1.2.3") << 7000;
    QTest::newRow("unknown host") << QByteArrayLiteral("MOVED 0 :6380") << true << false << 0 << QString() << 6380;
    QTest::newRow("ipv6") << QByteArrayLiteral("MOVED 12 ::1:6380") << true << false << 12 << QStringLiteral("::1")
                          << 6380;
    QTest::newRow("ipv6 brackets") << QByteArrayLiteral("ASK 12 [::1]:6380") << true << true << 12
                                   << QStringLiteral("::1") << 6380;
    QTest::newRow("hostname") << QByteArrayLiteral("MOVED 7 redis-1.example:6379") << true << false << 7
                              << QStringLiteral("redis-1.example") << 6379;
    QTest::newRow("other error") << QByteArrayLiteral("ERR unknown command") << false << false << 0 << QString() << 0;
    QTest::newRow("tryagain") << QByteArrayLiteral("TRYAGAIN Multiple keys request during rehashing of slot") << false
                              << false << 0 << QString() << 0;
    QTest::newRow("slot too big") << QByteArrayLiteral("MOVED 16384 h:1") << false << false << 0 << QString() << 0;
    QTest::newRow("no port") << QByteArrayLiteral("MOVED 1 host") << false << false << 0 << QString() << 0;
    QTest::newRow("port zero") << QByteArrayLiteral("MOVED 1 host:0") << false << false << 0 << QString() << 0;
    QTest::newRow("no address") << QByteArrayLiteral("MOVED 1") << false << false << 0 << QString() << 0;
    QTest::newRow("lower case") << QByteArrayLiteral("moved 1 h:1") << false << false << 0 << QString() << 0;
}

void TestRedisSlot::redirect()
{
    QFETCH(QByteArray, error);
    QFETCH(bool, valid);
    const std::optional<RedisClusterRedirect> redirect = RedisClusterRedirect::parse(error);
    QCOMPARE(bool(redirect), valid);
    if (!valid)
        return;
    QFETCH(bool, ask);
    QFETCH(int, slot);
    QFETCH(QString, host);
    QFETCH(int, port);
    QCOMPARE(redirect->kind == RedisClusterRedirect::Kind::Ask, ask);
    QCOMPARE(int(redirect->slot), slot);
    QCOMPARE(redirect->host, host);
    QCOMPARE(int(redirect->port), port);
}

QTEST_APPLESS_MAIN(TestRedisSlot)
#include "tst_redisslot.moc"
