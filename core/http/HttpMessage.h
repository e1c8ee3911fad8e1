#pragma once

#include "HttpHeaders.h"

#include <QByteArray>
#include <QString>

namespace sluice {

// A request as the server connection parsed it. Bodies are buffered whole
// (bounded by HttpServerLimits::maxBodyBytes).
struct HttpRequest
{
    QByteArray method;  // "GET", upper-case as sent
    QByteArray target;  // raw request-target: "/echo/a%20b?x=1"
    QByteArray path;    // target up to '?', still percent-encoded
    QByteArray query;   // after '?', without it; empty when none
    int versionMajor = 1;
    int versionMinor = 1;
    HttpHeaders headers;
    QByteArray body;
    bool keepAlive = true;  // what the client asked for (HTTP/1.0 vs 1.1 + Connection)
    QString peerAddress;    // client IP as text
    quint16 localPort = 0;
    QByteArray scheme = "http";
};

struct HttpResponse
{
    int status = 200;
    QByteArray reason; // empty: the standard reason phrase for `status`
    HttpHeaders headers;
    QByteArray body;

    static QByteArray standardReason(int status);
    // A JSON body with Content-Type application/json.
    static HttpResponse json(int status, const QByteArray &jsonBody);
    // APIM's error shape: { "statusCode": 404, "message": "Resource not found" },
    // with "activityId" (the request id) when given.
    static HttpResponse apimError(int status, const QString &message, const QString &activityId = {});
    // `text` as a JSON string literal, quotes included.
    static QByteArray jsonString(const QString &text);
};

} // namespace sluice
