#include "BenchReport.h"

#include <QCoreApplication>

namespace sluice::bench {

namespace {

QString cell(const QString &text, int width) { return text.leftJustified(width, QLatin1Char(' ')); }
QString right(const QString &text, int width) { return text.rightJustified(width, QLatin1Char(' ')); }

QString ms(double value) { return QString::number(value, 'f', value < 10 ? 3 : 1) + QLatin1String(" ms"); }

} // namespace

void BenchReport::addMeasured(const QString &label, const WrkResult &result)
{
    m_rows.append({label, result.ok ? QString() : result.error, result});
}

void BenchReport::addFailed(const QString &label, const QString &reason) { m_rows.append({label, reason, {}}); }

const BenchReport::Row *BenchReport::row(const QString &label) const
{
    for (const Row &r : m_rows) {
        if (r.label == label)
            return &r;
    }
    return nullptr;
}

bool BenchReport::allMeasured() const
{
    for (const Row &r : m_rows) {
        if (!r.failure.isEmpty())
            return false;
    }
    return true;
}

QString BenchReport::render(const QList<Ratio> &ratios) const
{
    int labelWidth = 8;
    for (const Row &r : m_rows)
        labelWidth = std::max(labelWidth, static_cast<int>(r.label.size()) + 2);
    QString out;
    out += cell(QStringLiteral("target"), labelWidth) + right(QStringLiteral("req/s"), 12)
        + right(QStringLiteral("p50"), 12) + right(QStringLiteral("p90"), 12) + right(QStringLiteral("p99"), 12)
        + right(QStringLiteral("requests"), 11) + right(QStringLiteral("errors"), 9) + QLatin1Char('\n');
    for (const Row &r : m_rows) {
        out += cell(r.label, labelWidth);
        if (!r.failure.isEmpty()) {
            out += QStringLiteral("  FAILED: ") + r.failure + QLatin1Char('\n');
            continue;
        }
        const WrkResult &w = r.result;
        out += right(QString::number(w.requestsPerSecond, 'f', 0), 12) + right(ms(w.latencyP50Ms), 12)
            + right(ms(w.latencyP90Ms), 12) + right(ms(w.latencyP99Ms), 12) + right(QString::number(w.requests), 11)
            + right(QString::number(w.non2xx3xx + w.socketErrors), 9) + QLatin1Char('\n');
    }
    for (const Ratio &ratio : ratios) {
        const Row *num = row(ratio.numerator);
        const Row *den = row(ratio.denominator);
        const QString name = ratio.numerator + QLatin1Char('/') + ratio.denominator;
        if (!num || !den || !num->failure.isEmpty() || !den->failure.isEmpty()
            || den->result.requestsPerSecond <= 0 || den->result.latencyP99Ms <= 0) {
            out += cell(name, labelWidth) + QStringLiteral("  n/a (a side was not measured)\n");
            continue;
        }
        const double throughput = num->result.requestsPerSecond / den->result.requestsPerSecond;
        const double p99 = num->result.latencyP99Ms / den->result.latencyP99Ms;
        out += cell(name, labelWidth) + right(QString::number(throughput, 'f', 2) + QLatin1Char('x'), 12)
            + right(QString(), 24) + right(QString::number(p99, 'f', 2) + QLatin1Char('x'), 12);
        if (ratio.throughputTarget > 0) {
            out += QStringLiteral("   throughput target >= %1x: %2")
                       .arg(QString::number(ratio.throughputTarget, 'f', 2),
                            throughput >= ratio.throughputTarget ? QStringLiteral("met") : QStringLiteral("NOT met"));
        }
        out += QLatin1Char('\n');
    }
    return out;
}

} // namespace sluice::bench
