#include "GatewayMetrics.h"

#include "CallbackGauge.h"
#include "CounterFamily.h"
#include "Gauge.h"
#include "GaugeFamily.h"
#include "HistogramFamily.h"

#include <chrono>

namespace sluice {

namespace {

qint64 steadyMilliseconds()
{
    using namespace std::chrono;
    return duration_cast<milliseconds>(steady_clock::now().time_since_epoch()).count();
}

} // namespace

GatewayMetrics::GatewayMetrics(const QString &version, Clock clock)
    : m_clock(clock ? std::move(clock) : Clock(steadyMilliseconds))
    , m_startMs(m_clock())
{
    const QString api = QStringLiteral("api");
    MetricsRegistry &r = m_registry;
    m_routeFamilies.requests = r.addCounterFamily(
        QStringLiteral("sluice_requests_total"), QStringLiteral("Requests answered by the gateway."),
        {api, QStringLiteral("operation"), QStringLiteral("status_class")});
    m_routeFamilies.duration = r.addHistogramFamily(
        QStringLiteral("sluice_request_duration_seconds"),
        QStringLiteral("Time from the first byte of a request to the last byte of its response."), {api});
    m_routeFamilies.backendRequests = r.addCounterFamily(
        QStringLiteral("sluice_backend_requests_total"), QStringLiteral("Calls to backends by outcome."),
        {api, QStringLiteral("outcome")});
    m_routeFamilies.backendDuration = r.addHistogramFamily(
        QStringLiteral("sluice_backend_duration_seconds"), QStringLiteral("Duration of calls to backends."), {api});
    m_routeFamilies.policyErrors = r.addCounterFamily(
        QStringLiteral("sluice_policy_errors_total"), QStringLiteral("Policy steps that failed at run time."), {api});
    const QString operation = QStringLiteral("operation");
    m_routeFamilies.responseDuration = r.addHistogramFamily(
        QStringLiteral("sluice_response_duration_seconds"),
        QStringLiteral("Time to answer a request by what response caching did: hit (served from the cache), "
                       "miss, bypass, none (no cache-lookup)."),
        {api, operation, QStringLiteral("outcome")});
    const QString cache = QStringLiteral("cache");
    const QString reason = QStringLiteral("reason");
    m_cacheFamilies.lookups = r.addCounterFamily(
        QStringLiteral("sluice_cache_lookups_total"),
        QStringLiteral("Cache lookups by outcome (hit, miss, bypass, error)."),
        {api, operation, cache, QStringLiteral("outcome")});
    m_cacheFamilies.bypasses = r.addCounterFamily(QStringLiteral("sluice_cache_bypasses_total"),
                                                  QStringLiteral("Requests to which caching did not apply, by reason."),
                                                  {api, operation, cache, reason});
    m_cacheFamilies.stores = r.addCounterFamily(QStringLiteral("sluice_cache_stores_total"),
                                                QStringLiteral("Responses or values stored in a cache."),
                                                {api, operation, cache});
    m_cacheFamilies.storeSkips = r.addCounterFamily(
        QStringLiteral("sluice_cache_store_skips_total"),
        QStringLiteral("Responses or values that a store policy did not store, by reason."),
        {api, operation, cache, reason});
    m_cacheFamilies.avoided = r.addCounterFamily(
        QStringLiteral("sluice_cache_backend_requests_avoided_total"),
        QStringLiteral("Responses served from a cache (or a collapsed miss) without calling the backend."),
        {api, operation, cache});
    m_cacheFamilies.lookupDuration = r.addHistogramFamily(QStringLiteral("sluice_cache_lookup_duration_seconds"),
                                                          QStringLiteral("Duration of cache lookups."),
                                                          {api, cache});
    m_connectionsActive = r.addGaugeFamily(QStringLiteral("sluice_connections_active"),
                                           QStringLiteral("Client connections currently open."))
                              ->withLabels({});
    r.addGaugeFamily(QStringLiteral("sluice_build_info"), QStringLiteral("Build information; the value is 1."),
                     {QStringLiteral("version")})
        ->withLabels({version})
        ->set(1.0);
    r.addCallbackGauge(QStringLiteral("sluice_uptime_seconds"), QStringLiteral("Seconds since the gateway started."),
                       [this] { return uptimeSeconds(); });
}

GatewayMetrics::~GatewayMetrics() = default;

RouteMetrics *GatewayMetrics::route(const QString &api, const QString &operation)
{
    std::lock_guard lock(m_mutex);
    std::unique_ptr<RouteMetrics> &slot = m_routes[{api, operation}];
    if (!slot)
        slot = std::make_unique<RouteMetrics>(m_routeFamilies, api, operation);
    return slot.get();
}

CacheMetrics *GatewayMetrics::cache(const QString &api, const QString &operation, const QString &cacheName)
{
    std::lock_guard lock(m_mutex);
    std::unique_ptr<CacheMetrics> &slot = m_caches[{api, operation, cacheName}];
    if (!slot)
        slot = std::make_unique<CacheMetrics>(m_cacheFamilies, api, operation, cacheName);
    return slot.get();
}

double GatewayMetrics::uptimeSeconds() const
{
    return static_cast<double>(m_clock() - m_startMs) / 1000.0;
}

} // namespace sluice
