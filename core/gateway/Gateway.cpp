#include "Gateway.h"

#include "AdminHandler.h"
#include "GatewayConfig.h"
#include "GatewayRequestHandler.h"
#include "GatewayRuntime.h"
#include "cache/InternalCache.h"
#include "cache/RedisCache.h"
#include "cache/RedisCacheHealth.h"
#include "http/HttpServer.h"
#include "http/PooledUpstreamClient.h"
#include "metrics/GatewayMetrics.h"
#include "ratelimit/InMemoryRateLimitCounters.h"
#include "ratelimit/RedisRateLimitCounters.h"

#include <QPointer>
#include <QThread>

namespace sluice {

namespace {

// Where the gateway has an external cache, each thread that uses it (every
// worker, the admin listener) gets its own RedisCache, parented to `parent`.
RedisCache *createExternalCache(const GatewayConfig &config, const std::shared_ptr<RedisCacheHealth> &health,
                                QObject *parent)
{
    const ExternalCache *cache = config.cache();
    if (!cache || !config.cacheOptions())
        return nullptr;
    auto *store = new RedisCache(cache->id, *config.cacheOptions(), health, parent,
                                 config.workspace().internalCache.maxEntryKilobytes * 1024);
    store->start();
    return store;
}

// What one worker thread owns: its upstream pool, its runtime and its handler.
// Parented to the worker's context object, so it dies on that thread.
class GatewayWorkerState : public QObject
{
public:
    GatewayWorkerState(std::shared_ptr<const GatewayConfig> config, const UpstreamClientOptions &upstreamOptions,
                       GatewayMetrics *metrics, RequestLog *log, CacheServices *caches, RateLimitCounters *rateLimits,
                       QObject *parent)
        : QObject(parent)
        , m_upstream(upstreamOptions, this)
        , m_runtime(m_upstream, metrics, log, config->location(), caches, this)
        , m_handler(config, m_runtime)
    {
        m_runtime.setRateLimits(rateLimits);
        // This thread's connection to the external cache serving the location;
        // the rate-limit and quota counters live there too (the in-process
        // ones take over while it fails).
        if (RedisCache *external = createExternalCache(*config, caches->externalHealth(), this)) {
            m_runtime.setExternalCache(external);
            if (rateLimits) {
                auto *shared = new RedisRateLimitCounters(external->client(), *rateLimits, config->cache()->id,
                                                          metrics ? &metrics->registry() : nullptr, this);
                m_runtime.setRateLimits(shared);
            }
        }
    }

    GatewayRequestHandler &handler() { return m_handler; }

private:
    PooledUpstreamClient m_upstream;
    GatewayRuntime m_runtime;
    GatewayRequestHandler m_handler;
};

QString urlOf(const QHostAddress &address, quint16 port)
{
    const QString host = address.protocol() == QAbstractSocket::IPv6Protocol
        ? QLatin1Char('[') + address.toString() + QLatin1Char(']')
        : address.toString();
    return QStringLiteral("http://%1:%2").arg(host).arg(port);
}

} // namespace

Gateway::Gateway(std::shared_ptr<const GatewayConfig> config, GatewayOptions options, RequestLog *log, QObject *parent)
    : QObject(parent)
    , m_config(std::move(config))
    , m_options(std::move(options))
    , m_log(log)
    , m_metrics(std::make_unique<GatewayMetrics>())
{
    const InternalCacheSettings &settings = m_config->workspace().internalCache;
    CacheServices::Options cacheOptions;
    cacheOptions.maxEntryBytes = settings.maxEntryKilobytes * 1024;
    InternalCacheOptions internalOptions;
    internalOptions.capacityBytes = settings.capacityMegabytes * 1024 * 1024;
    internalOptions.maxEntryBytes = cacheOptions.maxEntryBytes;
    m_caches = std::make_unique<CacheServices>(std::make_unique<InternalCache>(internalOptions, &m_metrics->registry()),
                                               cacheOptions);
    if (const ExternalCache *external = m_config->cache())
        m_caches->setExternalHealth(std::make_shared<RedisCacheHealth>(external->id, m_log));
    m_rateLimits = std::make_unique<InMemoryRateLimitCounters>(m_options.rateLimitClock);
}

Gateway::~Gateway() = default;

bool Gateway::start(QString *errorMessage)
{
    m_server = std::make_unique<HttpServer>();
    const std::shared_ptr<const GatewayConfig> config = m_config;
    GatewayMetrics *metrics = m_metrics.get();
    RequestLog *log = m_log;
    const UpstreamClientOptions upstreamOptions = m_options.upstream;
    CacheServices *caches = m_caches.get();
    RateLimitCounters *rateLimits = m_rateLimits.get();
    m_server->setHandlerFactory([config, metrics, log, caches, rateLimits, upstreamOptions](int,
                                                                                            QObject *workerContext) {
        auto *state = new GatewayWorkerState(config, upstreamOptions, metrics, log, caches, rateLimits, workerContext);
        return HttpRequestHandler([state](const HttpExchangePtr &exchange) { state->handler().handle(exchange); });
    });
    HttpServerOptions serverOptions;
    serverOptions.address = m_options.listenAddress;
    serverOptions.port = m_options.listenPort;
    serverOptions.threads = m_options.threads;
    serverOptions.limits = m_options.limits;
    if (!m_server->listen(serverOptions, errorMessage)) {
        m_server.reset();
        return false;
    }

    if (m_options.adminEnabled) {
        AdminHandler::Info info {m_config->location(), m_server->workerCount(),
                                 urlOf(m_options.listenAddress, m_server->serverPort())};
        // The stores the admin cache endpoints see: the built-in one, then the
        // external cache through the admin thread's own connection.
        auto adminExternal = std::make_shared<QPointer<RedisCache>>();
        AdminCacheHandler::StoreList cacheStores = [caches, adminExternal] {
            QList<CacheStore *> stores {&caches->internal()};
            if (RedisCache *external = adminExternal->data())
                stores.append(external);
            return stores;
        };
        m_admin = std::make_unique<AdminHandler>([config] { return config; }, *m_metrics, info, std::move(cacheStores));
        m_adminServer = std::make_unique<HttpServer>();
        AdminHandler *admin = m_admin.get();
        m_adminServer->setHandlerFactory([admin, adminExternal, config, caches](int, QObject *workerContext) {
            *adminExternal = createExternalCache(*config, caches->externalHealth(), workerContext);
            return HttpRequestHandler(
                [admin, workerContext](const HttpExchangePtr &exchange) { admin->handle(exchange, workerContext); });
        });
        HttpServerOptions adminOptions;
        adminOptions.address = m_options.adminAddress;
        adminOptions.port = m_options.adminPort;
        adminOptions.threads = 1;
        if (!m_adminServer->listen(adminOptions, errorMessage)) {
            m_adminServer.reset();
            m_server->shutdown(0, [] {});
            return false;
        }
    }
    return true;
}

void Gateway::shutdown(int graceMs, std::function<void()> done)
{
    if (m_adminServer)
        m_adminServer->shutdown(0, [] {});
    if (!m_server) {
        done();
        return;
    }
    m_server->shutdown(graceMs, std::move(done));
}

quint16 Gateway::port() const
{
    return m_server ? m_server->serverPort() : 0;
}

quint16 Gateway::adminPort() const
{
    return m_adminServer ? m_adminServer->serverPort() : 0;
}

int Gateway::threadCount() const
{
    return m_server ? m_server->workerCount() : 0;
}

} // namespace sluice
