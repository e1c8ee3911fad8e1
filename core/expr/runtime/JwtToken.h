#pragma once

#include "DotNetDateTime.h"
#include "JsonToken.h"

#include <QJsonObject>
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

    QString algorithm() const { return headerField("alg").value_or(QString()); } // header "alg"
    QString type() const { return headerField("typ").value_or(QString()); } // header "typ"
    QString id() const { return claimField("jti").value_or(QString()); }
    QString issuer() const { return claimField("iss").value_or(QString()); }
    QString subject() const { return claimField("sub").value_or(QString()); }
    // One header field / the first value of one claim as text; nullopt when
    // absent or JSON null.
    std::optional<QString> headerField(const char *name) const;
    std::optional<QString> claimField(const char *name) const;
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
    // The header and payload as JSON objects (built on first use).
    JsonToken::Ptr header() const;
    JsonToken::Ptr payload() const;
    QString rawToken() const { return m_raw; }

    // Base64url decoding as JWTs need it (missing padding accepted); nullopt when invalid.
    static std::optional<QByteArray> decodeBase64Url(QStringView text);

private:
    std::optional<DotNetDateTime> timeClaim(const char *name) const;

    // Header and payload are checked and read with QJsonDocument (strict JSON,
    // as JWT libraries parse it); the Newtonsoft-model tokens are made only when
    // an expression asks for them.
    QString m_raw;
    QJsonObject m_headerJson;
    QJsonObject m_payloadJson;
    QByteArray m_headerText;
    QByteArray m_payloadText;
    mutable JsonToken::Ptr m_header;
    mutable JsonToken::Ptr m_payload;
    // Built on first use: most expressions read one field (Subject) and never the list.
    const QList<QPair<QString, QStringList>> &claimList() const;
    mutable std::optional<QList<QPair<QString, QStringList>>> m_claims;
};

} // namespace sluice::dotnet
