#include "CacheBenchRedisStats.h"

#include "BenchProcess.h"

#include <QCoreApplication>

namespace sluice::bench {

std::optional<CacheBenchRedisStats> CacheBenchRedisStats::read(const QString &redisCli, quint16 port,
                                                               const QString &logDir, QString *error)
{
    static int readings = 0;
    BenchProcess cli(QStringLiteral("redis-cli-%1").arg(++readings), redisCli,
                     {QStringLiteral("-h"), QStringLiteral("127.0.0.1"), QStringLiteral("-p"), QString::number(port),
                      QStringLiteral("INFO"), QStringLiteral("commandstats")},
                     logDir);
    if (!cli.runToCompletion(5000, error))
        return std::nullopt;
    CacheBenchRedisStats stats = parse(cli.log().toUtf8());
    if (stats.isEmpty()) {
        *error = QCoreApplication::translate("Bench", "redis-cli INFO commandstats printed no counters: %1")
                     .arg(cli.logTail(3));
        return std::nullopt;
    }
    return stats;
}

CacheBenchRedisStats CacheBenchRedisStats::parse(const QByteArray &info)
{
    CacheBenchRedisStats stats;
    const QByteArray prefix = QByteArrayLiteral("cmdstat_");
    for (const QByteArray &rawLine : info.split('\n')) {
        const QByteArray line = rawLine.trimmed();
        const qsizetype colon = line.indexOf(':');
        if (!line.startsWith(prefix) || colon < 0)
            continue;
        const QByteArray command = line.mid(prefix.size(), colon - prefix.size()).toLower();
        for (const QByteArray &field : line.mid(colon + 1).split(',')) {
            if (!field.startsWith("calls="))
                continue;
            bool ok = false;
            const quint64 calls = field.mid(6).toULongLong(&ok);
            if (ok)
                stats.m_calls.insert(command, calls);
        }
    }
    return stats;
}

quint64 CacheBenchRedisStats::total() const
{
    quint64 sum = 0;
    for (const quint64 calls : m_calls)
        sum += calls;
    return sum;
}

QMap<QByteArray, quint64> CacheBenchRedisStats::delta(const CacheBenchRedisStats &before,
                                                      const CacheBenchRedisStats &after)
{
    QMap<QByteArray, quint64> moved;
    for (auto it = after.m_calls.cbegin(); it != after.m_calls.cend(); ++it) {
        quint64 was = before.calls(it.key());
        if (it.key() == "info")
            ++was; // the earlier reading
        if (it.value() > was)
            moved.insert(it.key(), it.value() - was);
    }
    return moved;
}

} // namespace sluice::bench
