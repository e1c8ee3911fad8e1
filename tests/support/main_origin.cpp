// sluice-test-origin --port N [--threads N]: the test origin as a program, for
// benchmarks and manual runs. Runs until SIGINT/SIGTERM.
#include "OriginServer.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QTimer>

#include <atomic>
#include <csignal>
#include <cstdio>

namespace {

std::atomic<bool> g_stop {false};

extern "C" void onSignal(int)
{
    g_stop.store(true);
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("sluice-test-origin"));

    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("HTTP origin server for Sluice tests and benchmarks"));
    parser.addHelpOption();
    const QCommandLineOption portOption(QStringLiteral("port"), QStringLiteral("TCP port (0: any free port)."),
                                        QStringLiteral("port"), QStringLiteral("0"));
    const QCommandLineOption threadsOption(QStringLiteral("threads"), QStringLiteral("Worker threads."),
                                           QStringLiteral("threads"), QStringLiteral("1"));
    parser.addOption(portOption);
    parser.addOption(threadsOption);
    parser.process(app);

    bool portOk = false;
    const uint port = parser.value(portOption).toUInt(&portOk);
    bool threadsOk = false;
    const int threads = parser.value(threadsOption).toInt(&threadsOk);
    if (!portOk || port > 65535 || !threadsOk) {
        std::fprintf(stderr, "sluice-test-origin: invalid --port or --threads\n");
        return 2;
    }

    sluice::OriginServer origin;
    origin.setThreads(threads);
    if (!origin.listen(static_cast<quint16>(port))) {
        std::fprintf(stderr, "sluice-test-origin: %s\n", qPrintable(origin.errorString()));
        return 1;
    }
    std::printf("listening on http://127.0.0.1:%u\n", static_cast<unsigned>(origin.port()));
    std::fflush(stdout);

    std::signal(SIGINT, onSignal);
    std::signal(SIGTERM, onSignal);
    QTimer poll;
    QObject::connect(&poll, &QTimer::timeout, &app, [] {
        if (g_stop.load())
            QCoreApplication::quit();
    });
    poll.start(100);
    return app.exec();
}
