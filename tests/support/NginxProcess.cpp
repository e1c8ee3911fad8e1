#include "NginxProcess.h"

#include "FreePort.h"

#include <QDeadlineTimer>
#include <QFile>
#include <QStandardPaths>
#include <QTcpServer>
#include <QTcpSocket>

namespace sluice::test {

namespace {

QString nginxBinary()
{
    QString path = QStandardPaths::findExecutable(QStringLiteral("nginx"));
    if (path.isEmpty())
        path = QStandardPaths::findExecutable(QStringLiteral("nginx"),
                                              {QStringLiteral("/usr/sbin"), QStringLiteral("/sbin")});
    return path;
}

} // namespace

NginxProcess::NginxProcess() = default;

NginxProcess::~NginxProcess()
{
    stop();
}

bool NginxProcess::isAvailable()
{
    return !nginxBinary().isEmpty();
}

void NginxProcess::stop()
{
    if (m_process.state() == QProcess::NotRunning)
        return;
    m_process.terminate(); // SIGTERM to our own master process: fast shutdown with its workers
    if (!m_process.waitForFinished(10'000)) {
        m_process.kill();
        m_process.waitForFinished(5'000);
    }
}

bool NginxProcess::start(const QByteArray &serverBlocks)
{
    for (int attempt = 0; attempt < 3; ++attempt) {
        if (startOnce(serverBlocks))
            return true;
    }
    return false;
}

bool NginxProcess::startOnce(const QByteArray &serverBlocks)
{
    stop();
    if (!m_dir.isValid()) {
        m_error = QStringLiteral("cannot create a temporary directory");
        return false;
    }
    const QString binary = nginxBinary();
    if (binary.isEmpty()) {
        m_error = QStringLiteral("nginx not found");
        return false;
    }
    m_port = freeLoopbackPort();
    const QByteArray prefix = m_dir.path().toUtf8();
    QByteArray blocks = serverBlocks;
    blocks.replace("@PORT@", QByteArray::number(m_port));
    blocks.replace("@PREFIX@", prefix);

    QByteArray conf;
    conf += "worker_processes 1;\n";
    conf += "error_log " + prefix + "/error.log warn;\n";
    conf += "events { worker_connections 1024; }\n";
    conf += "http {\n";
    conf += "  access_log off;\n";
    for (const char *temp : {"client_body", "proxy", "fastcgi", "uwsgi", "scgi"})
        conf += QByteArray("  ") + temp + "_temp_path " + prefix + '/' + temp + "_temp;\n";
    conf += blocks;
    conf += "\n}\n";
    QFile file(m_dir.filePath(QStringLiteral("nginx.conf")));
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate) || file.write(conf) != conf.size()) {
        m_error = QStringLiteral("cannot write nginx.conf");
        return false;
    }
    file.close();

    m_process.setProcessChannelMode(QProcess::MergedChannels);
    m_process.start(binary,
                    {QStringLiteral("-c"), file.fileName(), QStringLiteral("-p"), m_dir.path(), QStringLiteral("-e"),
                     m_dir.filePath(QStringLiteral("error.log")), QStringLiteral("-g"),
                     QStringLiteral("daemon off; pid %1;").arg(m_dir.filePath(QStringLiteral("nginx.pid")))});
    if (!m_process.waitForStarted(10'000)) {
        m_error = QStringLiteral("nginx did not start: %1").arg(m_process.errorString());
        return false;
    }
    // Ready when the port accepts connections (or nginx exited: port taken, bad config).
    const QDeadlineTimer deadline(10'000);
    while (!deadline.hasExpired()) {
        if (m_process.state() == QProcess::NotRunning)
            break;
        QTcpSocket probe;
        probe.connectToHost(QHostAddress::LocalHost, m_port);
        if (probe.waitForConnected(200))
            return true;
        m_process.waitForFinished(50);
    }
    QFile log(m_dir.filePath(QStringLiteral("error.log")));
    log.open(QIODevice::ReadOnly);
    m_error = QStringLiteral("nginx is not serving: %1 %2")
                  .arg(QString::fromLocal8Bit(m_process.readAll()), QString::fromLocal8Bit(log.readAll()));
    stop();
    return false;
}

} // namespace sluice::test
