#pragma once

#include "http/HttpExchange.h"

#include <QList>

#include <functional>

class QObject;

namespace sluice {

class CacheStore;

// The admin listener's cache endpoints (docs/cache-admin.md):
//
//   GET    /cache/stores                          the stores, by name
//   GET    /cache/entries?prefix=&limit=&store=   entries (key, store, size, remaining TTL)
//   GET    /cache/entries/{key}?store=            one entry, with a description of its record
//   DELETE /cache/entries/{key}?store=            204 when removed, 404 when absent
//   POST   /cache/purge?prefix=&store=            {"removed": n}
//
// HEAD is GET without a body; another method answers 405 with Allow. Keys and
// prefixes travel percent-encoded as AdminCacheKey describes. Without `store`
// every store answers (the built-in one first, then the external caches);
// an unknown store is 404. A store that cannot answer (an external cache that
// is down) makes the request 503 naming the store; `store=` can leave it out.
//
// Answers come from the stores' callbacks, which run on the thread of the
// `context` given to handle(): the admin worker's, where the exchange lives.
class AdminCacheHandler
{
public:
    // The stores the endpoints see, in the order they report them; names unique.
    using StoreList = std::function<QList<CacheStore *>()>;

    static constexpr int defaultLimit = 100;
    static constexpr int maxLimit = 10000;

    explicit AdminCacheHandler(StoreList stores);

    // False when the request's path is not one of the cache endpoints (nothing
    // answered); true when the exchange is answered, now or later.
    bool handle(const HttpExchangePtr &exchange, QObject *context) const;

private:
    void listStores(const HttpExchangePtr &exchange) const;
    void listEntries(const HttpExchangePtr &exchange, QObject *context) const;
    void getEntry(const HttpExchangePtr &exchange, const QByteArray &key, QObject *context) const;
    void deleteEntry(const HttpExchangePtr &exchange, const QByteArray &key, QObject *context) const;
    void purge(const HttpExchangePtr &exchange, QObject *context) const;
    // POST /cache/preload: values for the value cache, [{"key", "value", "duration"}].
    void preload(const HttpExchangePtr &exchange, QObject *context) const;

    // The stores the request selects (all, or `store=`); nullopt after
    // answering 404 for an unknown store.
    std::optional<QList<CacheStore *>> selectStores(const HttpExchangePtr &exchange, const QByteArray &name,
                                                    bool named) const;

    StoreList m_stores;
};

} // namespace sluice
