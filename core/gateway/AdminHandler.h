#pragma once

#include "http/HttpExchange.h"

#include <functional>
#include <memory>

namespace sluice {

class GatewayConfig;
class GatewayMetrics;

// The admin listener: GET /status (JSON) and GET /metrics (Prometheus text).
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

    AdminHandler(std::function<std::shared_ptr<const GatewayConfig>()> config, GatewayMetrics &metrics, Info info);

    void handle(const HttpExchangePtr &exchange) const;
    QByteArray statusJson() const;

private:
    std::function<std::shared_ptr<const GatewayConfig>()> m_config;
    GatewayMetrics &m_metrics;
    Info m_info;
};

} // namespace sluice
