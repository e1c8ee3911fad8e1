#pragma once

#include "AdminCacheHandler.h"
#include "http/HttpExchange.h"

#include <functional>
#include <memory>

namespace sluice {

class GatewayConfig;
class GatewayMetrics;
class TraceStore;

// The admin listener: GET /status (JSON), GET /metrics (Prometheus text), the
// cache endpoints under /cache/ (AdminCacheHandler, docs/cache-admin.md) and
// GET /traces/{id}, the trace of a traced request (docs/tracing.md).
// Nothing secret is served: connection strings are redacted.
class AdminHandler
{
public:
    struct Info
    {
        QString location;
        int threads = 0;
        QString listenUrl;
    };

    AdminHandler(std::function<std::shared_ptr<const GatewayConfig>()> config, GatewayMetrics &metrics, Info info,
                 AdminCacheHandler::StoreList cacheStores, const TraceStore *traces = nullptr);

    // `context` lives on the thread of the exchange's connection (the admin
    // worker's): asynchronous answers (the cache stores') come back on it.
    void handle(const HttpExchangePtr &exchange, QObject *context) const;
    QByteArray statusJson() const;

private:
    void handleTrace(const HttpExchangePtr &exchange) const;

    std::function<std::shared_ptr<const GatewayConfig>()> m_config;
    GatewayMetrics &m_metrics;
    Info m_info;
    AdminCacheHandler::StoreList m_stores;
    AdminCacheHandler m_cache;
    const TraceStore *m_traces = nullptr;
};

} // namespace sluice
