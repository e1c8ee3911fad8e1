#include "RedisServer.h"

#include "redis/RedisConnection.h"
#include "redis/RedisConnectionString.h"
#include "redis/RedisReader.h"

#include <QElapsedTimer>
#include <QRandomGenerator>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTest>
#include <QTimer>

#include <memory>
#include <optional>

using namespace sluice;
using sluice::test::RedisServer;

namespace {

using Connection = std::unique_ptr<RedisConnection>;

Connection makeConnection(const RedisConnectionOptions &options)
{
    auto connection = std::make_unique<RedisConnection>(options.endpoints.value(0), options);
    connection->start();
    return connection;
}

// Sends one command and waits for its result.
std::optional<RedisResult> call(RedisConnection &connection, const QList<QByteArray> &args, int timeoutMs = 10'000)
{
    auto result = std::make_shared<std::optional<RedisResult>>();
    connection.command(args, [result](RedisResult r) { *result = std::move(r); });
    (void)QTest::qWaitFor([&] { return result->has_value(); }, timeoutMs);
    return *result;
}

QString describe(const std::optional<RedisResult> &result)
{
    if (!result)
        return QStringLiteral("no result");
    if (!result->ok())
        return QStringLiteral("failure %1: %2").arg(int(result->failure)).arg(result->error);
    return QStringLiteral("reply type %1: %2")
        .arg(int(result->reply.type))
        .arg(QString::fromUtf8(result->reply.string.left(200)));
}

// A loopback server that speaks just enough RESP for the handshake and then
// answers every other command with `answer`: bytes that are not RESP, or a
// reply written one byte at a time.
class FakeRedis : public QTcpServer
{
public:
    FakeRedis(QByteArray answer, bool dribble)
        : m_answer(std::move(answer))
        , m_dribble(dribble)
    {
        connect(this, &QTcpServer::newConnection, this, [this] {
            while (QTcpSocket *socket = nextPendingConnection()) {
                auto reader = std::make_shared<RedisReader>();
                auto outgoing = std::make_shared<QByteArray>(); // dribbled out one byte per timer tick
                connect(socket, &QTcpSocket::readyRead, socket, [this, socket, reader, outgoing] {
                    const QByteArray data = socket->readAll();
                    reader->feed(data.constData(), data.size());
                    while (std::optional<RedisReply> request = reader->next()) {
                        const QByteArray name = request->elements.value(0).string.toUpper();
                        if (name == "INFO")
                            socket->write("$29\r\n# Server\r\nredis_version:9.9.9\r\n");
                        else if (name == "PING")
                            socket->write("+PONG\r\n");
                        else if (!m_dribble)
                            socket->write(m_answer);
                        else if (outgoing->append(m_answer).size() == m_answer.size())
                            FakeRedis::dribble(socket, outgoing);
                    }
                });
            }
        });
    }

private:
    static void dribble(QTcpSocket *socket, const std::shared_ptr<QByteArray> &outgoing)
    {
        if (outgoing->isEmpty() || socket->state() != QAbstractSocket::ConnectedState)
            return;
        socket->write(outgoing->left(1));
        socket->flush();
        outgoing->remove(0, 1);
        QTimer::singleShot(1, socket, [socket, outgoing] { dribble(socket, outgoing); });
    }

    QByteArray m_answer;
    bool m_dribble;
};

} // namespace

class TestRedisConnection : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void setGetBinarySafe_data();
    void setGetBinarySafe();
    void pipelining();
    void expiry();
    void errorReplyIsAReply();
    void roundTripAndVersion();
    void notConnectedFailsLater();
    void authentication_data();
    void authentication();
    void wrongCredentials_data();
    void wrongCredentials();
    void selectDefaultDatabase();
    void tls_data();
    void tls();
    void serverKilledAndRestarted();
    void commandTimeout_data();
    void commandTimeout();
    void protocolError();
    void fragmentedReplies();
    void stopFailsInFlight();

private:
    std::unique_ptr<RedisServer> m_plain;
};

void TestRedisConnection::initTestCase()
{
    m_plain = std::make_unique<RedisServer>();
    QVERIFY2(m_plain->start(), qPrintable(m_plain->errorText()));
}

