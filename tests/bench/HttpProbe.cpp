#include "HttpProbe.h"

#include <QCoreApplication>
#include <QEventLoop>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QTimer>

#include <memory>
#include <vector>

namespace sluice::bench {

namespace {

QNetworkReply *startGet(QNetworkAccessManager &manager, const QUrl &url, int timeoutMs)
{
    QNetworkRequest request(url);
    request.setAttribute(QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::ManualRedirectPolicy);
    request.setTransferTimeout(timeoutMs);
    return manager.get(request);
}

HttpProbe fromReply(QNetworkReply *reply, int timeoutMs)
{
    HttpProbe result;
    if (!reply->isFinished()) {
        reply->abort();
        result.error = QCoreApplication::translate("Bench", "no answer within %1 ms").arg(timeoutMs);
        return result;
    }
    result.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    result.body = reply->readAll();
    result.bodyBytes = result.body.size();
    for (const QNetworkReply::RawHeaderPair &pair : reply->rawHeaderPairs())
        result.headers.append(pair);
    if (result.status >= 200 && result.status < 300) {
        result.ok = true;
    } else if (result.status == 0) {
        result.error = reply->errorString();
    } else {
        result.error = QCoreApplication::translate("Bench", "answered HTTP %1").arg(result.status);
    }
    return result;
}

} // namespace

QByteArray HttpProbe::header(const QByteArray &name) const
{
    for (const auto &pair : headers) {
        if (pair.first.compare(name, Qt::CaseInsensitive) == 0)
            return pair.second;
    }
    return {};
}

HttpProbe HttpProbe::get(const QUrl &url, int timeoutMs)
{
    QNetworkAccessManager manager;
    QNetworkReply *reply = startGet(manager, url, timeoutMs);
    QEventLoop loop;
    QTimer guard;
    guard.setSingleShot(true);
    QObject::connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
    QObject::connect(&guard, &QTimer::timeout, &loop, &QEventLoop::quit);
    guard.start(timeoutMs + 1000);
    loop.exec();
    const HttpProbe result = fromReply(reply, timeoutMs);
    delete reply;
    return result;
}

QList<HttpProbe> HttpProbe::getAll(const QList<QUrl> &urls, int totalTimeoutMs)
{
    QNetworkAccessManager manager;
    QEventLoop loop;
    QTimer guard;
    guard.setSingleShot(true);
    QObject::connect(&guard, &QTimer::timeout, &loop, &QEventLoop::quit);

    // The manager queues what exceeds its connections per host itself.
    std::vector<std::unique_ptr<QNetworkReply>> replies;
    replies.reserve(static_cast<size_t>(urls.size()));
    qsizetype pending = urls.size();
    for (const QUrl &url : urls) {
        replies.emplace_back(startGet(manager, url, totalTimeoutMs));
        QObject::connect(replies.back().get(), &QNetworkReply::finished, &loop, [&pending, &loop] {
            if (--pending == 0)
                loop.quit();
        });
    }
    if (pending > 0) {
        guard.start(totalTimeoutMs);
        loop.exec();
    }
    QList<HttpProbe> results;
    results.reserve(urls.size());
    for (const auto &reply : replies)
        results.append(fromReply(reply.get(), totalTimeoutMs));
    return results;
}

} // namespace sluice::bench
