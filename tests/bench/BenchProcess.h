#pragma once

#include <QString>
#include <QStringList>

#include <memory>
#include <optional>

class QProcess;

namespace sluice::bench {

// One server or tool that a benchmark starts: a QProcess with its output in a
// log file, a readiness check (accepts TCP connections on a loopback port) and
// a stop that always happens (terminate, then kill) — also from the destructor,
// so an early return never leaves a process behind. On Linux the child also
// gets SIGTERM if the benchmark itself dies (PR_SET_PDEATHSIG).
class BenchProcess
{
public:
    // `name` labels messages and the log file <logDir>/<name>.log.
    BenchProcess(const QString &name, const QString &program, const QStringList &arguments,
                 const QString &logDir);
    ~BenchProcess();
    BenchProcess(const BenchProcess &) = delete;
    BenchProcess &operator=(const BenchProcess &) = delete;

    const QString &name() const { return m_name; }
    QString commandLine() const;
    QString logPath() const { return m_logPath; }

    // Starts the program; false and *error when it cannot be started.
    bool start(QString *error);
    // Waits until 127.0.0.1:port accepts a connection. Fails early, with the
    // exit status, when the process ends first.
    bool waitForPort(quint16 port, int timeoutMs, QString *error);
    // Runs to completion (for tools such as wrk): false when it did not finish
    // within timeoutMs (it is then killed) or could not start.
    bool runToCompletion(int timeoutMs, QString *error);
    bool isRunning() const;
    int exitCode() const;
    // Terminate, wait up to graceMs, then kill. Safe to call more than once.
    void stop(int graceMs = 3000);

    // The operating system's id of the running process; 0 when it does not run.
    qint64 processId() const;
    // CPU time (user + system, all threads) the process has used so far, in
    // seconds; with `withDescendants` also that of its running descendants
    // (nginx's worker processes). std::nullopt when it cannot be read (not
    // Linux, not running).
    std::optional<double> cpuSeconds(bool withDescendants = true) const;
    static std::optional<double> cpuSecondsOf(qint64 pid, bool withDescendants);

    // The whole log, and its last lines (for failure reports).
    QString log() const;
    QString logTail(int lines = 12) const;

    // A loopback port that was free a moment ago (bind port 0, read, close).
    static quint16 freeLoopbackPort();
    // `name` if it is a path to an executable, else the first executable
    // <dir>/<name> of `dirs`, else the one on PATH; empty if none.
    static QString findProgram(const QString &name, const QStringList &dirs = {});

private:
    QString exitDescription() const;

    QString m_name;
    QString m_program;
    QStringList m_arguments;
    QString m_logPath;
    std::unique_ptr<QProcess> m_process;
};

} // namespace sluice::bench
