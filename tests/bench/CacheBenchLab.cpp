#include "CacheBenchLab.h"

#include "BenchWorkspace.h"
#include "HaproxyConfig.h"
#include "HttpProbe.h"
#include "NginxConfig.h"

#include <QCoreApplication>
#include <QDeadlineTimer>
#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSaveFile>
#include <QThread>

#include <optional>

namespace sluice::bench {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("Bench", text);
}

} // namespace

QUrl CacheServer::url(const QString &path) const
{
    return QUrl(QStringLiteral("http://127.0.0.1:%1%2").arg(port).arg(path));
}

bool CacheServer::isHit(const QByteArray &headerValue) const
{
    for (const QByteArray &token : headerValue.split(';')) {
        if (token.trimmed() == hitToken)
            return true;
    }
    return false;
}

void CacheServer::stop()
{
    if (process)
        process->stop();
    if (redis)
        redis->stop();
}

CacheBenchLab::CacheBenchLab(CacheBenchSettings settings)
    : m_settings(std::move(settings))
{
    if (!m_settings.say)
        m_settings.say = [](const QString &) {};
}

CacheBenchLab::~CacheBenchLab()
{
    stopOrigin();
}

QByteArray CacheBenchLab::originBody()
{
    QByteArray body(kBodyBytes, Qt::Uninitialized);
    for (int i = 0; i < kBodyBytes; ++i)
        body[i] = static_cast<char>('a' + i % 26);
    return body;
}

QString CacheBenchLab::folder(const QString &name) const
{
    return QDir(m_settings.workDir).filePath(name);
}

QString CacheBenchLab::startOrigin()
{
    if (m_settings.nginxProgram.isEmpty())
        return tr("nginx not found; it is the stand-in origin (sh packaging/install-bench-deps.sh).");
    m_originPort = BenchProcess::freeLoopbackPort();
    const QString prefix = folder(QStringLiteral("origin"));
    NginxConfig conf;
    conf.listenPort = m_originPort;
    conf.workerProcesses = 1; // only misses reach it
    conf.staticBody = QString::fromLatin1(originBody());
    conf.staticContentType = QStringLiteral("application/octet-stream");
    conf.staticHeaders = {QStringLiteral("Cache-Control: max-age=3600")};
    m_originAccessLog = QDir(prefix).filePath(QStringLiteral("logs/access.log"));
    conf.accessLogPath = m_originAccessLog;
    QString error;
    const std::optional<QStringList> args = conf.write(prefix, &error);
    if (!args)
        return error;
    CacheServer origin = startServer(QStringLiteral("origin"), m_settings.nginxProgram, *args, m_originPort);
    m_origin = std::move(origin.process);
    return origin.failure;
}

void CacheBenchLab::stopOrigin()
{
    if (m_origin)
        m_origin->stop();
}

qint64 CacheBenchLab::originRequests() const
{
    QFile log(m_originAccessLog);
    if (!log.exists())
        return 0;
    if (!log.open(QIODevice::ReadOnly))
        return -1;
    return log.readAll().count('\n');
}

qint64 CacheBenchLab::settledOriginRequests() const
{
    qint64 last = originRequests();
    for (int i = 0; i < 40; ++i) {
        QThread::msleep(50);
        const qint64 now = originRequests();
        if (now == last)
            return now;
        last = now;
    }
    return last;
}

CacheServer CacheBenchLab::startServer(const QString &name, const QString &program, const QStringList &arguments,
                                       quint16 port)
{
    CacheServer server;
    server.name = name;
    server.port = port;
    server.process = std::make_unique<BenchProcess>(name, program, arguments, m_settings.workDir);
    m_settings.say(tr("starting %1: %2").arg(name, server.process->commandLine()));
    QString error;
    if (!server.process->start(&error) || !server.process->waitForPort(port, m_settings.startupTimeoutMs, &error)) {
        const QString tail = server.process->logTail();
        server.failure = error + (tail.isEmpty() ? QString() : tr(" Last output:\n%1").arg(tail));
        server.process->stop();
    }
    return server;
}

CacheServer CacheBenchLab::startNginx(const QString &tag, int ttlSeconds)
{
    const quint16 port = BenchProcess::freeLoopbackPort();
    const QString prefix = folder(tag);
    NginxConfig conf;
    conf.listenPort = port;
    conf.upstreamPort = m_originPort;
    conf.workerProcesses = m_settings.threads;
    conf.extraHttp = QStringLiteral("proxy_cache_path %1 levels=1:2 keys_zone=bench:16m max_size=256m "
                                    "inactive=1h use_temp_path=off;")
                         .arg(QDir(prefix).filePath(QStringLiteral("cache")));
    QStringList location {QStringLiteral("proxy_cache bench;"), QStringLiteral("proxy_cache_key $uri;"),
                          QStringLiteral("proxy_cache_valid 200 %1s;").arg(ttlSeconds),
                          // One request fills an expired entry; the others wait for it.
                          QStringLiteral("proxy_cache_lock on;"), QStringLiteral("proxy_cache_lock_timeout 5s;"),
                          QStringLiteral("add_header X-Cache-Status $upstream_cache_status;")};
    if (ttlSeconds < 3600) // the origin's max-age=3600 would win over proxy_cache_valid
        location.append(QStringLiteral("proxy_ignore_headers Cache-Control Expires;"));
    conf.extraLocation = location.join(QStringLiteral("\n            "));
    QString error;
    const std::optional<QStringList> args = conf.write(prefix, &error);
    CacheServer server;
    if (!args) {
        server.name = tag;
        server.failure = error;
    } else {
        server = startServer(tag, m_settings.nginxProgram, *args, port);
    }
    server.hitHeader = QByteArrayLiteral("X-Cache-Status");
    server.hitToken = QByteArrayLiteral("HIT");
    return server;
}

