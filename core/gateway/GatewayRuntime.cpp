#include "GatewayRuntime.h"

#include "cache/CacheStore.h"
#include "metrics/GatewayMetrics.h"
#include "metrics/RouteMetrics.h"

namespace sluice {

CacheMetrics *GatewayRuntime::cacheMetrics(RouteMetrics *route, CacheStore *store)
{
    if (!route || !m_metrics)
        return nullptr;
    const std::pair<const void *, const void *> key{route, store};
    const auto it = m_cacheMetrics.constFind(key);
    if (it != m_cacheMetrics.constEnd())
        return *it;
    // No store: caching-type="external" where no external cache serves this
    // location; its bypasses are counted under cache="external".
    CacheMetrics *metrics =
        m_metrics->cache(route->api(), route->operation(), store ? store->name() : QStringLiteral("external"));
    m_cacheMetrics.insert(key, metrics);
    return metrics;
}

} // namespace sluice
