#pragma once

#include "BenchProcess.h"

#include <QByteArray>
#include <QString>
#include <QStringList>
#include <QUrl>

#include <functional>
#include <memory>

namespace sluice::bench {

// One cache of the cache benchmark (sluice, nginx or HAProxy) in front of the
// origin, or why it does not run.
struct CacheServer
{
    QString name;
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

    bool usable() const { return failure.isEmpty() && skipped.isEmpty() && process && process->isRunning(); }
    QUrl url(const QString &path) const;
    bool isHit(const QByteArray &headerValue) const;
};

struct CacheBenchSettings
{
    QString workDir; // configs, logs, caches
    QString binDir; // sluice-gateway
    QString nginxProgram;
    QString haproxyProgram; // empty: not installed
    int threads = 1; // nginx workers, HAProxy nbthread, sluice --threads
    int startupTimeoutMs = 15000;
    std::function<void(const QString &)> say;
};

// Starts the pieces of the cache benchmark on loopback: the origin (a static
// nginx answering every path with the same 1 KiB body and
// `Cache-Control: max-age=3600`, counting its requests in an access log) and
// the three caches in front of it, each with a given time to live. Every
// process is stopped by its own handle (BenchProcess).
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

    // A wrk script that requests <pathPrefix>0 .. <pathPrefix><count-1> round
    // robin; its path, or empty and *error.
    QString writeRoundRobinScript(const QString &pathPrefix, int count, QString *error) const;

    static QString sluicePolicyXml(int ttlSeconds);

private:
    CacheServer startServer(const QString &name, const QString &program, const QStringList &arguments, quint16 port);
    QString folder(const QString &name) const;

    CacheBenchSettings m_settings;
    std::unique_ptr<BenchProcess> m_origin;
    quint16 m_originPort = 0;
    QString m_originAccessLog;
};

} // namespace sluice::bench
