// APIM's AsJwt()/TryParseJwt() and AsBasic()/TryParseBasic().
#include "expr/runtime/BasicAuthCredentials.h"
#include "expr/runtime/JwtToken.h"

#include <QtTest>

using namespace sluice::dotnet;

namespace {

const QString kJwtIo = QStringLiteral(
    "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIxMjM0NTY3ODkwIiwibmFtZSI6IkpvaG4gRG9lIiwiaWF0IjoxNTE2MjM5MDIyfQ."
    "SflKxwRJSMeKKF2QT4fwpMeJf36POk6yJV_adQssw5c");
const QString kRich = QStringLiteral(
    "eyJhbGciOiJSUzI1NiIsInR5cCI6IkpXVCIsImtpZCI6ImsxIn0.eyJpc3MiOiJodHRwczovL2xvZ2luLmV4YW1wbGUvIiwic3ViIjoidXNlci0x"
    "IiwiYXVkIjpbImFwaTovL2EiLCJhcGk6Ly9iIl0sImV4cCI6MTcwOTY0NzYyOSwibmJmIjoxNzA5NjQwMDAwLCJpYXQiOjE3MDk2NDAwMDAuNSwi"
    "anRpIjoiaWQtNyIsInJvbGVzIjpbImFkbWluIiwicmVhZGVyIl0sIm4iOjEuNSwib2siOnRydWUsIm9iaiI6eyJ4IjoxfSwibmFtZSI6Ikpvc1x1"
    "MDBlOSJ9.sig");
const QString kUnsigned = QStringLiteral("eyJhbGciOiJub25lIn0.eyJhdWQiOiJzaW5nbGUifQ.");

} // namespace

class TestDotNetJwt : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void jwtIoSample();
    void richToken();
    void unsignedToken();
    void invalid_data();
    void invalid();
    void basic_data();
    void basic();
};

void TestDotNetJwt::jwtIoSample()
{
    const auto jwt = JwtToken::parse(kJwtIo);
    QVERIFY(jwt);
    QCOMPARE(jwt->subject(), QStringLiteral("1234567890"));
    QCOMPARE(jwt->algorithm(), QStringLiteral("HS256"));
    QCOMPARE(jwt->type(), QStringLiteral("JWT"));
    QCOMPARE(jwt->claim(QStringLiteral("name")), QStringList {QStringLiteral("John Doe")});
    QCOMPARE(*jwt->issuedAt()->toString(QStringLiteral("o")), QStringLiteral("2018-01-18T01:30:22.0000000Z"));
    QVERIFY(!jwt->expirationTime());
    QCOMPARE(jwt->issuer(), QString());
    QVERIFY(jwt->issuer().isNull()); // null in C#
    QVERIFY(jwt->audiences().isEmpty());
    // The APIM sample: "Bearer <token>".Split(' ')[1].AsJwt()?.Subject
    QCOMPARE(JwtToken::parse(QStringLiteral("Bearer ") + kJwtIo), std::nullopt);
}

void TestDotNetJwt::richToken()
{
    JwtToken jwt;
    QVERIFY(JwtToken::tryParse(kRich, &jwt));
    QCOMPARE(jwt.issuer(), QStringLiteral("https://login.example/"));
    QCOMPARE(jwt.subject(), QStringLiteral("user-1"));
    QCOMPARE(jwt.id(), QStringLiteral("id-7"));
    QCOMPARE(jwt.audiences(), (QStringList {QStringLiteral("api://a"), QStringLiteral("api://b")}));
    QCOMPARE(jwt.expirationTime()->toString(), QStringLiteral("03/05/2024 14:07:09"));
    QCOMPARE(jwt.notBefore()->toString(), QStringLiteral("03/05/2024 12:00:00"));
    QCOMPARE(jwt.issuedAt()->toString(), QStringLiteral("03/05/2024 12:00:00"));
    QCOMPARE(jwt.claim(QStringLiteral("roles")), (QStringList {QStringLiteral("admin"), QStringLiteral("reader")}));
    QCOMPARE(jwt.claim(QStringLiteral("n")), QStringList {QStringLiteral("1.5")});
    QCOMPARE(jwt.claim(QStringLiteral("ok")), QStringList {QStringLiteral("true")});
    QCOMPARE(jwt.claim(QStringLiteral("obj")), QStringList {QStringLiteral("{\"x\":1}")});
    QCOMPARE(jwt.claim(QStringLiteral("name")), QStringList {QStringLiteral("Jos\u00e9")});
    QCOMPARE(jwt.claim(QStringLiteral("missing")), QStringList());
    QVERIFY(jwt.hasClaim(QStringLiteral("roles")));
    QStringList names;
    for (const auto &c : jwt.claims())
        names.append(c.first);
    QCOMPARE(names.join(QLatin1Char(',')), QStringLiteral("iss,sub,aud,exp,nbf,iat,jti,roles,n,ok,obj,name"));
    QCOMPARE(jwt.header()->value(QStringLiteral("kid"))->stringValue(), QStringLiteral("k1"));
}

