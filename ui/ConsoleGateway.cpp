#include "ConsoleGateway.h"

#include "common/RequestLog.h"
#include "gateway/Gateway.h"
#include "gateway/GatewayConfig.h"
#include "gateway/GatewayReload.h"
#include "gateway/RequestTrace.h"
#include "metrics/GatewayMetrics.h"

#include <QPointer>
#include <QStringList>
#include <QThread>

namespace sluice {

namespace {

// Requests in flight get this long to finish when the console stops the gateway.
constexpr int kStopGraceMs = 1000;

} // namespace

ConsoleGateway::ConsoleGateway(QObject *parent)
    : QObject(parent)
{
    m_clock.start();
    m_timer.setInterval(1000);
    connect(&m_timer, &QTimer::timeout, this, [this] {
        if (m_gateway)
            Q_EMIT snapshotTaken(m_gateway->metrics().snapshot(), m_clock.elapsed());
    });
}

ConsoleGateway::~ConsoleGateway()
{
    // Destroying the gateway stops its threads; nothing may call back into us after.
    m_timer.stop();
    m_gateway.reset();
}

bool ConsoleGateway::start(const QString &workspaceDir, const ConsoleGatewaySettings &settings, QString *errorMessage)
{
    if (m_state != State::Stopped) {
        *errorMessage = tr("The gateway is already running.");
        return false;
    }
    Diagnostics diagnostics;
    GatewayConfig::Options loadOptions;
    loadOptions.location = settings.location;
    loadOptions.keychainSecrets = m_keychainSecrets;
    auto config = GatewayConfig::load(workspaceDir, loadOptions, &diagnostics);
    if (!config) {
        QStringList lines;
        for (const Diagnostic &d : std::as_const(diagnostics)) {
            if (d.severity == Diagnostic::Severity::Error)
                lines.append(d.toString());
        }
        *errorMessage = tr("The workspace has errors; see Problems.\n%1").arg(lines.join(QLatin1Char('\n')));
        return false;
    }
    GatewayOptions options;
    options.listenAddress = settings.address;
    options.listenPort = settings.port;
    // The admin endpoints on a loopback port of their own: the Cache browser reads the built-in cache there.
    options.adminEnabled = true;
    options.adminAddress = QHostAddress(QHostAddress::LocalHost);
    options.adminPort = 0;
    options.threads = settings.threads;
    options.tracing.access = TraceOptions::Access::Anyone; // the console's own requests, on loopback
    m_log = std::make_unique<RequestLog>(RequestLog::Level::Debug, m_logBuffer.sink());
    auto gateway = std::make_unique<Gateway>(config, options, m_log.get());
    if (!gateway->start(errorMessage))
        return false;
    m_gateway = std::move(gateway);
    m_dir = workspaceDir;
    m_settings = settings;
    m_log->info(tr("gateway listening on %1 at location %2 (threads: %3)")
                    .arg(url().toString(), config->location())
                    .arg(m_gateway->threadCount()));
    m_timer.start();
    setState(State::Running);
    Q_EMIT started();
    return true;
}

void ConsoleGateway::stop()
{
    if (m_state != State::Running)
        return;
    setState(State::Stopping);
    m_timer.stop();
    // Take a last snapshot so that the dashboard shows the final counts.
    Q_EMIT snapshotTaken(m_gateway->metrics().snapshot(), m_clock.elapsed());
    QPointer<ConsoleGateway> self(this);
    m_gateway->shutdown(kStopGraceMs, [self] {
        if (self)
            QMetaObject::invokeMethod(self.data(), &ConsoleGateway::finishStop, Qt::QueuedConnection);
    });
}

void ConsoleGateway::restart()
{
    if (m_state == State::Running) {
        m_restartAfterStop = true;
        stop();
    }
}

void ConsoleGateway::reload()
{
    if (m_state != State::Running)
        return;
    if (m_reloading) {
        m_reloadAgain = true;
        return;
    }
    m_reloading = true;
    GatewayConfig::Options options;
    options.location = m_settings.location;
    auto result = std::make_shared<GatewayReload>();
    QThread *loader = QThread::create([result, dir = m_dir, options] { *result = GatewayReload::load(dir, options); });
    connect(loader, &QThread::finished, loader, &QObject::deleteLater);
    connect(loader, &QThread::finished, this, [this, result] { finishReload(*result); });
    loader->start(QThread::LowPriority);
}

void ConsoleGateway::finishReload(const GatewayReload &outcome)
{
    m_reloading = false;
    // The gateway may have been restarted meanwhile, at another location.
    const bool sameGateway = m_state == State::Running && outcome.workspaceDir == m_dir
        && (!outcome.config || outcome.config->location() == m_settings.location);
    if (sameGateway) {
        const bool accepted = outcome.applyTo(*m_gateway);
        const QString message = outcome.summary();
        if (accepted)
            m_log->info(message);
        else
            m_log->error(message);
        Q_EMIT reloaded(accepted, message);
    }
    if (std::exchange(m_reloadAgain, false))
        reload();
}

std::shared_ptr<const RequestTrace> ConsoleGateway::trace(const QString &traceId) const
{
    if (!m_gateway || !m_gateway->traces())
        return nullptr;
    return m_gateway->traces()->find(traceId);
}

void ConsoleGateway::finishStop()
{
    if (m_state != State::Stopping)
        return;
    m_gateway.reset();
    m_log->info(tr("gateway stopped"));
    setState(State::Stopped);
    if (std::exchange(m_restartAfterStop, false)) {
        QString error;
        if (!start(m_dir, m_settings, &error))
            Q_EMIT failed(error);
    }
}

QUrl ConsoleGateway::url() const
{
    if (!m_gateway)
        return {};
    QUrl url;
    url.setScheme(QStringLiteral("http"));
    QHostAddress host = m_settings.address;
    if (host == QHostAddress::Any || host == QHostAddress::AnyIPv4)
        host = QHostAddress(QHostAddress::LocalHost);
    else if (host == QHostAddress::AnyIPv6)
        host = QHostAddress(QHostAddress::LocalHostIPv6);
    url.setHost(host.toString());
    url.setPort(m_gateway->port());
    return url;
}

QUrl ConsoleGateway::adminUrl() const
{
    if (!m_gateway)
        return {};
    QUrl url;
    url.setScheme(QStringLiteral("http"));
    url.setHost(QHostAddress(QHostAddress::LocalHost).toString());
    url.setPort(m_gateway->adminPort());
    return url;
}

QString ConsoleGateway::stateText() const
{
    switch (m_state) {
    case State::Stopped:
        return tr("Stopped.");
    case State::Stopping:
        return tr("Stopping: finishing the requests in flight...");
    case State::Running:
        break;
    }
    return tr("Listening on %1 at location %2.").arg(url().toString(), m_settings.location);
}

MetricsSnapshot ConsoleGateway::snapshot() const
{
    return m_gateway ? m_gateway->metrics().snapshot() : MetricsSnapshot {};
}

void ConsoleGateway::setState(State state)
{
    if (m_state == state)
        return;
    m_state = state;
    Q_EMIT stateChanged(state);
}

} // namespace sluice
