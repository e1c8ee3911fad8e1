// sluice-gateway as a process: --check, exit codes, signals, the admin listener.
#include "OriginServer.h"
#include "TestHttpClient.h"
#include "TestWorkspace.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTcpServer>
#include <QTest>

#include <csignal>

using namespace sluice;

namespace {

QString gatewayBinary()
{
    return QString::fromLocal8Bit(qgetenv("SLUICE_BIN_DIR")) + QStringLiteral("/sluice-gateway");
}

quint16 freePort()
{
    QTcpServer probe;
    probe.listen(QHostAddress::LocalHost, 0);
    return probe.serverPort();
}

struct Run
{
    int exitCode = -1;
    QByteArray out;
    QByteArray err;
};

Run runGateway(const QStringList &arguments, int timeoutMs = 30'000)
{
    QProcess p;
    p.start(gatewayBinary(), arguments);
    Run r;
    if (!p.waitForFinished(timeoutMs)) {
        p.kill();
        p.waitForFinished();
        return r;
    }
    r.exitCode = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
    r.out = p.readAllStandardOutput();
    r.err = p.readAllStandardError();
    return r;
}

// Waits (running the event loop) until the gateway's stderr says it listens.
bool waitForListening(QProcess &p, QByteArray *log)
{
    if (!p.waitForStarted(10'000))
        return false;
    p.setReadChannel(QProcess::StandardError);
    for (int i = 0; i < 200; ++i) {
        if (p.state() != QProcess::Running)
            return false;
        p.waitForReadyRead(50);
        *log += p.readAllStandardError();
        if (log->contains(" listening on "))
            return true;
    }
    return false;
}

} // namespace

class TestGatewayProcess : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { QVERIFY2(QFileInfo::exists(gatewayBinary()), qPrintable(gatewayBinary())); }

    void version()
    {
        const Run r = runGateway({QStringLiteral("--version")});
        QCOMPARE(r.exitCode, 0);
        QVERIFY(r.out.startsWith("sluice-gateway "));
    }

    void checkSampleWorkspaceIsClean()
    {
        const Run r = runGateway({QStringLiteral("--workspace"),
                                  QStringLiteral(SLUICE_SOURCE_DIR "/resources/sample-workspace"),
                                  QStringLiteral("--check")});
        QCOMPARE(r.exitCode, 0);
        QVERIFY2(!r.err.contains("error:"), r.err.constData());
    }

    void checkReportsFileLineColumn()
    {
        const QString dir = QFINDTESTDATA("data/bad-element");
        QVERIFY(!dir.isEmpty());
        const Run r = runGateway({QStringLiteral("--workspace"), dir, QStringLiteral("--check")});
        QCOMPARE(r.exitCode, 1);
        const QByteArray file = QDir(dir).filePath(QStringLiteral("policies/apis/echo.xml")).toUtf8();
        QVERIFY2(r.err.contains(file + ":4:9: error: unknown policy element 'set-colour'"), r.err.constData());
        QVERIFY2(r.err.contains(file + ":9:9: error: "), r.err.constData());
        QVERIFY2(r.err.contains("cache-lookup"), r.err.constData());
    }

    void checkReportsExpressionErrorsInThePolicyFile()
    {
        const QString dir = QFINDTESTDATA("data/bad-expression");
        QVERIFY(!dir.isEmpty());
        const Run r = runGateway({QStringLiteral("--workspace"), dir, QStringLiteral("--check")});
        QCOMPARE(r.exitCode, 1);
        const QByteArray file = QDir(dir).filePath(QStringLiteral("policies/apis/echo.xml")).toUtf8();
        // "Hedaers" starts at column 38 of line 5.
        QVERIFY2(r.err.contains(file + ":5:38: error: "), r.err.constData());
        QVERIFY2(r.err.contains("Hedaers"), r.err.constData());
    }

    void badCommandLineAndUnreadableWorkspaceExit2_data()
    {
        QTest::addColumn<QStringList>("arguments");
        QTest::addColumn<QByteArray>("message");
        QTest::newRow("no workspace") << QStringList{} << QByteArray("--workspace DIR is required");
        QTest::newRow("missing folder") << QStringList{QStringLiteral("--workspace"), QStringLiteral("/nonexistent/ws")}
                                        << QByteArray("cannot read workspace '/nonexistent/ws'");
        QTest::newRow("bad listen") << QStringList{QStringLiteral("--workspace"), QStringLiteral("."),
                                                   QStringLiteral("--listen"), QStringLiteral("nowhere")}
                                    << QByteArray("--listen: 'nowhere' is not HOST:PORT");
        QTest::newRow("bad threads") << QStringList{QStringLiteral("--workspace"), QStringLiteral("."),
                                                    QStringLiteral("--threads"), QStringLiteral("many")}
                                     << QByteArray("--threads must be a number");
    }

    void badCommandLineAndUnreadableWorkspaceExit2()
    {
        QFETCH(QStringList, arguments);
        QFETCH(QByteArray, message);
        const Run r = runGateway(arguments);
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains(message), r.err.constData());
        QCOMPARE(r.err.count('\n'), 1); // one clear line
    }

    void portInUseExits2()
    {
        QTcpServer occupant;
        QVERIFY(occupant.listen(QHostAddress::LocalHost, 0));
        const QString listen = QStringLiteral("127.0.0.1:%1").arg(occupant.serverPort());
        const Run r = runGateway({QStringLiteral("--workspace"),
                                  QStringLiteral(SLUICE_SOURCE_DIR "/resources/sample-workspace"),
                                  QStringLiteral("--listen"), listen, QStringLiteral("--admin"), QStringLiteral("off")});
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains(listen.toUtf8()), r.err.constData());
        QVERIFY2(r.err.contains("address already in use") || r.err.contains("in use"), r.err.constData());
    }

