#include "JwtToken.h"

#include "DotNetDouble.h"

#include <QJsonArray>
#include <QJsonDocument>

#include <cmath>

namespace sluice::dotnet {

// What decodeBase64Url() accepts, without decoding.
static bool isBase64Url(QStringView text)
{
    qsizetype length = text.size();
    while (length > 0 && text.at(length - 1) == QLatin1Char('='))
        --length;
    for (qsizetype i = 0; i < length; ++i) {
        const char16_t c = text.at(i).unicode();
        const bool ok = (c >= u'A' && c <= u'Z') || (c >= u'a' && c <= u'z') || (c >= u'0' && c <= u'9') || c == u'-'
            || c == u'_';
        if (!ok)
            return false;
    }
    return length % 4 != 1;
}

std::optional<QByteArray> JwtToken::decodeBase64Url(QStringView text)
{
    if (text.isEmpty())
        return QByteArray();
    QByteArray bytes = text.toLatin1();
    for (char c : std::as_const(bytes)) {
        const bool ok = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-'
            || c == '_' || c == '=';
        if (!ok)
            return std::nullopt;
    }
    while (bytes.endsWith('='))
        bytes.chop(1);
    if (bytes.size() % 4 == 1)
        return std::nullopt;
    const auto decoded = QByteArray::fromBase64Encoding(bytes,
                                                        QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals
                                                            | QByteArray::AbortOnBase64DecodingErrors);
    if (!decoded)
        return std::nullopt;
    return decoded.decoded;
}

namespace {

QString claimText(const JsonToken &token)
{
    switch (token.type()) {
    case JTokenType::String:
        return token.stringValue();
    case JTokenType::Boolean:
        return token.boolValue() ? QStringLiteral("true") : QStringLiteral("false");
    case JTokenType::Null:
        return QString();
    case JTokenType::Date:
        return token.toString(JsonFormatting::None).mid(1).chopped(1);
    case JTokenType::Object:
    case JTokenType::Array:
        return token.toString(JsonFormatting::None);
    case JTokenType::Integer:
        return QString::number(token.integerValue());
    case JTokenType::Float:
        return dotNetDoubleToString(token.floatValue());
    default:
        return token.toString(JsonFormatting::None);
    }
}

std::optional<std::pair<QByteArray, QJsonObject>> decodeSegment(QStringView segment)
{
    auto bytes = JwtToken::decodeBase64Url(segment);
    if (!bytes)
        return std::nullopt;
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(*bytes, &error);
    if (error.error != QJsonParseError::NoError || !document.isObject())
        return std::nullopt;
    return std::pair{std::move(*bytes), document.object()};
}

JsonToken::Ptr parseObject(const QByteArray &json)
{
    auto token = JsonToken::parse(QString::fromUtf8(json));
    return token && (*token)->isObject() ? *token : JsonToken::Ptr();
}

// The text of a claim that QJsonValue gives exactly as the Newtonsoft model
// would (strings); nullopt for anything else.
std::optional<QString> simpleText(const QJsonValue &v)
{
    if (v.isString())
        return v.toString();
    return std::nullopt;
}

} // namespace

std::optional<JwtToken> JwtToken::parse(const QString &token)
{
    const QString text = token.trimmed();
    const QList<QStringView> parts = QStringView(text).split(QLatin1Char('.'));
    if (parts.size() != 3 || parts.at(0).isEmpty() || parts.at(1).isEmpty())
        return std::nullopt;
    if (!isBase64Url(parts.at(2)))
        return std::nullopt; // the signature is not verified: checking its alphabet is enough
    auto header = decodeSegment(parts.at(0));
    auto payload = decodeSegment(parts.at(1));
    if (!header || !payload)
        return std::nullopt;
    JwtToken jwt;
    jwt.m_raw = text;
    jwt.m_headerText = std::move(header->first);
    jwt.m_headerJson = std::move(header->second);
    jwt.m_payloadText = std::move(payload->first);
    jwt.m_payloadJson = std::move(payload->second);
    return jwt;
}

JsonToken::Ptr JwtToken::header() const
{
    if (!m_header)
        m_header = parseObject(m_headerText);
    return m_header;
}

JsonToken::Ptr JwtToken::payload() const
{
    if (!m_payload)
        m_payload = parseObject(m_payloadText);
    return m_payload;
}

const QList<QPair<QString, QStringList>> &JwtToken::claimList() const
{
    if (!m_claims) {
        QList<QPair<QString, QStringList>> claims;
        const JsonToken::Ptr object = payload();
        for (const JsonToken::Ptr &property : object ? object->properties() : QList<JsonToken::Ptr>()) {
            const JsonToken::Ptr value = property->propertyValue();
            QStringList values;
            if (value->isArray()) {
                for (const JsonToken::Ptr &item : value->children())
                    values.append(claimText(*item));
            } else {
                values.append(claimText(*value));
            }
            claims.append({property->name(), values});
        }
        m_claims = std::move(claims);
    }
    return *m_claims;
}

bool JwtToken::tryParse(const QString &token, JwtToken *result)
{
    auto parsed = parse(token);
    if (parsed && result)
        *result = *parsed;
    return parsed.has_value();
}

QStringList JwtToken::claim(const QString &name) const
{
    for (const auto &c : claimList())
        if (c.first == name)
            return c.second;
    return {};
}

bool JwtToken::hasClaim(const QString &name) const
{
    for (const auto &c : claimList())
        if (c.first == name)
            return true;
    return false;
}

std::optional<QString> JwtToken::headerField(const char *name) const
{
    const QJsonValue v = m_headerJson.value(QLatin1String(name));
    if (v.isUndefined() || v.isNull())
        return std::nullopt;
    if (const auto text = simpleText(v))
        return text;
    const JsonToken::Ptr object = header();
    const JsonToken::Ptr token = object ? object->value(QLatin1String(name)) : nullptr;
    return token ? claimText(*token) : QString();
}

// Subject, Issuer and Id read one field: strings straight from the checked
// JSON, anything else through the Newtonsoft model so that numbers and dates
// print as APIM prints them. The claim list is built only when asked for.
std::optional<QString> JwtToken::claimField(const char *name) const
{
    QJsonValue v = m_payloadJson.value(QLatin1String(name));
    if (v.isUndefined() || v.isNull())
        return std::nullopt;
    if (v.isArray()) {
        const QJsonArray items = v.toArray();
        if (items.isEmpty())
            return QString();
        v = items.first();
    }
    if (const auto text = simpleText(v))
        return text;
    const QStringList values = claim(QLatin1String(name));
    return values.isEmpty() ? QString() : values.first();
}

std::optional<DotNetDateTime> JwtToken::timeClaim(const char *name) const
{
    const JsonToken::Ptr object = payload();
    const JsonToken::Ptr v = object ? object->value(QLatin1String(name)) : nullptr;
    if (!v)
        return std::nullopt;
    const auto seconds = v->toDouble();
    if (!seconds || std::isnan(*seconds))
        return std::nullopt;
    const double ticks = double(DotNetDateTime::unixEpochTicks()) + std::floor(*seconds) * 1e7;
    if (ticks < 0 || ticks > double(DotNetDateTime::MaxTicks))
        return std::nullopt;
    return DotNetDateTime(qint64(ticks), DateTimeKind::Utc);
}

} // namespace sluice::dotnet
