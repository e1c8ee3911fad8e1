#pragma once

#include "CacheEntrySource.h"

#include <QUrl>

class QNetworkAccessManager;
class QNetworkReply;

namespace sluice {

// The running gateway's built-in cache, through its admin endpoints
// (docs/cache-admin.md, `store=internal`) with QNetworkAccessManager. The
// console reads the cache as any client of the gateway would: no pointer into
// a gateway that stopping destroys, and no gateway internals in the console.
//
// The listing endpoint has no cursor: a page asks for the first
// shown + count entries (sorted by key) and keeps those after the last key
// shown, up to the endpoint's limit of AdminCacheHandler::maxLimit entries.
class AdminCacheSource final : public CacheEntrySource
{
    Q_OBJECT
public:
    // `adminUrl`: scheme, host and port of the admin listener.
    explicit AdminCacheSource(const QUrl &adminUrl, QObject *parent = nullptr);

    void restart(const QByteArray &prefix) override;
    void nextPage(int count, PageDone done) override;
    void details(const QByteArray &key, DetailsDone done) override;
    void remove(const QByteArray &key, WriteDone done) override;
    void purge(const QByteArray &prefix, WriteDone done) override;

private:
    QUrl endpoint(const QByteArray &encodedPath, const QByteArray &encodedQuery) const;
    // Calls `finished` with the reply once it ends (this object still alive).
    void whenFinished(QNetworkReply *reply, std::function<void(QNetworkReply *)> finished);
    // The error of a failed reply: the gateway's message, else the network's.
    static QString errorText(QNetworkReply *reply, const QByteArray &body);

    QUrl m_adminUrl;
    QNetworkAccessManager *m_network;
    QByteArray m_prefix;
    QByteArray m_lastKey;
    int m_shown = 0;
    quint64 m_generation = 0;
};

} // namespace sluice
