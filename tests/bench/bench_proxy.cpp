// sluice-bench-proxy: the miss path (plain proxying) of Sluice against nginx.
//
// Starts the test origin, nginx as a reverse proxy in front of it and
// sluice-gateway in front of it, each with one thread/worker on loopback, then
// runs wrk against the origin directly, nginx->origin and sluice->origin and
// prints requests/s and latency percentiles side by side with sluice/nginx.
// Every process is stopped by its own handle at the end, also on failure.
// A benchmark prints figures; it asserts nothing about timing.

#include "BenchProcess.h"
#include "BenchReport.h"
#include "BenchWorkspace.h"
#include "HttpProbe.h"
#include "NginxConfig.h"
#include "Wrk.h"

#include <QCommandLineParser>
#include <QFile>
#include <QCoreApplication>
#include <QDir>
#include <QTemporaryDir>
#include <QThread>

#include <cstdio>
#include <memory>

using namespace sluice::bench;

namespace {

void say(const QString &text)
{
    std::fputs(text.toLocal8Bit().constData(), stdout);
    std::fputc('\n', stdout);
    std::fflush(stdout);
}

QString tr(const char *text) { return QCoreApplication::translate("Bench", text); }

struct Options
{
    WrkOptions wrk;
    int serverThreads = 1;
    int startupTimeoutMs = 15000;
    QString binDir;
    QString path = QStringLiteral("/hello");
    QString nginx = QStringLiteral("/usr/sbin/nginx");
    QString wrkProgram = QStringLiteral("wrk");
    QString originKind = QStringLiteral("test");
    QStringList only{QStringLiteral("origin"), QStringLiteral("nginx"), QStringLiteral("sluice")};
    bool keepTemp = false;
};

bool parseOptions(const QCoreApplication &app, Options *options, QString *error)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(tr("Benchmarks sluice-gateway against nginx as a reverse proxy (miss path)."));
    parser.addHelpOption();
    const QCommandLineOption duration(QStringLiteral("duration"), tr("Seconds per wrk run (\"10\" or \"10s\")."),
                                      QStringLiteral("seconds"), QStringLiteral("10"));
    const QCommandLineOption connections(QStringLiteral("connections"), tr("wrk connections."), QStringLiteral("n"),
                                         QStringLiteral("32"));
    const QCommandLineOption wrkThreads(QStringLiteral("wrk-threads"), tr("wrk threads."), QStringLiteral("n"),
                                        QStringLiteral("1"));
    // Both proxies at their defaults: one worker per core (sluice-gateway's
    // --threads default, nginx's worker_processes auto). --threads 1 compares
    // one core each.
    const QCommandLineOption threads(QStringLiteral("threads"),
                                     tr("Threads of the origin and the gateway, nginx worker processes "
                                        "(default: one per core)."),
                                     QStringLiteral("n"), QString::number(QThread::idealThreadCount()));
    const QCommandLineOption binDir(QStringLiteral("bin-dir"),
                                    tr("Folder of sluice-gateway and sluice-test-origin (default: this program's)."),
                                    QStringLiteral("dir"));
    const QCommandLineOption path(QStringLiteral("path"), tr("Request path at the origin."), QStringLiteral("path"),
                                  QStringLiteral("/hello"));
    const QCommandLineOption nginx(QStringLiteral("nginx"), tr("The nginx program."), QStringLiteral("program"),
                                   QStringLiteral("/usr/sbin/nginx"));
    const QCommandLineOption wrk(QStringLiteral("wrk"), tr("The wrk program."), QStringLiteral("program"),
                                 QStringLiteral("wrk"));
    const QCommandLineOption origin(QStringLiteral("origin"),
                                    tr("\"test\": sluice-test-origin; \"nginx\": a static nginx stand-in."),
                                    QStringLiteral("kind"), QStringLiteral("test"));
    const QCommandLineOption only(QStringLiteral("only"), tr("Targets to measure, comma-separated: origin,nginx,sluice."),
                                  QStringLiteral("list"), QStringLiteral("origin,nginx,sluice"));
    const QCommandLineOption startup(QStringLiteral("startup-timeout"), tr("Milliseconds to wait for each server."),
                                     QStringLiteral("ms"), QStringLiteral("15000"));
    const QCommandLineOption keep(QStringLiteral("keep-temp"), tr("Keep the temporary folder (logs, configs)."));
    parser.addOptions({duration, connections, wrkThreads, threads, binDir, path, nginx, wrk, origin, only, startup, keep});
    parser.process(app);

