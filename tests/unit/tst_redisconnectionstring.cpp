#include "redis/RedisConnectionString.h"

#include <QTest>

using namespace sluice;

namespace {

QString endpointsText(const RedisConnectionOptions &options)
{
    QStringList parts;
    for (const RedisEndpoint &endpoint : options.endpoints)
        parts.append(endpoint.host + QLatin1Char('|') + QString::number(endpoint.port));
    return parts.join(QLatin1Char(';'));
}

} // namespace

class TestRedisConnectionString : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void valid_data();
    void valid();
    void timeoutsAndDatabase_data();
    void timeoutsAndDatabase();
    void warnings_data();
    void warnings();
    void invalid_data();
    void invalid();
    void secretsNeverInMessages_data();
    void secretsNeverInMessages();
};

void TestRedisConnectionString::valid_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("endpoints");
    QTest::addColumn<QString>("user");
    QTest::addColumn<QString>("password");
    QTest::addColumn<bool>("tls");
    QTest::addColumn<QString>("tlsHost");
    QTest::addColumn<bool>("abortConnect");

    const QString none;
    QTest::newRow("azure") << QStringLiteral(
        "contoso.redis.cache.windows.net:6380,password=abcDEF123+/xyz0987654321abcdEFGHijklMNOP=,ssl=True,abortConnect=False")
                           << QStringLiteral("contoso.redis.cache.windows.net|6380") << none
                           << QStringLiteral("abcDEF123+/xyz0987654321abcdEFGHijklMNOP=") << true << none << false;
    QTest::newRow("password with several '='") << QStringLiteral("h:1,password=a=b==")
                                               << QStringLiteral("h|1") << none << QStringLiteral("a=b==") << false
                                               << none << true;
    QTest::newRow("host only, default port 6379") << QStringLiteral("localhost") << QStringLiteral("localhost|6379")
                                                  << none << none << false << none << true;
    QTest::newRow("ssl without a port means 6380") << QStringLiteral("cache.example,ssl=true")
                                             << QStringLiteral("cache.example|6380") << none << none << true << none
                                             << true;
    QTest::newRow("several endpoints") << QStringLiteral("a:7000,b:7001,10.0.0.3:7002")
                                       << QStringLiteral("a|7000;b|7001;10.0.0.3|7002") << none << none << false
                                       << none << true;
    QTest::newRow("ipv6 with port") << QStringLiteral("[::1]:6390") << QStringLiteral("::1|6390") << none << none
                                    << false << none << true;
    QTest::newRow("ipv6 without port") << QStringLiteral("[fe80::1]") << QStringLiteral("fe80::1|6379") << none
                                       << none << false << none << true;
    QTest::newRow("keys are case-insensitive")
        << QStringLiteral("h:2,PASSWORD=p,USER=u,SSL=FALSE,ABORTCONNECT=false,SSLHOST=name.example")
        << QStringLiteral("h|2") << QStringLiteral("u") << QStringLiteral("p") << false
        << QStringLiteral("name.example") << false;
    QTest::newRow("spaces around parts")
        << QStringLiteral("  h:2 , password = p , ssl = True ,  ") << QStringLiteral("h|2") << none
        << QStringLiteral("p") << true << none << true;
    QTest::newRow("empty parts") << QStringLiteral(",,h:2,,ssl=False,,") << QStringLiteral("h|2") << none << none
                                 << false << none << true;
    QTest::newRow("options before the endpoint") << QStringLiteral("ssl=True,h:2") << QStringLiteral("h|2") << none
                                                 << none << true << none << true;
    QTest::newRow("last duplicate wins") << QStringLiteral("h,password=one,password=two")
                                         << QStringLiteral("h|6379") << none << QStringLiteral("two") << false
                                         << none << true;
    QTest::newRow("empty password") << QStringLiteral("h,password=") << QStringLiteral("h|6379") << none << none
                                    << false << none << true;
    QTest::newRow("acl user") << QStringLiteral("h:6380,user=app,password=s3cret,ssl=True")
                              << QStringLiteral("h|6380") << QStringLiteral("app") << QStringLiteral("s3cret") << true
                              << none << true;
    QTest::newRow("uri plain") << QStringLiteral("redis://localhost") << QStringLiteral("localhost|6379") << none
                               << none << false << none << true;
    QTest::newRow("uri user and password")
        << QStringLiteral("redis://app:p%40ss%3Aw%2Fd@cache.example:6390/3") << QStringLiteral("cache.example|6390")
        << QStringLiteral("app") << QStringLiteral("p@ss:w/d") << false << none << true;
    QTest::newRow("uri password only (redis-cli)") << QStringLiteral("redis://:secret@h") << QStringLiteral("h|6379")
                                                   << none << QStringLiteral("secret") << false << none << true;
    QTest::newRow("uri userinfo without ':' is the password")
        << QStringLiteral("redis://secret@h:1") << QStringLiteral("h|1") << none << QStringLiteral("secret") << false
        << none << true;
    QTest::newRow("rediss is tls") << QStringLiteral("rediss://h:6380") << QStringLiteral("h|6380") << none << none
                                   << true << none << true;
    QTest::newRow("scheme case-insensitive") << QStringLiteral("REDISS://h") << QStringLiteral("h|6379") << none
                                             << none << true << none << true;
    QTest::newRow("uri ipv6") << QStringLiteral("redis://[::1]:7000/0") << QStringLiteral("::1|7000") << none << none
                              << false << none << true;
    QTest::newRow("uri query options") << QStringLiteral("rediss://h/1?sslHost=peer.example&abortConnect=false")
                                       << QStringLiteral("h|6379") << none << none << true
                                       << QStringLiteral("peer.example") << false;
    QTest::newRow("uri password with '@' unencoded") << QStringLiteral("redis://u:a@b@h:5")
                                                     << QStringLiteral("h|5") << QStringLiteral("u")
                                                     << QStringLiteral("a@b") << false << none << true;
}

