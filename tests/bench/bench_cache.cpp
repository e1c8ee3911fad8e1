// sluice-bench-cache: the cache HIT path of Sluice (cache-lookup/cache-store,
// internal cache, and an external Redis cache) against nginx proxy_cache and
// HAProxy's cache.
//
// Starts a stand-in origin (static nginx: the same 1 KiB body with
// Cache-Control: max-age=3600 on every path, counting its requests), then
// nginx, HAProxy, sluice-gateway (internal cache) and sluice-gateway with its
// own redis-server as the external cache (sluice+redis) in front of it. For
// one URL and for 1,000 URLs it warms every URL, checks that a second GET is a
// hit, runs wrk and reads each server's CPU time (user + system from /proc,
// nginx's workers included; for sluice+redis also redis-server's) before and
// after: requests/s, p50/p99 and CPU per hit side by side, the Redis commands
// each sluice+redis hit cost (INFO commandstats around the run), then the
// ratios with their targets. Last, a hot key that expires every second under
// load: how many requests reach the origin.
// Prints figures; asserts nothing about timing. Every process is stopped by its
// own handle, also on failure.

#include "BenchProcess.h"
#include "CacheBenchLab.h"
#include "CacheBenchRedisStats.h"
#include "CacheBenchTable.h"
#include "HttpProbe.h"
#include "Wrk.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QThread>

#include <cstdio>
#include <optional>
#include <vector>

using namespace sluice::bench;