    QString durationText = parser.value(duration);
    if (durationText.endsWith(QLatin1Char('s')))
        durationText.chop(1);
    bool ok1 = false, ok2 = false, ok3 = false, ok4 = false, ok5 = false;
    options->wrk.durationSeconds = durationText.toInt(&ok1);
    options->wrk.connections = parser.value(connections).toInt(&ok2);
    options->wrk.threads = parser.value(wrkThreads).toInt(&ok3);
    options->serverThreads = parser.value(threads).toInt(&ok4);
    options->startupTimeoutMs = parser.value(startup).toInt(&ok5);
    if (!ok1 || !ok2 || !ok3 || !ok4 || !ok5 || options->wrk.durationSeconds < 1 || options->wrk.durationSeconds > 600
        || options->wrk.connections < 1 || options->wrk.threads < 1 || options->serverThreads < 1
        || options->wrk.connections < options->wrk.threads) {
        *error = tr("Invalid --duration, --connections, --wrk-threads, --threads or --startup-timeout.");
        return false;
    }
    options->binDir = parser.isSet(binDir) ? parser.value(binDir) : QCoreApplication::applicationDirPath();
    options->path = parser.value(path);
    if (!options->path.startsWith(QLatin1Char('/')))
        options->path.prepend(QLatin1Char('/'));
    options->nginx = parser.value(nginx);
    options->wrkProgram = parser.value(wrk);
    options->originKind = parser.value(origin);
    if (options->originKind != QLatin1String("test") && options->originKind != QLatin1String("nginx")) {
        *error = tr("--origin must be \"test\" or \"nginx\".");
        return false;
    }
    options->only = parser.value(only).split(QLatin1Char(','), Qt::SkipEmptyParts);
    options->keepTemp = parser.isSet(keep);
    return true;
}

QUrl loopbackUrl(quint16 port, const QString &path)
{
    return QUrl(QStringLiteral("http://127.0.0.1:%1%2").arg(port).arg(path));
}

// The 1-minute load average against the cores: figures taken on a busy machine
// are noise, say so next to them.
QString loadWarning()
{
    QFile file(QStringLiteral("/proc/loadavg"));
    if (!file.open(QIODevice::ReadOnly))
        return {};
    const double load = file.readAll().split(' ').value(0).toDouble();
    const int cores = QThread::idealThreadCount();
    if (load <= cores)
        return {};
    return tr("warning: load average %1 on %2 cores before the run: other work competes for the CPU, figures are noisy.")
        .arg(load, 0, 'f', 1)
        .arg(cores);
}

// What the gateway itself counted (admin /metrics), as a cross-check of wrk.
QString gatewayCount(quint16 adminPort, const QString &apiId)
{
    const HttpProbe metrics = HttpProbe::get(loopbackUrl(adminPort, QStringLiteral("/metrics")));
    if (!metrics.ok)
        return tr("sluice admin /metrics: %1").arg(metrics.error);
    const QByteArray prefix = "sluice_requests_total{";
    const QByteArray apiLabel = "api=\"" + apiId.toUtf8() + '"';
    double total = 0.0;
    for (const QByteArray &line : metrics.body.split('\n')) {
        if (line.startsWith(prefix) && line.contains(apiLabel))
            total += line.mid(line.lastIndexOf(' ') + 1).toDouble();
    }
    return tr("sluice admin /metrics: sluice_requests_total{api=\"%1\"} = %2").arg(apiId).arg(total, 0, 'f', 0);
}

// A started server with its own readiness verdict.
struct Server
{
    std::unique_ptr<BenchProcess> process;
    QString failure; // empty when it accepts connections
};

