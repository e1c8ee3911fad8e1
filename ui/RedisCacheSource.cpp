#include "RedisCacheSource.h"

#include "cache/RedisCache.h"
#include "gateway/AdminCacheEntryDescription.h"
#include "redis/RedisClient.h"

#include <QPointer>
#include <QTimer>

#include <algorithm>

namespace sluice {

struct RedisCacheSource::Walk
{
    quint64 generation = 0;
    int count = 0;
    QList<QByteArray> keys;
    PageDone done;
    CacheEntryPage page;
    int pending = 0;
};

RedisCacheSource::RedisCacheSource(const QString &cacheId, const RedisConnectionOptions &options, QObject *parent)
    : CacheEntrySource(parent)
    , m_context(new QObject(this))
    , m_cache(std::make_unique<RedisCache>(cacheId, options))
    , m_connectTimeoutMs(options.connectTimeoutMs)
{
    m_cache->start();
}

RedisCacheSource::~RedisCacheSource()
{
    ++m_generation; // pages in flight are dropped
    delete m_context;
    m_cache.reset();
}

QString RedisCacheSource::failureText(const RedisResult &result)
{
    if (!result.ok())
        return result.error;
    if (result.reply.isError())
        return QString::fromUtf8(result.reply.string);
    return {};
}

void RedisCacheSource::whenConnected(std::function<void()> next)
{
    if (m_cache->isConnected()) {
        next();
        return;
    }
    // Whichever comes first: the connection, a failed attempt (its error is the
    // answer), or the end of the connect timeout.
    auto pending = std::make_shared<std::function<void()>>(std::move(next));
    auto *guard = new QObject(m_context);
    const auto fire = [pending, guard] {
        if (std::function<void()> run = std::exchange(*pending, nullptr)) {
            guard->deleteLater();
            run();
        }
    };
    connect(&m_cache->client(), &RedisClient::stateChanged, guard, [this, fire] {
        if (m_cache->isConnected() || !m_cache->lastError().isEmpty())
            fire();
    });
    QTimer::singleShot(m_connectTimeoutMs, guard, fire);
}

void RedisCacheSource::restart(const QByteArray &prefix)
{
    m_prefix = prefix;
    m_master = 0;
    m_cursor = "0";
    m_finished = false;
    m_seen.clear();
    ++m_generation;
}

void RedisCacheSource::nextPage(int count, PageDone done)
{
    auto walk = std::make_shared<Walk>();
    walk->generation = m_generation;
    walk->count = std::max(1, count);
    walk->done = std::move(done);
    whenConnected([this, walk] { scan(walk); });
}

void RedisCacheSource::scan(const std::shared_ptr<Walk> &walk)
{
    if (walk->generation != m_generation)
        return;
    RedisClient &client = m_cache->client();
    if (m_finished || m_master >= client.masterCount() || walk->keys.size() >= walk->count) {
        m_finished = m_finished || m_master >= client.masterCount();
        measure(walk);
        return;
    }
    const QList<QByteArray> command {"SCAN", m_cursor, "MATCH", RedisCache::matchPattern(m_prefix), "COUNT",
                                     QByteArray::number(walk->count)};
    QPointer<RedisCacheSource> self(this);
    client.commandOnMaster(m_master, command, [self, walk](RedisResult r) {
        if (!self || walk->generation != self->m_generation)
            return;
        QString error = failureText(r);
        if (error.isEmpty() && (r.reply.type != RedisReply::Type::Array || r.reply.elements.size() != 2))
            error = tr("unexpected SCAN reply");
        if (!error.isEmpty()) {
            walk->done(CacheEntryPage {false, {}, true, error});
            return;
        }
        self->m_cursor = r.reply.elements.at(0).string;
        for (const RedisReply &key : std::as_const(r.reply.elements.at(1).elements)) {
            if (!self->m_seen.contains(key.string)) {
                self->m_seen.insert(key.string);
                walk->keys.append(key.string);
            }
        }
        if (self->m_cursor == "0")
            ++self->m_master;
        self->scan(walk);
    });
}

void RedisCacheSource::measure(const std::shared_ptr<Walk> &walk)
{
    walk->page.more = !m_finished;
    if (walk->keys.isEmpty()) {
        walk->done(std::move(walk->page));
        return;
    }
    // Size and remaining time of each key: STRLEN and PTTL, all sent at once.
    static const qint64 envelope = RedisCache::wrap({}, 0).size();
    walk->page.entries.resize(walk->keys.size());
    walk->pending = int(walk->keys.size()) * 2;
    QPointer<RedisCacheSource> self(this);
    const auto finishOne = [self, walk] {
        if (--walk->pending > 0 || !self || walk->generation != self->m_generation)
            return;
        QList<CacheEntryInfo> &entries = walk->page.entries;
        entries.erase(std::remove_if(entries.begin(), entries.end(), [](const CacheEntryInfo &e) { return e.key.isEmpty(); }),
                      entries.end());
        walk->done(std::move(walk->page));
    };
    RedisClient &client = m_cache->client();
    for (qsizetype i = 0; i < walk->keys.size(); ++i) {
        const QByteArray key = walk->keys.at(i);
        client.command(key, {"STRLEN", key}, [walk, i, key, finishOne](RedisResult r) {
            const bool sized = r.ok() && r.reply.type == RedisReply::Type::Integer;
            walk->page.entries[i].sizeBytes =
                sized ? key.size() + std::max<qint64>(0, r.reply.integer - envelope) : qint64(-1);
            finishOne();
        });
        client.command(key, {"PTTL", key}, [walk, i, key, finishOne](RedisResult r) {
            const qint64 ttl = r.ok() && r.reply.type == RedisReply::Type::Integer ? r.reply.integer : -1;
            if (ttl != -2) { // -2: gone meanwhile; the key stays empty and the entry is dropped
                walk->page.entries[i].key = key;
                walk->page.entries[i].ttlMs = ttl;
            }
            finishOne();
        });
    }
}

void RedisCacheSource::details(const QByteArray &key, DetailsDone done)
{
    whenConnected([this, key, done = std::move(done)]() mutable {
        m_cache->lookup(key, m_context, [done = std::move(done)](CacheLookup lookup) {
            CacheEntryDetails details;
            if (lookup.status == CacheLookup::Status::Error) {
                details.ok = false;
                details.error = lookup.error;
            } else if (lookup.status == CacheLookup::Status::Hit) {
                details.description = AdminCacheEntryDescription::describe(lookup.value);
                details.description.insert(QStringLiteral("ttlMs"), double(lookup.ttlMs));
            }
            done(details);
        });
    });
}

void RedisCacheSource::remove(const QByteArray &key, WriteDone done)
{
    whenConnected([this, key, done = std::move(done)]() mutable { m_cache->remove(key, m_context, std::move(done)); });
}

void RedisCacheSource::purge(const QByteArray &prefix, WriteDone done)
{
    whenConnected([this, prefix, done = std::move(done)]() mutable { m_cache->purge(prefix, m_context, std::move(done)); });
}

} // namespace sluice