    void servesAdminAndStopsGracefullyOnSigterm()
    {
        OriginServer origin;
        QVERIFY(origin.listen());
        TestWorkspace workspace;
        QVERIFY(workspace.copyFrom(QStringLiteral(SLUICE_SOURCE_DIR "/resources/sample-workspace"),
                                   {{"http://127.0.0.1:8090", origin.url().toString().toUtf8()}}));
        const quint16 port = freePort();
        const quint16 adminPort = freePort();
        QProcess gateway;
        gateway.start(gatewayBinary(), {QStringLiteral("--workspace"), workspace.path(), QStringLiteral("--listen"),
                                        QStringLiteral("127.0.0.1:%1").arg(port), QStringLiteral("--admin"),
                                        QStringLiteral("127.0.0.1:%1").arg(adminPort), QStringLiteral("--threads"),
                                        QStringLiteral("2")});
        QByteArray log;
        QVERIFY2(waitForListening(gateway, &log), log.constData());

        const auto status = TestHttpClient::get(adminPort, "/status");
        QVERIFY(status);
        QCOMPARE(status->status, 200);
        const QJsonObject o = QJsonDocument::fromJson(status->body).object();
        QCOMPARE(o.value(QStringLiteral("location")).toString(), QStringLiteral("Default"));
        QCOMPARE(o.value(QStringLiteral("workspace")).toObject().value(QStringLiteral("name")).toString(),
                 QStringLiteral("Sluice sample"));
        const auto hello = TestHttpClient::get(port, "/mock/hello");
        QVERIFY(hello);
        QCOMPARE(hello->status, 200);
        const auto metrics = TestHttpClient::get(adminPort, "/metrics");
        QVERIFY(metrics);
        QCOMPARE(metrics->headers.value("Content-Type"), QByteArray("text/plain; version=0.0.4; charset=utf-8"));
        QVERIFY(metrics->body.contains("# TYPE sluice_requests_total counter"));
        QVERIFY(metrics->body.contains("sluice_requests_total{api=\"mock\",operation=\"hello\",status_class=\"2xx\"} 1"));

        // A request in flight when SIGTERM arrives still gets its answer.
        TestHttpClient client(port);
        QVERIFY(client.send("GET /echo/delay/500 HTTP/1.1\r\nHost: t\r\n\r\n"));
        QTRY_COMPARE(origin.requestCount(), 1);
        ::kill(static_cast<pid_t>(gateway.processId()), SIGTERM);
        const auto r = client.read();
        QVERIFY(r);
        QCOMPARE(r->status, 200);
        QVERIFY(gateway.waitForFinished(10'000));
        QCOMPARE(gateway.exitStatus(), QProcess::NormalExit);
        QCOMPARE(gateway.exitCode(), 0);
        log += gateway.readAllStandardError();
        QVERIFY2(log.contains("info GET /echo/delay/500 200"), log.constData());
    }

    void secretsNeverReachTheLog()
    {
        OriginServer origin;
        QVERIFY(origin.listen());
        TestWorkspace workspace;
        QVERIFY(workspace.copyFrom(QStringLiteral(SLUICE_SOURCE_DIR "/resources/sample-workspace"),
                                   {{"http://127.0.0.1:8090", origin.url().toString().toUtf8()}}));
        const quint16 port = freePort();
        QProcess gateway;
        gateway.start(gatewayBinary(), {QStringLiteral("--workspace"), workspace.path(), QStringLiteral("--listen"),
                                        QStringLiteral("127.0.0.1:%1").arg(port), QStringLiteral("--admin"),
                                        QStringLiteral("off")});
        QByteArray log;
        QVERIFY2(waitForListening(gateway, &log), log.constData());
        const auto r = TestHttpClient::get(port, "/echo/items/1?subscription-key=sample-all-access-primary-0001");
        QVERIFY(r);
        QCOMPARE(r->status, 200);
        ::kill(static_cast<pid_t>(gateway.processId()), SIGTERM);
        QVERIFY(gateway.waitForFinished(10'000));
        log += gateway.readAllStandardError();
        QVERIFY(log.contains("info GET /echo/items/1 200"));
        QVERIFY(!log.contains("sample-all-access-primary-0001"));
    }
};

QTEST_GUILESS_MAIN(TestGatewayProcess)
#include "tst_gateway_process.moc"