namespace {

void say(const QString &text)
{
    std::fputs(text.toLocal8Bit().constData(), stdout);
    std::fputc('\n', stdout);
    std::fflush(stdout);
}

QString tr(const char *text)
{
    return QCoreApplication::translate("Bench", text);
}

const QString kSluice = QStringLiteral("sluice");
const QString kNginx = QStringLiteral("nginx");
const QString kHaproxy = QStringLiteral("haproxy");
const QString kSluiceRedis = QStringLiteral("sluice+redis");

// --only names: "redis" and "sluice-redis" stand for sluice+redis.
QString targetOf(const QString &name)
{
    if (name == QLatin1String("redis") || name == QLatin1String("sluice-redis"))
        return kSluiceRedis;
    return name;
}

struct Options
{
    WrkOptions wrk;
    int serverThreads = 1;
    int startupTimeoutMs = 15000;
    int urlCount = 1000;
    int expiryDurationSeconds = 5; // 0: no expiry scenario
    int expiryTtlSeconds = 1;
    int rounds = 3; // hit runs per server and scenario, interleaved; the median is reported
    QString binDir;
    QString nginx = QStringLiteral("/usr/sbin/nginx");
    QString haproxy = QStringLiteral("haproxy");
    QString wrkProgram = QStringLiteral("wrk");
    QString redisServer = QStringLiteral("redis-server");
    QString redisCli = QStringLiteral("redis-cli");
    QStringList only {kNginx, kHaproxy, kSluice, kSluiceRedis};
    bool keepTemp = false;
};

bool parseOptions(const QCoreApplication &app, Options *options, QString *error)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        tr("Benchmarks the cache hit path of sluice-gateway (internal cache and external Redis cache) against "
           "nginx proxy_cache and HAProxy's cache."));
    parser.addHelpOption();
    const QCommandLineOption duration(QStringLiteral("duration"), tr("Seconds per wrk run (\"10\" or \"10s\")."),
                                      QStringLiteral("seconds"), QStringLiteral("10"));
    const QCommandLineOption connections(QStringLiteral("connections"), tr("wrk connections."), QStringLiteral("n"),
                                         QStringLiteral("50"));
    const QCommandLineOption wrkThreads(QStringLiteral("wrk-threads"), tr("wrk threads."), QStringLiteral("n"),
                                        QStringLiteral("1"));
    const QCommandLineOption threads(QStringLiteral("threads"),
                                     tr("sluice-gateway threads, nginx worker processes, HAProxy nbthread "
                                        "(default: one per core, each server's own default)."),
                                     QStringLiteral("n"), QString::number(QThread::idealThreadCount()));
    const QCommandLineOption urls(QStringLiteral("urls"), tr("URLs of the many-URL scenario."), QStringLiteral("n"),
                                  QStringLiteral("1000"));
    const QCommandLineOption expiry(QStringLiteral("expiry-duration"),
                                    tr("Seconds of the hot-key expiry run (0: skip it)."), QStringLiteral("seconds"),
                                    QStringLiteral("5"));
    const QCommandLineOption expiryTtl(QStringLiteral("expiry-ttl"), tr("Time to live of the hot key, in seconds."),
                                       QStringLiteral("seconds"), QStringLiteral("1"));
    const QCommandLineOption rounds(QStringLiteral("rounds"),
                                    tr("Hit runs per server and scenario, the servers taking turns; the table shows "
                                       "the median run by throughput (odd numbers give a true median)."),
                                    QStringLiteral("n"), QStringLiteral("3"));
    const QCommandLineOption binDir(QStringLiteral("bin-dir"),
                                    tr("Folder of sluice-gateway (default: this program's)."), QStringLiteral("dir"));
    const QCommandLineOption nginx(QStringLiteral("nginx"), tr("The nginx program."), QStringLiteral("program"),
                                   QStringLiteral("/usr/sbin/nginx"));
    const QCommandLineOption haproxy(QStringLiteral("haproxy"), tr("The haproxy program."), QStringLiteral("program"),
                                     QStringLiteral("haproxy"));
    const QCommandLineOption wrk(QStringLiteral("wrk"), tr("The wrk program."), QStringLiteral("program"),
                                 QStringLiteral("wrk"));
    const QCommandLineOption redisServer(QStringLiteral("redis-server"), tr("The redis-server program."),
                                         QStringLiteral("program"), QStringLiteral("redis-server"));
    const QCommandLineOption redisCli(QStringLiteral("redis-cli"), tr("The redis-cli program."),
                                      QStringLiteral("program"), QStringLiteral("redis-cli"));
    const QCommandLineOption only(QStringLiteral("only"),
                                  tr("Caches to measure, comma-separated: sluice,redis,nginx,haproxy (redis: "
                                     "sluice-gateway with an external Redis cache, also sluice-redis)."),
                                  QStringLiteral("list"), QStringLiteral("sluice,redis,nginx,haproxy"));
    const QCommandLineOption startup(QStringLiteral("startup-timeout"), tr("Milliseconds to wait for each server."),
                                     QStringLiteral("ms"), QStringLiteral("15000"));
    const QCommandLineOption keep(QStringLiteral("keep-temp"), tr("Keep the temporary folder (logs, configs)."));
    parser.addOptions({duration, connections, wrkThreads, threads, urls, expiry, expiryTtl, rounds, binDir, nginx,
                       haproxy, wrk, redisServer, redisCli, only, startup, keep});
    parser.process(app);

    QString durationText = parser.value(duration);
    if (durationText.endsWith(QLatin1Char('s')))
        durationText.chop(1);
    bool ok[9] = {};
    options->wrk.durationSeconds = durationText.toInt(&ok[0]);
    options->wrk.connections = parser.value(connections).toInt(&ok[1]);
    options->wrk.threads = parser.value(wrkThreads).toInt(&ok[2]);
    options->serverThreads = parser.value(threads).toInt(&ok[3]);
    options->startupTimeoutMs = parser.value(startup).toInt(&ok[4]);
    options->urlCount = parser.value(urls).toInt(&ok[5]);
    options->expiryDurationSeconds = parser.value(expiry).toInt(&ok[6]);
    options->expiryTtlSeconds = parser.value(expiryTtl).toInt(&ok[7]);
    options->rounds = parser.value(rounds).toInt(&ok[8]);
    for (const bool b : ok) {
        if (!b) {
            *error = tr("Every numeric option takes a whole number.");
            return false;
        }
    }
    if (options->wrk.durationSeconds < 1 || options->wrk.durationSeconds > 600 || options->wrk.connections < 1
        || options->wrk.threads < 1 || options->wrk.connections < options->wrk.threads || options->serverThreads < 1
        || options->urlCount < 1 || options->urlCount > 100000 || options->expiryDurationSeconds < 0
        || options->expiryDurationSeconds > 600 || options->expiryTtlSeconds < 1 || options->rounds < 1
        || options->rounds > 15) {
        *error = tr("Invalid --duration, --connections, --wrk-threads, --threads, --urls, --expiry-duration, "
                    "--expiry-ttl or --rounds (1 to 15).");
        return false;
    }
    options->binDir = parser.isSet(binDir) ? parser.value(binDir) : QCoreApplication::applicationDirPath();
    options->nginx = parser.value(nginx);
    options->haproxy = parser.value(haproxy);
    options->wrkProgram = parser.value(wrk);
    options->redisServer = parser.value(redisServer);
    options->redisCli = parser.value(redisCli);
    options->only.clear();
    for (const QString &name : parser.value(only).split(QLatin1Char(','), Qt::SkipEmptyParts)) {
        const QString target = targetOf(name.trimmed());
        if (target != kSluice && target != kSluiceRedis && target != kNginx && target != kHaproxy) {
            *error = tr("--only takes sluice, redis (or sluice-redis), nginx and haproxy, not \"%1\".").arg(name);
            return false;
        }
        if (!options->only.contains(target))
            options->only.append(target);
    }
    options->keepTemp = parser.isSet(keep);
    return true;
}