void TestRedisConnectionString::valid()
{
    QFETCH(QString, text);
    const RedisConnectionStringResult result = RedisConnectionString::parse(text);
    QVERIFY2(result.options.has_value(), qPrintable(result.error));
    QVERIFY(result.error.isEmpty());
    QCOMPARE(result.errorPosition, -1);
    QTEST(endpointsText(*result.options), "endpoints");
    QTEST(result.options->user, "user");
    QTEST(result.options->password, "password");
    QTEST(result.options->tls, "tls");
    QTEST(result.options->tlsHost, "tlsHost");
    QTEST(result.options->abortConnect, "abortConnect");
}

void TestRedisConnectionString::timeoutsAndDatabase_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<int>("connectTimeout");
    QTest::addColumn<int>("syncTimeout");
    QTest::addColumn<int>("database");
    QTest::addColumn<QString>("caFile");

    QTest::newRow("defaults") << QStringLiteral("h") << 5000 << 5000 << 0 << QString();
    QTest::newRow("all set") << QStringLiteral("h,connectTimeout=250,syncTimeout=1500,defaultDatabase=2")
                             << 250 << 1500 << 2 << QString();
    QTest::newRow("case-insensitive") << QStringLiteral("h,CONNECTTIMEOUT=1,synctimeout=600000,DefaultDatabase=15")
                                      << 1 << 600000 << 15 << QString();
    QTest::newRow("caFile") << QStringLiteral("h,ssl=True,caFile=/etc/ssl/private-ca.pem") << 5000 << 5000 << 0
                            << QStringLiteral("/etc/ssl/private-ca.pem");
    QTest::newRow("uri db") << QStringLiteral("redis://h/7") << 5000 << 5000 << 7 << QString();
    QTest::newRow("uri empty db") << QStringLiteral("redis://h/") << 5000 << 5000 << 0 << QString();
    QTest::newRow("uri query timeouts") << QStringLiteral("redis://h:1/4?connectTimeout=100&syncTimeout=200")
                                        << 100 << 200 << 4 << QString();
    QTest::newRow("uri caFile percent-encoded") << QStringLiteral("rediss://h?caFile=%2Ftmp%2Fmy%20ca.pem") << 5000
                                                << 5000 << 0 << QStringLiteral("/tmp/my ca.pem");
}

void TestRedisConnectionString::timeoutsAndDatabase()
{
    QFETCH(QString, text);
    const RedisConnectionStringResult result = RedisConnectionString::parse(text);
    QVERIFY2(result.options.has_value(), qPrintable(result.error));
    QTEST(result.options->connectTimeoutMs, "connectTimeout");
    QTEST(result.options->syncTimeoutMs, "syncTimeout");
    QTEST(result.options->database, "database");
    QTEST(result.options->caFile, "caFile");
}

void TestRedisConnectionString::warnings_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QStringList>("expected"); // substrings, one per warning

    QTest::newRow("none") << QStringLiteral("h,ssl=True") << QStringList();
    QTest::newRow("unknown key named")
        << QStringLiteral("h,fancyOption=1") << QStringList{QStringLiteral("unknown option fancyOption (at position 2)")};
    QTest::newRow("known StackExchange key not used")
        << QStringLiteral("h,allowAdmin=true,connectRetry=3")
        << QStringList{QStringLiteral("allowAdmin (at position 2) is not used"),
                       QStringLiteral("connectRetry (at position 18) is not used")};
    QTest::newRow("key that looks like a secret is not repeated")
        << QStringLiteral("h,abcDEF123+/xyz0987654321abcdEFGHijk=")
        << QStringList{QStringLiteral("an unknown option (at position 2)")};
    QTest::newRow("uri unknown query key") << QStringLiteral("redis://h?foo=bar")
                                           << QStringList{QStringLiteral("unknown option foo (at position 10)")};
}

