#pragma once

#include "DotNetDateTime.h"
#include "JsonToken.h"

#include <QList>
#include <QPair>
#include <QString>
#include <QStringList>

#include <optional>

namespace sluice::dotnet {

// APIM's Jwt (from string.AsJwt() / TryParseJwt()): a compact JWS decoded
// without validating its signature. Claims keep the payload's order.
class JwtToken
{
public:
    // AsJwt(): nullopt (null in C#) unless the text is header.payload.signature with
    // base64url (padding optional) JSON objects as header and payload.
    static std::optional<JwtToken> parse(const QString &token);
    static bool tryParse(const QString &token, JwtToken *result);

    QString algorithm() const { return headerString("alg"); } // header "alg"
    QString type() const { return headerString("typ"); } // header "typ"
    QString id() const { return claimString("jti"); }
    QString issuer() const { return claimString("iss"); }
    QString subject() const { return claimString("sub"); }
    QStringList audiences() const { return claim(QStringLiteral("aud")); }
    // "exp" / "nbf" / "iat" as UTC DateTimes (seconds since the Unix epoch); nullopt when absent.
    std::optional<DotNetDateTime> expirationTime() const { return timeClaim("exp"); }
    std::optional<DotNetDateTime> notBefore() const { return timeClaim("nbf"); }
    std::optional<DotNetDateTime> issuedAt() const { return timeClaim("iat"); }
    // Claims: name -> values (an array claim gives several; numbers and booleans as JSON text,
    // objects as compact JSON).
    QList<QPair<QString, QStringList>> claims() const { return claimList(); }
    QStringList claim(const QString &name) const; // empty when absent
    bool hasClaim(const QString &name) const;
    JsonToken::Ptr header() const { return m_header; }
    JsonToken::Ptr payload() const { return m_payload; }
    QString rawToken() const { return m_raw; }

    // Base64url decoding as JWTs need it (missing padding accepted); nullopt when invalid.
    static std::optional<QByteArray> decodeBase64Url(QStringView text);

private:
    QString headerString(const char *name) const;
    QString claimString(const char *name) const;
    std::optional<DotNetDateTime> timeClaim(const char *name) const;

    QString m_raw;
    JsonToken::Ptr m_header;
    JsonToken::Ptr m_payload;
    // Built on first use: most expressions read one field (Subject) and never the list.
    const QList<QPair<QString, QStringList>> &claimList() const;
    mutable std::optional<QList<QPair<QString, QStringList>>> m_claims;
};

} // namespace sluice::dotnet
