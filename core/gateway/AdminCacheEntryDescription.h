#pragma once

#include <QByteArray>
#include <QJsonObject>

namespace sluice {

struct HttpResponse;
class Value;

// What GET /cache/entries/{key} says about a stored record (CacheRecord), as
// JSON fields merged into the entry's object:
//
//   "kind": "response" | "value" | "unknown"
//   "response": { "status", "reason", "storedAt" (ISO 8601 UTC),
//                 "headers": [ { "name", "value" } ... ] (stored order),
//                 "bodyBytes", "body" (the text, or null: see below) }
//   "value":    { "type": "null" | "bool" | "char" | "int" | "long" | "double"
//                         | "string" | "json", "value": <as JSON> }
//   "unknown":  { "bytes" } (a record of another version or format)
//
// A response body is given as text only when it is small (<= maxBodyTextBytes),
// not content-encoded, textual by Content-Type (text/*, JSON, XML,
// JavaScript, form data) and valid UTF-8; otherwise "body" is null.
// A double that JSON cannot hold (NaN, infinities) is given as its C# text.
class AdminCacheEntryDescription
{
public:
    static constexpr qsizetype maxBodyTextBytes = 64 * 1024;

    static QJsonObject describe(const QByteArray &record);

    static QJsonObject describeResponse(const HttpResponse &response, qint64 storedAtMs);
    static QJsonObject describeValue(const Value &value);
    // True when a body of this Content-Type is text.
    static bool isTextual(const QByteArray &contentType);
};

} // namespace sluice