void TestRedisConnectionString::warnings()
{
    QFETCH(QString, text);
    QFETCH(QStringList, expected);
    const RedisConnectionStringResult result = RedisConnectionString::parse(text);
    QVERIFY2(result.options.has_value(), qPrintable(result.error));
    QCOMPARE(result.warnings.size(), expected.size());
    for (qsizetype i = 0; i < expected.size(); ++i)
        QVERIFY2(result.warnings.at(i).contains(expected.at(i)), qPrintable(result.warnings.at(i)));
}

void TestRedisConnectionString::invalid_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("error"); // a substring of the message
    QTest::addColumn<int>("position");

    QTest::newRow("empty") << QString() << QStringLiteral("empty") << 0;
    QTest::newRow("blank") << QStringLiteral("   ") << QStringLiteral("empty") << 0;
    QTest::newRow("only commas") << QStringLiteral(",,,") << QStringLiteral("no endpoint") << 0;
    QTest::newRow("options without endpoint") << QStringLiteral("password=x,ssl=True")
                                              << QStringLiteral("no endpoint") << 0;
    QTest::newRow("ssl with port but no host") << QStringLiteral(":6380,ssl=True")
                                               << QStringLiteral("host is missing") << 0;
    QTest::newRow("port missing") << QStringLiteral("h:") << QStringLiteral("port is missing") << 2;
    QTest::newRow("port not a number") << QStringLiteral("h:63a0") << QStringLiteral("port must be") << 2;
    QTest::newRow("port zero") << QStringLiteral("a,h:0") << QStringLiteral("port must be") << 4;
    QTest::newRow("port too large") << QStringLiteral("h:65536") << QStringLiteral("port must be") << 2;
    QTest::newRow("port huge") << QStringLiteral("h:99999999999999999999") << QStringLiteral("port must be") << 2;
    QTest::newRow("negative port") << QStringLiteral("h:-1") << QStringLiteral("port must be") << 2;
    QTest::newRow("bad host character") << QStringLiteral("ok:1, ba d:2") << QStringLiteral("invalid character")
                                        << 8;
    QTest::newRow("unbracketed ipv6") << QStringLiteral("::1:6379") << QStringLiteral("brackets") << 0;
    QTest::newRow("unclosed bracket") << QStringLiteral("[::1:6379") << QStringLiteral("closing ']'") << 0;
    QTest::newRow("not ipv6 in brackets") << QStringLiteral("[nothost]:1") << QStringLiteral("invalid IPv6") << 1;
    QTest::newRow("junk after bracket") << QStringLiteral("[::1]x") << QStringLiteral("after ']'") << 5;
    QTest::newRow("ssl not a bool") << QStringLiteral("h,ssl=yes") << QStringLiteral("ssl must be True or False")
                                    << 6;
    QTest::newRow("ssl empty") << QStringLiteral("h,ssl=") << QStringLiteral("ssl must be True or False") << 6;
    QTest::newRow("abortConnect not a bool") << QStringLiteral("h,abortConnect=0")
                                             << QStringLiteral("abortConnect must be True or False") << 15;
    QTest::newRow("connectTimeout not a number") << QStringLiteral("h,connectTimeout=5s")
                                                 << QStringLiteral("connectTimeout must be a whole number") << 17;
    QTest::newRow("connectTimeout zero") << QStringLiteral("h,connectTimeout=0")
                                         << QStringLiteral("connectTimeout must be a whole number from 1") << 17;
    QTest::newRow("syncTimeout too large") << QStringLiteral("h,syncTimeout=600001")
                                           << QStringLiteral("syncTimeout must be a whole number from 1 to 600000")
                                           << 14;
    QTest::newRow("syncTimeout negative") << QStringLiteral("h,syncTimeout=-5") << QStringLiteral("syncTimeout")
                                          << 14;
    QTest::newRow("defaultDatabase negative") << QStringLiteral("h,defaultDatabase=-1")
                                              << QStringLiteral("defaultDatabase must be") << 18;
    QTest::newRow("defaultDatabase too large") << QStringLiteral("h,defaultDatabase=70000")
                                               << QStringLiteral("defaultDatabase must be") << 18;
    QTest::newRow("defaultDatabase overflow") << QStringLiteral("h,defaultDatabase=99999999999")
                                              << QStringLiteral("defaultDatabase must be") << 18;
    QTest::newRow("option without a name") << QStringLiteral("h,=value") << QStringLiteral("no name") << 2;
    QTest::newRow("sslHost not a host") << QStringLiteral("h,sslHost=a b") << QStringLiteral("sslHost") << 11;
    QTest::newRow("uri unknown scheme") << QStringLiteral("http://h:1") << QStringLiteral("unsupported URI scheme")
                                        << 0;
    QTest::newRow("uri without host") << QStringLiteral("redis://") << QStringLiteral("host is missing") << 8;
    QTest::newRow("uri without host but with user") << QStringLiteral("redis://u:p@:6379")
                                                    << QStringLiteral("host is missing") << 12;
    QTest::newRow("uri bad port") << QStringLiteral("redis://h:port") << QStringLiteral("port must be") << 10;
    QTest::newRow("uri bad db") << QStringLiteral("redis://h:1/x") << QStringLiteral("database must be") << 12;
    QTest::newRow("uri bad query value") << QStringLiteral("rediss://h?ssl=maybe")
                                         << QStringLiteral("ssl must be True or False") << 15;
    QTest::newRow("uri with leading spaces keeps positions") << QStringLiteral("  redis://h:0")
                                                             << QStringLiteral("port must be") << 12;
}

