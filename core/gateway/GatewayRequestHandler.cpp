#include "GatewayRequestHandler.h"

#include "GatewayConfig.h"
#include "GatewayRuntime.h"
#include "PipelineExecutor.h"
#include "RequestContext.h"
#include "RequestTrace.h"
#include "TraceStore.h"
#include "caching/ResponseCacheState.h"
#include "common/RequestLog.h"
#include "metrics/GatewayMetrics.h"

#include <QCoreApplication>

namespace sluice {

namespace {

const QByteArray SubscriptionKeyHeader = QByteArrayLiteral("Ocp-Apim-Subscription-Key");
const QByteArray TraceIdHeader = QByteArrayLiteral("Sluice-Trace-Id");
const QString SubscriptionKeyQuery = QStringLiteral("subscription-key");

bool covers(const Workspace &workspace, const Subscription &subscription, const Api &api)
{
    switch (subscription.scopeKind()) {
    case Subscription::ScopeKind::All:
        return true;
    case Subscription::ScopeKind::Api:
        return subscription.scopeTarget() == api.id;
    case Subscription::ScopeKind::Product:
        if (const Product *p = workspace.product(subscription.scopeTarget()))
            return p->apis.contains(api.id);
        return false;
    }
    return false;
}

// What cache-lookup decided, for the response-time histogram.
ResponseCacheOutcome responseCacheOutcome(const RequestContext &ctx)
{
    if (!ctx.responseCache)
        return ResponseCacheOutcome::None;
    switch (ctx.responseCache->outcome) {
    case ResponseCacheState::Outcome::Hit:
        return ResponseCacheOutcome::Hit;
    case ResponseCacheState::Outcome::Miss:
        return ResponseCacheOutcome::Miss;
    case ResponseCacheState::Outcome::Bypass:
        break;
    }
    return ResponseCacheOutcome::Bypass;
}

} // namespace

GatewayRequestHandler::GatewayRequestHandler(std::shared_ptr<const GatewayConfig> config, GatewayRuntime &runtime)
    : m_config(std::move(config))
    , m_runtime(runtime)
{ }

void GatewayRequestHandler::setConfig(std::shared_ptr<const GatewayConfig> config)
{
    m_config = std::move(config);
    m_routeMetrics.clear(); // keyed by the old configuration's routes
}

RouteMetrics *GatewayRequestHandler::metricsFor(const QString &api, const QString &operation)
{
    GatewayMetrics *metrics = m_runtime.metrics();
    if (!metrics)
        return nullptr;
    const QString key = api + QLatin1Char('\n') + operation;
    auto it = m_metrics.constFind(key);
    if (it != m_metrics.constEnd())
        return *it;
    RouteMetrics *route = metrics->route(api, operation);
    m_metrics.insert(key, route);
    return route;
}

RouteMetrics *GatewayRequestHandler::metricsFor(const OperationRoute *route)
{
    const auto it = m_routeMetrics.constFind(route);
    if (it != m_routeMetrics.constEnd())
        return *it;
    RouteMetrics *metrics = metricsFor(route->api->id, route->operation->id);
    m_routeMetrics.insert(route, metrics);
    return metrics;
}

void GatewayRequestHandler::respondEarly(const HttpExchangePtr &exchange, HttpResponse response, const QString &api,
                                         const QString &operation, RouteMetrics *metrics)
{
    const HttpRequest &request = exchange->request();
    if (metrics)
        metrics->recordRequest(response.status, 0);
    if (RequestLog *log = m_runtime.log())
        log->request(request.method, request.path, response.status, 0, api, operation, {});
    exchange->respond(std::move(response));
}

void GatewayRequestHandler::handle(const HttpExchangePtr &exchange)
{
    const std::shared_ptr<const GatewayConfig> config = m_config;
    const HttpRequest &request = exchange->request();

    Router::Match match = config->router().match(request.method, request.path);
    bool preflight = false;
    if (!match.operation && request.method == "OPTIONS" && request.headers.contains("Origin")
        && request.headers.contains("Access-Control-Request-Method")) {
        // A preflight for an API without an OPTIONS operation: the cors policy
        // of the operation it asks about answers it.
        Router::Match asked = config->router().match(
            request.headers.value("Access-Control-Request-Method").trimmed().toUpper(), request.path);
        if (asked.operation) {
            match = asked;
            preflight = true;
        }
    }
    if (!match.operation) {
        const QString api = match.api ? match.api->api->id : QString();
        respondEarly(exchange,
                     HttpResponse::apimError(404, QCoreApplication::translate("Gateway", "Resource not found")), api,
                     {}, metricsFor(api.isEmpty() ? QStringLiteral("-") : api, QStringLiteral("-")));
        return;
    }
    const Api &api = *match.api->api;
    const Operation &operation = *match.operation->operation;
    RouteMetrics *metrics = metricsFor(match.operation);

    auto ctx = std::make_shared<RequestContext>(config, &m_runtime, exchange);
    ctx->api = &api;
    ctx->operation = &operation;
    ctx->route = match.operation;
    ctx->matchedParameters = match.parameters;
    ctx->metrics = metrics;
    ctx->corsPreflight = preflight;
    ctx->backendBaseUrl = api.serviceUrl;
    ctx->path = match.relativePath;

    // The subscription key: header first, then the query; never forwarded.
    QString key;
    if (request.headers.contains(SubscriptionKeyHeader)) {
        key = QString::fromUtf8(request.headers.value(SubscriptionKeyHeader));
        ctx->requestHeaders.remove(SubscriptionKeyHeader);
    }
    if (request.query.contains("subscription-key")) {
        auto query = ctx->queryParameters();
        for (qsizetype i = 0; i < query.size(); ++i) {
            if (query.at(i).first == SubscriptionKeyQuery) {
                if (key.isEmpty())
                    key = query.at(i).second;
                query.removeAt(i--);
            }
        }
        ctx->setQueryParameters(std::move(query));
    }
    if (!key.isEmpty()) {
        const Subscription *subscription = config->subscriptionByKey(key);
        if (!subscription || !subscription->isActive() || !covers(config->workspace(), *subscription, api)) {
            respondEarly(exchange,
                         HttpResponse::apimError(
                             401,
                             QCoreApplication::translate("Gateway",
                                                         "Access denied due to invalid subscription key. Make sure "
                                                         "to provide a valid key for an active subscription.")),
                         api.id, operation.id, metrics);
            return;
        }
        ctx->subscription = subscription;
        ctx->subscriptionKey = key;
        if (subscription->scopeKind() == Subscription::ScopeKind::Product)
            ctx->product = config->workspace().product(subscription->scopeTarget());
        if (!subscription->user.isEmpty())
            ctx->user = config->workspace().user(subscription->user);
    } else if (api.subscriptionRequired && !preflight) { // browsers send no credentials in a preflight
        respondEarly(exchange,
                     HttpResponse::apimError(
                         401,
                         QCoreApplication::translate("Gateway",
                                                     "Access denied due to missing subscription key. Make sure to "
                                                     "include subscription key when making requests to an API.")),
                     api.id, operation.id, metrics);
        return;
    }

    if (TraceStore *traces = m_runtime.traces()) {
        if (RequestTrace::isRequested(request) && traces->allows(ctx->subscription)) {
            ctx->trace = std::make_unique<RequestTrace>(ctx->requestId(), request);
            ctx->trace->api = api.id;
            ctx->trace->operation = operation.id;
            if (ctx->subscription)
                ctx->trace->subscription = ctx->subscription->id;
        }
    }

    PipelineExecutor::run(ctx, match.operation->pipelineFor(ctx->product),
                          [this](const std::shared_ptr<RequestContext> &c) { finish(c); });
}

void GatewayRequestHandler::finish(const std::shared_ptr<RequestContext> &ctx)
{
    ctx->runFinishers();
    HttpResponse response = std::move(ctx->response);
    for (const HttpHeaders::Field &f : ctx->extraResponseHeaders.fields())
        response.headers.set(f.first, f.second);
    if (ResponseCacheState *cache = (ctx->responseCache ? &*ctx->responseCache : nullptr)) {
        cache->applyDownstreamHeaders(response);
        cache->lease.reset(); // a leading miss that stored nothing: the waiters go to the backend
    }
    if (!ctx->cacheStatus.isEmpty())
        response.headers.set(QByteArrayLiteral("Cache-Status"), ctx->cacheStatus);
    if (ctx->trace) {
        ctx->trace->finish(response.status, ctx->elapsedNs());
        response.headers.set(TraceIdHeader, ctx->trace->id.toLatin1());
        m_runtime.traces()->add(std::move(ctx->trace));
    }
    const double seconds = ctx->elapsedNs() / 1e9;
    if (ctx->metrics)
        ctx->metrics->recordRequest(response.status, seconds, responseCacheOutcome(*ctx));
    if (RequestLog *log = m_runtime.log()) {
        const HttpRequest &request = ctx->originalRequest();
        log->request(request.method, request.path, response.status, seconds * 1000.0,
                     ctx->api ? ctx->api->id : QString(), ctx->operation ? ctx->operation->id : QString(),
                     ctx->cacheStatus);
    }
    ctx->exchange()->respond(std::move(response));
}

} // namespace sluice
