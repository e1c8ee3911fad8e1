#include "Gateway.h"

#include "AdminHandler.h"
#include "GatewayConfig.h"
#include "GatewayConfigSlot.h"
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
#include <QTimer>

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

// Whether two configurations use the same external cache the same way (then a
// reload keeps the threads' connections to it).
bool sameExternalCache(const GatewayConfig &a, const GatewayConfig &b)
{
    const ExternalCache *x = a.cache();
    const ExternalCache *y = b.cache();
    if (!x || !y)
        return !x && !y;
    return x->id == y->id && x->connectionString == y->connectionString
        && a.workspace().internalCache.maxEntryKilobytes == b.workspace().internalCache.maxEntryKilobytes;
}

// A store (and what works on its connection) that a reload replaced: requests
// in flight may still use it, so it goes only once they all have had time to
// finish (the longest forward-request timeout).
constexpr int kRetiredStoreLifetimeMs = 310'000;

void retire(QObject *object)
{
    if (object)
        QTimer::singleShot(kRetiredStoreLifetimeMs, object, &QObject::deleteLater);
}

// One thread's view of the configuration slot: the configuration it serves
// and its own connection to the external cache, renewed when a reload changed
// that cache. Checked once per request.
class ThreadConfig
{
public:
    enum class Change { None, Config, ConfigAndCache };

    ThreadConfig(const GatewayConfigSlot &slot, QObject *owner)
        : m_slot(slot)
        , m_owner(owner)
        , m_current(slot.current())
    {
        m_external = createExternalCache(*m_current.config, m_current.externalHealth, m_owner);
    }

    Change refresh()
    {
        if (m_slot.generation() == m_current.generation)
            return Change::None;
        GatewayConfigSlot::Current next = m_slot.current();
        const bool cacheChanged = !sameExternalCache(*m_current.config, *next.config);
        m_current = std::move(next);
        if (!cacheChanged)
            return Change::Config;
        retire(m_external);
        m_external = createExternalCache(*m_current.config, m_current.externalHealth, m_owner);
        return Change::ConfigAndCache;
    }

    const std::shared_ptr<const GatewayConfig> &config() const { return m_current.config; }
    RedisCache *external() const { return m_external; }

private:
    const GatewayConfigSlot &m_slot;
    QObject *m_owner;
    GatewayConfigSlot::Current m_current;
    RedisCache *m_external = nullptr;
};

// What one worker thread owns: its upstream pool, its runtime and its handler.
// Parented to the worker's context object, so it dies on that thread.
class GatewayWorkerState : public QObject
{
public:
    GatewayWorkerState(const GatewayConfigSlot &slot, const UpstreamClientOptions &upstreamOptions,
                       GatewayMetrics *metrics, RequestLog *log, CacheServices *caches, RateLimitCounters *rateLimits,
                       TraceStore *traces, QObject *parent)
        : QObject(parent)
        , m_thread(slot, this)
        , m_upstream(upstreamOptions, this)
        , m_runtime(m_upstream, metrics, log, m_thread.config()->location(), caches, this)
        , m_handler(m_thread.config(), m_runtime)
        , m_metrics(metrics)
        , m_rateLimits(rateLimits)
    {
        m_runtime.setTraces(traces);
        useExternalCache();
    }

    void handle(const HttpExchangePtr &exchange)
    {
        switch (m_thread.refresh()) {
        case ThreadConfig::Change::None:
            break;
        case ThreadConfig::Change::ConfigAndCache:
            retire(m_sharedCounters);
            m_sharedCounters = nullptr;
            useExternalCache();
            [[fallthrough]];
        case ThreadConfig::Change::Config:
            m_handler.setConfig(m_thread.config());
            break;
        }
        m_handler.handle(exchange);
    }

private:
    // This thread's connection to the external cache serving the location;
    // the rate-limit and quota counters live there too (the in-process ones
    // take over while it fails).
    void useExternalCache()
    {
        RedisCache *external = m_thread.external();
        m_runtime.setExternalCache(external);
        m_runtime.setRateLimits(m_rateLimits);
        if (external && m_rateLimits) {
            m_sharedCounters = new RedisRateLimitCounters(external->client(), *m_rateLimits,
                                                          m_thread.config()->cache()->id,
                                                          m_metrics ? &m_metrics->registry() : nullptr, this);
            m_runtime.setRateLimits(m_sharedCounters);
        }
    }