CacheServer CacheBenchLab::startHaproxy(const QString &tag, int ttlSeconds)
{
    if (m_settings.haproxyProgram.isEmpty()) {
        CacheServer missing;
        missing.name = tag;
        missing.skipped = tr("haproxy is not installed; install the benchmark dependencies with "
                             "`sh packaging/install-bench-deps.sh` (Debian package haproxy).");
        return missing;
    }
    const quint16 port = BenchProcess::freeLoopbackPort();
    HaproxyConfig conf;
    conf.listenPort = port;
    conf.upstreamPort = m_originPort;
    conf.threads = m_settings.threads;
    conf.cacheMaxAgeSeconds = ttlSeconds;
    QString error;
    const std::optional<QStringList> args = conf.write(folder(tag), &error);
    if (!args) {
        CacheServer failed;
        failed.name = tag;
        failed.failure = error;
        return failed;
    }
    return startServer(tag, m_settings.haproxyProgram, *args, port);
}

QString CacheBenchLab::sluicePolicyXml(int ttlSeconds, const QString &cachingType)
{
    return QStringLiteral("<policies>\n"
                          "    <inbound>\n"
                          "        <base />\n"
                          "        <cache-lookup vary-by-developer=\"false\" vary-by-developer-groups=\"false\" "
                          "caching-type=\"%2\" downstream-caching-type=\"none\" />\n"
                          "    </inbound>\n"
                          "    <backend><base /></backend>\n"
                          "    <outbound>\n"
                          "        <base />\n"
                          "        <cache-store duration=\"%1\" />\n"
                          "    </outbound>\n"
                          "    <on-error><base /></on-error>\n"
                          "</policies>\n")
        .arg(ttlSeconds)
        .arg(cachingType);
}

CacheServer CacheBenchLab::startSluice(const QString &tag, int ttlSeconds)
{
    return startGateway(tag, ttlSeconds, QStringLiteral("internal"), {});
}

CacheServer CacheBenchLab::startGateway(const QString &tag, int ttlSeconds, const QString &cachingType,
                                        const QJsonArray &caches)
{
    CacheServer server;
    server.name = tag;
    server.hitHeader = QByteArrayLiteral("Cache-Status");
    server.hitToken = QByteArrayLiteral("hit");
    const QString program = BenchProcess::findProgram(QStringLiteral("sluice-gateway"), {m_settings.binDir});
    if (program.isEmpty()) {
        server.failure = tr("sluice-gateway not found in %1 or on PATH; build it first "
                            "(cmake --build <build dir> --target sluice-gateway).")
                             .arg(m_settings.binDir);
        return server;
    }
    BenchWorkspace workspace;
    workspace.serviceUrl = QUrl(QStringLiteral("http://127.0.0.1:%1").arg(m_originPort));
    workspace.apiPolicyXml = sluicePolicyXml(ttlSeconds, cachingType);
    const QString workspaceDir = folder(tag + QStringLiteral("-workspace"));
    QString error;
    if (!workspace.write(workspaceDir, &error) || (!caches.isEmpty() && !addCaches(workspaceDir, caches, &error))) {
        server.failure = error;
        return server;
    }
    const quint16 port = BenchProcess::freeLoopbackPort();
    const quint16 adminPort = BenchProcess::freeLoopbackPort();
    CacheServer started = startServer(tag, program,
                                      {QStringLiteral("--workspace"), workspaceDir, QStringLiteral("--listen"),
                                       QStringLiteral("127.0.0.1:%1").arg(port), QStringLiteral("--admin"),
                                       QStringLiteral("127.0.0.1:%1").arg(adminPort), QStringLiteral("--threads"),
                                       QString::number(m_settings.threads),
                                       // nginx and HAProxy log nothing per request: neither does the gateway.
                                       QStringLiteral("--log-level"), QStringLiteral("warn")},
                                      port);
    started.adminPort = adminPort;
    started.hitHeader = server.hitHeader;
    started.hitToken = server.hitToken;
    return started;
}

