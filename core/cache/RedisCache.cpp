#include "RedisCache.h"

#include "CacheCompletion.h"
#include "RedisCacheHealth.h"
#include "redis/RedisClient.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QPointer>
#include <QtEndian>

#include <algorithm>
#include <cstring>
#include <memory>

namespace sluice {

namespace {

constexpr char EnvelopeMagic[3] = {'S', 'L', 'X'};
constexpr char EnvelopeVersion = 1;
constexpr qsizetype EnvelopeHeader = 4 + 8;
constexpr int ScanCount = 1000;

QString failureText(const RedisResult &r)
{
    if (!r.ok())
        return r.error;
    if (r.reply.isError())
        return QString::fromUtf8(r.reply.string);
    return {};
}

// One SCAN walk over every master: calls `each` with each batch of keys, then
// `done` (with an error text when a master failed).
class ScanWalk : public std::enable_shared_from_this<ScanWalk>
{
public:
    using Each = std::function<void(const QList<QByteArray> &keys, std::function<void()> next)>;
    using Done = std::function<void(QString error)>;

    ScanWalk(RedisClient &client, QByteArray pattern, Each each, Done done)
        : m_client(&client)
        , m_pattern(std::move(pattern))
        , m_each(std::move(each))
        , m_done(std::move(done))
    {}

    void start() { step(); }
    void stop() { m_stopped = true; }

private:
    void step()
    {
        if (m_stopped || m_master >= m_client->masterCount()) {
            finish({});
            return;
        }
        auto self = shared_from_this();
        m_client->commandOnMaster(m_master,
                                  {"SCAN", m_cursor, "MATCH", m_pattern, "COUNT", QByteArray::number(ScanCount)},
                                  [self](RedisResult r) { self->onScan(r); });
    }

    void onScan(const RedisResult &r)
    {
        const QString error = failureText(r);
        if (!error.isEmpty() || r.reply.type != RedisReply::Type::Array || r.reply.elements.size() != 2) {
            finish(error.isEmpty() ? QCoreApplication::translate("Cache", "unexpected SCAN reply") : error);
            return;
        }
        m_cursor = r.reply.elements.at(0).string;
        QList<QByteArray> keys;
        for (const RedisReply &k : r.reply.elements.at(1).elements)
            keys.append(k.string);
        if (m_cursor == "0") {
            ++m_master;
            m_cursor = "0";
        }
        auto self = shared_from_this();
        m_each(keys, [self] { self->step(); });
    }

    void finish(const QString &error)
    {
        if (Done done = std::exchange(m_done, nullptr))
            done(error);
    }