// The 1-minute load average against the cores: figures taken on a busy machine
// are noise, say so next to them.
QString loadWarning()
{
    QFile file(QStringLiteral("/proc/loadavg"));
    if (!file.open(QIODevice::ReadOnly))
        return {};
    const double load = file.readAll().split(' ').value(0).toDouble();
    const int cores = QThread::idealThreadCount();
    if (load <= cores)
        return {};
    return tr("warning: load average %1 on %2 cores before the run: other work competes for the CPU, figures are "
              "noisy.")
        .arg(load, 0, 'f', 1)
        .arg(cores);
}

// GETs every path twice through the cache: the first fills it, the second must
// be served from it — the hit header says so where the cache has one, and the
// origin's request counter must not move. Empty when it holds, else why not.
QString warmAndVerify(const CacheBenchLab &lab, const CacheServer &server, const QStringList &paths)
{
    QList<QUrl> urls;
    urls.reserve(paths.size());
    for (const QString &path : paths)
        urls.append(server.url(path));
    const QList<HttpProbe> first = HttpProbe::getAll(urls);
    for (qsizetype i = 0; i < first.size(); ++i) {
        if (!first.at(i).ok)
            return tr("GET %1: %2").arg(urls.at(i).toString(), first.at(i).error);
        if (first.at(i).bodyBytes != CacheBenchLab::kBodyBytes)
            return tr("GET %1: %2 bytes, expected %3.")
                .arg(urls.at(i).toString())
                .arg(first.at(i).bodyBytes)
                .arg(CacheBenchLab::kBodyBytes);
    }
    const qint64 before = lab.settledOriginRequests();
    const QList<HttpProbe> second = HttpProbe::getAll(urls);
    qsizetype misses = 0;
    QString example;
    for (qsizetype i = 0; i < second.size(); ++i) {
        const HttpProbe &probe = second.at(i);
        if (!probe.ok)
            return tr("second GET %1: %2").arg(urls.at(i).toString(), probe.error);
        if (!server.hitHeader.isEmpty() && !server.isHit(probe.header(server.hitHeader))) {
            if (misses++ == 0) {
                const QByteArray value = probe.header(server.hitHeader);
                example = tr("%1: %2").arg(QString::fromLatin1(server.hitHeader),
                                           value.isEmpty() ? tr("(absent)") : QString::fromLatin1(value));
            }
        }
    }
    if (misses > 0)
        return tr("%1 of %2 second GETs were not hits (e.g. %3).").arg(misses).arg(second.size()).arg(example);
    const qint64 after = lab.settledOriginRequests();
    if (before < 0 || after < 0)
        return tr("cannot read the origin's request count.");
    if (after != before)
        return tr("%1 of %2 second GETs reached the origin: not served from the cache.")
            .arg(after - before)
            .arg(second.size());
    return {};
}

// One wrk run of hits with the server's CPU time around it.
// The redis-server's command counters, or std::nullopt and a note in the row.
std::optional<CacheBenchRedisStats> readRedisStats(const CacheServer &server, const QString &redisCli,
                                                   const QString &workDir, CacheBenchTable::HitRow *row)
{
    if (redisCli.isEmpty()) {
        row->redisNote = tr("redis-cli not found.");
        return std::nullopt;
    }
    QString error;
    std::optional<CacheBenchRedisStats> stats = CacheBenchRedisStats::read(redisCli, server.redisPort, workDir, &error);
    if (!stats)
        row->redisNote = error;
    return stats;
}

