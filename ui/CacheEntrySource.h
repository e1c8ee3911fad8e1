#pragma once

#include "cache/CacheStore.h"

#include <QByteArray>
#include <QJsonObject>
#include <QList>
#include <QObject>
#include <QString>

#include <functional>

namespace sluice {

// One page of a store's keys for the Cache browser.
struct CacheEntryPage
{
    bool ok = true;
    QList<CacheEntryInfo> entries; // sizeBytes < 0: unknown (not a Sluice value)
    bool more = false;             // nextPage() has more to give
    QString error;                 // when !ok: what failed, never a secret
};

// An entry read back, described as GET /cache/entries/{key} describes it
// (AdminCacheEntryDescription: "kind", "response" or "value"); empty when absent.
struct CacheEntryDetails
{
    bool ok = true;
    QJsonObject description;
    QString error;
};

// A store the Cache browser pages through: the running gateway's built-in
// cache or an external cache. Every operation is asynchronous and answers on
// this object's thread, never after the object is gone. restart() forgets the
// walk in progress: a page asked before it is not delivered.
class CacheEntrySource : public QObject
{
    Q_OBJECT
public:
    using PageDone = std::function<void(CacheEntryPage)>;
    using DetailsDone = std::function<void(CacheEntryDetails)>;
    using WriteDone = std::function<void(CacheWrite)>;

    using QObject::QObject;

    // Starts a new walk over the keys that begin with `prefix`.
    virtual void restart(const QByteArray &prefix) = 0;
    // About `count` further entries of the walk (fewer at its end).
    virtual void nextPage(int count, PageDone done) = 0;
    virtual void details(const QByteArray &key, DetailsDone done) = 0;
    virtual void remove(const QByteArray &key, WriteDone done) = 0;
    // Removes every entry whose key starts with `prefix`.
    virtual void purge(const QByteArray &prefix, WriteDone done) = 0;
};

} // namespace sluice
