#pragma once

#include "Wrk.h"

#include <QList>
#include <QString>

namespace sluice::bench {

// The side-by-side table of a benchmark run: one row per target (measured or
// failed with a reason) and ratios of one row to another.
class BenchReport
{
public:
    struct Row
    {
        QString label;
        QString failure; // empty when measured
        WrkResult result;
    };

    void addMeasured(const QString &label, const WrkResult &result);
    void addFailed(const QString &label, const QString &reason);
    const Row *row(const QString &label) const;
    bool allMeasured() const;

    // The table; then, for each {numerator, denominator, target}, the ratio of
    // requests/s and of p99 latency, with the throughput target.
    struct Ratio
    {
        QString numerator;
        QString denominator;
        double throughputTarget = 0.0; // e.g. 0.8; 0 = none
    };
    QString render(const QList<Ratio> &ratios) const;

private:
    QList<Row> m_rows;
};

} // namespace sluice::bench