CacheBenchTable::HitRow measureHits(const CacheBenchLab &lab, const Wrk &wrk, const CacheServer &server,
                                    const QString &scenario, const QStringList &paths, const WrkOptions &options,
                                    const QString &redisCli, const QString &workDir, int serverThreads)
{
    CacheBenchTable::HitRow row;
    row.scenario = scenario;
    row.target = server.name;
    if (!server.skipped.isEmpty()) {
        row.failure = server.skipped;
        row.skipped = true;
        return row;
    }
    if (!server.usable()) {
        row.failure = server.failure.isEmpty() ? tr("the server is not running.") : server.failure;
        return row;
    }
    say(tr("warming %1 (%2): %3 URL(s)").arg(server.name, scenario).arg(paths.size()));
    if (const QString problem = warmAndVerify(lab, server, paths); !problem.isEmpty()) {
        row.failure = problem;
        return row;
    }
    say(tr("measuring %1 (%2): %3 s").arg(server.name, scenario).arg(options.durationSeconds));
    const qint64 originBefore = lab.settledOriginRequests();
    // Read before the CPU times, so that the redis-cli connection is not in them.
    const std::optional<CacheBenchRedisStats> statsBefore =
        server.redis ? readRedisStats(server, redisCli, workDir, &row) : std::nullopt;
    const std::optional<double> cpuBefore = server.process->cpuSeconds(true);
    const std::optional<double> redisCpuBefore = server.redis ? server.redis->cpuSeconds(true) : std::nullopt;
    WrkResult result =
        wrk.run(QStringLiteral("%1-%2").arg(server.name).arg(paths.size()), server.url(paths.first()), options);
    const std::optional<double> cpuAfter = server.process->cpuSeconds(true);
    const std::optional<double> redisCpuAfter = server.redis ? server.redis->cpuSeconds(true) : std::nullopt;
    const std::optional<CacheBenchRedisStats> statsAfter =
        statsBefore ? readRedisStats(server, redisCli, workDir, &row) : std::nullopt;
    const qint64 originAfter = lab.settledOriginRequests();
    const quint64 errors = result.non2xx3xx + result.socketErrors;
    if (result.ok && (result.requests == 0 || errors * 100 > result.requests)) {
        result.ok = false;
        result.error = tr("%1 of %2 requests failed (non-2xx/3xx or socket errors); figures not comparable.")
                           .arg(errors)
                           .arg(result.requests);
    }
    if (!result.ok && !result.output.isEmpty())
        say(result.output);
    row.failure = result.ok ? QString() : result.error;
    row.wrk = result;
    if (cpuBefore && cpuAfter && result.requests > 0)
        row.cpuUsPerRequest = (*cpuAfter - *cpuBefore) * 1e6 / static_cast<double>(result.requests);
    if (redisCpuBefore && redisCpuAfter && result.requests > 0)
        row.redisCpuUsPerRequest = (*redisCpuAfter - *redisCpuBefore) * 1e6 / static_cast<double>(result.requests);
    if (statsBefore && statsAfter) {
        CacheBenchTable::RedisCommands commands;
        commands.others = CacheBenchRedisStats::delta(*statsBefore, *statsAfter);
        commands.gets = commands.others.take(QByteArrayLiteral("get"));
        commands.inFlightAllowance = static_cast<quint64>(options.connections);
        // One idle PING a second per connection, for the run and the readings around it.
        commands.pingAllowance =
            static_cast<quint64>(serverThreads) * static_cast<quint64>(options.durationSeconds + 2);
        row.redisCommands = commands;
    }
    if (originBefore >= 0 && originAfter >= 0)
        row.originRequests = originAfter - originBefore;
    return row;
}

