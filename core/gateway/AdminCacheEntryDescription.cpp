#include "AdminCacheEntryDescription.h"

#include "caching/CacheRecord.h"
#include "expr/JsonTokenObject.h"
#include "http/HttpMessage.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QStringDecoder>

#include <cmath>

namespace sluice {

namespace {

// The UTF-8 text of `bytes`, or nullopt when they are not valid UTF-8.
std::optional<QString> utf8Text(const QByteArray &bytes)
{
    QStringDecoder decoder(QStringDecoder::Utf8,
                           QStringDecoder::Flag::Stateless | QStringDecoder::Flag::ConvertInitialBom);
    QString text = decoder.decode(bytes);
    if (decoder.hasError())
        return std::nullopt;
    return text;
}

QJsonValue doubleValue(double d)
{
    if (std::isnan(d))
        return QStringLiteral("NaN");
    if (std::isinf(d))
        return d > 0 ? QStringLiteral("Infinity") : QStringLiteral("-Infinity");
    return d;
}

// A JSON token's compact text as a JSON value (any token: object, array or scalar).
QJsonValue jsonTokenValue(const QString &compact)
{
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(QByteArray("[") + compact.toUtf8() + ']', &error);
    if (error.error != QJsonParseError::NoError || !doc.isArray() || doc.array().size() != 1)
        return compact;
    return doc.array().at(0);
}

} // namespace

QJsonObject AdminCacheEntryDescription::describe(const QByteArray &record)
{
    QJsonObject o;
    if (const std::optional<CacheRecord::Response> response = CacheRecord::decodeResponse(record)) {
        o.insert(QStringLiteral("kind"), QStringLiteral("response"));
        o.insert(QStringLiteral("response"), describeResponse(response->response, response->storedAtMs));
        return o;
    }
    if (const std::optional<Value> value = CacheRecord::decodeValue(record)) {
        o.insert(QStringLiteral("kind"), QStringLiteral("value"));
        o.insert(QStringLiteral("value"), describeValue(*value));
        return o;
    }
    o.insert(QStringLiteral("kind"), QStringLiteral("unknown"));
    QJsonObject unknown;
    unknown.insert(QStringLiteral("bytes"), record.size());
    o.insert(QStringLiteral("unknown"), unknown);
    return o;
}

QJsonObject AdminCacheEntryDescription::describeResponse(const HttpResponse &response, qint64 storedAtMs)
{
    QJsonObject o;
    o.insert(QStringLiteral("status"), response.status);
    const QByteArray reason =
        response.reason.isEmpty() ? HttpResponse::standardReason(response.status) : response.reason;
    o.insert(QStringLiteral("reason"), QString::fromUtf8(reason));
    o.insert(QStringLiteral("storedAt"),
             QDateTime::fromMSecsSinceEpoch(storedAtMs, Qt::UTC).toString(Qt::ISODateWithMs));
    QJsonArray headers;
    for (const auto &[name, value] : response.headers.fields()) {
        QJsonObject h;
        h.insert(QStringLiteral("name"), QString::fromUtf8(name));
        h.insert(QStringLiteral("value"), QString::fromUtf8(value));
        headers.append(h);
    }
    o.insert(QStringLiteral("headers"), headers);
    o.insert(QStringLiteral("bodyBytes"), response.body.size());

    QJsonValue body = QJsonValue::Null;
    const QByteArray encoding = response.headers.value("Content-Encoding").trimmed().toLower();
    if (response.body.size() <= maxBodyTextBytes && (encoding.isEmpty() || encoding == "identity")
        && isTextual(response.headers.value("Content-Type"))) {
        if (std::optional<QString> text = utf8Text(response.body))
            body = *text;
    }
    o.insert(QStringLiteral("body"), body);
    return o;
}

QJsonObject AdminCacheEntryDescription::describeValue(const Value &value)
{
    QString type;
    QJsonValue json;
    switch (value.kind()) {
    case Value::Kind::Null:
        type = QStringLiteral("null");
        json = QJsonValue::Null;
        break;
    case Value::Kind::Bool:
        type = QStringLiteral("bool");
        json = value.asBool();
        break;
    case Value::Kind::Char:
        type = QStringLiteral("char");
        json = QString(QChar(value.asChar()));
        break;
    case Value::Kind::Int:
        type = QStringLiteral("int");
        json = value.asInt();
        break;
    case Value::Kind::Long:
        type = QStringLiteral("long");
        json = value.asLong();
        break;
    case Value::Kind::Double:
        type = QStringLiteral("double");
        json = doubleValue(value.asDouble());
        break;
    case Value::Kind::String:
        type = QStringLiteral("string");
        json = value.asString();
        break;
    case Value::Kind::Object:
        if (const dotnet::JsonToken::Ptr token = JsonTokenObject::tokenOf(value)) {
            type = QStringLiteral("json");
            json = jsonTokenValue(token->toString(dotnet::JsonFormatting::None));
        } else {
            type = QStringLiteral("object");
            json = value.object() ? value.object()->toString() : QString();
        }
        break;
    case Value::Kind::Lambda:
        type = QStringLiteral("lambda");
        json = QJsonValue::Null;
        break;
    }
    QJsonObject o;
    o.insert(QStringLiteral("type"), type);
    o.insert(QStringLiteral("value"), json);
    return o;
}

bool AdminCacheEntryDescription::isTextual(const QByteArray &contentType)
{
    const qsizetype semicolon = contentType.indexOf(';');
    const QByteArray mime = (semicolon < 0 ? contentType : contentType.left(semicolon)).trimmed().toLower();
    if (mime.isEmpty())
        return false;
    if (mime.startsWith("text/") || mime.endsWith("+json") || mime.endsWith("+xml"))
        return true;
    return mime == "application/json" || mime == "application/xml" || mime == "application/javascript"
        || mime == "application/x-www-form-urlencoded";
}

} // namespace sluice
