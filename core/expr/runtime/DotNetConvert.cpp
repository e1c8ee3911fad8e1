#include "DotNetConvert.h"

#include "DotNetFormat.h"

#include <cmath>
#include <limits>

namespace sluice::dotnet {

QString DotNetConvert::toBase64String(const QByteArray &bytes)
{
    return QString::fromLatin1(bytes.toBase64());
}

DotNetResult<QByteArray> DotNetConvert::fromBase64String(const QString &text)
{
    if (text.isNull())
        return DotNetError::argumentNull(QStringLiteral("s"));
    const DotNetError bad = DotNetError::format(QCoreApplication::translate(
        "DotNet",
        "The input is not a valid Base-64 string as it contains a non-base 64 character, more than two "
        "padding characters, or an illegal character among the padding characters."));
    QByteArray clean;
    clean.reserve(text.size());
    int padding = 0;
    for (QChar c : text) {
        const char16_t u = c.unicode();
        if (u == u' ' || u == u'\t' || u == u'\r' || u == u'\n')
            continue;
        const bool alphabet =
            (u >= u'A' && u <= u'Z') || (u >= u'a' && u <= u'z') || (u >= u'0' && u <= u'9') || u == u'+' || u == u'/';
        if (u == u'=') {
            ++padding;
        } else if (!alphabet || padding > 0) {
            return bad;
        }
        clean += char(u);
    }
    if (clean.size() % 4 != 0 || padding > 2)
        return bad;
    const auto decoded = QByteArray::fromBase64Encoding(clean, QByteArray::AbortOnBase64DecodingErrors);
    if (!decoded)
        return bad;
    return decoded.decoded;
}

DotNetResult<int> DotNetConvert::toInt32(const QString &text)
{
    if (text.isNull())
        return 0;
    return DotNetFormat::parseInt32(text);
}

DotNetResult<int> DotNetConvert::toInt32(const QString &text, int fromBase)
{
    if (fromBase != 2 && fromBase != 8 && fromBase != 10 && fromBase != 16)
        return DotNetError::argument(QCoreApplication::translate("DotNet", "Invalid Base. (Parameter 'fromBase')"));
    if (text.isNull())
        return 0;
    if (fromBase == 10)
        return DotNetFormat::parseInt32(text);
    QString s = text;
    if (fromBase == 16 && (s.startsWith(QLatin1String("0x")) || s.startsWith(QLatin1String("0X"))))
        s.remove(0, 2);
    if (s.isEmpty())
        return DotNetError::argumentOutOfRange(
            QCoreApplication::translate("DotNet",
                                        "Index was out of range. Must be non-negative and less than the "
                                        "size of the collection. (Parameter 'startIndex')"));
    bool ok = false;
    const quint64 v = s.toULongLong(&ok, fromBase);
    if (!ok || s.startsWith(QLatin1Char('+')) || s.startsWith(QLatin1Char('-')))
        return DotNetError::format(QCoreApplication::translate("DotNet", "Could not find any recognizable digits."));
    if (v > 0xFFFFFFFFULL)
        return DotNetError::overflow(
            QCoreApplication::translate("DotNet", "Value was either too large or too small for a UInt32."));
    return int(quint32(v));
}

DotNetResult<qint64> DotNetConvert::toInt64(double value)
{
    const double r = std::nearbyint(value);
    if (std::isnan(r) || r >= 9.2233720368547758e18 || r < -9.2233720368547758e18)
        return DotNetError::overflow(
            QCoreApplication::translate("DotNet", "Value was either too large or too small for an Int64."));
    return qint64(r);
}

DotNetResult<int> DotNetConvert::toInt32(double value)
{
    const double r = std::nearbyint(value);
    if (std::isnan(r) || r > 2147483647.0 || r < -2147483648.0)
        return DotNetError::overflow(
            QCoreApplication::translate("DotNet", "Value was either too large or too small for an Int32."));
    return int(r);
}

DotNetResult<QString> DotNetConvert::toString(qint64 value, int toBase, bool is32Bit)
{
    if (toBase != 2 && toBase != 8 && toBase != 10 && toBase != 16)
        return DotNetError::argument(QCoreApplication::translate("DotNet", "Invalid Base. (Parameter 'toBase')"));
    if (toBase == 10)
        return QString::number(value);
    const quint64 bits = is32Bit ? quint64(quint32(value)) : quint64(value);
    return QString::number(bits, toBase);
}

QString DotNetConvert::toHexString(const QByteArray &bytes)
{
    return QString::fromLatin1(bytes.toHex().toUpper());
}

DotNetResult<QByteArray> DotNetConvert::fromHexString(const QString &text)
{
    if (text.size() % 2 != 0)
        return DotNetError::format(QCoreApplication::translate(
            "DotNet", "The input is not a valid hex string as its length is not a multiple of 2."));
    for (QChar c : text)
        if (!c.isDigit() && !(c.toLower() >= u'a' && c.toLower() <= u'f'))
            return DotNetError::format(QCoreApplication::translate(
                "DotNet", "The input is not a valid hex string as it contains a non-hex character."));
    return QByteArray::fromHex(text.toLatin1());
}

QString DotNetConvert::bitConverterToString(const QByteArray &bytes)
{
    return QString::fromLatin1(bytes.toHex('-').toUpper());
}

} // namespace sluice::dotnet
