#pragma once

#include "caching/CacheServices.h"

#include <QHash>
#include <QObject>
#include <QString>

namespace sluice {

class CacheMetrics;
class CacheStore;
class RouteMetrics;
class UpstreamClient;
class GatewayMetrics;
class RequestLog;
class RateLimitCounters;
class TraceStore;

// The per-worker-thread services a request uses: its thread's upstream client,
// the shared caches, metrics and log, and the gateway's location. Lives on its
// worker thread; the QObject is the context for asynchronous callbacks.
class GatewayRuntime : public QObject
{
    Q_OBJECT
public:
    GatewayRuntime(UpstreamClient &upstream, GatewayMetrics *metrics, RequestLog *log, QString location,
                   CacheServices *caches = nullptr, QObject *parent = nullptr)
        : QObject(parent)
        , m_upstream(upstream)
        , m_metrics(metrics)
        , m_log(log)
        , m_location(std::move(location))
        , m_caches(caches)
    { }

    UpstreamClient &upstream() const { return m_upstream; }
    GatewayMetrics *metrics() const { return m_metrics; }
    RequestLog *log() const { return m_log; }
    const QString &location() const { return m_location; }
    CacheServices *caches() const { return m_caches; }

    // The counters of rate-limit and quota policies (shared by the gateway's
    // threads); null when the gateway runs without them.
    RateLimitCounters *rateLimits() const { return m_rateLimits; }
    void setRateLimits(RateLimitCounters *counters) { m_rateLimits = counters; }

    // Where traced requests go; null when the gateway traces nothing (the
    // only cost tracing adds to an untraced request is this check).
    TraceStore *traces() const { return m_traces; }
    void setTraces(TraceStore *traces) { m_traces = traces; }

    // The external cache serving this gateway's location on this thread, or null.
    CacheStore *externalCache() const { return m_external; }
    void setExternalCache(CacheStore *store) { m_external = store; }

    // The store a caching policy with this caching-type uses: the external
    // cache for "external" (null when none serves this location), the external
    // cache or else the built-in one for "prefer-external", the built-in one for
    // "internal". Null when the gateway runs without caches.
    CacheStore *cacheStore(CachingType type) const
    {
        if (!m_caches)
            return nullptr;
        switch (type) {
        case CachingType::External:
            return m_external;
        case CachingType::PreferExternal:
            return m_external ? m_external : &m_caches->internal();
        case CachingType::Internal:
            return &m_caches->internal();
        }
        return nullptr;
    }

    // The cache metrics of a route for a store, made on first use and kept per
    // thread (no lock on the request path). Null when the request is not measured.
    CacheMetrics *cacheMetrics(RouteMetrics *route, CacheStore *store);

private:
    UpstreamClient &m_upstream;
    GatewayMetrics *m_metrics = nullptr;
    RequestLog *m_log = nullptr;
    QString m_location;
    CacheServices *m_caches = nullptr;
    CacheStore *m_external = nullptr;
    RateLimitCounters *m_rateLimits = nullptr;
    TraceStore *m_traces = nullptr;
    QHash<std::pair<const void *, const void *>, CacheMetrics *> m_cacheMetrics;
};

} // namespace sluice
