#pragma once

#include "UpstreamClient.h"

namespace sluice {

// Serialises an UpstreamRequest into the bytes of one HTTP/1.1 request:
// request line with the URL's encoded path and query, the caller's headers in
// order, Host from the URL when absent (with the port when not the scheme's
// default), and Content-Length computed from the body (when the body is not
// empty or the method is POST/PUT/PATCH). Content-Length and Transfer-Encoding
// fields of the caller are replaced: the body is always sent whole. Fields with
// CR, LF or NUL in name or value are dropped (no request splitting).
class UpstreamRequestEncoder
{
public:
    static QByteArray encode(const UpstreamRequest &request);
    // "host" or "host:port" (IPv6 in brackets) as the Host header wants it.
    static QByteArray hostHeader(const QUrl &url);
    static bool isIdempotent(const QByteArray &method);
};

} // namespace sluice