void TestRedisConnection::setGetBinarySafe_data()
{
    QTest::addColumn<QByteArray>("key");
    QTest::addColumn<QByteArray>("value");

    QTest::newRow("text") << QByteArrayLiteral("k:text") << QByteArrayLiteral("hello");
    QTest::newRow("empty") << QByteArrayLiteral("k:empty") << QByteArray();
    QTest::newRow("NUL") << QByteArrayLiteral("k:nul") << QByteArray("a\0b\0", 4);
    QTest::newRow("0xFF and CRLF") << QByteArrayLiteral("k:ff") << QByteArray("\xff\xfe\r\n$3\r\n*1\r\n", 12);
    QTest::newRow("binary key") << QByteArray("k\0\xff\r\n", 5) << QByteArrayLiteral("v");
    QByteArray big(1024 * 1024, Qt::Uninitialized);
    QRandomGenerator generator(42);
    for (char &c : big)
        c = char(generator.bounded(256));
    QTest::newRow("1 MiB") << QByteArrayLiteral("k:big") << big;
}

void TestRedisConnection::setGetBinarySafe()
{
    QFETCH(QByteArray, key);
    QFETCH(QByteArray, value);
    Connection connection = makeConnection(m_plain->connectionOptions());
    QTRY_VERIFY(connection->isConnected());
    const auto set = call(*connection, {"SET", key, value});
    QVERIFY2(set && set->ok() && set->reply.type == RedisReply::Type::Status, qPrintable(describe(set)));
    QCOMPARE(set->reply.string, QByteArrayLiteral("OK"));
    const auto get = call(*connection, {"GET", key});
    QVERIFY2(get && get->ok(), qPrintable(describe(get)));
    QCOMPARE(get->reply.type, RedisReply::Type::String);
    QCOMPARE(get->reply.string.size(), value.size());
    QVERIFY(get->reply.string == value);
    const auto strlen = call(*connection, {"STRLEN", key});
    QVERIFY(strlen && strlen->ok());
    QCOMPARE(strlen->reply.type, RedisReply::Type::Integer);
    QCOMPARE(strlen->reply.integer, qint64(value.size()));
}

void TestRedisConnection::pipelining()
{
    Connection connection = makeConnection(m_plain->connectionOptions());
    QTRY_VERIFY(connection->isConnected());
    QVERIFY(call(*connection, {"DEL", "pipeline:counter"}));
    const int count = 1000;
    QList<qint64> counters;
    QList<QByteArray> echoes;
    for (int i = 0; i < count; ++i) {
        // All written at once, before any reply can arrive.
        connection->command({"INCR", "pipeline:counter"}, [&counters](const RedisResult &r) {
            counters.append(r.ok() && r.reply.type == RedisReply::Type::Integer ? r.reply.integer : -1);
        });
        connection->command({"ECHO", QByteArray::number(i)},
                            [&echoes](const RedisResult &r) { echoes.append(r.ok() ? r.reply.string : "failed"); });
    }
    // A command that reads a list: replies nest.
    std::optional<RedisResult> list;
    connection->command({"MGET", "pipeline:counter", "pipeline:missing"}, [&list](RedisResult r) { list = r; });
    QTRY_COMPARE(counters.size(), count);
    QTRY_COMPARE(echoes.size(), count);
    QTRY_VERIFY(list.has_value());
    for (int i = 0; i < count; ++i) {
        QCOMPARE(counters.at(i), qint64(i + 1));
        QCOMPARE(echoes.at(i), QByteArray::number(i));
    }
    QCOMPARE(list->reply.type, RedisReply::Type::Array);
    QCOMPARE(list->reply.elements.size(), 2);
    QCOMPARE(list->reply.elements.at(0).string, QByteArray::number(count));
    QVERIFY(list->reply.elements.at(1).isNil());
}