void TestDotNetJwt::unsignedToken()
{
    const auto jwt = JwtToken::parse(kUnsigned);
    QVERIFY(jwt);
    QCOMPARE(jwt->algorithm(), QStringLiteral("none"));
    QCOMPARE(jwt->audiences(), QStringList {QStringLiteral("single")});
}

void TestDotNetJwt::invalid_data()
{
    QTest::addColumn<QString>("token");
    QTest::newRow("empty") << QString();
    QTest::newRow("two parts") << QStringLiteral("eyJhbGciOiJub25lIn0.eyJhdWQiOiJzaW5nbGUifQ");
    QTest::newRow("four parts") << kUnsigned + QStringLiteral(".x");
    QTest::newRow("not base64") << QStringLiteral("e*J.eyJhdWQiOiJzaW5nbGUifQ.");
    QTest::newRow("not json") << QStringLiteral("YWJj.eyJhdWQiOiJzaW5nbGUifQ.");
    QTest::newRow("array payload") << QStringLiteral("eyJhbGciOiJub25lIn0.WzFd.");
    QTest::newRow("basic header") << QStringLiteral("Basic dXNlcjpwYXNz");
}

void TestDotNetJwt::invalid()
{
    QFETCH(QString, token);
    QVERIFY(!JwtToken::parse(token));
    JwtToken out;
    QVERIFY(!JwtToken::tryParse(token, &out));
}

void TestDotNetJwt::basic_data()
{
    QTest::addColumn<QString>("header");
    QTest::addColumn<bool>("valid");
    QTest::addColumn<QString>("username");
    QTest::addColumn<QString>("password");
    QTest::newRow("plain") << QStringLiteral("Basic dXNlcjpwYXNz") << true << QStringLiteral("user")
                           << QStringLiteral("pass");
    QTest::newRow("scheme case, utf-8, colon in password") << QStringLiteral("  basic dXPDqXI6cGE6c3M= ") << true
                                                           << QStringLiteral("us\u00e9r") << QStringLiteral("pa:ss");
    QTest::newRow("empty password") << QStringLiteral("Basic dXNlcjo=") << true << QStringLiteral("user") << QString();
    QTest::newRow("no colon") << QStringLiteral("Basic dXNlcg==") << false << QString() << QString();
    QTest::newRow("bearer") << QStringLiteral("Bearer dXNlcjpwYXNz") << false << QString() << QString();
    QTest::newRow("bad base64") << QStringLiteral("Basic ***") << false << QString() << QString();
    QTest::newRow("no scheme") << QStringLiteral("dXNlcjpwYXNz") << false << QString() << QString();
}

void TestDotNetJwt::basic()
{
    QFETCH(QString, header);
    QFETCH(bool, valid);
    const auto credentials = BasicAuthCredentials::parse(header);
    QCOMPARE(credentials.has_value(), valid);
    BasicAuthCredentials out;
    QCOMPARE(BasicAuthCredentials::tryParse(header, &out), valid);
    if (valid) {
        QTEST(credentials->username(), "username");
        QTEST(credentials->password(), "password");
    }
}

QTEST_GUILESS_MAIN(TestDotNetJwt)
#include "tst_dotnet_jwt.moc"
