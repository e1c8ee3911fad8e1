#pragma once

#include <QString>
#include <QStringList>
#include <QUrl>

#include <optional>

namespace sluice::bench {

struct WrkOptions
{
    int threads = 1;
    int connections = 32;
    int durationSeconds = 10;
    int timeoutSeconds = 2; // wrk's per-request timeout
    QStringList headers; // "Name: value", passed as -H
    QString script; // optional Lua script (-s)
};

// What one wrk run measured. Latencies in milliseconds.
struct WrkResult
{
    bool ok = false;
    QString error; // why ok is false
    double requestsPerSecond = 0.0;
    double latencyAvgMs = 0.0;
    double latencyP50Ms = 0.0;
    double latencyP90Ms = 0.0;
    double latencyP99Ms = 0.0;
    quint64 requests = 0;
    quint64 non2xx3xx = 0; // "Non-2xx or 3xx responses"
    quint64 socketErrors = 0; // connect + read + write + timeout
    // wrk's own user + system CPU over its run (getrusage of the children the
    // bench reaped while it ran: wrk alone); nullopt when not measured.
    std::optional<double> clientCpuSeconds;
    QString output; // wrk's own output
};

// Runs wrk (with --latency) against one URL and reads its report.
class Wrk
{
public:
    explicit Wrk(const QString &program, const QString &logDir);

    WrkResult run(const QString &label, const QUrl &url, const WrkOptions &options) const;
    QStringList arguments(const QUrl &url, const WrkOptions &options) const;

    // Parses wrk's text report; ok is false when no "Requests/sec" is found.
    static WrkResult parse(const QString &output);
    // "850.00us", "1.23ms", "2.01s", "1.50m" -> milliseconds.
    static std::optional<double> parseDurationMs(const QString &text);

private:
    QString m_program;
    QString m_logDir;
};

} // namespace sluice::bench