void TestRedisConnection::expiry()
{
    Connection connection = makeConnection(m_plain->connectionOptions());
    QTRY_VERIFY(connection->isConnected());
    const auto set = call(*connection, {"SET", "expiry:key", "v", "PX", "300"});
    QVERIFY2(set && set->ok() && !set->reply.isError(), qPrintable(describe(set)));
    const auto pttl = call(*connection, {"PTTL", "expiry:key"});
    QVERIFY(pttl && pttl->ok());
    QVERIFY2(pttl->reply.integer > 0 && pttl->reply.integer <= 300, qPrintable(QString::number(pttl->reply.integer)));
    const auto get = call(*connection, {"GET", "expiry:key"});
    QVERIFY(get && get->ok());
    QCOMPARE(get->reply.string, QByteArrayLiteral("v"));
    QTRY_VERIFY_WITH_TIMEOUT(call(*connection, {"GET", "expiry:key"})->reply.isNil(), 3000);
}

void TestRedisConnection::errorReplyIsAReply()
{
    Connection connection = makeConnection(m_plain->connectionOptions());
    QTRY_VERIFY(connection->isConnected());
    QVERIFY(call(*connection, {"SET", "error:string", "text"}));
    const auto wrongType = call(*connection, {"LPUSH", "error:string", "x"});
    QVERIFY2(wrongType && wrongType->ok(), qPrintable(describe(wrongType)));
    QVERIFY(wrongType->reply.isError());
    QVERIFY2(wrongType->reply.string.startsWith("WRONGTYPE"), wrongType->reply.string.constData());
    const auto unknown = call(*connection, {"NOSUCHCOMMAND", "x"});
    QVERIFY(unknown && unknown->ok());
    QVERIFY(unknown->reply.isError());
    QVERIFY(unknown->reply.string.startsWith("ERR"));
    // The connection is still good.
    QVERIFY(connection->isConnected());
    const auto ping = call(*connection, {"PING"});
    QVERIFY(ping && ping->ok());
    QCOMPARE(ping->reply.string, QByteArrayLiteral("PONG"));
}

void TestRedisConnection::roundTripAndVersion()
{
    RedisConnection connection(m_plain->connectionOptions().endpoints.first(), m_plain->connectionOptions());
    QSignalSpy connected(&connection, &RedisConnection::connected);
    QCOMPARE(connection.roundTripMs(), -1.0);
    QCOMPARE(connection.state(), RedisConnection::State::Disconnected);
    connection.start();
    QTRY_VERIFY(connection.isConnected());
    QCOMPARE(connected.count(), 1);
    QVERIFY(connection.roundTripMs() > 0);
    QVERIFY2(connection.serverVersion().startsWith(QLatin1String("7.")), qPrintable(connection.serverVersion()));
    QVERIFY(!connection.clusterEnabled());
    QVERIFY(connection.lastError().isEmpty());
    QCOMPARE(connection.endpoint().port, m_plain->port());
}

void TestRedisConnection::notConnectedFailsLater()
{
    RedisConnection connection(m_plain->connectionOptions().endpoints.first(), m_plain->connectionOptions());
    std::optional<RedisResult> result;
    connection.command({"PING"}, [&result](RedisResult r) { result = r; });
    QVERIFY(!result.has_value()); // never from inside command()
    QTRY_VERIFY(result.has_value());
    QCOMPARE(result->failure, RedisResult::Failure::NotConnected);
    // An empty command is refused the same way.
    std::optional<RedisResult> empty;
    connection.start();
    QTRY_VERIFY(connection.isConnected());
    connection.command({}, [&empty](RedisResult r) { empty = r; });
    QVERIFY(!empty.has_value());
    QTRY_VERIFY(empty.has_value());
    QCOMPARE(empty->failure, RedisResult::Failure::Protocol);
}

void TestRedisConnection::authentication_data()
{
    QTest::addColumn<bool>("aclUser");
    QTest::newRow("requirepass") << false;
    QTest::newRow("ACL user") << true;
}

