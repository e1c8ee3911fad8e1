#pragma once

#include <QString>

namespace sluice::dotnet {

// Shortest round-trip digits of a double: value = 0.d1d2...dn * 10^scale.
struct DoubleDigits
{
    QString digits; // no leading/trailing zeros; "0" for zero
    int scale = 0;
    bool negative = false;
};
DoubleDigits shortestDigits(double value);

// double.ToString() / ToString("R") of .NET Core 3.0+ in the invariant culture:
// shortest round-trip digits, scientific ("1E+15", "1E-05") when the exponent is
// >= 15 or < -4, "NaN", "Infinity", "-Infinity", "-0".
QString dotNetDoubleToString(double value);

} // namespace sluice::dotnet