void TestRedisConnectionString::invalid()
{
    QFETCH(QString, text);
    QFETCH(QString, error);
    QFETCH(int, position);
    const RedisConnectionStringResult result = RedisConnectionString::parse(text);
    QVERIFY(!result.options.has_value());
    QVERIFY2(result.error.contains(error), qPrintable(result.error));
    QCOMPARE(result.errorPosition, position);
    QVERIFY2(!result.error.contains(QStringLiteral("position")), qPrintable(result.error)); // given apart
}

// Whatever is wrong, the password (or anything else that may be a key) never
// shows up in an error or a warning.
void TestRedisConnectionString::secretsNeverInMessages_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("secret");

    const QString key = QStringLiteral("Zm9vYmFyMTIzNDU2Nzg5MGFiY2RlZmdoaWprbG1ub3A=");
    QTest::newRow("bad ssl after password") << QStringLiteral("h:6380,password=%1,ssl=maybe").arg(key) << key;
    QTest::newRow("bad port after password") << QStringLiteral("password=%1,h:x").arg(key) << key;
    QTest::newRow("no endpoint") << QStringLiteral("password=%1").arg(key) << key;
    QTest::newRow("key pasted as endpoint") << QStringLiteral("h:1,%1").arg(key) << key;
    QTest::newRow("key pasted without '='")
        << QStringLiteral("h:1,%1,ssl=x").arg(QStringLiteral("Zm9vYmFyMTIzNDU2Nzg5MGFi+Y2RlZmdo/aWprbG1ub3A"))
        << QStringLiteral("Zm9vYmFyMTIzNDU2Nzg5MGFi+Y2RlZmdo/aWprbG1ub3A");
    QTest::newRow("key as host") << QStringLiteral("%1:1").arg(QStringLiteral("s3cr3tHostLikeKey/x")) << QStringLiteral("s3cr3tHostLikeKey");
    QTest::newRow("unknown option after password") << QStringLiteral("h,password=%1,pasword=%1").arg(key) << key;
    QTest::newRow("uri bad port") << QStringLiteral("redis://u:%1@h:bad").arg(QStringLiteral("pa55word")) << QStringLiteral("pa55word");
    QTest::newRow("uri bad db") << QStringLiteral("rediss://:%1@h/x").arg(QStringLiteral("pa55word")) << QStringLiteral("pa55word");
    QTest::newRow("uri unknown scheme") << QStringLiteral("redi://:%1@h").arg(QStringLiteral("pa55word")) << QStringLiteral("pa55word");
    QTest::newRow("valid azure string with warning")
        << QStringLiteral("h:6380,password=%1,ssl=True,unknownThing=%1").arg(key) << key;
}

void TestRedisConnectionString::secretsNeverInMessages()
{
    QFETCH(QString, text);
    QFETCH(QString, secret);
    const RedisConnectionStringResult result = RedisConnectionString::parse(text);
    QVERIFY(!result.error.isEmpty() || !result.warnings.isEmpty()); // each row says something
    QVERIFY2(!result.error.contains(secret), qPrintable(result.error));
    for (const QString &warning : result.warnings)
        QVERIFY2(!warning.contains(secret), qPrintable(warning));
    // Not even a recognisable piece of it.
    QVERIFY(!result.error.contains(secret.left(8)));
}

QTEST_GUILESS_MAIN(TestRedisConnectionString)
#include "tst_redisconnectionstring.moc"