    ThreadConfig m_thread;
    PooledUpstreamClient m_upstream;
    GatewayRuntime m_runtime;
    GatewayRequestHandler m_handler;
    GatewayMetrics *m_metrics = nullptr;
    RateLimitCounters *m_rateLimits = nullptr;
    RedisRateLimitCounters *m_sharedCounters = nullptr;
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
    , m_options(std::move(options))
    , m_log(log)
    , m_metrics(std::make_unique<GatewayMetrics>())
{
    if (m_options.tracing.access != TraceOptions::Access::Off)
        m_traces = std::make_unique<TraceStore>(m_options.tracing);
    const InternalCacheSettings &settings = config->workspace().internalCache;
    CacheServices::Options cacheOptions;
    cacheOptions.maxEntryBytes = settings.maxEntryKilobytes * 1024;
    InternalCacheOptions internalOptions;
    internalOptions.capacityBytes = settings.capacityMegabytes * 1024 * 1024;
    internalOptions.maxEntryBytes = cacheOptions.maxEntryBytes;
    m_caches = std::make_unique<CacheServices>(std::make_unique<InternalCache>(internalOptions, &m_metrics->registry()),
                                               cacheOptions);
    if (const ExternalCache *external = config->cache())
        m_caches->setExternalHealth(std::make_shared<RedisCacheHealth>(external->id, m_log));
    m_config = std::make_unique<GatewayConfigSlot>(std::move(config), m_caches->externalHealth());
    m_rateLimits = std::make_unique<InMemoryRateLimitCounters>(m_options.rateLimitClock);
}

Gateway::~Gateway() = default;

std::shared_ptr<const GatewayConfig> Gateway::config() const
{
    return m_config->current().config;
}

void Gateway::reload(std::shared_ptr<const GatewayConfig> config)
{
    const GatewayConfigSlot::Current running = m_config->current();
    std::shared_ptr<RedisCacheHealth> health = running.externalHealth;
    if (!sameExternalCache(*running.config, *config)) {
        const ExternalCache *external = config->cache();
        health = external ? std::make_shared<RedisCacheHealth>(external->id, m_log) : nullptr;
    }
    m_config->set(std::move(config), std::move(health));
}

bool Gateway::start(QString *errorMessage)
{
    m_server = std::make_unique<HttpServer>();
    const GatewayConfigSlot *slot = m_config.get();
    GatewayMetrics *metrics = m_metrics.get();
    RequestLog *log = m_log;
    const UpstreamClientOptions upstreamOptions = m_options.upstream;
    CacheServices *caches = m_caches.get();
    RateLimitCounters *rateLimits = m_rateLimits.get();
    TraceStore *traces = m_traces.get();
    m_server->setHandlerFactory([slot, metrics, log, caches, rateLimits, traces, upstreamOptions](
                                    int, QObject *workerContext) {
        auto *state = new GatewayWorkerState(*slot, upstreamOptions, metrics, log, caches, rateLimits, traces,
                                             workerContext);
        return HttpRequestHandler([state](const HttpExchangePtr &exchange) { state->handle(exchange); });
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
        AdminHandler::Info info {config()->location(), m_server->workerCount(),
                                 urlOf(m_options.listenAddress, m_server->serverPort())};
        // The stores the admin cache endpoints see: the built-in one, then the
        // external cache through the admin thread's own connection.
        // The admin thread's view of the configuration, made on that thread.
        auto adminThread = std::make_shared<std::unique_ptr<ThreadConfig>>();
        AdminCacheHandler::StoreList cacheStores = [caches, adminThread] {
            QList<CacheStore *> stores {&caches->internal()};
            if (*adminThread && (*adminThread)->external())
                stores.append((*adminThread)->external());
            return stores;
        };
        m_admin = std::make_unique<AdminHandler>([slot] { return slot->current().config; }, *m_metrics, info,
                                                 std::move(cacheStores), traces);
        m_adminServer = std::make_unique<HttpServer>();
        AdminHandler *admin = m_admin.get();
        m_adminServer->setHandlerFactory([admin, adminThread, slot](int, QObject *workerContext) {
            *adminThread = std::make_unique<ThreadConfig>(*slot, workerContext);
            return HttpRequestHandler([admin, adminThread, workerContext](const HttpExchangePtr &exchange) {
                (*adminThread)->refresh();
                admin->handle(exchange, workerContext);
            });
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