// A cache whose one URL expires every ttl seconds under wrk: the requests that
// reach the origin.
CacheBenchTable::ExpiryRow measureExpiry(const CacheBenchLab &lab, const Wrk &wrk, const CacheServer &server,
                                         const Options &options)
{
    CacheBenchTable::ExpiryRow row;
    row.target = server.name.section(QLatin1Char('-'), 0, 0);
    row.ttlSeconds = options.expiryTtlSeconds;
    row.durationSeconds = options.expiryDurationSeconds;
    if (!server.skipped.isEmpty()) {
        row.failure = server.skipped;
        row.skipped = true;
        return row;
    }
    if (!server.usable()) {
        row.failure = server.failure.isEmpty() ? tr("the server is not running.") : server.failure;
        return row;
    }
    const QString path = QStringLiteral("/bench/hot");
    const HttpProbe probe = HttpProbe::get(server.url(path));
    if (!probe.ok) {
        row.failure = tr("GET %1: %2").arg(server.url(path).toString(), probe.error);
        return row;
    }
    say(tr("measuring %1 (hot key expiring every %2 s): %3 s")
            .arg(row.target)
            .arg(row.ttlSeconds)
            .arg(row.durationSeconds));
    WrkOptions wrkOptions = options.wrk;
    wrkOptions.durationSeconds = options.expiryDurationSeconds;
    const qint64 before = lab.settledOriginRequests();
    const WrkResult result = wrk.run(server.name, server.url(path), wrkOptions);
    const qint64 after = lab.settledOriginRequests();
    if (!result.ok) {
        row.failure = result.error;
        return row;
    }
    row.clientRequests = result.requests;
    row.originRequests = before >= 0 && after >= 0 ? after - before : -1;
    return row;
}

// Prints what the gateway counted about its cache (admin /metrics), as a
// cross-check of the figures.
void sayGatewayCacheMetrics(const CacheServer &server)
{
    if (server.adminPort == 0 || !server.usable())
        return;
    const HttpProbe metrics = HttpProbe::get(QUrl(QStringLiteral("http://127.0.0.1:%1/metrics").arg(server.adminPort)));
    if (!metrics.ok)
        return;
    for (const QByteArray &line : metrics.body.split('\n')) {
        const bool counter = line.startsWith("sluice_cache_lookups_total")
            || line.startsWith("sluice_cache_stores_total")
            || line.startsWith("sluice_cache_backend_requests_avoided_total")
            || line.startsWith("sluice_cache_entries");
        if (counter || (line.startsWith("sluice_requests_total{") && line.contains("bench")))
            say(tr("sluice admin /metrics: %1").arg(QString::fromUtf8(line)));
    }
}

CacheServer startTarget(CacheBenchLab &lab, const QString &target, const QString &tag, int ttlSeconds)
{
    if (target == kSluiceRedis)
        return lab.startSluiceRedis(tag, ttlSeconds);
    if (target == kNginx)
        return lab.startNginx(tag, ttlSeconds);
    if (target == kHaproxy)
        return lab.startHaproxy(tag, ttlSeconds);
    return lab.startSluice(tag, ttlSeconds);
}

