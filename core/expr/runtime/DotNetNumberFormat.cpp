#include "DotNetNumberFormat.h"

#include "DotNetDouble.h"

#include <cmath>
#include <cstdio>
#include <cstdlib>

namespace sluice::dotnet {

namespace {

DotNetError badSpecifier()
{
    return DotNetError::format(QCoreApplication::translate("DotNet", "Format specifier was invalid."));
}

// Standard format: letter + optional precision 0..999999999.
bool parseStandard(const QString &format, QChar *letter, int *precision)
{
    if (format.isEmpty() || !format.at(0).isLetter() || format.at(0).unicode() > 127)
        return false;
    *precision = -1;
    if (format.size() > 1) {
        bool ok = false;
        const int p = format.mid(1).toInt(&ok);
        for (QChar c : QStringView(format).mid(1))
            if (!c.isDigit())
                return false;
        if (!ok || p > 999999999)
            return false;
        *precision = p;
    }
    *letter = format.at(0);
    return true;
}

QString exponentText(int exponent, QChar e, int minDigits, bool alwaysSign)
{
    QString out(e);
    if (exponent < 0)
        out += QLatin1Char('-');
    else if (alwaysSign)
        out += QLatin1Char('+');
    out += QString::number(std::abs(exponent)).rightJustified(minDigits, QLatin1Char('0'));
    return out;
}

// Exact-ish significant digits of |v| (41 of them) and the decimal exponent of the first.
void significant(double absValue, QString *digits, int *exponent)
{
    char buffer[96];
    std::snprintf(buffer, sizeof buffer, "%.40e", absValue);
    const QString text = QString::fromLatin1(buffer);
    const qsizetype e = text.indexOf(QLatin1Char('e'));
    *digits = text.left(e).remove(QLatin1Char('.'));
    *exponent = text.mid(e + 1).toInt();
}

// Rounds a digit string half away from zero to `keep` digits; returns true on carry-out.
bool roundDigits(QString *digits, qsizetype keep)
{
    if (keep >= digits->size())
        return false;
    if (keep < 0) {
        digits->clear();
        return false;
    }
    const bool up = digits->at(keep).unicode() >= u'5';
    digits->truncate(keep);
    if (!up)
        return false;
    for (qsizetype i = keep - 1; i >= 0; --i) {
        if ((*digits)[i] == u'9') {
            (*digits)[i] = u'0';
        } else {
            (*digits)[i] = QChar(char16_t((*digits)[i].unicode() + 1));
            return false;
        }
    }
    digits->prepend(QLatin1Char('1'));
    return true;
}

QString scientific(double absValue, int decimals, QChar e, int expDigits, bool alwaysSign)
{
    QString digits;
    int exponent = 0;
    if (absValue == 0) {
        digits = QString(decimals + 1, QLatin1Char('0'));
    } else {
        significant(absValue, &digits, &exponent);
        if (roundDigits(&digits, decimals + 1)) {
            ++exponent;
            digits.truncate(decimals + 1);
        }
    }
    QString out = digits.left(1);
    if (decimals > 0)
        out += QLatin1Char('.') + digits.mid(1, decimals).leftJustified(decimals, QLatin1Char('0'));
    return out + exponentText(exponent, e, expDigits, alwaysSign);
}

DotNetResult<QString> customFormat(double value, const QString &format, bool fromDouble);

} // namespace

QString DotNetNumberFormat::group(const QString &integerDigits)
{
    QString out;
    const qsizetype n = integerDigits.size();
    for (qsizetype i = 0; i < n; ++i) {
        if (i > 0 && (n - i) % 3 == 0)
            out += QLatin1Char(',');
        out += integerDigits.at(i);
    }
    return out;
}

void DotNetNumberFormat::fixedDigits(double absValue, int decimals, QString *integerDigits, QString *fractionDigits,
                                     int significantLimit)
{
    if (absValue == 0 || std::isinf(absValue) || std::isnan(absValue)) {
        *integerDigits = QStringLiteral("0");
        *fractionDigits = QString(decimals, QLatin1Char('0'));
        return;
    }
    QString digits;
    int exponent = 0;
    significant(absValue, &digits, &exponent);
    if (significantLimit > 0) {
        if (roundDigits(&digits, significantLimit))
            ++exponent;
        digits = digits.left(significantLimit).leftJustified(41, QLatin1Char('0'));
    }
    int scale = exponent + 1; // digits before the decimal point
    if (scale > 40) {
        char buffer[512];
        std::snprintf(buffer, sizeof buffer, "%.0f", absValue);
        *integerDigits = QString::fromLatin1(buffer);
        *fractionDigits = QString(decimals, QLatin1Char('0'));
        return;
    }
    if (roundDigits(&digits, scale + decimals))
        ++scale;
    if (scale <= 0) {
        *integerDigits = QStringLiteral("0");
        *fractionDigits =
            (QString(-scale, QLatin1Char('0')) + digits).left(decimals).leftJustified(decimals, QLatin1Char('0'));
    } else {
        *integerDigits = digits.left(scale).leftJustified(scale, QLatin1Char('0'));
        *fractionDigits = digits.mid(scale).leftJustified(decimals, QLatin1Char('0')).left(decimals);
    }
}

DotNetResult<QString> DotNetNumberFormat::formatInteger(qint64 value, const QString &format, bool is32Bit)
{
    QChar letter;
    int precision = -1;
    if (format.isEmpty())
        return QString::number(value);
    if (!parseStandard(format, &letter, &precision))
        return customFormat(double(value), format, false);
    const bool negative = value < 0;
    const quint64 magnitude = negative ? quint64(0) - quint64(value) : quint64(value);
    const QString sign = negative ? QStringLiteral("-") : QString();
    switch (letter.toUpper().unicode()) {
    case u'D':
        return sign + QString::number(magnitude).rightJustified(qMax(precision, 0), QLatin1Char('0'));
    case u'X': {
        const quint64 bits = is32Bit ? quint64(quint32(value)) : quint64(value);
        QString hex = QString::number(bits, 16).rightJustified(qMax(precision, 0), QLatin1Char('0'));
        return letter == u'X' ? hex.toUpper() : hex;
    }
    case u'G':
    case u'R':
        if (precision <= 0 || precision >= QString::number(magnitude).size())
            return QString::number(value);
        return formatDouble(double(value), format);
    default:
        return formatDouble(double(value), format);
    }
}

DotNetResult<QString> DotNetNumberFormat::formatDouble(double value, const QString &format)
{
    if (std::isnan(value))
        return QStringLiteral("NaN");
    if (std::isinf(value))
        return value > 0 ? QStringLiteral("Infinity") : QStringLiteral("-Infinity");
    QChar letter;
    int precision = -1;
    if (format.isEmpty())
        return dotNetDoubleToString(value);
    if (!parseStandard(format, &letter, &precision))
        return customFormat(value, format, true);
    const bool negative = std::signbit(value) && value != 0;
    const double abs = std::fabs(value);
    QString integerDigits, fractionDigits;
    switch (letter.toUpper().unicode()) {
    case u'R':
        return dotNetDoubleToString(value);
    case u'G': {
        if (precision <= 0)
            return dotNetDoubleToString(value);
        QString digits;
        int exponent = 0;
        if (abs == 0)
            return QStringLiteral("0");
        significant(abs, &digits, &exponent);
        if (roundDigits(&digits, precision))
            ++exponent;
        while (digits.size() > 1 && digits.endsWith(QLatin1Char('0')))
            digits.chop(1);
        QString out = negative ? QStringLiteral("-") : QString();
        if (exponent >= precision || exponent < -5) {
            out += digits.left(1);
            if (digits.size() > 1)
                out += QLatin1Char('.') + digits.mid(1);
            return out + exponentText(exponent, letter == u'g' ? QChar(u'e') : QChar(u'E'), 2, true);
        }
        if (exponent < 0)
            return out + QLatin1String("0.") + QString(-exponent - 1, QLatin1Char('0')) + digits;
        out += digits.left(exponent + 1).leftJustified(exponent + 1, QLatin1Char('0'));
        if (digits.size() > exponent + 1)
            out += QLatin1Char('.') + digits.mid(exponent + 1);
        return out;
    }
    case u'F':
    case u'N':
    case u'P':
    case u'C': {
        const bool percent = letter.toUpper() == u'P';
        const int decimals = precision < 0 ? 2 : precision;
        fixedDigits(percent ? abs * 100 : abs, decimals, &integerDigits, &fractionDigits);
        QString number = letter.toUpper() == u'F' ? integerDigits : group(integerDigits);
        if (decimals > 0)
            number += QLatin1Char('.') + fractionDigits;
        const bool showMinus = negative
            && (integerDigits != QLatin1String("0") || fractionDigits.count(QLatin1Char('0')) != fractionDigits.size());
        if (percent)
            return (showMinus ? QStringLiteral("-") : QString()) + number + QLatin1String(" %");
        if (letter.toUpper() == u'C')
            return showMinus ? QStringLiteral("(\u00a4") + number + QLatin1Char(')')
                             : QStringLiteral("\u00a4") + number;
        return (showMinus ? QStringLiteral("-") : QString()) + number;
    }
    case u'E': {
        const QString out = scientific(abs, precision < 0 ? 6 : precision, letter, 3, true);
        return (negative ? QStringLiteral("-") : QString()) + out;
    }
    case u'D':
    case u'X':
        return badSpecifier();
    default:
        return badSpecifier();
    }
}

namespace {

DotNetResult<QString> customFormat(double value, const QString &fullFormat, bool fromDouble)
{
    // Sections: positive;negative;zero
    QStringList sections;
    {
        QString current;
        QChar quote;
        for (qsizetype i = 0; i < fullFormat.size(); ++i) {
            const QChar c = fullFormat.at(i);
            if (!quote.isNull()) {
                if (c == quote)
                    quote = QChar();
                current += c;
            } else if (c == u'\'' || c == u'"') {
                quote = c;
                current += c;
            } else if (c == u'\\' && i + 1 < fullFormat.size()) {
                current += c;
                current += fullFormat.at(++i);
            } else if (c == u';') {
                sections.append(current);
                current.clear();
            } else {
                current += c;
            }
        }
        sections.append(current);
    }
    QString format = sections.at(0);
    bool explicitNegative = false;
    if (value < 0 && sections.size() > 1 && !sections.at(1).isEmpty()) {
        format = sections.at(1);
        explicitNegative = true;
    }
    if (value == 0 && sections.size() > 2)
        format = sections.at(2);

    // Analyse placeholders outside literals.
    int integerPlaceholders = 0, firstZero = -1, decimalMax = 0, decimalMin = 0, scalingCommas = 0;
    bool seenDot = false, grouping = false, percent = false, permille = false;
    {
        QChar quote;
        int trailingCommas = 0;
        for (qsizetype i = 0; i < format.size(); ++i) {
            const QChar c = format.at(i);
            if (!quote.isNull()) {
                if (c == quote)
                    quote = QChar();
                continue;
            }
            if (c == u'\'' || c == u'"') {
                quote = c;
                continue;
            }
            if (c == u'\\') {
                ++i;
                continue;
            }
            if (c == u'0' || c == u'#') {
                if (trailingCommas > 0 && !seenDot)
                    grouping = true;
                trailingCommas = 0;
                if (seenDot) {
                    ++decimalMax;
                    if (c == u'0')
                        decimalMin = decimalMax;
                } else {
                    if (c == u'0' && firstZero < 0)
                        firstZero = integerPlaceholders;
                    ++integerPlaceholders;
                }
            } else if (c == u'.') {
                if (!seenDot)
                    scalingCommas += trailingCommas;
                trailingCommas = 0;
                seenDot = true;
            } else if (c == u',') {
                if (!seenDot && integerPlaceholders > 0)
                    ++trailingCommas;
            } else if (c == u'%') {
                percent = true;
            } else if (c == QChar(0x2030)) {
                permille = true;
            }
        }
        if (!seenDot)
            scalingCommas += trailingCommas;
    }
    double abs = std::fabs(value);
    if (percent)
        abs *= 100;
    if (permille)
        abs *= 1000;
    for (int k = 0; k < scalingCommas; ++k)
        abs /= 1000;
    QString integerDigits, fractionDigits;
    // Custom formats see a double through 15 significant digits (DoublePrecisionCustomFormat).
    DotNetNumberFormat::fixedDigits(abs, decimalMax, &integerDigits, &fractionDigits, fromDouble ? 15 : 0);
    while (fractionDigits.size() > decimalMin && fractionDigits.endsWith(QLatin1Char('0')))
        fractionDigits.chop(1);
    const int minInteger = firstZero < 0 ? 0 : integerPlaceholders - firstZero;
    if (integerDigits == QLatin1String("0"))
        integerDigits.clear();
    integerDigits = integerDigits.rightJustified(minInteger, QLatin1Char('0'));
    const bool isZero = integerDigits.count(QLatin1Char('0')) == integerDigits.size()
        && fractionDigits.count(QLatin1Char('0')) == fractionDigits.size();
    if (grouping)
        integerDigits = DotNetNumberFormat::group(integerDigits);

    QString out;
    if (value < 0 && !explicitNegative && !isZero)
        out += QLatin1Char('-');
    int placeholderIndex = 0;
    qsizetype integerCursor = 0;
    qsizetype fractionCursor = 0;
    seenDot = false;
    const qsizetype digitsCount = integerDigits.size();
    for (qsizetype i = 0; i < format.size(); ++i) {
        const QChar c = format.at(i);
        if (c == u'\'' || c == u'"') {
            const qsizetype end = format.indexOf(c, i + 1);
            if (end < 0)
                return DotNetError::badFormat();
            out += QStringView(format).mid(i + 1, end - i - 1);
            i = end;
            continue;
        }
        if (c == u'\\') {
            if (i + 1 < format.size())
                out += format.at(++i);
            continue;
        }
        if ((c == u'0' || c == u'#') && !seenDot) {
            // Digits are laid right to left over the placeholders; the first one takes the excess.
            const qsizetype remainingPlaceholders = integerPlaceholders - placeholderIndex;
            const qsizetype take = placeholderIndex == 0 && !grouping
                ? digitsCount - (integerPlaceholders - 1)
                : (grouping ? (placeholderIndex == 0 ? digitsCount : 0) : 1);
            if (grouping) {
                if (placeholderIndex == 0)
                    out += integerDigits;
            } else if (placeholderIndex == 0) {
                if (take > 0)
                    out += integerDigits.left(take);
                integerCursor = qMax<qsizetype>(take, 0);
            } else {
                const qsizetype digitIndex = digitsCount - remainingPlaceholders;
                if (digitIndex >= 0 && digitIndex < digitsCount)
                    out += integerDigits.at(digitIndex);
                integerCursor = digitIndex + 1;
            }
            ++placeholderIndex;
            continue;
        }
        if ((c == u'0' || c == u'#') && seenDot) {
            if (fractionCursor < fractionDigits.size())
                out += fractionDigits.at(fractionCursor);
            ++fractionCursor;
            continue;
        }
        if (c == u'.') {
            if (!seenDot && !fractionDigits.isEmpty())
                out += QLatin1Char('.');
            seenDot = true;
            continue;
        }
        if (c == u',')
            continue;
        out += c;
    }
    Q_UNUSED(integerCursor);
    return out;
}

} // namespace

} // namespace sluice::dotnet
