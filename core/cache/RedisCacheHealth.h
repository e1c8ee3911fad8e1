#pragma once

#include <QString>

#include <mutex>

namespace sluice {

class RequestLog;

// What the RedisCache objects of one external cache (one per thread) share:
// whether the cache is reachable, so that a change is logged once for the
// whole gateway, not once per thread, and never per request. The cache is
// "unreachable" from the moment one connection loses it until every
// connection that lost it has it back.
class RedisCacheHealth
{
public:
    RedisCacheHealth(QString cacheId, RequestLog *log)
        : m_id(std::move(cacheId))
        , m_log(log)
    {}

    // A connection's state changed; `first` is its first report (a connection
    // that starts unreachable counts as losing the cache).
    void report(bool first, bool connected, const QString &lastError);
    bool isReachable() const;

private:
    QString m_id;
    RequestLog *m_log = nullptr;
    mutable std::mutex m_mutex;
    int m_down = 0;
};

} // namespace sluice
