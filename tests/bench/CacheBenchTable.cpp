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

CacheBenchTable::HitRow CacheBenchTable::medianRun(const QList<HitRow> &runs)
{
    Q_ASSERT(!runs.isEmpty());
    for (const HitRow &run : runs) {
        if (!run.failure.isEmpty())
            return run;
    }
    QList<HitRow> sorted = runs;
    std::sort(sorted.begin(), sorted.end(), [](const HitRow &a, const HitRow &b) {
        return a.wrk.requestsPerSecond < b.wrk.requestsPerSecond;
    });
    HitRow median = sorted.at((sorted.size() - 1) / 2);
    median.rounds = static_cast<int>(sorted.size());
    median.minRequestsPerSecond = sorted.front().wrk.requestsPerSecond;
    median.maxRequestsPerSecond = sorted.back().wrk.requestsPerSecond;
    return median;
}

QString CacheBenchTable::renderHits() const
{
    QString out;
    out += cell(tr("scenario"), 11) + cell(tr("target"), 13) + right(tr("req/s"), 10)
        + right(tr("range of rounds"), 17) + right(tr("p50"), 11)
        + right(tr("p99"), 11) + right(tr("CPU us/req"), 12) + right(tr("wrk us/req"), 12)
        + right(tr("redis us/req"), 14) + right(tr("requests"), 10) + right(tr("errors"), 8) + right(tr("origin"), 8)
        + QLatin1Char('\n');
    for (const HitRow &row : m_hits) {
        out += cell(row.scenario, 11) + cell(row.target, 13);
        if (!row.failure.isEmpty()) {
            out += (row.skipped ? tr("  skipped: ") : tr("  FAILED: ")) + row.failure + QLatin1Char('\n');
            continue;
        }
        const WrkResult &w = row.wrk;
        const QString range = row.rounds > 1 ? QStringLiteral("%1-%2")
                                                   .arg(row.minRequestsPerSecond, 0, 'f', 0)
                                                   .arg(row.maxRequestsPerSecond, 0, 'f', 0)
                                             : QStringLiteral("-");
        out += right(QString::number(w.requestsPerSecond, 'f', 0), 10) + right(range, 17) + right(ms(w.latencyP50Ms), 11)
            + right(ms(w.latencyP99Ms), 11)
            + right(row.cpuUsPerRequest ? QString::number(*row.cpuUsPerRequest, 'f', 1) : tr("n/a"), 12)
            + right(w.clientCpuSeconds && w.requests > 0
                        ? QString::number(*w.clientCpuSeconds * 1e6 / double(w.requests), 'f', 1)
                        : tr("n/a"),
                    12)
            + right(row.redisCpuUsPerRequest ? QString::number(*row.redisCpuUsPerRequest, 'f', 1) : QStringLiteral("-"),
                    14)
            + right(QString::number(w.requests), 10) + right(QString::number(w.non2xx3xx + w.socketErrors), 8)
            + right(row.originRequests >= 0 ? QString::number(row.originRequests) : tr("n/a"), 8) + QLatin1Char('\n');
    }
    return out;
}