void TestRedisConnection::authentication()
{
    QFETCH(bool, aclUser);
    RedisServer::Options serverOptions;
    if (aclUser) {
        serverOptions.password = QStringLiteral("default-user-secret");
        serverOptions.aclUser = QStringLiteral("sluiceapp");
        serverOptions.aclPassword = QStringLiteral("acl-user-secret");
    } else {
        serverOptions.password = QStringLiteral("plain-secret");
    }
    RedisServer server(serverOptions);
    QVERIFY2(server.start(), qPrintable(server.errorText()));
    RedisConnectionOptions options = server.connectionOptions();
    if (aclUser) {
        options.user = serverOptions.aclUser;
        options.password = serverOptions.aclPassword;
    }
    Connection connection = makeConnection(options);
    QTRY_VERIFY2(connection->isConnected(), qPrintable(connection->lastError()));
    const auto whoami = call(*connection, {"ACL", "WHOAMI"});
    QVERIFY2(whoami && whoami->ok(), qPrintable(describe(whoami)));
    QCOMPARE(whoami->reply.string, aclUser ? QByteArrayLiteral("sluiceapp") : QByteArrayLiteral("default"));
    QVERIFY(connection->serverVersion().startsWith(QLatin1String("7.")));
}

void TestRedisConnection::wrongCredentials_data()
{
    QTest::addColumn<QString>("user");
    QTest::addColumn<QString>("password");
    QTest::addColumn<QString>("expectedError");
    QTest::addColumn<QStringList>("fix"); // a server change after which the same settings work

    QTest::newRow("wrong password") << QString() << QStringLiteral("not-the-password-1234")
                                    << QStringLiteral("authentication failed")
                                    << QStringList{QStringLiteral("CONFIG"), QStringLiteral("SET"),
                                                   QStringLiteral("requirepass"),
                                                   QStringLiteral("not-the-password-1234")};
    QTest::newRow("wrong ACL password") << QStringLiteral("sluiceapp") << QStringLiteral("not-the-acl-password-99")
                                        << QStringLiteral("authentication failed")
                                        << QStringList{QStringLiteral("ACL"), QStringLiteral("SETUSER"),
                                                       QStringLiteral("sluiceapp"),
                                                       QStringLiteral(">not-the-acl-password-99")};
    QTest::newRow("unknown user") << QStringLiteral("nobody") << QStringLiteral("acl-user-secret")
                                  << QStringLiteral("authentication failed")
                                  << QStringList{QStringLiteral("ACL"), QStringLiteral("SETUSER"),
                                                 QStringLiteral("nobody"), QStringLiteral("on"),
                                                 QStringLiteral(">acl-user-secret"), QStringLiteral("~*"),
                                                 QStringLiteral("+@all")};
    QTest::newRow("no password") << QString() << QString() << QStringLiteral("authentication required")
                                 << QStringList{QStringLiteral("CONFIG"), QStringLiteral("SET"),
                                                QStringLiteral("requirepass"), QString()};
}

void TestRedisConnection::wrongCredentials()
{
    QFETCH(QString, user);
    QFETCH(QString, password);
    QFETCH(QString, expectedError);
    QFETCH(QStringList, fix);
    RedisServer::Options serverOptions;
    serverOptions.password = QStringLiteral("right-secret");
    serverOptions.aclUser = QStringLiteral("sluiceapp");
    serverOptions.aclPassword = QStringLiteral("acl-user-secret");
    RedisServer server(serverOptions);
    QVERIFY2(server.start(), qPrintable(server.errorText()));
    RedisConnectionOptions options = server.connectionOptions();
    options.user = user;
    options.password = password;
    Connection connection = makeConnection(options);
    QSignalSpy connected(connection.get(), &RedisConnection::connected);
    QTRY_VERIFY(!connection->lastError().isEmpty());
    qInfo("lastError: %s", qPrintable(connection->lastError()));
    QVERIFY2(connection->lastError().contains(expectedError), qPrintable(connection->lastError()));
    QVERIFY(!connection->isConnected());
    QCOMPARE(connected.count(), 0);
    const auto result = call(*connection, {"PING"});
    QVERIFY(result.has_value());
    QCOMPARE(result->failure, RedisResult::Failure::NotConnected);
    for (const QString &secret : {password, serverOptions.password, serverOptions.aclPassword}) {
        if (secret.isEmpty())
            continue;
        QVERIFY(!connection->lastError().contains(secret));
        QVERIFY(!result->error.contains(secret));
    }
    // It keeps retrying with backoff: once the server accepts these
    // credentials (a rotated key), it connects without being told.
    QCOMPARE(server.cli(fix), QByteArrayLiteral("OK"));
    QTRY_VERIFY_WITH_TIMEOUT(connection->isConnected(), 8000);
    QCOMPARE(connected.count(), 1);
    QVERIFY(connection->lastError().isEmpty());
}

