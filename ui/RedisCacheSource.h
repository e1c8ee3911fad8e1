#pragma once

#include "CacheEntrySource.h"

#include "redis/RedisConnectionOptions.h"

#include <QSet>

#include <memory>

namespace sluice {

class RedisCache;
struct RedisResult;

// An external cache of the workspace, browsed without the gateway: a
// RedisCache (the core's store on its async RedisClient) on this object's
// thread, so that reading, removing and purging are what the gateway does.
// Pages are SCAN calls with COUNT (on each master of a Cluster in turn), each
// key then sized (STRLEN, envelope excluded) and timed (PTTL) in one pipelined
// round; keys a SCAN repeats are given once.
class RedisCacheSource final : public CacheEntrySource
{
    Q_OBJECT
public:
    RedisCacheSource(const QString &cacheId, const RedisConnectionOptions &options, QObject *parent = nullptr);
    ~RedisCacheSource() override;

    void restart(const QByteArray &prefix) override;
    void nextPage(int count, PageDone done) override;
    void details(const QByteArray &key, DetailsDone done) override;
    void remove(const QByteArray &key, WriteDone done) override;
    void purge(const QByteArray &prefix, WriteDone done) override;

    // The reply's error, or empty: a transport failure or an error reply.
    static QString failureText(const RedisResult &result);

private:
    struct Walk;
    // Runs `next` once connected, or once the connect timeout has passed.
    void whenConnected(std::function<void()> next);
    void scan(const std::shared_ptr<Walk> &walk);
    void measure(const std::shared_ptr<Walk> &walk);

    // The context of the store's callbacks: deleted before the store, so that
    // nothing the store says while it closes reaches a half-destroyed source.
    QObject *m_context;
    std::unique_ptr<RedisCache> m_cache;
    int m_connectTimeoutMs;
    QByteArray m_prefix;
    int m_master = 0;
    QByteArray m_cursor = "0";
    bool m_finished = false;
    QSet<QByteArray> m_seen;
    quint64 m_generation = 0;
};

} // namespace sluice
