#include "AdminHandler.h"

#include "GatewayConfig.h"
#include "RequestTrace.h"
#include "TraceStore.h"
#include "cache/RedisCache.h"
#include "common/Redaction.h"
#include "metrics/GatewayMetrics.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace sluice {

AdminHandler::AdminHandler(std::function<std::shared_ptr<const GatewayConfig>()> config, GatewayMetrics &metrics,
                           Info info, AdminCacheHandler::StoreList cacheStores, const TraceStore *traces)
    : m_config(std::move(config))
    , m_metrics(metrics)
    , m_info(std::move(info))
    , m_stores(cacheStores)
    , m_cache(std::move(cacheStores))
    , m_traces(traces)
{ }

QByteArray AdminHandler::statusJson() const
{
    const std::shared_ptr<const GatewayConfig> config = m_config();
    QJsonObject o;
    o.insert(QStringLiteral("service"), QStringLiteral("sluice-gateway"));
    o.insert(QStringLiteral("version"), QStringLiteral(SLUICE_VERSION));
    o.insert(QStringLiteral("location"), m_info.location);
    o.insert(QStringLiteral("listen"), m_info.listenUrl);
    o.insert(QStringLiteral("threads"), m_info.threads);
    o.insert(QStringLiteral("uptimeSeconds"), qRound64(m_metrics.uptimeSeconds()));
    QJsonObject ws;
    ws.insert(QStringLiteral("name"), config->workspace().name);
    ws.insert(QStringLiteral("apis"), static_cast<int>(config->workspace().apis.size()));
    o.insert(QStringLiteral("workspace"), ws);
    // The admin thread's own connection tells how the external cache is doing.
    const RedisCache *live = nullptr;
    for (CacheStore *store : m_stores ? m_stores() : QList<CacheStore *>()) {
        if (store->isExternal())
            live = dynamic_cast<const RedisCache *>(store);
    }
    const ExternalCache *serving = config->cache();
    QJsonArray caches;
    for (const ExternalCache &cache : config->workspace().caches) {
        QJsonObject c;
        c.insert(QStringLiteral("id"), cache.id);
        c.insert(QStringLiteral("useFrom"), cache.useFrom);
        c.insert(QStringLiteral("endpoint"), redactConnectionString(cache.connectionString));
        c.insert(QStringLiteral("servesThisGateway"), &cache == serving);
        if (&cache == serving && live) {
            c.insert(QStringLiteral("connected"), live->isConnected());
            c.insert(QStringLiteral("lastError"), live->lastError().isEmpty() ? QJsonValue(QJsonValue::Null)
                                                                              : QJsonValue(live->lastError()));
            const double rtt = live->roundTripMs();
            c.insert(QStringLiteral("roundTripMs"), rtt >= 0 ? QJsonValue(rtt) : QJsonValue(QJsonValue::Null));
            c.insert(QStringLiteral("serverVersion"), live->serverVersion());
            c.insert(QStringLiteral("cluster"), live->isCluster());
        }
        caches.append(c);
        if (&cache == serving)
            o.insert(QStringLiteral("cache"), c);
    }
    if (!serving)
        o.insert(QStringLiteral("cache"), QJsonValue::Null);
    o.insert(QStringLiteral("caches"), caches);
    return QJsonDocument(o).toJson(QJsonDocument::Indented);
}

void AdminHandler::handle(const HttpExchangePtr &exchange, QObject *context) const
{
    if (m_cache.handle(exchange, context))
        return;
    const HttpRequest &request = exchange->request();
    const bool isGet = request.method == "GET" || request.method == "HEAD";
    if (request.path.startsWith("/traces/")) {
        if (!isGet) {
            HttpResponse r = HttpResponse::apimError(405, QCoreApplication::translate("Gateway", "Method not allowed"));
            r.headers.set("Allow", "GET, HEAD");
            exchange->respond(std::move(r));
            return;
        }
        handleTrace(exchange);
        return;
    }
    if (request.path == "/status" || request.path == "/metrics") {
        if (!isGet) {
            HttpResponse r = HttpResponse::apimError(405, QCoreApplication::translate("Gateway", "Method not allowed"));
            r.headers.set("Allow", "GET, HEAD");
            exchange->respond(std::move(r));
            return;
        }
        if (request.path == "/status") {
            exchange->respond(HttpResponse::json(200, statusJson()));
            return;
        }
        HttpResponse r;
        r.headers.set("Content-Type", "text/plain; version=0.0.4; charset=utf-8");
        r.body = m_metrics.prometheusText();
        exchange->respond(std::move(r));
        return;
    }
    exchange->respond(HttpResponse::apimError(404, QCoreApplication::translate("Gateway", "Resource not found")));
}

void AdminHandler::handleTrace(const HttpExchangePtr &exchange) const
{
    const QString id = QString::fromLatin1(exchange->request().path.sliced(qstrlen("/traces/")));
    const std::shared_ptr<const RequestTrace> trace = m_traces ? m_traces->find(id) : nullptr;
    if (!trace) {
        exchange->respond(HttpResponse::apimError(
            404, m_traces ? QCoreApplication::translate("Gateway", "No trace with this id (the gateway keeps the last ones)")
                          : QCoreApplication::translate("Gateway", "Tracing is off on this gateway")));
        return;
    }
    exchange->respond(HttpResponse::json(200, QJsonDocument(trace->toJson()).toJson(QJsonDocument::Indented)));
}

} // namespace sluice
