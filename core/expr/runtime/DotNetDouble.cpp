#include "DotNetDouble.h"

#include <charconv>
#include <cmath>

namespace sluice::dotnet {

DoubleDigits shortestDigits(double value)
{
    DoubleDigits out;
    out.negative = std::signbit(value);
    if (value == 0) {
        out.digits = QStringLiteral("0");
        return out;
    }
    char buffer[64];
    const auto result = std::to_chars(buffer, buffer + sizeof buffer, std::fabs(value), std::chars_format::scientific);
    const std::string_view text(buffer, size_t(result.ptr - buffer));
    const size_t e = text.find('e');
    QString digits;
    for (size_t i = 0; i < e; ++i)
        if (text[i] != '.')
            digits += QLatin1Char(text[i]);
    while (digits.size() > 1 && digits.endsWith(QLatin1Char('0')))
        digits.chop(1);
    int exponent = 0;
    std::from_chars(text.data() + e + (text[e + 1] == '+' ? 2 : 1), text.data() + text.size(), exponent);
    out.digits = digits;
    out.scale = exponent + 1;
    return out;
}

QString dotNetDoubleToString(double value)
{
    if (std::isnan(value))
        return QStringLiteral("NaN");
    if (std::isinf(value))
        return value > 0 ? QStringLiteral("Infinity") : QStringLiteral("-Infinity");
    const DoubleDigits d = shortestDigits(value);
    QString out = d.negative ? QStringLiteral("-") : QString();
    if (value == 0)
        return out + QLatin1Char('0');
    const int maxDigits = qMax(int(d.digits.size()), 15);
    if (d.scale > maxDigits || d.scale < -3) {
        out += d.digits.at(0);
        if (d.digits.size() > 1)
            out += QLatin1Char('.') + d.digits.mid(1);
        const int exponent = d.scale - 1;
        out += QLatin1Char('E');
        out += QLatin1Char(exponent < 0 ? '-' : '+');
        out += QString::number(std::abs(exponent)).rightJustified(2, QLatin1Char('0'));
        return out;
    }
    if (d.scale <= 0) {
        out += QLatin1String("0.") + QString(-d.scale, QLatin1Char('0')) + d.digits;
        return out;
    }
    if (d.digits.size() <= d.scale) {
        out += d.digits + QString(d.scale - d.digits.size(), QLatin1Char('0'));
        return out;
    }
    out += d.digits.left(d.scale) + QLatin1Char('.') + d.digits.mid(d.scale);
    return out;
}

} // namespace sluice::dotnet
