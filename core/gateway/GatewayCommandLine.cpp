#include "GatewayCommandLine.h"

#include "common/HostPort.h"

#include <QCommandLineParser>
#include <QCoreApplication>

namespace sluice {

std::optional<GatewayCommandLine> GatewayCommandLine::parse(const QStringList &arguments, QString *error)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        QCoreApplication::translate("GatewayCommandLine", "Sluice API gateway: serves the APIs and policies of a Sluice workspace (Azure API Management "
           "policy compatible).\n\n"
           "Send SIGHUP to reload the workspace without dropping connections: new requests use the new "
           "policies, requests in flight finish on the old ones, the built-in cache keeps its entries; a "
           "workspace with errors is refused and the running one kept. One log line tells the outcome.\n\n"
           "Requests with \"Ocp-Apim-Trace: true\" (or \"Sluice-Trace: true\") and a valid key of a "
           "subscription given with --trace-subscription are traced: the response carries Sluice-Trace-Id, "
           "and GET /traces/{id} on the admin listener returns the trace."));
    const QCommandLineOption workspace(QStringList{QStringLiteral("w"), QStringLiteral("workspace")},
                                       QCoreApplication::translate("GatewayCommandLine", "Workspace folder holding workspace.json and policies/."), QCoreApplication::translate("GatewayCommandLine", "DIR"));
    const QCommandLineOption listen(QStringLiteral("listen"), QCoreApplication::translate("GatewayCommandLine", "Address to serve APIs on (default 127.0.0.1:8080)."),
                                    QCoreApplication::translate("GatewayCommandLine", "HOST:PORT"), QStringLiteral("127.0.0.1:8080"));
    const QCommandLineOption admin(QStringLiteral("admin"),
                                   QCoreApplication::translate("GatewayCommandLine", "Address of the admin listener with /status and /metrics (default "
                                      "127.0.0.1:8081), or 'off'."),
                                   QCoreApplication::translate("GatewayCommandLine", "HOST:PORT"), QStringLiteral("127.0.0.1:8081"));
    const QCommandLineOption location(QStringLiteral("location"),
                                      QCoreApplication::translate("GatewayCommandLine", "Gateway location, which selects the external cache (default Default)."),
                                      QCoreApplication::translate("GatewayCommandLine", "NAME"), QStringLiteral("Default"));
    const QCommandLineOption threads(QStringLiteral("threads"), QCoreApplication::translate("GatewayCommandLine", "Worker threads (default: one per core)."),
                                     QCoreApplication::translate("GatewayCommandLine", "N"), QStringLiteral("0"));
    const QCommandLineOption logLevel(QStringLiteral("log-level"),
                                      QCoreApplication::translate("GatewayCommandLine", "debug, info (one line per request), warn, error or off."), QCoreApplication::translate("GatewayCommandLine", "LEVEL"),
                                      QStringLiteral("info"));
    const QCommandLineOption traceSubscription(
        QStringLiteral("trace-subscription"),
        QCoreApplication::translate("GatewayCommandLine", "Allow tracing for requests with a valid key of this subscription (its id); repeat for more. "
           "Tracing is off without it."),
        QCoreApplication::translate("GatewayCommandLine", "ID"));
    const QCommandLineOption check(QStringLiteral("check"),
                                   QCoreApplication::translate("GatewayCommandLine", "Load and validate the workspace, print every problem, exit 1 on errors."));
    const QCommandLineOption version(QStringList{QStringLiteral("V"), QStringLiteral("version")},
                                     QCoreApplication::translate("GatewayCommandLine", "Print the version and exit."));
    const QCommandLineOption help(QStringList{QStringLiteral("h"), QStringLiteral("help")},
                                  QCoreApplication::translate("GatewayCommandLine", "Print this help and exit."));
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
        *error = QCoreApplication::translate("GatewayCommandLine", "unexpected argument '%1'").arg(parser.positionalArguments().constFirst());
        return std::nullopt;
    }
    result.workspaceDir = parser.value(workspace);
    if (result.workspaceDir.isEmpty()) {
        *error = QCoreApplication::translate("GatewayCommandLine", "--workspace DIR is required");
        return std::nullopt;
    }
    result.action = parser.isSet(check) ? Action::Check : Action::Run;
    result.location = parser.value(location);

    QString problem;
    const auto listenAt = parseHostPort(parser.value(listen), &problem);
    if (!listenAt) {
        *error = QCoreApplication::translate("GatewayCommandLine", "--listen: %1").arg(problem);
        return std::nullopt;
    }
    result.options.listenAddress = listenAt->address;
    result.options.listenPort = listenAt->port;
    if (parser.value(admin).compare(QLatin1String("off"), Qt::CaseInsensitive) == 0) {
        result.options.adminEnabled = false;
    } else {
        const auto adminAt = parseHostPort(parser.value(admin), &problem);
        if (!adminAt) {
            *error = QCoreApplication::translate("GatewayCommandLine", "--admin: %1").arg(problem);
            return std::nullopt;
        }
        result.options.adminAddress = adminAt->address;
        result.options.adminPort = adminAt->port;
    }
    bool ok = false;
    result.options.threads = parser.value(threads).toInt(&ok);
    if (!ok || result.options.threads < 0 || result.options.threads > 256) {
        *error = QCoreApplication::translate("GatewayCommandLine", "--threads must be a number from 0 to 256");
        return std::nullopt;
    }
    const auto level = RequestLog::parseLevel(parser.value(logLevel));
    if (!level) {
        *error = QCoreApplication::translate("GatewayCommandLine", "--log-level must be debug, info, warn, error or off");
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
