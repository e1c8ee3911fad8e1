// sluice-gateway: the headless gateway. Wiring only; see core/gateway.
#include "common/RequestLog.h"
#include "common/SignalWatcher.h"
#include "gateway/Gateway.h"
#include "gateway/GatewayCommandLine.h"
#include "gateway/GatewayConfig.h"
#include "gateway/GatewayReload.h"

#include <QCoreApplication>
#include <QDir>

#include <cstdio>

using namespace sluice;

static void printLine(FILE *stream, const QString &line)
{
    std::fputs(qPrintable(line + QLatin1Char('\n')), stream);
}

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("sluice-gateway"));
    QCoreApplication::setApplicationVersion(QStringLiteral(SLUICE_VERSION));

    QString error;
    const auto commandLine = GatewayCommandLine::parse(QCoreApplication::arguments(), &error);
    if (!commandLine) {
        printLine(stderr, QStringLiteral("sluice-gateway: %1 (see --help)").arg(error));
        return 2;
    }
    if (commandLine->action == GatewayCommandLine::Action::ShowHelp) {
        printLine(stdout, commandLine->helpText);
        return 0;
    }
    if (commandLine->action == GatewayCommandLine::Action::ShowVersion) {
        printLine(stdout, QStringLiteral("sluice-gateway %1").arg(QStringLiteral(SLUICE_VERSION)));
        return 0;
    }

    const QString workspaceDir = commandLine->workspaceDir;
    if (!QDir(workspaceDir).exists() || !QFileInfo(QDir(workspaceDir).filePath(QStringLiteral("workspace.json"))).isReadable()) {
        printLine(stderr, QStringLiteral("sluice-gateway: cannot read workspace '%1': no readable workspace.json").arg(workspaceDir));
        return 2;
    }
    Diagnostics diagnostics;
    GatewayConfig::Options options;
    options.location = commandLine->location;
    const auto config = GatewayConfig::load(workspaceDir, options, &diagnostics);
    for (Diagnostic d : diagnostics) {
        d.location.file = QDir(workspaceDir).filePath(d.location.file);
        printLine(stderr, d.toString());
    }
    if (commandLine->action == GatewayCommandLine::Action::Check) {
        if (config)
            printLine(stderr, QStringLiteral("sluice-gateway: workspace '%1' is valid").arg(config->workspace().name));
        return config ? 0 : 1;
    }
    if (!config) {
        printLine(stderr, QStringLiteral("sluice-gateway: the workspace has errors; not starting"));
        return 2;
    }

    RequestLog log(commandLine->logLevel);
    Gateway gateway(config, commandLine->options, &log);
    if (!gateway.start(&error)) {
        printLine(stderr, QStringLiteral("sluice-gateway: %1").arg(error));
        return 2;
    }
    log.info(QStringLiteral("sluice-gateway %1 listening on http://%2:%3 (admin %4, location %5, %6 threads)")
                 .arg(QStringLiteral(SLUICE_VERSION), commandLine->options.listenAddress.toString())
                 .arg(gateway.port())
                 .arg(gateway.adminPort() ? QStringLiteral("port %1").arg(gateway.adminPort()) : QStringLiteral("off"),
                      config->location())
                 .arg(gateway.threadCount()));

    SignalWatcher signals;
    QObject::connect(&signals, &SignalWatcher::terminationRequested, &gateway, [&](int) {
        log.info(QStringLiteral("shutting down: finishing requests in flight (up to 5 s)"));
        gateway.shutdown(5000, [] { QCoreApplication::exit(0); });
    });
    QObject::connect(&signals, &SignalWatcher::reloadRequested, &gateway, [&] {
        const GatewayReload reload = GatewayReload::load(workspaceDir, options);
        reload.applyTo(gateway);
        if (reload.accepted())
            log.info(reload.summary());
        else
            log.error(reload.summary());
    });
    return app.exec();
}