void TestRedisConnection::selectDefaultDatabase()
{
    RedisConnectionOptions options = m_plain->connectionOptions();
    options.database = 2;
    Connection db2 = makeConnection(options);
    Connection db0 = makeConnection(m_plain->connectionOptions());
    QTRY_VERIFY(db2->isConnected() && db0->isConnected());
    QVERIFY(call(*db2, {"SET", "select:key", "in-db-2"}));
    const auto inDb2 = call(*db2, {"GET", "select:key"});
    QCOMPARE(inDb2->reply.string, QByteArrayLiteral("in-db-2"));
    const auto inDb0 = call(*db0, {"GET", "select:key"});
    QVERIFY(inDb0 && inDb0->ok());
    QVERIFY(inDb0->reply.isNil());
    QCOMPARE(m_plain->cli({QStringLiteral("-n"), QStringLiteral("2"), QStringLiteral("GET"),
                           QStringLiteral("select:key")}),
             QByteArrayLiteral("in-db-2"));

    // A database the server does not have: not connected, a clear error.
    options.database = 99;
    Connection missing = makeConnection(options);
    QTRY_VERIFY(!missing->lastError().isEmpty());
    QVERIFY2(missing->lastError().contains(QLatin1String("SELECT 99")), qPrintable(missing->lastError()));
    QVERIFY(!missing->isConnected());
}

void TestRedisConnection::tls_data()
{
    QTest::addColumn<bool>("withCa");
    QTest::addColumn<QString>("tlsHost");
    QTest::addColumn<bool>("works");

    QTest::newRow("CA file") << true << QString() << true;
    QTest::newRow("CA file, sslHost=localhost") << true << QStringLiteral("localhost") << true;
    QTest::newRow("no CA: verification fails") << false << QString() << false;
    QTest::newRow("wrong sslHost: name check fails") << true << QStringLiteral("other.example") << false;
}

void TestRedisConnection::tls()
{
    QFETCH(bool, withCa);
    QFETCH(QString, tlsHost);
    QFETCH(bool, works);
    RedisServer::Options serverOptions;
    serverOptions.tls = true;
    serverOptions.password = QStringLiteral("tls-secret");
    RedisServer server(serverOptions);
    QVERIFY2(server.start(), qPrintable(server.errorText()));

    // Through the connection string the fixture shows, as a user would paste it.
    const RedisConnectionStringResult parsed = RedisConnectionString::parse(server.connectionString());
    QVERIFY2(parsed.options.has_value(), qPrintable(parsed.error));
    RedisConnectionOptions options = *parsed.options;
    QVERIFY(options.tls);
    if (!withCa)
        options.caFile.clear();
    options.tlsHost = tlsHost;
    Connection connection = makeConnection(options);
    if (works) {
        QTRY_VERIFY2(connection->isConnected(), qPrintable(connection->lastError()));
        QVERIFY(call(*connection, {"SET", "tls:key", QByteArray("\0\xff", 2)}));
        const auto get = call(*connection, {"GET", "tls:key"});
        QVERIFY2(get && get->ok(), qPrintable(describe(get)));
        QCOMPARE(get->reply.string, QByteArray("\0\xff", 2));
        QVERIFY(connection->serverVersion().startsWith(QLatin1String("7.")));
    } else {
        QTRY_VERIFY(!connection->lastError().isEmpty());
        QVERIFY(!connection->isConnected());
        qInfo("lastError: %s", qPrintable(connection->lastError()));
        QVERIFY2(connection->lastError().startsWith(QLatin1String("TLS")), qPrintable(connection->lastError()));
        QVERIFY(!connection->lastError().contains(serverOptions.password));
    }
}

