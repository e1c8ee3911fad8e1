#pragma once

#include <QByteArray>
#include <QMap>
#include <QString>

#include <optional>

namespace sluice::bench {

// The command counters of a redis-server (`INFO commandstats`: calls per
// command since it started), read with redis-cli. Two readings around a load
// run tell how many Redis commands each request cost. The reading itself is
// one INFO, which the next reading counts.
class CacheBenchRedisStats
{
public:
    // Runs `redisCli -h 127.0.0.1 -p port INFO commandstats` (at most 5 s);
    // its output goes to <logDir>/redis-cli-<n>.log. std::nullopt and *error
    // when it fails or prints no counters.
    static std::optional<CacheBenchRedisStats> read(const QString &redisCli, quint16 port, const QString &logDir,
                                                    QString *error);
    // "cmdstat_get:calls=12,usec=..." lines; other lines are ignored.
    static CacheBenchRedisStats parse(const QByteArray &info);

    bool isEmpty() const { return m_calls.isEmpty(); }
    quint64 calls(const QByteArray &command) const { return m_calls.value(command, 0); }
    quint64 total() const;
    // Calls per command between two readings (lower-case names); commands that
    // did not move are absent. The earlier reading's own INFO is taken out.
    static QMap<QByteArray, quint64> delta(const CacheBenchRedisStats &before, const CacheBenchRedisStats &after);

private:
    QMap<QByteArray, quint64> m_calls; // lower-case command ("get", "config|get") -> calls
};

} // namespace sluice::bench