Server startServer(const QString &name, const QString &program, const QStringList &arguments, quint16 port,
                   const QString &logDir, int timeoutMs)
{
    Server server;
    if (program.isEmpty()) {
        server.failure = tr("%1: program not found.").arg(name);
        return server;
    }

    server.process = std::make_unique<BenchProcess>(name, program, arguments, logDir);
    say(tr("starting %1: %2").arg(name, server.process->commandLine()));
    QString error;
    if (!server.process->start(&error) || !server.process->waitForPort(port, timeoutMs, &error)) {
        const QString tail = server.process->logTail();
        server.failure = error + (tail.isEmpty() ? QString() : tr(" Last output:\n%1").arg(tail));
        server.process->stop();
    }
    return server;
}

// A Sluice program from the bin folder (or PATH), with a hint when it is missing.
Server startSluiceProgram(const QString &name, const QString &program, const QStringList &arguments, quint16 port,
                          const Options &options, const QString &logDir)
{
    const QString path = BenchProcess::findProgram(program, {options.binDir});
    if (path.isEmpty()) {
        Server missing;
        missing.failure = tr("%1 not found in %2 or on PATH; build it first (cmake --build <build dir> --target %1).")
                              .arg(program, options.binDir);
        return missing;
    }
    return startServer(name, path, arguments, port, logDir, options.startupTimeoutMs);
}

// Probe, then wrk; a failure becomes the row's reason.
void measure(BenchReport &report, const Wrk &wrk, const QString &label, const Server &server, const QUrl &url,
             const WrkOptions &options)
{
    if (!server.failure.isEmpty()) {
        report.addFailed(label, server.failure);
        return;
    }
    const HttpProbe probe = HttpProbe::get(url);
    if (!probe.ok) {
        report.addFailed(label, tr("GET %1: %2").arg(url.toString(), probe.error));
        return;
    }
    say(tr("measuring %1: GET %2 (HTTP %3, %4 bytes), %5 s").arg(label, url.toString()).arg(probe.status)
            .arg(probe.bodyBytes).arg(options.durationSeconds));
    WrkResult result = wrk.run(label, url, options);
    const quint64 errors = result.non2xx3xx + result.socketErrors;
    if (result.ok && (result.requests == 0 || errors * 100 > result.requests)) {
        result.ok = false;
        result.error = tr("%1 of %2 requests failed (non-2xx/3xx or socket errors); figures not comparable.")
                           .arg(errors)
                           .arg(result.requests);
    }
    if (!result.ok && !result.output.isEmpty())
        say(result.output);
    report.addMeasured(label, result);
}

