#pragma once

#include "TraceStore.h"
#include "http/HttpExchange.h"
#include "http/UpstreamClientOptions.h"

#include <QHostAddress>
#include <QObject>

#include <functional>
#include <memory>

namespace sluice {

class AdminHandler;
class CacheServices;
class InMemoryRateLimitCounters;
class GatewayConfig;
class GatewayConfigSlot;
class GatewayMetrics;
class HttpServer;
class RequestLog;

struct GatewayOptions
{
    QHostAddress listenAddress = QHostAddress::LocalHost;
    quint16 listenPort = 8080;
    QHostAddress adminAddress = QHostAddress::LocalHost;
    quint16 adminPort = 8081;
    bool adminEnabled = true;
    int threads = 0; // 0: one per core
    HttpServerLimits limits;
    UpstreamClientOptions upstream;
    // Epoch milliseconds for the rate-limit and quota counters; empty: the system clock.
    std::function<qint64()> rateLimitClock;
    // Which requests may be traced (Ocp-Apim-Trace: true); off by default.
    TraceOptions tracing;
};

// The running gateway: the proxy listener with its worker threads, the admin
// listener, the metrics. The same object runs headless (sluice-gateway) and
// inside the console.
class Gateway : public QObject
{
    Q_OBJECT
public:
    Gateway(std::shared_ptr<const GatewayConfig> config, GatewayOptions options, RequestLog *log,
            QObject *parent = nullptr);
    ~Gateway() override;

    // Binds both listeners; on failure returns false with one clear line.
    bool start(QString *errorMessage);
    // Stops accepting, lets requests in flight finish for up to graceMs, then
    // closes everything and calls `done`.
    void shutdown(int graceMs, std::function<void()> done);

    // Serves `config` to new requests from now on, without dropping a
    // connection: requests in flight finish on the configuration they started
    // with; listeners, the built-in cache's entries, the counters and the
    // metrics stay. Threads whose external cache changed (another cache, or
    // its connection string) connect to the new one. `config` must be loaded
    // for this gateway's location. Thread-safe.
    void reload(std::shared_ptr<const GatewayConfig> config);

    quint16 port() const;
    quint16 adminPort() const;
    int threadCount() const;
    GatewayMetrics &metrics() { return *m_metrics; }
    // The built-in cache and the collapser shared by the worker threads.
    CacheServices &caches() { return *m_caches; }
    std::shared_ptr<const GatewayConfig> config() const;
    // The traces of the last traced requests; null when the gateway traces nothing.
    TraceStore *traces() const { return m_traces.get(); }

private:
    std::unique_ptr<GatewayConfigSlot> m_config;
    std::unique_ptr<TraceStore> m_traces;
    GatewayOptions m_options;
    RequestLog *m_log = nullptr;
    std::unique_ptr<GatewayMetrics> m_metrics;
    std::unique_ptr<CacheServices> m_caches;
    std::unique_ptr<InMemoryRateLimitCounters> m_rateLimits;
    // Destroyed in reverse order: the servers (and their worker threads) go
    // before the admin handler, the caches and the metrics they use.
    std::unique_ptr<AdminHandler> m_admin;
    std::unique_ptr<HttpServer> m_server;
    std::unique_ptr<HttpServer> m_adminServer;
};

} // namespace sluice
