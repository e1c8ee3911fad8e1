#pragma once

#include <QByteArray>
#include <QString>
#include <QUrl>

namespace sluice::bench {

// One GET before a load run, so that a benchmark never measures how fast a
// component answers 404 or 502.
struct HttpProbe
{
    bool ok = false;       // a 2xx answer arrived
    int status = 0;
    qint64 bodyBytes = 0;
    QByteArray body;
    QString error;         // transport error, timeout or unexpected status

    static HttpProbe get(const QUrl &url, int timeoutMs = 5000);
};

} // namespace sluice::bench