void TestRedisConnection::serverKilledAndRestarted()
{
    RedisServer server;
    QVERIFY2(server.start(), qPrintable(server.errorText()));
    RedisConnectionOptions options = server.connectionOptions();
    options.syncTimeoutMs = 10'000;
    Connection connection = makeConnection(options);
    QSignalSpy disconnected(connection.get(), &RedisConnection::disconnected);
    QSignalSpy connected(connection.get(), &RedisConnection::connected);
    QTRY_VERIFY(connection->isConnected());

    // Commands in flight: the server is busy with the first when it dies.
    QList<RedisResult> inFlight;
    connection->command({"DEBUG", "SLEEP", "5"}, [&inFlight](RedisResult r) { inFlight.append(r); });
    for (int i = 0; i < 10; ++i)
        connection->command({"GET", "k"}, [&inFlight](RedisResult r) { inFlight.append(r); });
    QCoreApplication::processEvents(); // written
    server.kill();
    QTRY_COMPARE(inFlight.size(), 11);
    for (const RedisResult &r : std::as_const(inFlight))
        QCOMPARE(r.failure, RedisResult::Failure::ConnectionLost);
    QCOMPARE(disconnected.count(), 1);
    QVERIFY(!connection->isConnected());

    // While it is down, commands fail fast.
    QElapsedTimer fast;
    fast.start();
    const auto down = call(*connection, {"GET", "k"});
    QVERIFY(down.has_value());
    QCOMPARE(down->failure, RedisResult::Failure::NotConnected);
    QVERIFY(fast.elapsed() < 500);

    QVERIFY2(server.restart(), qPrintable(server.errorText()));
    QElapsedTimer reconnect;
    reconnect.start();
    QTRY_VERIFY_WITH_TIMEOUT(connection->isConnected(), 3000);
    qInfo("reconnected %lld ms after the restart", reconnect.elapsed());
    QCOMPARE(connected.count(), 2);
    const auto ping = call(*connection, {"PING"});
    QVERIFY(ping && ping->ok());
}

void TestRedisConnection::commandTimeout_data()
{
    QTest::addColumn<bool>("clientPause");
    QTest::newRow("DEBUG SLEEP on this connection") << false;
    QTest::newRow("server paused (fixture)") << true;
}

void TestRedisConnection::commandTimeout()
{
    QFETCH(bool, clientPause);
    RedisServer server;
    QVERIFY2(server.start(), qPrintable(server.errorText()));
    RedisConnectionOptions options = server.connectionOptions();
    options.syncTimeoutMs = 300;
    Connection connection = makeConnection(options);
    QSignalSpy disconnected(connection.get(), &RedisConnection::disconnected);
    QTRY_VERIFY(connection->isConnected());

    std::optional<RedisResult> first;
    std::optional<RedisResult> second;
    qint64 firstAfterMs = -1;
    QElapsedTimer timer;
    if (clientPause)
        QVERIFY2(server.pause(1500), qPrintable(server.errorText()));
    timer.start();
    connection->command(clientPause ? QList<QByteArray>{"GET", "k"} : QList<QByteArray>{"DEBUG", "SLEEP", "1.5"},
                        [&](RedisResult r) {
                            first = r;
                            firstAfterMs = timer.elapsed();
                        });
    connection->command({"PING"}, [&](RedisResult r) { second = r; });
    QTRY_VERIFY(first.has_value() && second.has_value());
    QCOMPARE(first->failure, RedisResult::Failure::Timeout);
    QCOMPARE(second->failure, RedisResult::Failure::ConnectionLost);
    QVERIFY2(firstAfterMs >= 290 && firstAfterMs < 300 + 500, qPrintable(QString::number(firstAfterMs)));
    QCOMPARE(disconnected.count(), 1);
    QVERIFY(connection->lastError().contains(QLatin1String("timed out")));
    // Once the server answers again, the connection is back.
    QTRY_VERIFY_WITH_TIMEOUT(connection->isConnected(), 5000);
    const auto ping = call(*connection, {"PING"});
    QVERIFY2(ping && ping->ok(), qPrintable(describe(ping)));
}