int run(const Options &options)
{
    QTemporaryDir temp(QDir::temp().filePath(QStringLiteral("sluice-bench-XXXXXX")));
    if (!temp.isValid()) {
        say(tr("Cannot create a temporary folder: %1").arg(temp.errorString()));
        return 2;
    }
    const QString logDir = temp.path();
    const QString wrkProgram = BenchProcess::findProgram(options.wrkProgram);
    if (wrkProgram.isEmpty()) {
        say(tr("wrk not found (%1); install the Debian package wrk.").arg(options.wrkProgram));
        return 2;
    }
    const QString nginxProgram = BenchProcess::findProgram(options.nginx);

    const quint16 originPort = BenchProcess::freeLoopbackPort();
    const quint16 nginxPort = BenchProcess::freeLoopbackPort();
    const quint16 gatewayPort = BenchProcess::freeLoopbackPort();
    const quint16 adminPort = BenchProcess::freeLoopbackPort();
    const QString threads = QString::number(options.serverThreads);

    say(tr("sluice-bench-proxy: wrk -t%1 -c%2 -d%3s --latency; servers with %4 thread(s); %5 CPU cores; logs in %6")
            .arg(options.wrk.threads).arg(options.wrk.connections).arg(options.wrk.durationSeconds)
            .arg(options.serverThreads).arg(QThread::idealThreadCount()).arg(logDir));

    // Declared in start order; stopped explicitly in reverse order below and,
    // whatever happens, by their destructors.
    Server origin;
    Server nginx;
    Server gateway;

    if (options.originKind == QLatin1String("nginx")) {
        NginxConfig stand;
        stand.listenPort = originPort;
        stand.workerProcesses = options.serverThreads;
        stand.staticBody = QStringLiteral("{\"stand-in\":\"origin\",\"pad\":\"%1\"}").arg(QString(200, QLatin1Char('x')));
        QString error;
        const std::optional<QStringList> args = stand.write(QDir(logDir).filePath(QStringLiteral("origin-nginx")), &error);
        if (!args)
            origin.failure = error;
        else
            origin = startServer(QStringLiteral("origin"), nginxProgram, *args, originPort, logDir,
                                 options.startupTimeoutMs);
    } else {
        origin = startSluiceProgram(QStringLiteral("origin"), QStringLiteral("sluice-test-origin"),
                                    {QStringLiteral("--port"), QString::number(originPort), QStringLiteral("--threads"),
                                     threads},
                                    originPort, options, logDir);
    }
    const QUrl originBase = loopbackUrl(originPort, QString());

    if (origin.failure.isEmpty() && options.only.contains(QLatin1String("nginx"))) {
        NginxConfig conf;
        conf.listenPort = nginxPort;
        conf.upstreamPort = originPort;
        conf.workerProcesses = options.serverThreads;
        QString error;
        const std::optional<QStringList> args = conf.write(QDir(logDir).filePath(QStringLiteral("nginx")), &error);
        if (!args)
            nginx.failure = error;
        else
            nginx = startServer(QStringLiteral("nginx"), nginxProgram, *args, nginxPort, logDir, options.startupTimeoutMs);
    }
    if (origin.failure.isEmpty() && options.only.contains(QLatin1String("sluice"))) {
        BenchWorkspace workspace;
        workspace.serviceUrl = originBase;
        const QString workspaceDir = QDir(logDir).filePath(QStringLiteral("workspace"));
        QString error;
        if (!workspace.write(workspaceDir, &error)) {
            gateway.failure = error;
        } else {
            gateway = startSluiceProgram(QStringLiteral("sluice"), QStringLiteral("sluice-gateway"),
                                         {QStringLiteral("--workspace"), workspaceDir, QStringLiteral("--listen"),
                                          QStringLiteral("127.0.0.1:%1").arg(gatewayPort), QStringLiteral("--admin"),
                                          QStringLiteral("127.0.0.1:%1").arg(adminPort), QStringLiteral("--threads"),
                                          threads,
                                          // nginx runs with access_log off: no per-request log line here either.
                                          QStringLiteral("--log-level"), QStringLiteral("warn")},
                                         gatewayPort, options, logDir);
        }
    }

    if (const QString warning = loadWarning(); !warning.isEmpty())
        say(warning);
    const Wrk wrk(wrkProgram, logDir);
    BenchReport report;
    const QString viaPath = QStringLiteral("/bench") + options.path;
    if (options.only.contains(QLatin1String("origin")))
        measure(report, wrk, QStringLiteral("origin"), origin, loopbackUrl(originPort, options.path), options.wrk);
    if (options.only.contains(QLatin1String("nginx"))) {
        if (!origin.failure.isEmpty())
            nginx.failure = tr("not started: the origin is not running.");
        measure(report, wrk, QStringLiteral("nginx"), nginx, loopbackUrl(nginxPort, viaPath), options.wrk);
    }
    if (options.only.contains(QLatin1String("sluice"))) {
        if (!origin.failure.isEmpty())
            gateway.failure = tr("not started: the origin is not running.");
        measure(report, wrk, QStringLiteral("sluice"), gateway, loopbackUrl(gatewayPort, viaPath), options.wrk);
        if (gateway.failure.isEmpty())
            say(gatewayCount(adminPort, QStringLiteral("bench")));
    }

    for (Server *server : {&gateway, &nginx, &origin}) {
        if (server->process)
            server->process->stop();
    }

    say(QString());
    say(report.render({{QStringLiteral("sluice"), QStringLiteral("nginx"), 0.8},
                       {QStringLiteral("nginx"), QStringLiteral("origin"), 0.0}}));
    const bool allMeasured = report.allMeasured();
    if (!allMeasured || options.keepTemp) {
        temp.setAutoRemove(false);
        say(tr("Logs and configuration kept in %1").arg(logDir));
    }
    return allMeasured ? 0 : 1;
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("sluice-bench-proxy"));
    Options options;
    QString error;
    if (!parseOptions(app, &options, &error)) {
        say(error);
        return 2;
    }
    return run(options);
}