QString CacheBenchTable::renderRatios() const
{
    struct Check
    {
        const char *subject;
        const char *reference;
        const char *what;
        std::function<std::optional<double>(const HitRow &)> value;
        double target;
        bool atLeast; // ratio >= target passes; otherwise ratio <= target
    };
    const auto throughput = [](const HitRow &r) -> std::optional<double> { return r.wrk.requestsPerSecond; };
    const auto cpu = [](const HitRow &r) { return r.cpuUsPerRequest; };
    const auto p99 = [](const HitRow &r) -> std::optional<double> { return r.wrk.latencyP99Ms; };
    const QList<Check> checks {{"sluice", "haproxy", "throughput", throughput, 1.0, true},
                               {"sluice", "nginx", "throughput", throughput, 1.25, true},
                               {"sluice", "haproxy", "CPU per hit", cpu, 1.0, false},
                               {"sluice", "nginx", "p99", p99, 1.0, false},
                               {"sluice+redis", "sluice", "throughput", throughput, 0.5, true},
                               {"sluice+redis", "nginx", "throughput", throughput, 1.0, true}};

    QStringList scenarios;
    for (const HitRow &row : m_hits) {
        if (!scenarios.contains(row.scenario))
            scenarios.append(row.scenario);
    }
    QString out = tr("ratios (printed, never asserted)\n");
    for (const QString &scenario : scenarios) {
        for (const Check &check : checks) {
            const QString subjectName = QString::fromLatin1(check.subject);
            const QString reference = QString::fromLatin1(check.reference);
            const HitRow *subject = find(scenario, subjectName);
            const HitRow *other = find(scenario, reference);
            if (!subject)
                continue; // not part of this run (--only)
            const QString name =
                QStringLiteral("%1/%2 %3").arg(subjectName, reference, QString::fromLatin1(check.what));
            const QString target =
                (check.atLeast ? QStringLiteral(">= ") : QStringLiteral("<= ")) + ratioText(check.target);
            out += cell(scenario, 11) + cell(name, 32);
            const std::optional<double> numerator =
                subject && subject->failure.isEmpty() ? check.value(*subject) : std::nullopt;
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

QString CacheBenchTable::renderRedisCommands() const
{
    QString out;
    for (const HitRow &row : m_hits) {
        if (!row.redisCommands && row.redisNote.isEmpty())
            continue;
        if (out.isEmpty()) {
            out = tr("redis commands per request (INFO commandstats before and after the wrk run; target: one GET per "
                     "hit, no other command; idle keep-alive PINGs listed apart)\n");
            out += cell(tr("scenario"), 11) + cell(tr("target"), 13) + right(tr("requests"), 10)
                + right(tr("GET calls"), 11) + right(tr("GET/req"), 9) + right(tr("other"), 8)
                + right(tr("other/req"), 11) + right(tr("PING"), 6) + QLatin1Char('\n');
        }
        out += cell(row.scenario, 11) + cell(row.target, 13);
        if (!row.redisCommands) {
            out += tr("  not counted: %1\n").arg(row.redisNote);
            continue;
        }
        const RedisCommands &commands = *row.redisCommands;
        const quint64 requests = row.wrk.requests;
        const quint64 pings = commands.others.value(QByteArrayLiteral("ping"), 0);
        quint64 others = 0;
        QStringList otherNames;
        for (auto it = commands.others.cbegin(); it != commands.others.cend(); ++it) {
            if (it.key() == "ping")
                continue;
            others += it.value();
            otherNames.append(QStringLiteral("%1=%2").arg(QString::fromLatin1(it.key())).arg(it.value()));
        }
        const auto perRequest = [requests](quint64 calls) {
            return requests > 0 ? QString::number(static_cast<double>(calls) / static_cast<double>(requests), 'f', 3)
                                : tr("n/a");
        };
        // Every completed hit did exactly one GET; the requests cut off at
        // the end of the run may have done theirs too.
        const bool pass = requests > 0 && commands.gets >= requests
            && commands.gets <= requests + commands.inFlightAllowance && others == 0 && pings <= commands.pingAllowance;
        out += right(QString::number(requests), 10) + right(QString::number(commands.gets), 11)
            + right(perRequest(commands.gets), 9) + right(QString::number(others), 8) + right(perRequest(others), 11)
            + right(QString::number(pings), 6)
            + tr("   %1").arg(pass ? QStringLiteral("PASS") : QStringLiteral("MISS"));
        if (!otherNames.isEmpty())
            out += tr(" (%1)").arg(otherNames.join(QStringLiteral(", ")));
        out += QLatin1Char('\n');
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
                     "(target for sluice and sluice+redis: at most one per expiry, <= %3)\n")
                      .arg(first.ttlSeconds)
                      .arg(first.durationSeconds)
                      .arg(expiryAllowance(first.ttlSeconds, first.durationSeconds));
    out += cell(tr("target"), 14) + right(tr("requests"), 10) + right(tr("origin"), 8) + right(tr("expiries"), 10)
        + QLatin1Char('\n');
    for (const ExpiryRow &row : m_expiry) {
        out += cell(row.target, 14);
        if (!row.failure.isEmpty()) {
            out += (row.skipped ? tr("  skipped: ") : tr("  FAILED: ")) + row.failure + QLatin1Char('\n');
            continue;
        }
        const int expiries = row.durationSeconds / std::max(row.ttlSeconds, 1);
        out += right(QString::number(row.clientRequests), 10) + right(QString::number(row.originRequests), 8)
            + right(QString::number(expiries), 10);
        if (row.target.startsWith(QLatin1String("sluice"))) {
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
