#include "HttpMessage.h"

#include <QJsonArray>
#include <QJsonDocument>

namespace sluice {

QByteArray HttpResponse::standardReason(int status)
{
    switch (status) {
    case 100: return "Continue";
    case 101: return "Switching Protocols";
    case 200: return "OK";
    case 201: return "Created";
    case 202: return "Accepted";
    case 203: return "Non-Authoritative Information";
    case 204: return "No Content";
    case 206: return "Partial Content";
    case 301: return "Moved Permanently";
    case 302: return "Found";
    case 303: return "See Other";
    case 304: return "Not Modified";
    case 307: return "Temporary Redirect";
    case 308: return "Permanent Redirect";
    case 400: return "Bad Request";
    case 401: return "Unauthorized";
    case 403: return "Forbidden";
    case 404: return "Not Found";
    case 405: return "Method Not Allowed";
    case 406: return "Not Acceptable";
    case 408: return "Request Timeout";
    case 409: return "Conflict";
    case 410: return "Gone";
    case 411: return "Length Required";
    case 412: return "Precondition Failed";
    case 413: return "Payload Too Large";
    case 414: return "URI Too Long";
    case 415: return "Unsupported Media Type";
    case 417: return "Expectation Failed";
    case 422: return "Unprocessable Entity";
    case 429: return "Too Many Requests";
    case 431: return "Request Header Fields Too Large";
    case 500: return "Internal Server Error";
    case 501: return "Not Implemented";
    case 502: return "Bad Gateway";
    case 503: return "Service Unavailable";
    case 504: return "Gateway Timeout";
    case 505: return "HTTP Version Not Supported";
    default: return "Unknown";
    }
}

HttpResponse HttpResponse::json(int status, const QByteArray &jsonBody)
{
    HttpResponse r;
    r.status = status;
    r.headers.set("Content-Type", "application/json; charset=utf-8");
    r.body = jsonBody;
    return r;
}

QByteArray HttpResponse::jsonString(const QString &text)
{
    // QJsonDocument escapes; an array of one string is the cheapest way to reach it.
    const QByteArray array = QJsonDocument(QJsonArray{text}).toJson(QJsonDocument::Compact);
    return array.mid(1, array.size() - 2);
}

HttpResponse HttpResponse::apimError(int status, const QString &message, const QString &activityId)
{
    // Field order as APIM writes it: statusCode first.
    QByteArray body = "{ \"statusCode\": " + QByteArray::number(status) + ", \"message\": " + jsonString(message);
    if (!activityId.isEmpty())
        body += ", \"activityId\": " + jsonString(activityId);
    body += " }";
    return json(status, body);
}

} // namespace sluice