    RedisClient *m_client;
    QByteArray m_pattern;
    Each m_each;
    Done m_done;
    int m_master = 0;
    QByteArray m_cursor = "0";
    bool m_stopped = false;
};

} // namespace

RedisCache::RedisCache(QString id, RedisConnectionOptions options, std::shared_ptr<RedisCacheHealth> health,
                       QObject *parent, qint64 maxValueBytes)
    : QObject(parent)
    , m_id(std::move(id))
    , m_maxValueBytes(maxValueBytes)
    , m_client(std::make_unique<RedisClient>(std::move(options)))
    , m_health(std::move(health))
{
    connect(m_client.get(), &RedisClient::stateChanged, this, &RedisCache::onStateChanged);
}

RedisCache::~RedisCache() = default;

void RedisCache::start() { m_client->start(); }

bool RedisCache::isConnected() const { return m_client->isConnected(); }
bool RedisCache::isCluster() const { return m_client->isCluster(); }
QString RedisCache::lastError() const { return m_client->lastError(); }
double RedisCache::roundTripMs() const { return m_client->roundTripMs(); }
QString RedisCache::serverVersion() const { return m_client->serverVersion(); }

void RedisCache::onStateChanged()
{
    const bool connected = m_client->isConnected();
    if (m_reported && connected == m_wasConnected)
        return;
    if (m_health)
        m_health->report(!m_reported, connected, m_client->lastError());
    m_reported = true;
    m_wasConnected = connected;
}

QByteArray RedisCache::wrap(const QByteArray &value, qint64 expiresAtMs)
{
    QByteArray out;
    out.reserve(EnvelopeHeader + value.size());
    out.append(EnvelopeMagic, 3);
    out.append(EnvelopeVersion);
    char bytes[8];
    qToLittleEndian<qint64>(expiresAtMs, bytes);
    out.append(bytes, 8);
    out.append(value);
    return out;
}

bool RedisCache::unwrap(const QByteArray &stored, QByteArray *value, qint64 *expiresAtMs)
{
    if (stored.size() < EnvelopeHeader || std::memcmp(stored.constData(), EnvelopeMagic, 3) != 0
        || stored.at(3) != EnvelopeVersion)
        return false;
    *expiresAtMs = qFromLittleEndian<qint64>(stored.constData() + 4);
    *value = stored.sliced(EnvelopeHeader);
    return true;
}

QByteArray RedisCache::matchPattern(const QByteArray &prefix)
{
    QByteArray pattern;
    pattern.reserve(prefix.size() * 2 + 1);
    for (const char c : prefix) {
        if (c == '*' || c == '?' || c == '[' || c == ']' || c == '\\')
            pattern += '\\';
        pattern += c;
    }
    pattern += '*';
    return pattern;
}

void RedisCache::lookup(const QByteArray &key, QObject *context, LookupCallback done)
{
    QPointer<QObject> ctx(context);
    m_client->command(key, {"GET", key}, [ctx, done = std::move(done)](RedisResult r) mutable {
        CacheLookup result;
        const QString error = failureText(r);
        if (!error.isEmpty()) {
            result.status = CacheLookup::Status::Error;
            result.error = error;
        } else if (r.reply.type == RedisReply::Type::String) {
            qint64 expiresAt = 0;
            QByteArray value;
            const qint64 ttl = unwrap(r.reply.string, &value, &expiresAt)
                ? expiresAt - QDateTime::currentMSecsSinceEpoch()
                : 0;
            if (ttl > 0) {
                result.status = CacheLookup::Status::Hit;
                result.value = std::move(value);
                result.ttlMs = ttl;
            }
        }
        completeCacheCall(ctx.data(), std::move(done), std::move(result));
    });
}

void RedisCache::store(const QByteArray &key, const QByteArray &value, qint64 ttlMs, QObject *context,
                       WriteCallback done)
{
    QPointer<QObject> ctx(context);
    if (ttlMs <= 0) {
        completeCacheCall(context, std::move(done),
                          CacheWrite{false, 0, QCoreApplication::translate("Cache", "the time to live must be positive")});
        return;
    }
    if (value.size() > m_maxValueBytes) {
        completeCacheCall(context, std::move(done),
                          CacheWrite{false, 0,
                                     QCoreApplication::translate("Cache", "the value (%1 bytes) is larger than the "
                                                                          "limit of %2 bytes")
                                         .arg(value.size())
                                         .arg(m_maxValueBytes)});
        return;
    }
    const QByteArray stored = wrap(value, QDateTime::currentMSecsSinceEpoch() + ttlMs);
    m_client->command(key, {"SET", key, stored, "PX", QByteArray::number(ttlMs)},
                      [ctx, done = std::move(done)](RedisResult r) mutable {
                          const QString error = failureText(r);
                          completeCacheCall(ctx.data(), std::move(done),
                                            CacheWrite{error.isEmpty(), error.isEmpty() ? 1 : 0, error});
                      });
}

void RedisCache::remove(const QByteArray &key, QObject *context, WriteCallback done)
{
    QPointer<QObject> ctx(context);
    m_client->command(key, {"UNLINK", key}, [ctx, done = std::move(done)](RedisResult r) mutable {
        const QString error = failureText(r);
        completeCacheCall(ctx.data(), std::move(done), CacheWrite{error.isEmpty(), r.reply.integer, error});
    });
}

void RedisCache::list(const QByteArray &prefix, int limit, QObject *context, ListCallback done)
{
    struct State
    {
        CacheListing listing;
        QList<QByteArray> keys;
    };
    auto state = std::make_shared<State>();
    QPointer<QObject> ctx(context);
    RedisClient *client = m_client.get();
    const int wanted = std::max(0, limit);
    auto walk = std::make_shared<ScanWalk>(
        *client, matchPattern(prefix),
        [state](const QList<QByteArray> &keys, std::function<void()> next) {
            state->keys += keys;
            next();
        },
        [state, client, wanted, ctx, done = std::move(done)](QString error) mutable {
            if (!error.isEmpty()) {
                completeCacheCall(ctx.data(), std::move(done), CacheListing{false, {}, false, error});
                return;
            }
            std::sort(state->keys.begin(), state->keys.end());
            state->keys.erase(std::unique(state->keys.begin(), state->keys.end()), state->keys.end());
            state->listing.truncated = state->keys.size() > wanted;
            state->keys.resize(std::min<qsizetype>(state->keys.size(), wanted));
            if (state->keys.isEmpty()) {
                completeCacheCall(ctx.data(), std::move(done), std::move(state->listing));
                return;
            }
            // Size and remaining TTL of each listed key (envelope excluded).
            auto pending = std::make_shared<int>(int(state->keys.size()));
            auto sharedDone = std::make_shared<ListCallback>(std::move(done));
            state->listing.entries.resize(state->keys.size());
            for (qsizetype i = 0; i < state->keys.size(); ++i) {
                const QByteArray key = state->keys.at(i);
                state->listing.entries[i].key = key;
                client->command(key, {"GET", key}, [state, i, pending, sharedDone, ctx](RedisResult r) {
                    CacheEntryInfo &info = state->listing.entries[i];
                    QByteArray value;
                    qint64 expiresAt = 0;
                    if (r.ok() && r.reply.type == RedisReply::Type::String
                        && unwrap(r.reply.string, &value, &expiresAt)) {
                        info.sizeBytes = info.key.size() + value.size();
                        info.ttlMs = std::max<qint64>(0, expiresAt - QDateTime::currentMSecsSinceEpoch());
                    } else {
                        info.sizeBytes = -1; // gone meanwhile, or not ours
                    }
                    if (--*pending > 0)
                        return;
                    CacheListing &listing = state->listing;
                    listing.entries.erase(std::remove_if(listing.entries.begin(), listing.entries.end(),
                                                         [](const CacheEntryInfo &e) { return e.sizeBytes < 0; }),
                                          listing.entries.end());
                    completeCacheCall(ctx.data(), std::move(*sharedDone), std::move(listing));
                });
            }
        });
    walk->start();
}

void RedisCache::purge(const QByteArray &prefix, QObject *context, WriteCallback done)
{
    auto removed = std::make_shared<qint64>(0);
    auto failure = std::make_shared<QString>();
    QPointer<QObject> ctx(context);
    RedisClient *client = m_client.get();
    auto walk = std::make_shared<ScanWalk>(
        *client, matchPattern(prefix),
        [client, removed, failure](const QList<QByteArray> &keys, std::function<void()> next) {
            if (keys.isEmpty()) {
                next();
                return;
            }
            // UNLINK per key: in a cluster the keys of one batch may live on
            // different masters; the client routes each by its slot.
            auto pending = std::make_shared<int>(int(keys.size()));
            auto sharedNext = std::make_shared<std::function<void()>>(std::move(next));
            for (const QByteArray &key : keys) {
                client->command(key, {"UNLINK", key}, [removed, failure, pending, sharedNext](RedisResult r) {
                    const QString error = failureText(r);
                    if (error.isEmpty())
                        *removed += r.reply.integer;
                    else if (failure->isEmpty())
                        *failure = error;
                    if (--*pending == 0)
                        (*sharedNext)();
                });
            }
        },
        [removed, failure, ctx, done = std::move(done)](QString error) mutable {
            if (error.isEmpty())
                error = *failure;
            completeCacheCall(ctx.data(), std::move(done), CacheWrite{error.isEmpty(), *removed, error});
        });
    walk->start();
}

} // namespace sluice
