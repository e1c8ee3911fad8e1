#include "UpstreamRequestEncoder.h"

namespace sluice {

namespace {

int defaultPort(const QUrl &url)
{
    return url.scheme() == QLatin1String("https") ? 443 : 80;
}

bool methodIs(const QByteArray &method, const char *name)
{
    return method == name;
}

// A field that would split the request (CR, LF or NUL in it) is never sent.
bool isSafe(const QByteArray &text)
{
    for (const char c : text) {
        if (c == '\r' || c == '\n' || c == '\0')
            return false;
    }
    return true;
}

} // namespace

QByteArray UpstreamRequestEncoder::hostHeader(const QUrl &url)
{
    QByteArray host = url.host(QUrl::FullyEncoded).toLatin1();
    if (host.contains(':'))
        host = '[' + host + ']';
    const int port = url.port(defaultPort(url));
    if (port != defaultPort(url)) {
        host += ':';
        host += QByteArray::number(port);
    }
    return host;
}

bool UpstreamRequestEncoder::isIdempotent(const QByteArray &method)
{
    return methodIs(method, "GET") || methodIs(method, "HEAD") || methodIs(method, "PUT") || methodIs(method, "DELETE")
        || methodIs(method, "OPTIONS");
}

QByteArray UpstreamRequestEncoder::encode(const UpstreamRequest &request)
{
    const QByteArray path = request.url.path(QUrl::FullyEncoded).toLatin1();
    const bool hasQuery = request.url.hasQuery();
    const QByteArray query = hasQuery ? request.url.query(QUrl::FullyEncoded).toLatin1() : QByteArray();

    qsizetype headerBytes = 0;
    for (const HttpHeaders::Field &field : request.headers.fields())
        headerBytes += field.first.size() + field.second.size() + 4;

    QByteArray out;
    out.reserve(request.method.size() + path.size() + query.size() + headerBytes + request.body.size() + 128);
    out += request.method;
    out += ' ';
    if (path.isEmpty())
        out += '/';
    else
        out += path;
    if (hasQuery) {
        out += '?';
        out += query;
    }
    out += " HTTP/1.1\r\n";

    if (!request.headers.contains(QByteArrayLiteral("Host"))) {
        out += "Host: ";
        out += hostHeader(request.url);
        out += "\r\n";
    }
    for (const HttpHeaders::Field &field : request.headers.fields()) {
        if (HttpHeaders::nameEquals(field.first, QByteArrayLiteral("Content-Length"))
            || HttpHeaders::nameEquals(field.first, QByteArrayLiteral("Transfer-Encoding")) || field.first.isEmpty()
            || !isSafe(field.first) || !isSafe(field.second))
            continue;
        out += field.first;
        out += ": ";
        out += field.second;
        out += "\r\n";
    }
    const QByteArray &method = request.method;
    if (!request.body.isEmpty() || methodIs(method, "POST") || methodIs(method, "PUT") || methodIs(method, "PATCH")) {
        out += "Content-Length: ";
        out += QByteArray::number(request.body.size());
        out += "\r\n";
    }
    out += "\r\n";
    out += request.body;
    return out;
}

} // namespace sluice