int run(const Options &options)
{
    QTemporaryDir temp(QDir::temp().filePath(QStringLiteral("sluice-bench-cache-XXXXXX")));
    if (!temp.isValid()) {
        say(tr("Cannot create a temporary folder: %1").arg(temp.errorString()));
        return 2;
    }
    const QString workDir = temp.path();
    const QString wrkProgram = BenchProcess::findProgram(options.wrkProgram);
    if (wrkProgram.isEmpty()) {
        say(tr("wrk not found (%1); install it with `sh packaging/install-bench-deps.sh`.").arg(options.wrkProgram));
        return 2;
    }

    CacheBenchSettings settings;
    settings.workDir = workDir;
    settings.binDir = options.binDir;
    settings.nginxProgram = BenchProcess::findProgram(options.nginx, {QStringLiteral("/usr/sbin")});
    settings.haproxyProgram =
        BenchProcess::findProgram(options.haproxy, {QStringLiteral("/usr/sbin"), QStringLiteral("/usr/local/sbin")});
    settings.redisServerProgram =
        BenchProcess::findProgram(options.redisServer, {QStringLiteral("/usr/bin"), QStringLiteral("/usr/local/bin")});
    const QString redisCli =
        BenchProcess::findProgram(options.redisCli, {QStringLiteral("/usr/bin"), QStringLiteral("/usr/local/bin")});
    settings.threads = options.serverThreads;
    settings.startupTimeoutMs = options.startupTimeoutMs;
    settings.say = say;
    if (settings.haproxyProgram.isEmpty() && options.only.contains(kHaproxy))
        say(tr("haproxy not found (%1): install it with `sh packaging/install-bench-deps.sh`; measuring the rest.")
                .arg(options.haproxy));

    say(tr("sluice-bench-cache: %1-byte cached response, wrk -t%2 -c%3 -d%4s --latency; servers with %5 thread(s); "
           "%6 CPU cores; median of %8 round(s); files in %7")
            .arg(CacheBenchLab::kBodyBytes)
            .arg(options.wrk.threads)
            .arg(options.wrk.connections)
            .arg(options.wrk.durationSeconds)
            .arg(options.serverThreads)
            .arg(QThread::idealThreadCount())
            .arg(workDir)
            .arg(options.rounds));

    CacheBenchLab lab(settings);
    if (const QString failure = lab.startOrigin(); !failure.isEmpty()) {
        say(tr("The origin did not start: %1").arg(failure));
        temp.setAutoRemove(false);
        say(tr("Logs and configuration kept in %1").arg(workDir));
        return 1;
    }

    CacheBenchTable table;
    const Wrk wrk(wrkProgram, workDir);
    const QStringList order {kNginx, kHaproxy, kSluice, kSluiceRedis};
    {
        // Declared together so that each is stopped by its own handle however
        // this block ends.
        std::vector<CacheServer> servers;
        for (const QString &target : order) {
            if (options.only.contains(target))
                servers.push_back(startTarget(lab, target, target, 3600));
        }
        if (const QString warning = loadWarning(); !warning.isEmpty())
            say(warning);

        QStringList manyPaths;
        for (int i = 0; i < options.urlCount; ++i)
            manyPaths.append(QStringLiteral("/bench/item/%1").arg(i));
        QString error;
        const QString script = lab.writeRoundRobinScript(QStringLiteral("/bench/item/"), options.urlCount, &error);
        if (script.isEmpty()) {
            say(error);
            return 2;
        }
        WrkOptions many = options.wrk;
        many.script = script;
        const QString oneLabel = tr("1 URL");
        const QString manyLabel = tr("%1 URLs").arg(options.urlCount);
        // Each round measures every server in turn, so that a slow spell of the
        // machine hits all of them rather than one; each row is its median round.
        const auto measureRounds = [&](const QString &label, const QStringList &paths, const WrkOptions &wrkOptions) {
            std::vector<QList<CacheBenchTable::HitRow>> runs(servers.size());
            for (int round = 1; round <= options.rounds; ++round) {
                if (options.rounds > 1)
                    say(tr("round %1 of %2 (%3)").arg(round).arg(options.rounds).arg(label));
                for (size_t i = 0; i < servers.size(); ++i)
                    runs[i].append(measureHits(lab, wrk, servers[i], label, paths, wrkOptions, redisCli, workDir,
                                               options.serverThreads));
            }
            for (const QList<CacheBenchTable::HitRow> &serverRuns : runs)
                table.addHit(CacheBenchTable::medianRun(serverRuns));
        };
        measureRounds(oneLabel, {manyPaths.first()}, options.wrk);
        measureRounds(manyLabel, manyPaths, many);
        for (const CacheServer &server : servers)
            sayGatewayCacheMetrics(server);
        for (CacheServer &server : servers)
            server.stop();
    }

    if (options.expiryDurationSeconds > 0) {
        for (const QString &target : order) {
            if (!options.only.contains(target))
                continue;
            CacheServer server = startTarget(lab, target, target + QStringLiteral("-expiry"), options.expiryTtlSeconds);
            table.addExpiry(measureExpiry(lab, wrk, server, options));
            server.stop();
        }
    }
    lab.stopOrigin();

    say(QString());
    say(table.renderHits());
    if (const QString redis = table.renderRedisCommands(); !redis.isEmpty())
        say(redis);
    say(table.renderRatios());
    const QString expiry = table.renderExpiry();
    if (!expiry.isEmpty())
        say(expiry);

    const bool failed = table.anyFailure();
    if (failed || options.keepTemp) {
        temp.setAutoRemove(false);
        say(tr("Logs and configuration kept in %1").arg(workDir));
    }
    return failed ? 1 : 0;
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("sluice-bench-cache"));
    Options options;
    QString error;
    if (!parseOptions(app, &options, &error)) {
        say(error);
        return 2;
    }
    return run(options);
}
