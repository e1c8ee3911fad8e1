#pragma once

#include "Wrk.h"

#include <QByteArray>
#include <QList>
#include <QMap>
#include <QString>

#include <optional>

namespace sluice::bench {

// The figures of sluice-bench-cache: the hit rows of each scenario with CPU
// per request (and that of redis-server for sluice+redis), the Redis commands
// per hit of sluice+redis, the ratios of sluice against nginx and HAProxy and
// of sluice+redis against sluice and nginx with their targets (printed
// PASS/MISS, never asserted), and the hot-key expiry rows.
class CacheBenchTable
{
public:
    // The commands a redis-server executed during a wrk run (INFO
    // commandstats before and after, the reading's own INFO taken out).
    struct RedisCommands
    {
        quint64 gets = 0;
        QMap<QByteArray, quint64> others; // every other command -> calls
        // wrk's request count leaves out the requests still in flight when it
        // stops: up to one per connection may have done its GET already.
        quint64 inFlightAllowance = 0;
        // Each Redis connection (one per gateway thread) sends a keep-alive
        // PING when it has been idle for a second: bounded by time, not by
        // requests; at most this many are not counted against the target.
        quint64 pingAllowance = 0;
    };

    struct HitRow
    {
        QString scenario; // "1 URL", "1000 URLs"
        QString target; // "sluice", "nginx", "haproxy"
        QString failure; // empty when measured
        bool skipped = false; // failure then says why (not installed), not a component failure
        WrkResult wrk;
        std::optional<double> cpuUsPerRequest; // the server's user + system CPU / requests
        qint64 originRequests = -1; // reaching the origin during the run (0 for pure hits)
        std::optional<double> redisCpuUsPerRequest; // sluice+redis: redis-server's CPU / requests
        std::optional<RedisCommands> redisCommands; // sluice+redis
        QString redisNote; // sluice+redis: why the commands were not counted
        int rounds = 1; // runs this row is the median of
        double minRequestsPerSecond = 0.0; // over those runs
        double maxRequestsPerSecond = 0.0;
    };

    struct ExpiryRow
    {
        QString target;
        QString failure;
        bool skipped = false;
        int ttlSeconds = 1;
        int durationSeconds = 5;
        quint64 clientRequests = 0;
        qint64 originRequests = -1;
    };

    void addHit(const HitRow &row) { m_hits.append(row); }
    // The run of median throughput among `runs` of one server and scenario
    // (the lower middle one for an even count); the first failed run if any
    // failed, since then the figures do not compare. Its `rounds` say how many
    // runs there were and their throughput range.
    static HitRow medianRun(const QList<HitRow> &runs);
    void addExpiry(const ExpiryRow &row) { m_expiry.append(row); }

    // A row failed for another reason than a reference that is not installed.
    bool anyFailure() const;

    QString renderHits() const;
    // Redis commands per request of the rows that use Redis; empty if none.
    QString renderRedisCommands() const;
    QString renderRatios() const;
    QString renderExpiry() const;
    // At most one origin request per expiry of the hot key, plus one of slack
    // for the run's edges.
    static qint64 expiryAllowance(int ttlSeconds, int durationSeconds);

private:
    const HitRow *find(const QString &scenario, const QString &target) const;

    QList<HitRow> m_hits;
    QList<ExpiryRow> m_expiry;
};

} // namespace sluice::bench