CacheServer CacheBenchLab::startSluiceRedis(const QString &tag, int ttlSeconds)
{
    if (m_settings.redisServerProgram.isEmpty()) {
        CacheServer missing;
        missing.name = tag;
        missing.failure = tr("redis-server not found; install the dependencies with "
                             "`sh packaging/install-deps.sh` (Debian package redis-server).");
        return missing;
    }
    const quint16 redisPort = BenchProcess::freeLoopbackPort();
    const QString redisDir = folder(tag + QStringLiteral("-redis"));
    if (!QDir().mkpath(redisDir)) {
        CacheServer failed;
        failed.name = tag;
        failed.failure = tr("Cannot create %1.").arg(redisDir);
        return failed;
    }
    // No persistence, loopback only, files (if any) in the temporary folder.
    CacheServer redis = startServer(tag + QStringLiteral("-redis-server"), m_settings.redisServerProgram,
                                    {QStringLiteral("--port"), QString::number(redisPort), QStringLiteral("--bind"),
                                     QStringLiteral("127.0.0.1"), QStringLiteral("--save"), QString(),
                                     QStringLiteral("--appendonly"), QStringLiteral("no"), QStringLiteral("--dir"),
                                     redisDir, QStringLiteral("--daemonize"), QStringLiteral("no")},
                                    redisPort);
    if (!redis.failure.isEmpty()) {
        CacheServer failed;
        failed.name = tag;
        failed.failure = tr("redis-server: %1").arg(redis.failure);
        return failed;
    }
    const QJsonObject cache {
        {QStringLiteral("id"), QStringLiteral("redis")},
        {QStringLiteral("useFrom"), QStringLiteral("default")},
        {QStringLiteral("connectionString"), QStringLiteral("127.0.0.1:%1,abortConnect=False").arg(redisPort)}};
    CacheServer server = startGateway(tag, ttlSeconds, QStringLiteral("external"), QJsonArray {cache});
    server.redis = std::move(redis.process);
    server.redisPort = redisPort;
    if (server.failure.isEmpty()) {
        QString error;
        if (!waitForExternalCache(server.adminPort, &error))
            server.failure = error;
    }
    if (!server.failure.isEmpty())
        server.stop();
    return server;
}

bool CacheBenchLab::addCaches(const QString &workspaceDir, const QJsonArray &caches, QString *error)
{
    const QString path = QDir(workspaceDir).filePath(QStringLiteral("workspace.json"));
    QFile in(path);
    if (!in.open(QIODevice::ReadOnly)) {
        *error = tr("Cannot read %1: %2").arg(path, in.errorString());
        return false;
    }
    QJsonObject workspace = QJsonDocument::fromJson(in.readAll()).object();
    in.close();
    workspace.insert(QStringLiteral("caches"), caches);
    QSaveFile out(path);
    if (!out.open(QIODevice::WriteOnly) || out.write(QJsonDocument(workspace).toJson()) < 0 || !out.commit()) {
        *error = tr("Cannot write %1: %2").arg(path, out.errorString());
        return false;
    }
    return true;
}

bool CacheBenchLab::waitForExternalCache(quint16 adminPort, QString *error) const
{
    const QUrl status(QStringLiteral("http://127.0.0.1:%1/status").arg(adminPort));
    const QDeadlineTimer deadline(m_settings.startupTimeoutMs);
    QString last;
    while (!deadline.hasExpired()) {
        const HttpProbe probe = HttpProbe::get(status, 2000);
        if (probe.ok) {
            const QJsonObject cache =
                QJsonDocument::fromJson(probe.body).object().value(QStringLiteral("cache")).toObject();
            if (cache.value(QStringLiteral("connected")).toBool())
                return true;
            last = cache.isEmpty() ? tr("no external cache serves the gateway")
                                   : tr("last error: %1").arg(cache.value(QStringLiteral("lastError")).toString());
        } else {
            last = probe.error;
        }
        QThread::msleep(50);
    }
    *error = tr("the gateway's external cache did not connect within %1 ms (%2).")
                 .arg(m_settings.startupTimeoutMs)
                 .arg(last);
    return false;
}

QString CacheBenchLab::writeRoundRobinScript(const QString &pathPrefix, int count, QString *error) const
{
    const QString path = folder(QStringLiteral("round-robin.lua"));
    // Each wrk thread has its own Lua state: the requests are formatted once
    // per thread, then handed out in turn.
    const QString script = QStringLiteral("-- generated by sluice-bench-cache: %2 paths round robin\n"
                                          "local requests = {}\n"
                                          "local next_index = 0\n"
                                          "init = function(args)\n"
                                          "    for i = 0, %2 - 1 do\n"
                                          "        requests[i + 1] = wrk.format(\"GET\", \"%1\" .. i)\n"
                                          "    end\n"
                                          "end\n"
                                          "request = function()\n"
                                          "    next_index = next_index % #requests + 1\n"
                                          "    return requests[next_index]\n"
                                          "end\n")
                               .arg(pathPrefix)
                               .arg(count);
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(script.toUtf8()) < 0 || !file.commit()) {
        *error = tr("Cannot write %1: %2").arg(path, file.errorString());
        return {};
    }
    return path;
}

} // namespace sluice::bench
