#include "GatewayProcess.h"

#include "FreePort.h"
#include "TestHttpClient.h"

#include <QDeadlineTimer>
#include <QFile>
#include <QJsonDocument>
#include <QTcpServer>

#include <csignal>

namespace sluice::test {

GatewayProcess::GatewayProcess(QString workspace, QString location, int threads)
    : m_workspace(std::move(workspace))
    , m_location(std::move(location))
    , m_threads(threads)
{
    m_process.setStandardOutputFile(QProcess::nullDevice());
    m_process.setStandardErrorFile(m_dir.filePath(QStringLiteral("gateway.log")), QIODevice::Append);
}

GatewayProcess::~GatewayProcess()
{
    stop();
}

QString GatewayProcess::binary()
{
    return QString::fromLocal8Bit(qgetenv("SLUICE_BIN_DIR")) + QStringLiteral("/sluice-gateway");
}

GatewayProcess::Run GatewayProcess::run(const QStringList &arguments, int timeoutMs,
                                        const QProcessEnvironment &environment)
{
    QProcess p;
    p.setProcessEnvironment(environment);
    p.start(binary(), arguments);
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

bool GatewayProcess::start()
{
    for (int attempt = 0; attempt < 3; ++attempt) {
        bool portTaken = false;
        if (startOnce(&portTaken))
            return true;
        if (!portTaken)
            return false;
    }
    return false;
}

bool GatewayProcess::startOnce(bool *portTaken)
{
    if (!m_dir.isValid()) {
        m_error = QStringLiteral("no temporary directory");
        return false;
    }
    m_port = freeLoopbackPort();
    m_adminPort = freeLoopbackPort();
    QStringList arguments {QStringLiteral("--workspace"), m_workspace,
                           QStringLiteral("--listen"),    QStringLiteral("127.0.0.1:%1").arg(m_port),
                           QStringLiteral("--admin"),     QStringLiteral("127.0.0.1:%1").arg(m_adminPort),
                           QStringLiteral("--threads"),   QString::number(m_threads)};
    if (!m_location.isEmpty())
        arguments << QStringLiteral("--location") << m_location;
    arguments += m_extraArguments;

    // Each start appends to the log; only this start's lines tell whether it listens.
    const qsizetype logStart = log().size();
    ++m_starts;
    m_process.start(binary(), arguments);
    if (!m_process.waitForStarted(10'000)) {
        m_error = QStringLiteral("%1 did not start: %2").arg(binary(), m_process.errorString());
        return false;
    }
    const QDeadlineTimer deadline(15'000);
    while (!deadline.hasExpired()) {
        const QByteArray lines = log().mid(logStart);
        if (lines.contains(" listening on "))
            return true;
        // Waits a little, returning at once when the process ends.
        if (m_process.waitForFinished(25) || m_process.state() == QProcess::NotRunning) {
            const QByteArray output = log().mid(logStart);
            *portTaken = m_process.exitCode() == 2 && output.contains("in use");
            m_error = QStringLiteral("sluice-gateway exited with %1: %2")
                          .arg(m_process.exitCode())
                          .arg(QString::fromUtf8(output));
            return false;
        }
    }
    m_error = QStringLiteral("sluice-gateway did not report listening within 15 s: %1")
                  .arg(QString::fromUtf8(log().mid(logStart)));
    m_process.kill();
    m_process.waitForFinished(5'000);
    return false;
}

bool GatewayProcess::stop()
{
    if (m_process.state() == QProcess::NotRunning)
        return m_starts > 0 && m_process.exitStatus() == QProcess::NormalExit && m_process.exitCode() == 0;
    ::kill(static_cast<pid_t>(m_process.processId()), SIGTERM);
    if (m_process.waitForFinished(10'000))
        return m_process.exitStatus() == QProcess::NormalExit && m_process.exitCode() == 0;
    m_process.kill();
    m_process.waitForFinished(5'000);
    return false;
}

QByteArray GatewayProcess::log() const
{
    QFile file(m_dir.filePath(QStringLiteral("gateway.log")));
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return file.readAll();
}

QJsonObject GatewayProcess::status() const
{
    const auto r = TestHttpClient::get(m_adminPort, "/status");
    if (!r || r->status != 200)
        return {};
    return QJsonDocument::fromJson(r->body).object();
}

QByteArray GatewayProcess::metrics() const
{
    const auto r = TestHttpClient::get(m_adminPort, "/metrics");
    if (!r || r->status != 200)
        return {};
    return r->body;
}

double GatewayProcess::metricValue(const QByteArray &metricsText, const QByteArray &family,
                                   const QList<std::pair<QByteArray, QByteArray>> &labels)
{
    double sum = 0;
    bool matched = false;
    for (const QByteArray &line : metricsText.split('\n')) {
        if (!line.startsWith(family + '{'))
            continue;
        const qsizetype close = line.lastIndexOf('}');
        if (close < 0)
            continue;
        const QByteArray labelText = line.mid(family.size() + 1, close - family.size() - 1);
        bool all = true;
        for (const auto &[name, value] : labels) {
            const QByteArray pair = name + "=\"" + value + '"';
            // Whole pairs only: preceded by '{' or ',', followed by ',' or the end.
            const qsizetype at = labelText.indexOf(pair);
            const bool starts = at == 0 || (at > 0 && labelText.at(at - 1) == ',');
            const qsizetype end = at + pair.size();
            const bool ends = end == labelText.size() || (end < labelText.size() && labelText.at(end) == ',');
            if (at < 0 || !starts || !ends) {
                all = false;
                break;
            }
        }
        if (!all)
            continue;
        bool ok = false;
        const double v = line.mid(close + 1).trimmed().toDouble(&ok);
        if (ok) {
            sum += v;
            matched = true;
        }
    }
    return matched ? sum : -1;
}

} // namespace sluice::test
