#include "DotNetWebUtility.h"

#include "DotNetEncoding.h"

#include <QHash>

namespace sluice::dotnet {

QString DotNetWebUtility::urlEncode(const QString &text)
{
    if (text.isNull())
        return {};
    static const char hex[] = "0123456789ABCDEF";
    const QByteArray bytes = DotNetEncoding::utf8().getBytes(text);
    QString out;
    out.reserve(bytes.size());
    for (char ch : bytes) {
        const uchar c = uchar(ch);
        if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '_'
            || c == '.' || c == '!' || c == '*' || c == '(' || c == ')') {
            out += QLatin1Char(ch);
        } else if (c == ' ') {
            out += QLatin1Char('+');
        } else {
            out += QLatin1Char('%');
            out += QLatin1Char(hex[c >> 4]);
            out += QLatin1Char(hex[c & 15]);
        }
    }
    return out;
}

QString DotNetWebUtility::urlDecode(const QString &text)
{
    if (text.isNull())
        return {};
    auto hexValue = [](QChar c) {
        const char16_t u = c.unicode();
        if (u >= u'0' && u <= u'9')
            return int(u - u'0');
        if (u >= u'a' && u <= u'f')
            return int(u - u'a' + 10);
        if (u >= u'A' && u <= u'F')
            return int(u - u'A' + 10);
        return -1;
    };
    QByteArray bytes;
    QString out;
    auto flush = [&] {
        if (!bytes.isEmpty()) {
            out += DotNetEncoding::utf8().getString(bytes);
            bytes.clear();
        }
    };
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar c = text.at(i);
        if (c == u'%' && i + 2 < text.size() && hexValue(text.at(i + 1)) >= 0 && hexValue(text.at(i + 2)) >= 0) {
            bytes += char(hexValue(text.at(i + 1)) * 16 + hexValue(text.at(i + 2)));
            i += 2;
            continue;
        }
        flush();
        out += c == u'+' ? QChar(u' ') : c;
    }
    flush();
    return out;
}

QString DotNetWebUtility::htmlEncode(const QString &text)
{
    if (text.isNull())
        return {};
    QString out;
    out.reserve(text.size());
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar c = text.at(i);
        switch (c.unicode()) {
        case u'<':
            out += QLatin1String("&lt;");
            break;
        case u'>':
            out += QLatin1String("&gt;");
            break;
        case u'"':
            out += QLatin1String("&quot;");
            break;
        case u'\'':
            out += QLatin1String("&#39;");
            break;
        case u'&':
            out += QLatin1String("&amp;");
            break;
        default:
            if (c.unicode() >= 160 && c.unicode() < 256) {
                out += QLatin1String("&#") + QString::number(c.unicode()) + QLatin1Char(';');
            } else if (c.isHighSurrogate() && i + 1 < text.size() && text.at(i + 1).isLowSurrogate()) {
                out +=
                    QLatin1String("&#") + QString::number(QChar::surrogateToUcs4(c, text.at(i + 1))) + QLatin1Char(';');
                ++i;
            } else {
                out += c;
            }
        }
    }
    return out;
}

QString DotNetWebUtility::htmlDecode(const QString &text)
{
    if (text.isNull() || !text.contains(QLatin1Char('&')))
        return text;
    static const QHash<QString, char32_t> entities = {
        {QStringLiteral("amp"), U'&'},      {QStringLiteral("lt"), U'<'},      {QStringLiteral("gt"), U'>'},
        {QStringLiteral("quot"), U'"'},     {QStringLiteral("apos"), U'\''},   {QStringLiteral("nbsp"), 0xA0},
        {QStringLiteral("copy"), 0xA9},     {QStringLiteral("reg"), 0xAE},     {QStringLiteral("euro"), 0x20AC},
        {QStringLiteral("hellip"), 0x2026}, {QStringLiteral("ndash"), 0x2013}, {QStringLiteral("mdash"), 0x2014}};
    QString out;
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar c = text.at(i);
        const qsizetype semi = c == u'&' ? text.indexOf(QLatin1Char(';'), i + 1) : -1;
        if (semi < 0 || semi - i > 10) {
            out += c;
            continue;
        }
        const QString name = text.mid(i + 1, semi - i - 1);
        char32_t code = 0;
        bool ok = false;
        if (name.startsWith(QLatin1Char('#'))) {
            const bool hexForm = name.size() > 1 && (name.at(1) == u'x' || name.at(1) == u'X');
            code = name.mid(hexForm ? 2 : 1).toUInt(&ok, hexForm ? 16 : 10);
            ok = ok && code <= 0x10FFFF;
        } else if (entities.contains(name)) {
            code = entities.value(name);
            ok = true;
        }
        if (!ok) {
            out += c;
            continue;
        }
        out += QString::fromUcs4(&code, 1);
        i = semi;
    }
    return out;
}

} // namespace sluice::dotnet
