#pragma once

#include "http/HttpExchange.h"

#include <QHash>

#include <memory>

namespace sluice {

class GatewayConfig;
class GatewayRuntime;
class RequestContext;
class RouteMetrics;
struct OperationRoute;

// The gateway's answer to one request on one worker thread: route, check the
// subscription, run the pipeline, respond, count and log.
class GatewayRequestHandler
{
public:
    GatewayRequestHandler(std::shared_ptr<const GatewayConfig> config, GatewayRuntime &runtime);

    void handle(const HttpExchangePtr &exchange);
    void setConfig(std::shared_ptr<const GatewayConfig> config);

private:
    void respondEarly(const HttpExchangePtr &exchange, HttpResponse response, const QString &api,
                      const QString &operation, RouteMetrics *metrics);
    void finish(const std::shared_ptr<RequestContext> &ctx);
    RouteMetrics *metricsFor(const QString &api, const QString &operation);
    RouteMetrics *metricsFor(const OperationRoute *route);

    std::shared_ptr<const GatewayConfig> m_config;
    GatewayRuntime &m_runtime;
    QHash<QString, RouteMetrics *> m_metrics; // "api\noperation" -> route metrics, per thread
    QHash<const OperationRoute *, RouteMetrics *> m_routeMetrics; // the same, by route (the hot path)
};

} // namespace sluice
