#include "CacheMetrics.h"

#include "Counter.h"
#include "CounterFamily.h"
#include "Histogram.h"
#include "HistogramFamily.h"

namespace sluice {

CacheMetrics::CacheMetrics(const Families &families, const QString &api, const QString &operation,
                           const QString &cache)
    : m_stores(families.stores->withLabels({api, operation, cache}))
    , m_avoided(families.avoided->withLabels({api, operation, cache}))
    , m_lookupDuration(families.lookupDuration->withLabels({api, cache}))
{
    for (std::size_t i = 0; i < m_lookups.size(); ++i)
        m_lookups[i] = families.lookups->withLabels({api, operation, cache, outcomeName(CacheOutcome(i))});
    for (std::size_t i = 0; i < m_bypasses.size(); ++i)
        m_bypasses[i] = families.bypasses->withLabels({api, operation, cache, bypassReasonName(CacheBypassReason(i))});
    for (std::size_t i = 0; i < m_storeSkips.size(); ++i)
        m_storeSkips[i] = families.storeSkips->withLabels({api, operation, cache, storeSkipName(CacheStoreSkip(i))});
}

void CacheMetrics::recordLookup(CacheOutcome outcome, double seconds)
{
    lookups(outcome)->increment();
    m_lookupDuration->observe(seconds);
}

void CacheMetrics::recordBypass(CacheBypassReason reason)
{
    lookups(CacheOutcome::Bypass)->increment();
    bypasses(reason)->increment();
}

void CacheMetrics::recordStore() { m_stores->increment(); }

void CacheMetrics::recordStoreSkip(CacheStoreSkip reason) { storeSkips(reason)->increment(); }

void CacheMetrics::recordBackendAvoided() { m_avoided->increment(); }

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

QString CacheMetrics::bypassReasonName(CacheBypassReason reason)
{
    switch (reason) {
    case CacheBypassReason::Method:
        return QStringLiteral("method");
    case CacheBypassReason::Authorization:
        return QStringLiteral("authorization");
    case CacheBypassReason::NoExternalCache:
        return QStringLiteral("no_external_cache");
    }
    return QStringLiteral("unknown");
}

QString CacheMetrics::storeSkipName(CacheStoreSkip reason)
{
    switch (reason) {
    case CacheStoreSkip::Status:
        return QStringLiteral("status");
    case CacheStoreSkip::TooLarge:
        return QStringLiteral("too_large");
    case CacheStoreSkip::Duration:
        return QStringLiteral("duration");
    case CacheStoreSkip::ValueType:
        return QStringLiteral("value_type");
    case CacheStoreSkip::StoreError:
        return QStringLiteral("store_error");
    }
    return QStringLiteral("unknown");
}

} // namespace sluice
