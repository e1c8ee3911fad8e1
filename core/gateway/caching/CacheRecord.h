#pragma once

#include "expr/Value.h"
#include "http/HttpMessage.h"

#include <QByteArray>
#include <QString>

#include <optional>

namespace sluice {

// The bytes a caching policy puts into a CacheStore, in one versioned,
// binary-safe format shared by the built-in cache and every external cache,
// so that gateway processes of the same version read each other's entries.
// A response keeps its header fields as the lines a hit writes to the client:
// serving it parses nothing and allocates one array per part.
//
//   "SLC" version(1 byte, = 2) kind(1 byte: 'R' response, 'V' value) payload
//   response: storedAtMs (int64, Unix epoch ms) status (uint16)
//             reason (uint16 length + bytes)
//             header lines (uint32 length + bytes: "Name: value\r\n" per field, as
//             written to clients; no Content-Length, Transfer-Encoding or Connection)
//             body (uint32 length + bytes)
//   value:    type (1 byte) + data: 'n' null, 'b' bool (1 byte), 'c' char (uint16),
//             'i' int32, 'l' int64, 'd' double (IEEE 754 bits), 's' string (UTF-8,
//             uint32 length + bytes), 'j' JSON token (its compact JSON text, same framing)
//   All integers little-endian. A record of another version or kind reads as a miss.
class CacheRecord
{
public:
    struct Response
    {
        HttpResponse response;
        qint64 storedAtMs = 0;
    };

    static QByteArray encodeResponse(const HttpResponse &response, qint64 storedAtMs);
    static std::optional<Response> decodeResponse(const QByteArray &record);

    // nullopt when the value's type cannot be stored (an IResponse, a lambda,
    // a request, a JProperty ...); `typeName` then names it for the error message.
    static std::optional<QByteArray> encodeValue(const Value &value, QString *typeName = nullptr);
    static std::optional<Value> decodeValue(const QByteArray &record);

    static constexpr quint8 Version = 2;
};

} // namespace sluice
