#include "UpstreamTestSupport.h"
#include "FaultServer.h"
#include "NginxProcess.h"
#include "TlsFixture.h"
#include "http/PooledUpstreamClient.h"

#include <QTest>

#include <optional>

using namespace sluice;
using sluice::test::exchange;
using sluice::test::headerLines;
using sluice::test::upstreamRequest;
using sluice::test::FaultServer;
using sluice::test::NginxProcess;
using sluice::test::TlsFixture;

Q_DECLARE_METATYPE(UpstreamResult::Error)

class TestUpstreamTls : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void tls_data();
    void tls();
    void keepAliveAgainstNginx();
    void sniAgainstNginx_data();
    void sniAgainstNginx();

private:
    TlsFixture m_tls;
    TlsFixture m_otherTls; // another CA and a certificate for another name
};

void TestUpstreamTls::initTestCase()
{
    QVERIFY2(m_tls.generate({QStringLiteral("DNS:localhost")}), qPrintable(m_tls.errorText()));
    QVERIFY2(m_otherTls.generate({QStringLiteral("DNS:other.invalid")}), qPrintable(m_otherTls.errorText()));
    QVERIFY2(NginxProcess::isAvailable(), "nginx is a test dependency (Debian package nginx)");
}

void TestUpstreamTls::tls_data()
{
    QTest::addColumn<bool>("withCaFile");
    QTest::addColumn<QString>("host");
    QTest::addColumn<UpstreamResult::Error>("expected");
    QTest::addColumn<QString>("expectedText");

    QTest::newRow("verified with CA file")
        << true << QStringLiteral("localhost") << UpstreamResult::Error::None << QString();
    QTest::newRow("unknown CA") << false << QStringLiteral("localhost") << UpstreamResult::Error::Tls
                                << QStringLiteral("certificate");
    QTest::newRow("host name mismatch") << true << QStringLiteral("127.0.0.1") << UpstreamResult::Error::Tls
                                        << QStringLiteral("host name");
}

void TestUpstreamTls::tls()
{
    QFETCH(bool, withCaFile);
    QFETCH(QString, host);
    QFETCH(UpstreamResult::Error, expected);
    QFETCH(QString, expectedText);

    FaultServer server;
    QVERIFY(server.setTls(m_tls.serverCertificateFile(), m_tls.serverKeyFile()));
    QVERIFY(server.start());
    UpstreamClientOptions options;
    if (withCaFile)
        options.caFile = m_tls.caCertificateFile();
    PooledUpstreamClient client(options);
    QUrl url = server.url(QStringLiteral("/secure"));
    url.setHost(host);
    QCOMPARE(url.scheme(), QStringLiteral("https"));
    for (int round = 0; round < 2; ++round) {
        const auto result = exchange(client, upstreamRequest(url, "POST", "over tls"));
        QVERIFY(result);
        QVERIFY(client.caFileError().isEmpty());
        QCOMPARE(result->error, expected);
        if (expected == UpstreamResult::Error::None) {
            QCOMPARE(result->response.body, QByteArray("POST /secure\nover tls"));
            QCOMPARE(server.lastRequest().headers.value("Host"), "localhost:" + QByteArray::number(server.port()));
        } else {
            QVERIFY2(result->errorText.contains(expectedText, Qt::CaseInsensitive), qPrintable(result->errorText));
        }
    }
    QCOMPARE(server.connectionsAccepted(), expected == UpstreamResult::Error::None ? 1 : 2);
}

void TestUpstreamTls::keepAliveAgainstNginx()
{
    NginxProcess nginx;
    QVERIFY2(nginx.start("server { listen 127.0.0.1:@PORT@; keepalive_requests 1000;\n"
                         "  location / { return 200 \"$connection $connection_requests $request_method\"; } }"),
             qPrintable(nginx.errorText()));
    PooledUpstreamClient client;
    QUrl url(QStringLiteral("http://127.0.0.1/"));
    url.setPort(nginx.port());
    QByteArray connectionId;
    for (int i = 1; i <= 20; ++i) {
        const auto result = exchange(client, upstreamRequest(url, i % 2 ? "GET" : "POST", "body"));
        QVERIFY(result);
        QVERIFY2(result->ok(), qPrintable(result->errorText));
        const QList<QByteArray> parts = result->response.body.split(' ');
        QCOMPARE(parts.size(), 3);
        if (connectionId.isEmpty())
            connectionId = parts.at(0);
        QCOMPARE(parts.at(0), connectionId); // one TCP connection
        QCOMPARE(parts.at(1), QByteArray::number(i));
        QCOMPARE(parts.at(2), QByteArray(i % 2 ? "GET" : "POST"));
    }
    const auto head = exchange(client, upstreamRequest(url, "HEAD"));
    QVERIFY(head && head->ok());
    QVERIFY(head->response.body.isEmpty());
    const auto after = exchange(client, upstreamRequest(url));
    QVERIFY(after && after->ok());
    QVERIFY(after->response.body.startsWith(connectionId + " 22 "));
    QCOMPARE(client.connectionsOpened(), quint64(1));
}

void TestUpstreamTls::sniAgainstNginx_data()
{
    QTest::addColumn<QString>("host");
    QTest::addColumn<UpstreamResult::Error>("expected");

    // nginx picks the certificate by SNI: without it (or with another name)
    // the default server presents a certificate from an untrusted CA.
    QTest::newRow("SNI selects the certificate") << QStringLiteral("localhost") << UpstreamResult::Error::None;
    QTest::newRow("no SNI for an IP") << QStringLiteral("127.0.0.1") << UpstreamResult::Error::Tls;
}

void TestUpstreamTls::sniAgainstNginx()
{
    QFETCH(QString, host);
    QFETCH(UpstreamResult::Error, expected);

    NginxProcess nginx;
    const QByteArray blocks = "server { listen 127.0.0.1:@PORT@ ssl default_server; server_name _;\n"
                              "  ssl_certificate "
        + m_otherTls.serverCertificateFile().toUtf8()
        + ";\n"
          "  ssl_certificate_key "
        + m_otherTls.serverKeyFile().toUtf8()
        + ";\n"
          "  return 200 \"default\"; }\n"
          "server { listen 127.0.0.1:@PORT@ ssl; server_name localhost;\n"
          "  ssl_certificate "
        + m_tls.serverCertificateFile().toUtf8()
        + ";\n"
          "  ssl_certificate_key "
        + m_tls.serverKeyFile().toUtf8()
        + ";\n"
          "  location / { return 200 \"sni=$ssl_server_name host=$http_host\"; } }\n";
    QVERIFY2(nginx.start(blocks), qPrintable(nginx.errorText()));
    UpstreamClientOptions options;
    options.caFile = m_tls.caCertificateFile();
    PooledUpstreamClient client(options);
    QUrl url(QStringLiteral("https://x/"));
    url.setHost(host);
    url.setPort(nginx.port());
    const auto result = exchange(client, upstreamRequest(url));
    QVERIFY(result);
    QCOMPARE(result->error, expected);
    if (expected == UpstreamResult::Error::None)
        QCOMPARE(result->response.body, "sni=localhost host=localhost:" + QByteArray::number(nginx.port()));
    else
        QVERIFY(!result->errorText.isEmpty());
}

QTEST_GUILESS_MAIN(TestUpstreamTls)
#include "tst_upstreamtls.moc"
