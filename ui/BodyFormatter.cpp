#include "BodyFormatter.h"

#include <QJsonDocument>
#include <QXmlStreamReader>
#include <QXmlStreamWriter>

namespace sluice {

namespace {

QString prettyXml(const QByteArray &body)
{
    QXmlStreamReader reader(body);
    QString out;
    QXmlStreamWriter writer(&out);
    writer.setAutoFormatting(true);
    writer.setAutoFormattingIndent(2);
    while (!reader.atEnd()) {
        reader.readNext();
        if (reader.isWhitespace() || (reader.isStartDocument() && reader.documentVersion().isEmpty()))
            continue;
        writer.writeCurrentToken(reader);
    }
    return reader.hasError() ? QString::fromUtf8(body) : out.trimmed();
}

} // namespace

QString BodyFormatter::pretty(const QByteArray &contentType, const QByteArray &body)
{
    const QByteArray type = contentType.toLower();
    const QByteArray trimmed = body.trimmed();
    if (type.contains("json") || trimmed.startsWith('{') || trimmed.startsWith('[')) {
        QJsonParseError error;
        const QJsonDocument doc = QJsonDocument::fromJson(body, &error);
        if (error.error == QJsonParseError::NoError)
            return QString::fromUtf8(doc.toJson(QJsonDocument::Indented));
    }
    if (type.contains("xml") || trimmed.startsWith('<'))
        return prettyXml(body);
    return QString::fromUtf8(body);
}

} // namespace sluice
