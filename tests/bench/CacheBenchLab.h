#pragma once

#include "BenchProcess.h"

#include <QByteArray>
#include <QString>
#include <QStringList>
#include <QUrl>

#include <functional>
#include <memory>

class QJsonArray;

namespace sluice::bench {

// One cache of the cache benchmark (sluice, sluice+redis, nginx or HAProxy) in
// front of the origin, or why it does not run.
struct CacheServer
{
    QString name;
    // sluice+redis: the redis-server holding the gateway's entries. Declared
    // before `process` so that the gateway goes first when both are destroyed.
    std::unique_ptr<BenchProcess> redis;
    quint16 redisPort = 0;
    std::unique_ptr<BenchProcess> process;
    quint16 port = 0;
    quint16 adminPort = 0; // sluice only
    QString failure; // it should run and does not: a component failed
    QString skipped; // deliberately not run (not installed), and how to get it
    // The response header that tells a hit, and the ';'-separated token in it
    // that means "hit"; empty when the cache says nothing (HAProxy): the
    // origin's request counter tells then.
    QByteArray hitHeader;
    QByteArray hitToken;

    bool usable() const
    {
        return failure.isEmpty() && skipped.isEmpty() && process && process->isRunning()
            && (!redis || redis->isRunning());
    }
    QUrl url(const QString &path) const;
    bool isHit(const QByteArray &headerValue) const;
    // Stops the server, then its redis-server (each by its own handle).
    void stop();
};

struct CacheBenchSettings
{
    QString workDir; // configs, logs, caches
    QString binDir; // sluice-gateway
    QString nginxProgram;
    QString haproxyProgram; // empty: not installed
    QString redisServerProgram; // empty: not installed
    int threads = 1; // nginx workers, HAProxy nbthread, sluice --threads
    int startupTimeoutMs = 15000;
    std::function<void(const QString &)> say;
};

// Starts the pieces of the cache benchmark on loopback: the origin (a static
// nginx answering every path with the same 1 KiB body and
// `Cache-Control: max-age=3600`, counting its requests in an access log) and
// the caches in front of it, each with a given time to live: nginx, HAProxy,
// sluice-gateway with its internal cache and sluice-gateway with an external
// Redis cache (its own redis-server). Every process is stopped by its own
// handle (BenchProcess).
class CacheBenchLab
{
public:
    explicit CacheBenchLab(CacheBenchSettings settings);
    ~CacheBenchLab();
    CacheBenchLab(const CacheBenchLab &) = delete;
    CacheBenchLab &operator=(const CacheBenchLab &) = delete;

    static constexpr int kBodyBytes = 1024;
    static QByteArray originBody();

    // Empty on success, else why the origin does not run.
    QString startOrigin();
    void stopOrigin();
    // Requests the origin has answered so far (its access log lines); -1 when
    // unreadable. settledOriginRequests() waits until the count stops moving
    // (nginx writes the line after the answer), at most ~2 s.
    qint64 originRequests() const;
    qint64 settledOriginRequests() const;

    // `tag` names the folder and log ("nginx", "nginx-expiry"). A short ttl
    // also makes nginx ignore the origin's Cache-Control (the origin says 1 h).
    CacheServer startNginx(const QString &tag, int ttlSeconds);
    CacheServer startHaproxy(const QString &tag, int ttlSeconds);
    CacheServer startSluice(const QString &tag, int ttlSeconds);
    // A redis-server of its own (free port, no persistence, files in the
    // temporary folder), then sluice-gateway with that cache as the workspace's
    // "default" external cache and caching-type="external"; ready once the
    // gateway's /status says the cache is connected.
    CacheServer startSluiceRedis(const QString &tag, int ttlSeconds);

    // A wrk script that requests <pathPrefix>0 .. <pathPrefix><count-1> round
    // robin; its path, or empty and *error.
    QString writeRoundRobinScript(const QString &pathPrefix, int count, QString *error) const;

    // cachingType: "internal", "external" or "prefer-external".
    static QString sluicePolicyXml(int ttlSeconds, const QString &cachingType = QStringLiteral("internal"));

private:
    // sluice-gateway on a workspace written to <tag>-workspace; `caches` becomes
    // the workspace's "caches" array (empty: none).
    CacheServer startGateway(const QString &tag, int ttlSeconds, const QString &cachingType, const QJsonArray &caches);
    // Adds "caches" to <workspaceDir>/workspace.json.
    static bool addCaches(const QString &workspaceDir, const QJsonArray &caches, QString *error);
    // Waits until the admin /status reports the external cache connected.
    bool waitForExternalCache(quint16 adminPort, QString *error) const;
    CacheServer startServer(const QString &name, const QString &program, const QStringList &arguments, quint16 port);
    QString folder(const QString &name) const;

    CacheBenchSettings m_settings;
    std::unique_ptr<BenchProcess> m_origin;
    quint16 m_originPort = 0;
    QString m_originAccessLog;
};

} // namespace sluice::bench
