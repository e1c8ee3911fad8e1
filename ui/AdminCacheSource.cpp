#include "AdminCacheSource.h"

#include "gateway/AdminCacheHandler.h"
#include "gateway/AdminCacheKey.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QNetworkProxy>
#include <QNetworkReply>
#include <QNetworkRequest>

#include <algorithm>

namespace sluice {

namespace {

const QByteArray kStore = QByteArrayLiteral("store=internal");

} // namespace

AdminCacheSource::AdminCacheSource(const QUrl &adminUrl, QObject *parent)
    : CacheEntrySource(parent)
    , m_adminUrl(adminUrl)
    , m_network(new QNetworkAccessManager(this))
{
    m_network->setProxy(QNetworkProxy::NoProxy); // the local gateway, never through a proxy
}

QUrl AdminCacheSource::endpoint(const QByteArray &encodedPath, const QByteArray &encodedQuery) const
{
    QUrl url = m_adminUrl;
    url.setPath(QString::fromLatin1(encodedPath), QUrl::TolerantMode);
    url.setQuery(QString::fromLatin1(encodedQuery), QUrl::TolerantMode);
    return url;
}

void AdminCacheSource::whenFinished(QNetworkReply *reply, std::function<void(QNetworkReply *)> finished)
{
    connect(reply, &QNetworkReply::finished, this, [reply, finished = std::move(finished)] {
        reply->deleteLater();
        finished(reply);
    });
}

QString AdminCacheSource::errorText(QNetworkReply *reply, const QByteArray &body)
{
    const QString message = QJsonDocument::fromJson(body).object().value(QStringLiteral("message")).toString();
    if (!message.isEmpty())
        return message;
    return reply->error() != QNetworkReply::NoError
        ? tr("The gateway's admin endpoint did not answer: %1").arg(reply->errorString())
        : tr("The gateway's admin endpoint answered HTTP %1.")
              .arg(reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt());
}

void AdminCacheSource::restart(const QByteArray &prefix)
{
    m_prefix = prefix;
    m_lastKey.clear();
    m_shown = 0;
    ++m_generation;
}

void AdminCacheSource::nextPage(int count, PageDone done)
{
    const int limit = std::min(m_shown + std::max(1, count), AdminCacheHandler::maxLimit);
    const QByteArray query = "prefix=" + AdminCacheKey::encode(m_prefix) + "&limit=" + QByteArray::number(limit) + '&'
        + kStore;
    QNetworkReply *reply = m_network->get(QNetworkRequest(endpoint("/cache/entries", query)));
    const quint64 generation = m_generation;
    whenFinished(reply, [this, generation, limit, done = std::move(done)](QNetworkReply *r) {
        if (generation != m_generation)
            return;
        const QByteArray body = r->readAll();
        CacheEntryPage page;
        if (r->error() != QNetworkReply::NoError) {
            page.ok = false;
            page.error = errorText(r, body);
            done(page);
            return;
        }
        const QJsonObject listing = QJsonDocument::fromJson(body).object();
        const QJsonArray entries = listing.value(QStringLiteral("entries")).toArray();
        for (const QJsonValue &v : entries) {
            const QJsonObject e = v.toObject();
            const std::optional<QByteArray> key =
                AdminCacheKey::decode(e.value(QStringLiteral("keyEncoded")).toString().toLatin1());
            if (!key || (!m_lastKey.isEmpty() && *key <= m_lastKey))
                continue; // shown on an earlier page
            page.entries.append({*key, qint64(e.value(QStringLiteral("sizeBytes")).toDouble(-1)),
                                 qint64(e.value(QStringLiteral("ttlMs")).toDouble(-1))});
        }
        if (!page.entries.isEmpty())
            m_lastKey = page.entries.constLast().key;
        m_shown += int(page.entries.size());
        page.more = listing.value(QStringLiteral("truncated")).toBool() && limit < AdminCacheHandler::maxLimit;
        done(page);
    });
}

void AdminCacheSource::details(const QByteArray &key, DetailsDone done)
{
    QNetworkReply *reply = m_network->get(QNetworkRequest(endpoint("/cache/entries/" + AdminCacheKey::encode(key), kStore)));
    whenFinished(reply, [done = std::move(done)](QNetworkReply *r) {
        const QByteArray body = r->readAll();
        const int status = r->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        CacheEntryDetails details;
        if (status == 404) {
            // gone meanwhile: no description
        } else if (r->error() != QNetworkReply::NoError) {
            details.ok = false;
            details.error = errorText(r, body);
        } else {
            details.description = QJsonDocument::fromJson(body).object();
        }
        done(details);
    });
}

void AdminCacheSource::remove(const QByteArray &key, WriteDone done)
{
    QNetworkReply *reply =
        m_network->deleteResource(QNetworkRequest(endpoint("/cache/entries/" + AdminCacheKey::encode(key), kStore)));
    whenFinished(reply, [done = std::move(done)](QNetworkReply *r) {
        const QByteArray body = r->readAll();
        const int status = r->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        if (status == 204 || status == 404)
            done(CacheWrite {true, status == 204 ? 1 : 0, {}});
        else
            done(CacheWrite {false, 0, errorText(r, body)});
    });
}

void AdminCacheSource::purge(const QByteArray &prefix, WriteDone done)
{
    const QByteArray query = "prefix=" + AdminCacheKey::encode(prefix) + '&' + kStore;
    QNetworkReply *reply = m_network->post(QNetworkRequest(endpoint("/cache/purge", query)), QByteArray());
    whenFinished(reply, [done = std::move(done)](QNetworkReply *r) {
        const QByteArray body = r->readAll();
        if (r->error() != QNetworkReply::NoError) {
            done(CacheWrite {false, 0, errorText(r, body)});
            return;
        }
        done(CacheWrite {true, qint64(QJsonDocument::fromJson(body).object().value(QStringLiteral("removed")).toDouble()),
                         {}});
    });
}

} // namespace sluice
