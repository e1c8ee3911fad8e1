#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QJsonValue>

#include <optional>

namespace sluice {

// How the admin cache endpoints carry cache keys (arbitrary bytes) in URLs and
// JSON:
//
// - In a URL (a path segment of /cache/entries/{key}, the `prefix` query
//   parameter) a key is percent-encoded bytes: every byte outside the RFC 3986
//   unreserved set (ALPHA DIGIT - . _ ~) is written as %XX, including '/', '%',
//   ':', '+' and space. Decoding is exact: '+' stays '+', a '%' must start
//   two hex digits, and an unencoded '/' cannot be part of a key.
// - In JSON a key appears twice: `key`, the bytes as text when they are valid
//   UTF-8 (else null), and `keyEncoded`, the percent-encoding above, which
//   goes back into a URL unchanged.
class AdminCacheKey
{
public:
    // Percent-encodes every byte outside the unreserved set (hex upper-case).
    static QByteArray encode(const QByteArray &key);
    // The bytes of a raw (still percent-encoded) URL component; nullopt when a
    // '%' is not followed by two hex digits.
    static std::optional<QByteArray> decode(QByteArrayView raw);
    // The key as JSON text when it is valid UTF-8, else null.
    static QJsonValue text(const QByteArray &key);
};

} // namespace sluice
