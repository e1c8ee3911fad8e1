#pragma once

#include <QByteArray>
#include <QList>
#include <QObject>
#include <QString>

#include <functional>
#include <optional>

namespace sluice {

// What a lookup found.
struct CacheLookup
{
    enum class Status {
        Hit,   // `value` holds the stored bytes
        Miss,  // nothing stored under the key (or it expired)
        Error, // the store could not answer (an external cache is down): callers treat it as a miss
    };
    Status status = Status::Miss;
    QByteArray value;
    qint64 ttlMs = 0;  // remaining time to live on a hit
    QString error;     // on Error: what failed, never a secret
};

// The result of a store, remove or purge.
struct CacheWrite
{
    bool ok = true;
    qint64 count = 0; // remove: 1 when the key existed; purge: entries removed
    QString error;    // when !ok: what failed, never a secret
};

// One entry as the admin endpoints list it.
struct CacheEntryInfo
{
    QByteArray key;
    qint64 sizeBytes = 0; // key + value
    qint64 ttlMs = 0;     // remaining
};

struct CacheListing
{
    bool ok = true;
    QList<CacheEntryInfo> entries; // sorted by key
    bool truncated = false;        // more entries matched than `limit`
    QString error;
};

// A key -> bytes store with a time to live per entry: the built-in cache and
// every external (Redis) cache implement it, and the caching policies use only
// this interface.
//
// Asynchronous by contract, because a remote store is: each operation
// completes by calling its callback on the thread of `context` (a gateway
// worker's runtime). A store that can answer at once (the built-in cache) may
// call the callback before the call returns; callers must allow for that. If
// `context` is destroyed first, the callback is not called.
//
// Keys and values are arbitrary bytes. Values are what the caching policies
// encoded (core/cache/CacheRecord.h); a store never looks inside them.
//
// Thread safety: the built-in cache is one object shared by every worker;
// an external store may be one object per worker thread. Either way every
// method may be called from the worker that owns `context`.
class CacheStore
{
public:
    using LookupCallback = std::function<void(CacheLookup)>;
    using WriteCallback = std::function<void(CacheWrite)>;
    using ListCallback = std::function<void(CacheListing)>;

    virtual ~CacheStore() = default;

    // "internal", or the external cache's id (for metrics, Cache-Status and
    // logs; never a connection string).
    virtual QString name() const = 0;
    virtual bool isExternal() const = 0;

    // The hit path of a local store, without a callback: the result when the
    // store can answer synchronously, nullopt when the caller must use lookup().
    virtual std::optional<CacheLookup> lookupNow(const QByteArray &key) { Q_UNUSED(key); return std::nullopt; }

    virtual void lookup(const QByteArray &key, QObject *context, LookupCallback done) = 0;
    // Stores `value` for `ttlMs` (> 0), replacing what was stored under `key`.
    // A value over the store's limit is refused with ok = false.
    virtual void store(const QByteArray &key, const QByteArray &value, qint64 ttlMs, QObject *context,
                       WriteCallback done) = 0;
    virtual void remove(const QByteArray &key, QObject *context, WriteCallback done) = 0;

    // Inspection and purge (admin endpoints, the console's cache browser).
    // Only keys that start with `prefix`; at most `limit` entries.
    virtual void list(const QByteArray &prefix, int limit, QObject *context, ListCallback done) = 0;
    virtual void purge(const QByteArray &prefix, QObject *context, WriteCallback done) = 0;
};

} // namespace sluice
