#pragma once

#include <QByteArray>
#include <QJsonObject>
#include <QList>
#include <QProcess>
#include <QProcessEnvironment>
#include <QString>
#include <QStringList>
#include <QTemporaryDir>

namespace sluice::test {

// The real `sluice-gateway` program (from env SLUICE_BIN_DIR) as a child
// process for tests: on free loopback ports (proxy and admin), with its
// stderr (the request and cache log) written to a file that the test reads at
// any time, so a chatty gateway never blocks on a full pipe. Stopped by its
// own handle: SIGTERM, then SIGKILL when it does not exit; also when destroyed.
class GatewayProcess
{
public:
    struct Options
    {
        QString workspace; // folder with workspace.json
        QString location; // --location; empty: the default
        int threads = 2; // --threads
        QStringList extraArguments; // e.g. {"--log-level", "warn"}
        QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    };

    // What a finished run printed (for --check, --version).
    struct Run
    {
        int exitCode = -1; // -1: crashed or did not finish in time
        QByteArray out;
        QByteArray err;
    };

    // `workspace`: the folder with workspace.json; `location`: --location
    // (empty: the default); `threads`: --threads.
    explicit GatewayProcess(QString workspace, QString location = QString(), int threads = 2);
    ~GatewayProcess();
    GatewayProcess(const GatewayProcess &) = delete;
    GatewayProcess &operator=(const GatewayProcess &) = delete;

    static QString binary();
    // Runs the program to its end (at most timeoutMs) with these arguments.
    static Run run(const QStringList &arguments, int timeoutMs = 30'000,
                   const QProcessEnvironment &environment = QProcessEnvironment::systemEnvironment());

    // Set before start(): more arguments (e.g. {"--log-level", "warn"}), the environment.
    void setExtraArguments(const QStringList &arguments) { m_extraArguments = arguments; }
    void setEnvironment(const QProcessEnvironment &environment) { m_process.setProcessEnvironment(environment); }

    // Starts on free ports and waits until the log says it listens (retrying
    // with other ports when one was taken meanwhile). False with errorText().
    bool start();
    // SIGTERM and wait (up to 10 s), else SIGKILL. True for a clean exit 0.
    bool stop();
    bool isRunning() const { return m_process.state() != QProcess::NotRunning; }

    quint16 port() const { return m_port; }
    quint16 adminPort() const { return m_adminPort; }
    qint64 processId() const { return m_process.processId(); }
    QString errorText() const { return m_error; }

    // Everything the gateway wrote to stderr so far.
    QByteArray log() const;

    // GET /status on the admin listener, parsed; empty on failure.
    QJsonObject status() const;
    // GET /metrics on the admin listener; empty on failure.
    QByteArray metrics() const;

    // The sum of the samples of `family` (e.g. "sluice_cache_lookups_total")
    // whose labels include every `name="value"` given; -1 when none matched.
    static double metricValue(const QByteArray &metricsText, const QByteArray &family,
                              const QList<std::pair<QByteArray, QByteArray>> &labels);

private:
    bool startOnce(bool *portTaken);

    QString m_workspace;
    QString m_location;
    int m_threads = 2;
    QStringList m_extraArguments;
    QTemporaryDir m_dir;
    QProcess m_process;
    quint16 m_port = 0;
    quint16 m_adminPort = 0;
    int m_starts = 0;
    QString m_error;
};

} // namespace sluice::test
