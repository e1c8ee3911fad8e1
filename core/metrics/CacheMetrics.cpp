#include "CacheMetrics.h"

#include "CounterFamily.h"

namespace sluice {

CacheMetrics::CacheMetrics(CounterFamily *lookups, CounterFamily *stores, const QString &api, const QString &cache)
    : m_stores(stores->withLabels({api, cache}))
{
    for (const CacheOutcome outcome : {CacheOutcome::Hit, CacheOutcome::Miss, CacheOutcome::Bypass, CacheOutcome::Error})
        m_lookups[static_cast<std::size_t>(outcome)] = lookups->withLabels({api, cache, outcomeName(outcome)});
}

void CacheMetrics::recordLookup(CacheOutcome outcome) { lookups(outcome)->increment(); }

void CacheMetrics::recordStore() { m_stores->increment(); }

QString CacheMetrics::outcomeName(CacheOutcome outcome)
{
    switch (outcome) {
    case CacheOutcome::Hit:
        return QStringLiteral("hit");
    case CacheOutcome::Miss:
        return QStringLiteral("miss");
    case CacheOutcome::Bypass:
        return QStringLiteral("bypass");
    case CacheOutcome::Error:
        return QStringLiteral("error");
    }
    return QStringLiteral("unknown");
}

} // namespace sluice
