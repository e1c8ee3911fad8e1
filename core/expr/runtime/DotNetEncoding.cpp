#include "DotNetEncoding.h"

#include <QStringDecoder>
#include <QStringEncoder>

namespace sluice::dotnet {

std::optional<DotNetEncoding> DotNetEncoding::fromName(const QString &name)
{
    const QString n = name.trimmed().toLower();
    if (n == QLatin1String("utf-8") || n == QLatin1String("utf8"))
        return utf8();
    if (n == QLatin1String("us-ascii") || n == QLatin1String("ascii"))
        return ascii();
    if (n == QLatin1String("utf-16") || n == QLatin1String("unicode") || n == QLatin1String("utf-16le"))
        return unicode();
    if (n == QLatin1String("utf-16be") || n == QLatin1String("unicodefffe"))
        return DotNetEncoding(Kind::BigEndianUnicode);
    if (n == QLatin1String("iso-8859-1") || n == QLatin1String("latin1") || n == QLatin1String("l1"))
        return latin1();
    return std::nullopt;
}

QString DotNetEncoding::webName() const
{
    switch (m_kind) {
    case Kind::Utf8:
        return QStringLiteral("utf-8");
    case Kind::Ascii:
        return QStringLiteral("us-ascii");
    case Kind::Unicode:
        return QStringLiteral("utf-16");
    case Kind::BigEndianUnicode:
        return QStringLiteral("utf-16BE");
    case Kind::Latin1:
        return QStringLiteral("iso-8859-1");
    }
    return {};
}

namespace {

// UTF-16 code points with lone surrogates replaced by U+FFFD, as .NET's encoders do.
QString sanitized(const QString &text)
{
    QString out = text;
    for (qsizetype i = 0; i < out.size(); ++i) {
        const QChar c = out.at(i);
        if (c.isHighSurrogate() && i + 1 < out.size() && out.at(i + 1).isLowSurrogate()) {
            ++i;
            continue;
        }
        if (c.isSurrogate())
            out[i] = QChar(QChar::ReplacementCharacter);
    }
    return out;
}

QByteArray narrow(const QString &text, ushort limit)
{
    QByteArray out;
    out.reserve(text.size());
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar c = text.at(i);
        if (c.isHighSurrogate() && i + 1 < text.size() && text.at(i + 1).isLowSurrogate()) {
            out += '?';
            ++i;
        } else {
            out += c.unicode() <= limit ? char(c.unicode()) : '?';
        }
    }
    return out;
}

} // namespace

QByteArray DotNetEncoding::getBytes(const QString &text) const
{
    switch (m_kind) {
    case Kind::Utf8:
        return sanitized(text).toUtf8();
    case Kind::Ascii:
        return narrow(text, 0x7f);
    case Kind::Latin1:
        return narrow(text, 0xff);
    case Kind::Unicode:
    case Kind::BigEndianUnicode: {
        const QString clean = sanitized(text);
        QByteArray out;
        out.reserve(clean.size() * 2);
        for (QChar c : clean) {
            const char lo = char(c.unicode() & 0xff);
            const char hi = char(c.unicode() >> 8);
            if (m_kind == Kind::Unicode) {
                out += lo;
                out += hi;
            } else {
                out += hi;
                out += lo;
            }
        }
        return out;
    }
    }
    return {};
}

QString DotNetEncoding::getString(const QByteArray &bytes) const
{
    switch (m_kind) {
    case Kind::Utf8: {
        QStringDecoder decoder(QStringDecoder::Utf8, QStringDecoder::Flag::Stateless);
        return decoder.decode(bytes);
    }
    case Kind::Ascii: {
        QString out;
        out.reserve(bytes.size());
        for (char b : bytes)
            out += uchar(b) < 0x80 ? QChar(char16_t(uchar(b))) : QChar(u'?');
        return out;
    }
    case Kind::Latin1:
        return QString::fromLatin1(bytes);
    case Kind::Unicode:
    case Kind::BigEndianUnicode: {
        QString out;
        for (qsizetype i = 0; i + 1 < bytes.size(); i += 2) {
            const uchar a = uchar(bytes.at(i));
            const uchar b = uchar(bytes.at(i + 1));
            out += QChar(m_kind == Kind::Unicode ? ushort(a | (b << 8)) : ushort(b | (a << 8)));
        }
        if (bytes.size() % 2)
            out += QChar(QChar::ReplacementCharacter);
        return sanitized(out);
    }
    }
    return {};
}

} // namespace sluice::dotnet
