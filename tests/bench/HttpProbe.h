#pragma once

#include <QByteArray>
#include <QList>
#include <QPair>
#include <QString>
#include <QUrl>

namespace sluice::bench {

// One GET before a load run, so that a benchmark never measures how fast a
// component answers 404 or 502.
struct HttpProbe
{
    bool ok = false; // a 2xx answer arrived
    int status = 0;
    qint64 bodyBytes = 0;
    QByteArray body;
    QList<QPair<QByteArray, QByteArray>> headers; // response headers as received
    QString error; // transport error, timeout or unexpected status

    // The value of a response header (name case-insensitive); empty if absent.
    QByteArray header(const QByteArray &name) const;

    static HttpProbe get(const QUrl &url, int timeoutMs = 5000);
    // GETs every URL over one client (a few keep-alive connections, several
    // requests in flight): warming a cache with many URLs. The answers are in
    // the order of `urls`; those not finished within totalTimeoutMs carry an error.
    static QList<HttpProbe> getAll(const QList<QUrl> &urls, int totalTimeoutMs = 30000);
};

} // namespace sluice::bench
