#include "HttpProbe.h"

#include <QCoreApplication>
#include <QEventLoop>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QTimer>

namespace sluice::bench {

HttpProbe HttpProbe::get(const QUrl &url, int timeoutMs)
{
    HttpProbe result;
    QNetworkAccessManager manager;
    QNetworkRequest request(url);
    request.setAttribute(QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::ManualRedirectPolicy);
    request.setTransferTimeout(timeoutMs);
    QNetworkReply *reply = manager.get(request);
    QEventLoop loop;
    QTimer guard;
    guard.setSingleShot(true);
    QObject::connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
    QObject::connect(&guard, &QTimer::timeout, &loop, &QEventLoop::quit);
    guard.start(timeoutMs + 1000);
    loop.exec();
    if (!reply->isFinished()) {
        reply->abort();
        result.error = QCoreApplication::translate("Bench", "no answer within %1 ms").arg(timeoutMs);
    } else {
        result.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        result.body = reply->readAll();
        result.bodyBytes = result.body.size();
        if (result.status >= 200 && result.status < 300) {
            result.ok = true;
        } else if (result.status == 0) {
            result.error = reply->errorString();
        } else {
            result.error = QCoreApplication::translate("Bench", "answered HTTP %1").arg(result.status);
        }
    }
    delete reply;
    return result;
}

} // namespace sluice::bench
