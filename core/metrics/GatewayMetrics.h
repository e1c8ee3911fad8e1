#pragma once

#include "CacheMetrics.h"
#include "MetricsRegistry.h"
#include "RouteMetrics.h"

#include <QByteArray>
#include <QString>

#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <tuple>
#include <utility>

namespace sluice {

class CounterFamily;
class Gauge;
class GaugeFamily;
class HistogramFamily;

// The gateway's named metric set on its own registry:
//   sluice_requests_total{api,operation,status_class}      counter
//   sluice_request_duration_seconds{api}                   histogram
//   sluice_response_duration_seconds{api,operation,outcome} histogram; outcome: hit, miss, bypass, none
//   sluice_backend_requests_total{api,outcome}             counter
//   sluice_backend_duration_seconds{api}                   histogram
//   sluice_connections_active                              gauge
//   sluice_policy_errors_total{api}                        counter
//   sluice_cache_lookups_total{api,operation,cache,outcome}     counter
//   sluice_cache_bypasses_total{api,operation,cache,reason}     counter
//   sluice_cache_stores_total{api,operation,cache}              counter
//   sluice_cache_store_skips_total{api,operation,cache,reason}  counter
//   sluice_cache_backend_requests_avoided_total{api,operation,cache} counter
//   sluice_cache_lookup_duration_seconds{api,cache}             histogram
//   sluice_build_info{version}                             gauge, always 1
//   sluice_uptime_seconds                                  gauge, from the injected clock
// Labels carry only configured ids (API, operation, cache) and fixed
// vocabularies, never anything from a request, a header or a key.
//
// route() and cache() take a lock and may allocate; call them once per route
// (when a workspace is loaded, or on first use) and keep the pointer, which
// stays valid as long as this object. Everything else is lock-free.
class GatewayMetrics
{
public:
    // Monotonic milliseconds (e.g. QElapsedTimer::msecsSinceReference()); uptime
    // is measured from the first reading, taken in the constructor.
    using Clock = std::function<qint64()>;

    explicit GatewayMetrics(const QString &version = QStringLiteral(SLUICE_VERSION), Clock clock = {});
    ~GatewayMetrics();
    GatewayMetrics(const GatewayMetrics &) = delete;
    GatewayMetrics &operator=(const GatewayMetrics &) = delete;

    RouteMetrics *route(const QString &api, const QString &operation);
    CacheMetrics *cache(const QString &api, const QString &operation, const QString &cacheName);

    Gauge *connectionsActive() const { return m_connectionsActive; }
    double uptimeSeconds() const;

    // For further families (e.g. Redis connection metrics of the cache module).
    MetricsRegistry &registry() { return m_registry; }
    const MetricsRegistry &registry() const { return m_registry; }

    QByteArray prometheusText() const { return m_registry.prometheusText(); }
    MetricsSnapshot snapshot() const { return m_registry.snapshot(); }

private:
    Clock m_clock;
    qint64 m_startMs = 0;
    MetricsRegistry m_registry;
    RouteMetrics::Families m_routeFamilies;
    CacheMetrics::Families m_cacheFamilies;
    Gauge *m_connectionsActive = nullptr;

    std::mutex m_mutex;
    std::map<std::pair<QString, QString>, std::unique_ptr<RouteMetrics>> m_routes;
    std::map<std::tuple<QString, QString, QString>, std::unique_ptr<CacheMetrics>> m_caches;
};

} // namespace sluice
