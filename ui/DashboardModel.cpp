#include "DashboardModel.h"

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
    Q_EMIT updated();
}

void DashboardModel::resetCounters()
{
    m_baseline = m_last;
    m_rates.clear();
    m_totals = {};
    for (DashboardRoute &r : m_routes)
        r.totals = {};
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
    Q_EMIT updated();
}

} // namespace sluice
