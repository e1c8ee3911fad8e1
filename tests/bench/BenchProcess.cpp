#include "BenchProcess.h"

#include <QCoreApplication>
#include <QDeadlineTimer>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QHostAddress>
#include <QProcess>
#include <QStandardPaths>
#include <QTcpServer>
#include <QTcpSocket>

#include <csignal>
#include <set>
#include <vector>
#ifdef Q_OS_LINUX
#include <sys/prctl.h>
#include <unistd.h>
#endif

namespace sluice::bench {

#ifdef Q_OS_LINUX
namespace {

// The fields of /proc/<pid>/stat that a CPU reading needs.
struct ProcStat
{
    qint64 parent = 0;
    quint64 ticks = 0; // utime + stime, in clock ticks
};

std::optional<ProcStat> readProcStat(qint64 pid)
{
    QFile file(QStringLiteral("/proc/%1/stat").arg(pid));
    if (!file.open(QIODevice::ReadOnly))
        return std::nullopt;
    const QByteArray line = file.readAll();
    // "pid (comm) state ppid ...": comm may hold spaces and parentheses, so
    // the fields are counted from the last ')'.
    const qsizetype close = line.lastIndexOf(')');
    if (close < 0)
        return std::nullopt;
    const QList<QByteArray> fields = line.mid(close + 2).split(' ');
    // After ')': [0] state, [1] ppid, ... [11] utime, [12] stime (stat fields 3, 4, 14, 15).
    if (fields.size() < 13)
        return std::nullopt;
    ProcStat stat;
    stat.parent = fields.at(1).toLongLong();
    stat.ticks = fields.at(11).toULongLong() + fields.at(12).toULongLong();
    return stat;
}

// The running descendants of `pid` (children, their children, ...), found by
// the parent field of every /proc/<n>/stat.
std::vector<qint64> descendantsOf(qint64 pid)
{
    std::vector<std::pair<qint64, qint64>> parentOf; // (pid, ppid)
    const QStringList entries = QDir(QStringLiteral("/proc")).entryList(QDir::Dirs | QDir::NoDotAndDotDot);
    for (const QString &entry : entries) {
        bool ok = false;
        const qint64 candidate = entry.toLongLong(&ok);
        if (!ok)
            continue;
        if (const std::optional<ProcStat> stat = readProcStat(candidate))
            parentOf.emplace_back(candidate, stat->parent);
    }
    std::vector<qint64> found;
    std::set<qint64> frontier{pid};
    while (!frontier.empty()) {
        std::set<qint64> next;
        for (const auto &[child, parent] : parentOf) {
            if (frontier.count(parent) != 0) {
                found.push_back(child);
                next.insert(child);
            }
        }
        frontier = std::move(next);
    }
    return found;
}

} // namespace
#endif

BenchProcess::BenchProcess(const QString &name, const QString &program, const QStringList &arguments,
                           const QString &logDir)
    : m_name(name)
    , m_program(program)
    , m_arguments(arguments)
    , m_logPath(QDir(logDir).filePath(name + QLatin1String(".log")))
{
}

BenchProcess::~BenchProcess() { stop(); }

QString BenchProcess::commandLine() const
{
    QStringList parts{m_program};
    for (const QString &a : m_arguments)
        parts.append(a.contains(QLatin1Char(' ')) ? QLatin1Char('\'') + a + QLatin1Char('\'') : a);
    return parts.join(QLatin1Char(' '));
}

bool BenchProcess::start(QString *error)
{
    if (m_process) {
        *error = QCoreApplication::translate("Bench", "%1 was already started.").arg(m_name);
        return false;
    }
    m_process = std::make_unique<QProcess>();
    m_process->setProgram(m_program);
    m_process->setArguments(m_arguments);
    m_process->setProcessChannelMode(QProcess::MergedChannels);
    m_process->setStandardOutputFile(m_logPath, QIODevice::Truncate);
    m_process->setStandardInputFile(QProcess::nullDevice());
#ifdef Q_OS_LINUX
    // If the benchmark dies, the child gets SIGTERM instead of living on.
    m_process->setChildProcessModifier([] { ::prctl(PR_SET_PDEATHSIG, SIGTERM); });
#endif
    m_process->start();
    if (!m_process->waitForStarted(5000)) {
        *error = QCoreApplication::translate("Bench", "%1 could not be started (%2): %3")
                     .arg(m_name, commandLine(), m_process->errorString());
        return false;
    }
    return true;
}

bool BenchProcess::waitForPort(quint16 port, int timeoutMs, QString *error)
{
    const QDeadlineTimer deadline(timeoutMs);
    while (!deadline.hasExpired()) {
        if (!isRunning()) {
            *error = QCoreApplication::translate("Bench", "%1 %2 before it accepted connections on 127.0.0.1:%3.")
                         .arg(m_name, exitDescription())
                         .arg(port);
            return false;
        }
        QTcpSocket socket;
        socket.connectToHost(QHostAddress(QHostAddress::LocalHost), port);
        if (socket.waitForConnected(250)) {
            socket.disconnectFromHost();
            return true;
        }
        // Doubles as the pause between attempts and notices an early exit.
        if (m_process)
            m_process->waitForFinished(50);
    }
    *error = QCoreApplication::translate("Bench", "%1 did not accept connections on 127.0.0.1:%2 within %3 ms.")
                 .arg(m_name)
                 .arg(port)
                 .arg(timeoutMs);
    return false;
}

bool BenchProcess::runToCompletion(int timeoutMs, QString *error)
{
    if (!start(error))
        return false;
    if (!m_process->waitForFinished(timeoutMs)) {
        stop(1000);
        *error = QCoreApplication::translate("Bench", "%1 did not finish within %2 ms and was stopped.")
                     .arg(m_name)
                     .arg(timeoutMs);
        return false;
    }
    if (m_process->exitStatus() != QProcess::NormalExit || m_process->exitCode() != 0) {
        *error = QCoreApplication::translate("Bench", "%1 %2.").arg(m_name, exitDescription());
        return false;
    }
    return true;
}

bool BenchProcess::isRunning() const { return m_process && m_process->state() != QProcess::NotRunning; }

int BenchProcess::exitCode() const { return m_process ? m_process->exitCode() : -1; }

void BenchProcess::stop(int graceMs)
{
    if (!m_process || m_process->state() == QProcess::NotRunning)
        return;
    m_process->terminate();
    if (!m_process->waitForFinished(graceMs)) {
        m_process->kill();
        m_process->waitForFinished(2000);
    }
}

qint64 BenchProcess::processId() const { return isRunning() ? m_process->processId() : 0; }

std::optional<double> BenchProcess::cpuSeconds(bool withDescendants) const
{
    const qint64 pid = processId();
    if (pid <= 0)
        return std::nullopt;
    return cpuSecondsOf(pid, withDescendants);
}

std::optional<double> BenchProcess::cpuSecondsOf(qint64 pid, bool withDescendants)
{
#ifdef Q_OS_LINUX
    const long ticksPerSecond = ::sysconf(_SC_CLK_TCK);
    const std::optional<ProcStat> own = readProcStat(pid);
    if (!own || ticksPerSecond <= 0)
        return std::nullopt;
    quint64 ticks = own->ticks;
    if (withDescendants) {
        for (const qint64 child : descendantsOf(pid)) {
            if (const std::optional<ProcStat> stat = readProcStat(child))
                ticks += stat->ticks;
        }
    }
    return static_cast<double>(ticks) / static_cast<double>(ticksPerSecond);
#else
    Q_UNUSED(pid);
    Q_UNUSED(withDescendants);
    return std::nullopt;
#endif
}

QString BenchProcess::log() const
{
    QFile file(m_logPath);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return QString::fromUtf8(file.readAll());
}

QString BenchProcess::logTail(int lines) const
{
    QStringList all = log().split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    if (all.size() > lines)
        all = all.mid(all.size() - lines);
    return all.join(QLatin1Char('\n'));
}

QString BenchProcess::exitDescription() const
{
    if (!m_process)
        return QCoreApplication::translate("Bench", "was not started");
    if (m_process->exitStatus() == QProcess::CrashExit)
        return QCoreApplication::translate("Bench", "crashed or was killed");
    return QCoreApplication::translate("Bench", "exited with code %1").arg(m_process->exitCode());
}

quint16 BenchProcess::freeLoopbackPort()
{
    QTcpServer server;
    if (!server.listen(QHostAddress(QHostAddress::LocalHost), 0))
        return 0;
    const quint16 port = server.serverPort();
    server.close();
    return port;
}

QString BenchProcess::findProgram(const QString &name, const QStringList &dirs)
{
    if (name.contains(QLatin1Char('/'))) {
        const QFileInfo info(name);
        return info.isFile() && info.isExecutable() ? info.absoluteFilePath() : QString();
    }
    for (const QString &dir : dirs) {
        const QFileInfo info(QDir(dir).filePath(name));
        if (info.isFile() && info.isExecutable())
            return info.absoluteFilePath();
    }
    return QStandardPaths::findExecutable(name);
}

} // namespace sluice::bench
