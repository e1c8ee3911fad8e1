#pragma once

#include "DotNetError.h"

#include <QByteArray>
#include <QString>

namespace sluice::dotnet {

// System.Convert and System.BitConverter helpers.
class DotNetConvert
{
public:
    static QString toBase64String(const QByteArray &bytes);
    // White space is ignored; anything else invalid is FormatException "The input is not a valid
    // Base-64 string as it contains a non-base 64 character, more than two padding characters,
    // or an illegal character among the padding characters."
    static DotNetResult<QByteArray> fromBase64String(const QString &text);
    // Convert.ToInt32(string): null -> 0, otherwise int.Parse.
    static DotNetResult<int> toInt32(const QString &text);
    // Convert.ToInt32(string, fromBase) with fromBase 2, 8, 10 or 16 ("0x" allowed for 16).
    static DotNetResult<int> toInt32(const QString &text, int fromBase);
    // Convert.ToInt32(double): rounds half to even; OverflowException outside Int32.
    static DotNetResult<int> toInt32(double value);
    static DotNetResult<qint64> toInt64(double value);
    // Convert.ToString(long, toBase) with toBase 2, 8, 10 or 16 (two's complement for negatives).
    static DotNetResult<QString> toString(qint64 value, int toBase, bool is32Bit = true);
    // Convert.ToHexString (upper case) / Convert.FromHexString.
    static QString toHexString(const QByteArray &bytes);
    static DotNetResult<QByteArray> fromHexString(const QString &text);
    // BitConverter.ToString: "0A-FF-10".
    static QString bitConverterToString(const QByteArray &bytes);
};

} // namespace sluice::dotnet
