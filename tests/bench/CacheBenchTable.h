#pragma once

#include "Wrk.h"

#include <QList>
#include <QString>

#include <optional>

namespace sluice::bench {

// The figures of sluice-bench-cache: the hit rows of each scenario with CPU
// per request, the ratios of sluice against nginx and HAProxy with their
// targets (printed PASS/MISS, never asserted), and the hot-key expiry rows.
class CacheBenchTable
{
public:
    struct HitRow
    {
        QString scenario; // "1 URL", "1000 URLs"
        QString target; // "sluice", "nginx", "haproxy"
        QString failure; // empty when measured
        bool skipped = false; // failure then says why (not installed), not a component failure
        WrkResult wrk;
        std::optional<double> cpuUsPerRequest; // the server's user + system CPU / requests
        qint64 originRequests = -1; // reaching the origin during the run (0 for pure hits)
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
    void addExpiry(const ExpiryRow &row) { m_expiry.append(row); }

    // A row failed for another reason than a reference that is not installed.
    bool anyFailure() const;

    QString renderHits() const;
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
