#pragma once

#include "LogBuffer.h"
#include "metrics/MetricsSnapshot.h"

#include <QElapsedTimer>
#include <QHash>
#include <QHostAddress>
#include <QObject>
#include <QTimer>
#include <QUrl>

#include <memory>

namespace sluice {

class Gateway;
struct GatewayReload;
class RequestLog;
struct RequestTrace;

// How the console runs the gateway.
struct ConsoleGatewaySettings
{
    QString location = QStringLiteral("Default");
    QHostAddress address = QHostAddress(QHostAddress::LocalHost);
    quint16 port = 8080; // 0: any free port
    int threads = 2;
};

// The core Gateway running in the console's process for the open workspace.
// The gateway's listeners and workers run on their own threads; start() only
// loads the workspace and binds, stop() returns at once and reports the end
// through stateChanged(). Takes a metrics snapshot every second while running
// and keeps the log in a bounded LogBuffer.
class ConsoleGateway : public QObject
{
    Q_OBJECT

public:
    enum class State { Stopped, Running, Stopping };
    Q_ENUM(State)

    explicit ConsoleGateway(QObject *parent = nullptr);
    ~ConsoleGateway() override;

    // False with a message when the workspace has errors or the port is taken.
    bool start(const QString &workspaceDir, const ConsoleGatewaySettings &settings, QString *errorMessage);
    void stop();
    // Stops, then starts again with the same folder and settings.
    void restart();
    // Hot reload: loads the folder again off the GUI thread and, when it has
    // no errors, swaps the running gateway to it without dropping a
    // connection; otherwise the running configuration stays. Reports through
    // reloaded() and the log. Does nothing unless running; a reload asked for
    // while one loads runs once that one is done.
    void reload();

    // The trace of a traced request (its Sluice-Trace-Id), while the gateway
    // keeps it; null otherwise. Every request the console sends may be traced.
    std::shared_ptr<const RequestTrace> trace(const QString &traceId) const;

    State state() const { return m_state; }
    QUrl url() const; // empty unless running
    // The gateway's admin endpoints (docs/cache-admin.md) on a free loopback port; empty unless running.
    QUrl adminUrl() const;
    QString location() const { return m_settings.location; }
    // "Stopped.", "Stopping: ..." or "Listening on URL at location L."
    QString stateText() const;
    MetricsSnapshot snapshot() const;
    LogBuffer &log() { return m_logBuffer; }
    // The connection strings of caches kept in the system keychain, by key,
    // as the console read them; the next start() hands them to the gateway.
    void setKeychainSecrets(const QHash<QString, QString> &secrets) { m_keychainSecrets = secrets; }
    // How often snapshotTaken() fires while running.
    void setSnapshotInterval(int ms) { m_timer.setInterval(ms); }

Q_SIGNALS:
    void stateChanged(sluice::ConsoleGateway::State state);
    void started(); // a new gateway with counters at zero
    void failed(const QString &message);
    // The outcome of reload(): `accepted` false when the workspace had errors
    // (the message names the first one).
    void reloaded(bool accepted, const QString &message);
    void snapshotTaken(const sluice::MetricsSnapshot &snapshot, qint64 monotonicMs);

private:
    void setState(State state);
    void finishStop();
    void finishReload(const GatewayReload &outcome);

    LogBuffer m_logBuffer;
    std::unique_ptr<RequestLog> m_log;
    std::unique_ptr<Gateway> m_gateway;
    State m_state = State::Stopped;
    QString m_dir;
    ConsoleGatewaySettings m_settings;
    QHash<QString, QString> m_keychainSecrets;
    bool m_restartAfterStop = false;
    bool m_reloading = false;
    bool m_reloadAgain = false;
    QTimer m_timer;
    QElapsedTimer m_clock;
};

} // namespace sluice
