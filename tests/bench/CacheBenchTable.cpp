#include "CacheBenchTable.h"

#include <QCoreApplication>
#include <QStringList>

#include <algorithm>
#include <functional>

namespace sluice::bench {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("Bench", text);
}

QString cell(const QString &text, int width)
{
    return text.leftJustified(width, QLatin1Char(' '));
}
QString right(const QString &text, int width)
{
    return text.rightJustified(width, QLatin1Char(' '));
}

QString ms(double value)
{
    return QString::number(value, 'f', value < 10 ? 3 : 1) + QLatin1String(" ms");
}

QString ratioText(double value)
{
    return QString::number(value, 'f', 2) + QLatin1Char('x');
}

} // namespace

const CacheBenchTable::HitRow *CacheBenchTable::find(const QString &scenario, const QString &target) const
{
    for (const HitRow &row : m_hits) {
        if (row.scenario == scenario && row.target == target)
            return &row;
    }
    return nullptr;
}

bool CacheBenchTable::anyFailure() const
{
    for (const HitRow &row : m_hits) {
        if (!row.failure.isEmpty() && !row.skipped)
            return true;
    }
    for (const ExpiryRow &row : m_expiry) {
        if (!row.failure.isEmpty() && !row.skipped)
            return true;
    }
    return false;
}

QString CacheBenchTable::renderHits() const
{
    QString out;
    out += cell(tr("scenario"), 11) + cell(tr("target"), 9) + right(tr("req/s"), 10) + right(tr("p50"), 11)
        + right(tr("p99"), 11) + right(tr("CPU us/req"), 12) + right(tr("requests"), 10) + right(tr("errors"), 8)
        + right(tr("origin"), 8) + QLatin1Char('\n');
    for (const HitRow &row : m_hits) {
        out += cell(row.scenario, 11) + cell(row.target, 9);
        if (!row.failure.isEmpty()) {
            out += (row.skipped ? tr("  skipped: ") : tr("  FAILED: ")) + row.failure + QLatin1Char('\n');
            continue;
        }
        const WrkResult &w = row.wrk;
        out += right(QString::number(w.requestsPerSecond, 'f', 0), 10) + right(ms(w.latencyP50Ms), 11)
            + right(ms(w.latencyP99Ms), 11)
            + right(row.cpuUsPerRequest ? QString::number(*row.cpuUsPerRequest, 'f', 1) : tr("n/a"), 12)
            + right(QString::number(w.requests), 10) + right(QString::number(w.non2xx3xx + w.socketErrors), 8)
            + right(row.originRequests >= 0 ? QString::number(row.originRequests) : tr("n/a"), 8) + QLatin1Char('\n');
    }
    return out;
}

QString CacheBenchTable::renderRatios() const
{
    struct Check
    {
        const char *reference;
        const char *what;
        std::function<std::optional<double>(const HitRow &)> value;
        double target;
        bool atLeast; // ratio >= target passes; otherwise ratio <= target
    };
    const auto throughput = [](const HitRow &r) -> std::optional<double> { return r.wrk.requestsPerSecond; };
    const auto cpu = [](const HitRow &r) { return r.cpuUsPerRequest; };
    const auto p99 = [](const HitRow &r) -> std::optional<double> { return r.wrk.latencyP99Ms; };
    const QList<Check> checks {{"haproxy", "throughput", throughput, 1.0, true},
                               {"nginx", "throughput", throughput, 1.25, true},
                               {"haproxy", "CPU per hit", cpu, 1.0, false},
                               {"nginx", "p99", p99, 1.0, false}};

    QStringList scenarios;
    for (const HitRow &row : m_hits) {
        if (!scenarios.contains(row.scenario))
            scenarios.append(row.scenario);
    }
    QString out = tr("ratios (printed, never asserted)\n");
    for (const QString &scenario : scenarios) {
        const HitRow *sluice = find(scenario, QStringLiteral("sluice"));
        for (const Check &check : checks) {
            const QString reference = QString::fromLatin1(check.reference);
            const QString name = QStringLiteral("sluice/%1 %2").arg(reference, QString::fromLatin1(check.what));
            const QString target =
                (check.atLeast ? QStringLiteral(">= ") : QStringLiteral("<= ")) + ratioText(check.target);
            out += cell(scenario, 11) + cell(name, 27);
            const HitRow *other = find(scenario, reference);
            const std::optional<double> numerator =
                sluice && sluice->failure.isEmpty() ? check.value(*sluice) : std::nullopt;
            const std::optional<double> denominator =
                other && other->failure.isEmpty() ? check.value(*other) : std::nullopt;
            if (!numerator || !denominator || *denominator <= 0) {
                out += right(tr("n/a"), 8) + tr("   target %1: not measured\n").arg(target);
                continue;
            }
            const double ratio = *numerator / *denominator;
            const bool pass = check.atLeast ? ratio >= check.target : ratio <= check.target;
            out += right(ratioText(ratio), 8)
                + tr("   target %1: %2\n").arg(target, pass ? QStringLiteral("PASS") : QStringLiteral("MISS"));
        }
    }
    return out;
}

qint64 CacheBenchTable::expiryAllowance(int ttlSeconds, int durationSeconds)
{
    const int ttl = std::max(ttlSeconds, 1);
    return (durationSeconds + ttl - 1) / ttl + 1;
}

QString CacheBenchTable::renderExpiry() const
{
    if (m_expiry.isEmpty())
        return {};
    const ExpiryRow &first = m_expiry.constFirst();
    QString out = tr("hot key expiry: 1 URL stored for %1 s, wrk for %2 s; origin requests per expiry "
                     "(target for sluice: at most one per expiry, <= %3)\n")
                      .arg(first.ttlSeconds)
                      .arg(first.durationSeconds)
                      .arg(expiryAllowance(first.ttlSeconds, first.durationSeconds));
    out += cell(tr("target"), 11) + right(tr("requests"), 10) + right(tr("origin"), 8) + right(tr("expiries"), 10)
        + QLatin1Char('\n');
    for (const ExpiryRow &row : m_expiry) {
        out += cell(row.target, 11);
        if (!row.failure.isEmpty()) {
            out += (row.skipped ? tr("  skipped: ") : tr("  FAILED: ")) + row.failure + QLatin1Char('\n');
            continue;
        }
        const int expiries = row.durationSeconds / std::max(row.ttlSeconds, 1);
        out += right(QString::number(row.clientRequests), 10) + right(QString::number(row.originRequests), 8)
            + right(QString::number(expiries), 10);
        if (row.target == QLatin1String("sluice")) {
            const bool pass =
                row.originRequests >= 0 && row.originRequests <= expiryAllowance(row.ttlSeconds, row.durationSeconds);
            out += tr("   target <= %1: %2")
                       .arg(expiryAllowance(row.ttlSeconds, row.durationSeconds))
                       .arg(pass ? QStringLiteral("PASS") : QStringLiteral("MISS"));
        } else {
            out += tr("   reference");
        }
        out += QLatin1Char('\n');
    }
    return out;
}

} // namespace sluice::bench
