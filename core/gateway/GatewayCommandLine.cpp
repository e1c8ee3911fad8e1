#include "GatewayCommandLine.h"

#include "common/HostPort.h"

#include <QCommandLineParser>
#include <QCoreApplication>

namespace sluice {

std::optional<GatewayCommandLine> GatewayCommandLine::parse(const QStringList &arguments, QString *error)
{
    auto tr = [](const char *text) { return QCoreApplication::translate("GatewayCommandLine", text); };
    QCommandLineParser parser;
    parser.setApplicationDescription(
        tr("Sluice API gateway: serves the APIs and policies of a Sluice workspace (Azure API Management "
           "policy compatible).\n\n"
           "Send SIGHUP to reload the workspace without dropping connections: new requests use the new "
           "policies, requests in flight finish on the old ones, the built-in cache keeps its entries; a "
           "workspace with errors is refused and the running one kept. One log line tells the outcome.\n\n"
           "Requests with \"Ocp-Apim-Trace: true\" (or \"Sluice-Trace: true\") and a valid key of a "
           "subscription given with --trace-subscription are traced: the response carries Sluice-Trace-Id, "
           "and GET /traces/{id} on the admin listener returns the trace."));
    const QCommandLineOption workspace(QStringList{QStringLiteral("w"), QStringLiteral("workspace")},
                                       tr("Workspace folder holding workspace.json and policies/."), tr("DIR"));
    const QCommandLineOption listen(QStringLiteral("listen"), tr("Address to serve APIs on (default 127.0.0.1:8080)."),
                                    tr("HOST:PORT"), QStringLiteral("127.0.0.1:8080"));
    const QCommandLineOption admin(QStringLiteral("admin"),
                                   tr("Address of the admin listener with /status and /metrics (default "
                                      "127.0.0.1:8081), or 'off'."),
                                   tr("HOST:PORT"), QStringLiteral("127.0.0.1:8081"));
    const QCommandLineOption location(QStringLiteral("location"),
                                      tr("Gateway location, which selects the external cache (default Default)."),
                                      tr("NAME"), QStringLiteral("Default"));
    const QCommandLineOption threads(QStringLiteral("threads"), tr("Worker threads (default: one per core)."),
                                     tr("N"), QStringLiteral("0"));
    const QCommandLineOption logLevel(QStringLiteral("log-level"),
                                      tr("debug, info (one line per request), warn, error or off."), tr("LEVEL"),
                                      QStringLiteral("info"));
    const QCommandLineOption traceSubscription(
        QStringLiteral("trace-subscription"),
        tr("Allow tracing for requests with a valid key of this subscription (its id); repeat for more. "
           "Tracing is off without it."),
        tr("ID"));
    const QCommandLineOption check(QStringLiteral("check"),
                                   tr("Load and validate the workspace, print every problem, exit 1 on errors."));
    const QCommandLineOption version(QStringList{QStringLiteral("V"), QStringLiteral("version")},
                                     tr("Print the version and exit."));
    const QCommandLineOption help(QStringList{QStringLiteral("h"), QStringLiteral("help")},
                                  tr("Print this help and exit."));
    parser.addOptions(
        {workspace, listen, admin, location, threads, logLevel, traceSubscription, check, version, help});

    GatewayCommandLine result;
    result.helpText = parser.helpText();
    if (!parser.parse(arguments)) {
        *error = parser.errorText();
        return std::nullopt;
    }
    if (parser.isSet(help)) {
        result.action = Action::ShowHelp;
        return result;
    }
    if (parser.isSet(version)) {
        result.action = Action::ShowVersion;
        return result;
    }
    if (!parser.positionalArguments().isEmpty()) {
        *error = tr("unexpected argument '%1'").arg(parser.positionalArguments().constFirst());
        return std::nullopt;
    }
    result.workspaceDir = parser.value(workspace);
    if (result.workspaceDir.isEmpty()) {
        *error = tr("--workspace DIR is required");
        return std::nullopt;
    }
    result.action = parser.isSet(check) ? Action::Check : Action::Run;
    result.location = parser.value(location);

    QString problem;
    const auto listenAt = parseHostPort(parser.value(listen), &problem);
    if (!listenAt) {
        *error = tr("--listen: %1").arg(problem);
        return std::nullopt;
    }
    result.options.listenAddress = listenAt->address;
    result.options.listenPort = listenAt->port;
    if (parser.value(admin).compare(QLatin1String("off"), Qt::CaseInsensitive) == 0) {
        result.options.adminEnabled = false;
    } else {
        const auto adminAt = parseHostPort(parser.value(admin), &problem);
        if (!adminAt) {
            *error = tr("--admin: %1").arg(problem);
            return std::nullopt;
        }
        result.options.adminAddress = adminAt->address;
        result.options.adminPort = adminAt->port;
    }
    bool ok = false;
    result.options.threads = parser.value(threads).toInt(&ok);
    if (!ok || result.options.threads < 0 || result.options.threads > 256) {
        *error = tr("--threads must be a number from 0 to 256");
        return std::nullopt;
    }
    const auto level = RequestLog::parseLevel(parser.value(logLevel));
    if (!level) {
        *error = tr("--log-level must be debug, info, warn, error or off");
        return std::nullopt;
    }
    result.logLevel = *level;
    const QStringList traced = parser.values(traceSubscription);
    if (!traced.isEmpty()) {
        result.options.tracing.access = TraceOptions::Access::Subscriptions;
        result.options.tracing.subscriptions = traced;
    }
    return result;
}

} // namespace sluice
