#pragma once

#include "RateLimitCounters.h"

#include <QByteArray>
#include <QList>
#include <QObject>
#include <QString>

namespace sluice {

class Counter;
class Gauge;
class MetricsRegistry;
class RedisClient;
struct RedisResult;

// Rate-limit and quota counters in the external Redis that serves this
// gateway's location, so that a limit holds across every gateway instance
// sharing it. One per worker thread, on that thread's RedisClient (the one
// its RedisCache owns); every callback runs on that thread.
//
// Each call is one Lua script (EVALSHA, EVAL when the server does not know it
// yet), atomic in Redis and timed by Redis's clock (TIME), so that instances
// with skewed clocks still agree on the windows:
//   sliding window: a sorted set of increments (score: time, member:
//     unique id and amount) and their running sum, both expiring after the
//     window; exactly what InMemoryRateLimitCounters keeps;
//   fixed window:   a hash {w: window index, n: count}, expiring at the end
//     of the window.
// The keys of one call are `sluice:rl:{digest of group}:kind:digest of key`
// with the call's group as Redis Cluster hash tag, so that they share a slot;
// digests keep a secret that a counter-key may hold out of Redis.
//
// When Redis fails (not connected, timed out, an error reply) the call is
// counted by `fallback` (the gateway's in-process counters) instead, and the
// metrics say so:
//   sluice_rate_limit_fallbacks_total{cache}  calls counted in-process because Redis failed
//   sluice_rate_limit_fallback{cache}         worker threads whose last Redis count failed
class RedisRateLimitCounters final : public QObject, public RateLimitCounters
{
    Q_OBJECT
public:
    // `client` and `fallback` outlive this object; `registry` may be null.
    RedisRateLimitCounters(RedisClient &client, RateLimitCounters &fallback, const QString &cacheId,
                           MetricsRegistry *registry, QObject *parent = nullptr);
    ~RedisRateLimitCounters() override;

    void acquire(std::vector<RateLimitCheck> checks, QObject *context,
                 std::function<void(RateLimitOutcome)> done) override;
    void add(const RateLimitCheck &check) override;

    // The Redis key of a check (for tests and operators).
    static QByteArray redisKey(const QByteArray &group, const QByteArray &key);
    static const QByteArray &script();

private:
    void run(bool acquire, const std::vector<RateLimitCheck> &checks, std::function<void(const RedisResult &)> done);
    static bool parse(const RedisResult &result, size_t checks, RateLimitOutcome *outcome);
    void setFallingBack(bool fallingBack);

    RedisClient &m_client;
    RateLimitCounters &m_fallback;
    QByteArray m_instance; // makes this thread's increment members unique
    quint64 m_sequence = 0;
    Counter *m_fallbacks = nullptr;
    Gauge *m_fallingBackGauge = nullptr;
    bool m_fallingBack = false;
};

} // namespace sluice
