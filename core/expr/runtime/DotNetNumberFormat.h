#pragma once

#include "DotNetError.h"

#include <QString>

namespace sluice::dotnet {

// Int32/Int64/Double.ToString(format) in the invariant culture: standard
// formats D, X/x, N, F, E/e, P, C, G, R (with precision) and custom formats
// ("0.00", "#,##0", "#", "000", "0.##", "0%", sections "pos;neg;zero",
// quoted literals and '\' escapes). Rounding is half away from zero on the
// exact decimal value, as .NET Core 3.0+ does.
class DotNetNumberFormat
{
public:
    // is32Bit: the value is an Int32 (matters for "X" of negative numbers).
    static DotNetResult<QString> formatInteger(qint64 value, const QString &format, bool is32Bit = true);
    static DotNetResult<QString> formatDouble(double value, const QString &format);
    // Digits of |value| rounded half away from zero to `decimals` fraction digits.
    // significantLimit > 0 first rounds to that many significant digits.
    static void fixedDigits(double absValue, int decimals, QString *integerDigits, QString *fractionDigits,
                            int significantLimit = 0);
    // "1234567" -> "1,234,567"
    static QString group(const QString &integerDigits);
};

} // namespace sluice::dotnet
