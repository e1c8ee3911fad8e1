#pragma once

#include "metrics/MetricsSnapshot.h"

#include <QList>
#include <QMap>
#include <QObject>
#include <QString>

#include <deque>

namespace sluice {

// Cache counters since the last reset.
struct DashboardTotals
{
    double requests = 0;
    double hits = 0;
    double misses = 0;
    double bypasses = 0;
    double errors = 0;
    double stores = 0;
    double backendAvoided = 0;

    // Hits over lookups that reached a store (hits + misses); 0 without lookups.
    double hitRatio() const;
};

// The same counters for one API operation.
struct DashboardRoute
{
    QString api;
    QString operation;
    DashboardTotals totals;
};

// Hits and misses per second between two snapshots.
struct DashboardRate
{
    qint64 timeMs = 0; // the later snapshot's time
    double hitsPerSecond = 0;
    double missesPerSecond = 0;
};

// Response times of the requests with one cache outcome ("hit", "miss",
// "bypass", "none": sluice_response_duration_seconds), since the baseline.
struct DashboardLatency
{
    double count = 0;
    double p50Seconds = 0; // estimated from the histogram's buckets, as Prometheus' histogram_quantile does
    double p95Seconds = 0;
};

// One external cache of the workspace as ExternalStoreMonitor last measured it.
struct ExternalStoreStatus
{
    QString id;
    QString useFrom;
    bool measured = false;  // false until the first answer (or failure)
    bool reachable = false;
    double keys = 0;        // DBSIZE (summed over a Cluster's masters)
    double usedMemoryBytes = 0; // INFO memory used_memory
    QString error;          // the last error, never a secret; empty when reachable
};

// Turns GatewayMetrics snapshots into the numbers of the Dashboard: totals
// and per-operation counters since a baseline (Reset counters), per-second
// rates over the last `historySeconds`, and the built-in cache's size.
// No widgets: fed by ConsoleGateway, read by DashboardPage and the status bar.
class DashboardModel : public QObject
{
    Q_OBJECT

public:
    explicit DashboardModel(QObject *parent = nullptr, int historySeconds = 300);

    // A snapshot taken at `nowMs` (monotonic milliseconds).
    void update(const MetricsSnapshot &snapshot, qint64 nowMs);
    // Counts from now on: the last snapshot becomes the baseline; the rates restart.
    void resetCounters();
    // A new gateway (new metrics, counting from zero): forgets baseline and rates.
    void clear();

    const DashboardTotals &totals() const { return m_totals; }
    const QList<DashboardRoute> &routes() const { return m_routes; }
    const std::deque<DashboardRate> &rates() const { return m_rates; }
    int historySeconds() const { return m_historySeconds; }
    double cacheEntries() const { return m_entries; }
    double cacheBytes() const { return m_bytes; }
    double cacheCapacityBytes() const { return m_capacity; }
    bool hasData() const { return m_hasData; }
    // By outcome: "hit", "miss", "bypass", "none"; only outcomes seen since the baseline.
    const QMap<QString, DashboardLatency> &latency() const { return m_latency; }
    // Hits and misses in the last minute (or since the baseline, when later).
    DashboardTotals lastMinute() const;
    // What caching did lately, in one sentence for a new user.
    QString verdict() const;

    void setExternalStores(const QList<ExternalStoreStatus> &stores);
    const QList<ExternalStoreStatus> &externalStores() const { return m_stores; }

    // The value at quantile `q` (0..1) of cumulative bucket counts (one per
    // bound, then +Inf), interpolated inside its bucket; 0 without counts.
    static double quantile(double q, const QList<double> &bounds, const QList<double> &cumulative);

Q_SIGNALS:
    void updated();

private:
    struct Raw
    {
        DashboardTotals totals;
        QList<DashboardRoute> routes;
        QMap<QString, QList<double>> latencyBuckets; // by outcome, cumulative, summed over routes
    };
    struct Moment
    {
        qint64 timeMs;
        double hits;
        double misses;
    };
    static Raw read(const MetricsSnapshot &snapshot);
    static DashboardTotals minus(const DashboardTotals &a, const DashboardTotals &b);

    const int m_historySeconds;
    Raw m_last;
    Raw m_baseline;
    qint64 m_lastMs = 0;
    bool m_hasData = false;
    DashboardTotals m_totals;
    QList<DashboardRoute> m_routes;
    std::deque<DashboardRate> m_rates;
    double m_entries = 0;
    double m_bytes = 0;
    double m_capacity = 0;
    QList<double> m_latencyBounds;
    QMap<QString, DashboardLatency> m_latency;
    std::deque<Moment> m_minute; // raw hit and miss totals of the last minute's snapshots
    QList<ExternalStoreStatus> m_stores;
};

} // namespace sluice