void TestRedisConnection::protocolError()
{
    FakeRedis fake(QByteArrayLiteral("?this is not RESP\r\n"), false);
    QVERIFY(fake.listen(QHostAddress::LocalHost, 0));
    RedisConnectionOptions options;
    options.endpoints = {RedisEndpoint{QStringLiteral("127.0.0.1"), fake.serverPort()}};
    Connection connection = makeConnection(options);
    QSignalSpy connected(connection.get(), &RedisConnection::connected);
    QTRY_VERIFY(connection->isConnected());
    QCOMPARE(connection->serverVersion(), QStringLiteral("9.9.9"));
    std::optional<RedisResult> first;
    std::optional<RedisResult> second;
    connection->command({"GET", "k"}, [&](RedisResult r) { first = r; });
    connection->command({"GET", "k"}, [&](RedisResult r) { second = r; });
    QTRY_VERIFY(first.has_value() && second.has_value());
    QCOMPARE(first->failure, RedisResult::Failure::Protocol);
    QCOMPARE(second->failure, RedisResult::Failure::ConnectionLost);
    QVERIFY2(connection->lastError().contains(QLatin1String("protocol")), qPrintable(connection->lastError()));
    QTRY_COMPARE(connected.count(), 2); // it reconnects
}

void TestRedisConnection::fragmentedReplies()
{
    FakeRedis fake(QByteArrayLiteral("*3\r\n$5\r\nhe\0lo\r\n:-42\r\n*2\r\n$-1\r\n-ERR nested\r\n"), true);
    QVERIFY(fake.listen(QHostAddress::LocalHost, 0));
    RedisConnectionOptions options;
    options.endpoints = {RedisEndpoint{QStringLiteral("127.0.0.1"), fake.serverPort()}};
    Connection connection = makeConnection(options);
    QTRY_VERIFY(connection->isConnected());
    QList<RedisResult> results;
    for (int i = 0; i < 3; ++i)
        connection->command({"GET", "k"}, [&results](RedisResult r) { results.append(r); });
    QTRY_COMPARE(results.size(), 3);
    for (const RedisResult &result : std::as_const(results)) {
        QVERIFY2(result.ok(), qPrintable(result.error));
        const RedisReply &reply = result.reply;
        QCOMPARE(reply.type, RedisReply::Type::Array);
        QCOMPARE(reply.elements.size(), 3);
        QCOMPARE(reply.elements.at(0).string, QByteArray("he\0lo", 5));
        QCOMPARE(reply.elements.at(1).type, RedisReply::Type::Integer);
        QCOMPARE(reply.elements.at(1).integer, qint64(-42));
        QCOMPARE(reply.elements.at(2).elements.size(), 2);
        QVERIFY(reply.elements.at(2).elements.at(0).isNil());
        QVERIFY(reply.elements.at(2).elements.at(1).isError());
        QCOMPARE(reply.elements.at(2).elements.at(1).string, QByteArrayLiteral("ERR nested"));
    }
    QVERIFY(connection->isConnected());
}

void TestRedisConnection::stopFailsInFlight()
{
    Connection connection = makeConnection(m_plain->connectionOptions());
    QTRY_VERIFY(connection->isConnected());
    QSignalSpy disconnected(connection.get(), &RedisConnection::disconnected);
    QList<RedisResult> results;
    for (int i = 0; i < 5; ++i)
        connection->command({"PING"}, [&results](RedisResult r) { results.append(r); });
    connection->stop();
    QCOMPARE(results.size(), 5); // before stop() returns
    for (const RedisResult &r : std::as_const(results))
        QCOMPARE(r.failure, RedisResult::Failure::ConnectionLost);
    QCOMPARE(disconnected.count(), 1);
    QCOMPARE(connection->state(), RedisConnection::State::Disconnected);
    // It stays stopped until started again.
    const auto result = call(*connection, {"PING"});
    QCOMPARE(result->failure, RedisResult::Failure::NotConnected);
    QCOMPARE(connection->state(), RedisConnection::State::Disconnected);
    connection->start();
    QTRY_VERIFY(connection->isConnected());
    // Destroying it with commands in flight calls none of them.
    bool called = false;
    connection->command({"PING"}, [&called](RedisResult) { called = true; });
    connection.reset();
    QCoreApplication::processEvents();
    QVERIFY(!called);
}

QTEST_GUILESS_MAIN(TestRedisConnection)
#include "tst_redisconnection.moc"
