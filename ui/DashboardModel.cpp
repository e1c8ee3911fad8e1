#include "DashboardModel.h"

#include <QLocale>
#include <QMap>

#include <map>
#include <utility>

namespace sluice {

namespace {

const QString kApi = QStringLiteral("api");
const QString kOperation = QStringLiteral("operation");

using RouteKey = std::pair<QString, QString>;

// Adds each sample of `familyName` to its route's totals through `field`.
template<typename Field>
void addByRoute(const MetricsSnapshot &snapshot, const QString &familyName, std::map<RouteKey, DashboardTotals> *routes,
                Field field)
{
    const MetricFamilySnapshot *family = snapshot.family(familyName);
    if (!family)
        return;
    for (const MetricSample &sample : family->samples) {
        const RouteKey key {sample.label(family->labelNames, kApi), sample.label(family->labelNames, kOperation)};
        field(sample, family->labelNames, (*routes)[key]);
    }
}

} // namespace

double DashboardTotals::hitRatio() const
{
    const double lookups = hits + misses;
    return lookups > 0 ? hits / lookups : 0.0;
}

DashboardModel::DashboardModel(QObject *parent, int historySeconds)
    : QObject(parent)
    , m_historySeconds(historySeconds)
{ }

DashboardModel::Raw DashboardModel::read(const MetricsSnapshot &snapshot)
{
    std::map<RouteKey, DashboardTotals> routes;
    const QString outcome = QStringLiteral("outcome");
    addByRoute(snapshot, QStringLiteral("sluice_cache_lookups_total"), &routes,
               [&](const MetricSample &s, const QStringList &names, DashboardTotals &t) {
                   const QString o = s.label(names, outcome);
                   if (o == QLatin1String("hit"))
                       t.hits += s.value;
                   else if (o == QLatin1String("miss"))
                       t.misses += s.value;
                   else if (o == QLatin1String("error"))
                       t.errors += s.value;
               });
    addByRoute(snapshot, QStringLiteral("sluice_cache_bypasses_total"), &routes,
               [](const MetricSample &s, const QStringList &, DashboardTotals &t) { t.bypasses += s.value; });
    addByRoute(snapshot, QStringLiteral("sluice_cache_stores_total"), &routes,
               [](const MetricSample &s, const QStringList &, DashboardTotals &t) { t.stores += s.value; });
    addByRoute(snapshot, QStringLiteral("sluice_cache_backend_requests_avoided_total"), &routes,
               [](const MetricSample &s, const QStringList &, DashboardTotals &t) { t.backendAvoided += s.value; });
    addByRoute(snapshot, QStringLiteral("sluice_requests_total"), &routes,
               [](const MetricSample &s, const QStringList &, DashboardTotals &t) { t.requests += s.value; });

    Raw raw;
    if (const MetricFamilySnapshot *latency = snapshot.family(QStringLiteral("sluice_response_duration_seconds"))) {
        for (const MetricSample &sample : latency->samples) {
            QList<double> &sum = raw.latencyBuckets[sample.label(latency->labelNames, outcome)];
            sum.resize(sample.bucketCounts.size(), 0.0);
            for (qsizetype i = 0; i < sample.bucketCounts.size(); ++i)
                sum[i] += double(sample.bucketCounts.at(i));
        }
    }
    for (const auto &[key, totals] : routes) {
        raw.routes.append({key.first, key.second, totals});
        raw.totals.requests += totals.requests;
        raw.totals.hits += totals.hits;
        raw.totals.misses += totals.misses;
        raw.totals.bypasses += totals.bypasses;
        raw.totals.errors += totals.errors;
        raw.totals.stores += totals.stores;
        raw.totals.backendAvoided += totals.backendAvoided;
    }
    return raw;
}

DashboardTotals DashboardModel::minus(const DashboardTotals &a, const DashboardTotals &b)
{
    return {a.requests - b.requests,
            a.hits - b.hits,
            a.misses - b.misses,
            a.bypasses - b.bypasses,
            a.errors - b.errors,
            a.stores - b.stores,
            a.backendAvoided - b.backendAvoided};
}

void DashboardModel::update(const MetricsSnapshot &snapshot, qint64 nowMs)
{
    const Raw raw = read(snapshot);
    if (m_hasData && nowMs > m_lastMs) {
        const double seconds = static_cast<double>(nowMs - m_lastMs) / 1000.0;
        DashboardRate rate;
        rate.timeMs = nowMs;
        rate.hitsPerSecond = (raw.totals.hits - m_last.totals.hits) / seconds;
        rate.missesPerSecond = (raw.totals.misses - m_last.totals.misses) / seconds;
        m_rates.push_back(rate);
        const qint64 oldest = nowMs - qint64(m_historySeconds) * 1000;
        while (!m_rates.empty() && m_rates.front().timeMs < oldest)
            m_rates.pop_front();
    }
    m_last = raw;
    m_lastMs = nowMs;
    m_hasData = true;

    m_totals = minus(raw.totals, m_baseline.totals);
    QMap<RouteKey, DashboardTotals> baselineRoutes;
    for (const DashboardRoute &r : std::as_const(m_baseline.routes))
        baselineRoutes.insert({r.api, r.operation}, r.totals);
    m_routes.clear();
    for (const DashboardRoute &r : raw.routes)
        m_routes.append({r.api, r.operation, minus(r.totals, baselineRoutes.value({r.api, r.operation}))});

    const QMap<QString, QString> builtIn {{QStringLiteral("cache"), QStringLiteral("internal")}};
    m_entries = snapshot.total(QStringLiteral("sluice_cache_entries"), builtIn);
    m_bytes = snapshot.total(QStringLiteral("sluice_cache_bytes"), builtIn);
    m_capacity = snapshot.total(QStringLiteral("sluice_cache_capacity_bytes"), builtIn);

    if (const MetricFamilySnapshot *latency = snapshot.family(QStringLiteral("sluice_response_duration_seconds")))
        m_latencyBounds = latency->bucketBounds;
    m_latency.clear();
    for (auto it = raw.latencyBuckets.cbegin(); it != raw.latencyBuckets.cend(); ++it) {
        QList<double> counts = it.value();
        const QList<double> base = m_baseline.latencyBuckets.value(it.key());
        for (qsizetype i = 0; i < counts.size() && i < base.size(); ++i)
            counts[i] -= base.at(i);
        if (counts.isEmpty() || counts.constLast() <= 0)
            continue;
        m_latency.insert(it.key(), {counts.constLast(), quantile(0.5, m_latencyBounds, counts),
                                    quantile(0.95, m_latencyBounds, counts)});
    }

    m_minute.push_back({nowMs, raw.totals.hits, raw.totals.misses});
    while (m_minute.size() > 1 && m_minute.front().timeMs < nowMs - 60'000)
        m_minute.pop_front();
    Q_EMIT updated();
}

DashboardTotals DashboardModel::lastMinute() const
{
    DashboardTotals t;
    if (m_minute.empty())
        return t;
    // From the oldest snapshot of the minute, or from the baseline when it is later.
    double hits = m_minute.front().hits;
    double misses = m_minute.front().misses;
    if (m_minute.size() == 1 || m_baseline.totals.hits + m_baseline.totals.misses > hits + misses) {
        hits = m_baseline.totals.hits;
        misses = m_baseline.totals.misses;
    }
    t.hits = m_minute.back().hits - hits;
    t.misses = m_minute.back().misses - misses;
    return t;
}

QString DashboardModel::verdict() const
{
    if (!m_hasData)
        return tr("The gateway is not running: start it on the Gateway page.");
    if (m_totals.hits + m_totals.misses == 0)
        return tr("No cache lookups yet: send a request to an operation with cache-lookup.");
    const DashboardTotals minute = lastMinute();
    const QLocale locale;
    if (minute.hits + minute.misses == 0)
        return tr("No cache lookups in the last minute; %1 % of all lookups were served from cache.")
            .arg(locale.toString(m_totals.hitRatio() * 100.0, 'f', 0));
    if (minute.hits == 0)
        return tr("No hits in the last minute: %n lookups, all misses. Repeat a request to see a hit; if it still "
                  "misses, check that cache-store runs in the outbound section.",
                  nullptr, int(minute.misses));
    return tr("Caching works: %1 % of lookups served from cache in the last minute.")
        .arg(locale.toString(minute.hitRatio() * 100.0, 'f', 0));
}

void DashboardModel::setExternalStores(const QList<ExternalStoreStatus> &stores)
{
    m_stores = stores;
    Q_EMIT updated();
}

double DashboardModel::quantile(double q, const QList<double> &bounds, const QList<double> &cumulative)
{
    if (cumulative.isEmpty() || cumulative.constLast() <= 0)
        return 0;
    const double rank = q * cumulative.constLast();
    for (qsizetype i = 0; i < cumulative.size(); ++i) {
        if (cumulative.at(i) < rank)
            continue;
        if (i >= bounds.size()) // the +Inf bucket: the highest finite bound is all that is known
            return bounds.isEmpty() ? 0 : bounds.constLast();
        const double lower = i == 0 ? 0 : bounds.at(i - 1);
        const double below = i == 0 ? 0 : cumulative.at(i - 1);
        const double inBucket = cumulative.at(i) - below;
        return inBucket > 0 ? lower + (bounds.at(i) - lower) * (rank - below) / inBucket : bounds.at(i);
    }
    return bounds.isEmpty() ? 0 : bounds.constLast();
}

void DashboardModel::resetCounters()
{
    m_baseline = m_last;
    m_rates.clear();
    m_totals = {};
    for (DashboardRoute &r : m_routes)
        r.totals = {};
    m_latency.clear();
    Q_EMIT updated();
}

void DashboardModel::clear()
{
    m_baseline = {};
    m_last = {};
    m_hasData = false;
    m_rates.clear();
    m_totals = {};
    m_routes.clear();
    m_entries = m_bytes = m_capacity = 0;
    m_latency.clear();
    m_minute.clear();
    Q_EMIT updated();
}

} // namespace sluice
