#pragma once

#include "HttpMessage.h"

#include <QByteArray>

namespace sluice {

// Serializes responses for the server side: status line (standard reason when
// none is given), the headers as given, Content-Length from the body (given
// Content-Length/Transfer-Encoding/Connection fields are replaced), Date when
// absent (RFC 7231 IMF-fixdate, computed once per second per thread), and the
// Connection field the connection needs. 1xx/204/304 carry no body; a response
// to HEAD carries the Content-Length of the body it would have had.
class HttpResponseWriter
{
public:
    enum Flag {
        HeadRequest = 0x1, // no body bytes
        CloseConnection = 0x2, // "Connection: close"
        KeepAliveHeader = 0x4, // "Connection: keep-alive" (HTTP/1.0 clients)
    };

    // Bodies up to this size are copied behind the header block (one write);
    // larger ones are written as their own (shared, not copied) buffer.
    static constexpr qsizetype inlineBodyLimit = 16 * 1024;

    // Appends the status line and header block to `out`, followed by the body when
    // it is small. Returns true when the caller still has to write `response.body`.
    static bool write(const HttpResponse &response, int flags, QByteArray &out);

    // True when the handler asked to close ("Connection: close" in the response).
    static bool requestsClose(const HttpResponse &response);
    static bool statusAllowsBody(int status) { return status >= 200 && status != 204 && status != 304; }

    // IMF-fixdate, e.g. "Sun, 06 Nov 1994 08:49:37 GMT".
    static QByteArray httpDate(qint64 secondsSinceEpoch);
    // The current date, cached per second (per thread).
    static const QByteArray &currentHttpDate();
};

} // namespace sluice
