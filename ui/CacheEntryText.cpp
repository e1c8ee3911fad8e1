#include "CacheEntryText.h"

#include "BodyFormatter.h"

#include <QJsonArray>
#include <QJsonDocument>

namespace sluice {

namespace {

QString responseText(const QJsonObject &response)
{
    QStringList lines;
    lines.append(QStringLiteral("%1 %2").arg(response.value(QStringLiteral("status")).toInt())
                     .arg(response.value(QStringLiteral("reason")).toString()));
    QByteArray contentType;
    const QJsonArray headers = response.value(QStringLiteral("headers")).toArray();
    for (const QJsonValue &h : headers) {
        const QString name = h.toObject().value(QStringLiteral("name")).toString();
        const QString value = h.toObject().value(QStringLiteral("value")).toString();
        if (name.compare(QLatin1String("Content-Type"), Qt::CaseInsensitive) == 0)
            contentType = value.toUtf8();
        lines.append(QStringLiteral("%1: %2").arg(name, value));
    }
    lines.append(QString());
    const QJsonValue body = response.value(QStringLiteral("body"));
    const int bytes = response.value(QStringLiteral("bodyBytes")).toInt();
    if (body.isString())
        lines.append(BodyFormatter::pretty(contentType, body.toString().toUtf8()));
    else
        lines.append(CacheEntryText::tr("(a body of %n bytes that is not shown as text)", nullptr, bytes));
    return lines.join(QLatin1Char('\n'));
}

QString valueText(const QJsonObject &value)
{
    const QString type = value.value(QStringLiteral("type")).toString();
    const QJsonValue v = value.value(QStringLiteral("value"));
    QString text;
    if (v.isObject())
        text = QString::fromUtf8(QJsonDocument(v.toObject()).toJson(QJsonDocument::Indented));
    else if (v.isArray())
        text = QString::fromUtf8(QJsonDocument(v.toArray()).toJson(QJsonDocument::Indented));
    else if (v.isString())
        text = v.toString();
    else
        text = QString::fromUtf8(QJsonDocument(QJsonArray {v}).toJson(QJsonDocument::Compact)).chopped(1).sliced(1);
    return CacheEntryText::tr("A value of type %1:\n%2").arg(type, text.trimmed());
}

} // namespace

QString CacheEntryText::describe(const QJsonObject &description)
{
    if (description.isEmpty())
        return tr("The entry is no longer in the cache.");
    const QString kind = description.value(QStringLiteral("kind")).toString();
    if (kind == QLatin1String("response"))
        return responseText(description.value(QStringLiteral("response")).toObject());
    if (kind == QLatin1String("value"))
        return valueText(description.value(QStringLiteral("value")).toObject());
    return tr("%n bytes that are not a Sluice record (another version, or written by another program).", nullptr,
              description.value(QStringLiteral("unknown")).toObject().value(QStringLiteral("bytes")).toInt());
}

} // namespace sluice
