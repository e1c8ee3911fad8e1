#pragma once

#include "DotNetDateTime.h"
#include "DotNetDateTimeOffset.h"
#include "DotNetError.h"
#include "DotNetTimeSpan.h"

#include <QList>
#include <QString>

#include <optional>

namespace sluice::dotnet {

// One argument of string.Format: the value and its .NET type.
struct FormatArg
{
    enum class Kind { Null, String, Bool, Int32, Int64, Double, DateTime, DateTimeOffset, TimeSpan };
    Kind kind = Kind::Null;
    QString text; // String; also what any other object's ToString() gave
    qint64 integer = 0;
    double number = 0;
    DotNetDateTime dateTime;
    DotNetDateTimeOffset dateTimeOffset;
    DotNetTimeSpan timeSpan;

    static FormatArg null() { return {}; }
    static FormatArg string(const QString &value);
    static FormatArg boolean(bool value);
    static FormatArg int32(int value);
    static FormatArg int64(qint64 value);
    static FormatArg real(double value);
    static FormatArg date(const DotNetDateTime &value);
    static FormatArg dateOffset(const DotNetDateTimeOffset &value);
    static FormatArg span(const DotNetTimeSpan &value);
};

// string.Format, ToString(format) dispatch and the invariant-culture Parse
// rules of int, long, double and bool.
class DotNetFormat
{
public:
    // string.Format(format, args): {index[,alignment][:format]}, {{ and }}.
    static DotNetResult<QString> format(const QString &format, const QList<FormatArg> &args);
    // value.ToString(format) for any FormatArg ("" format = ToString()).
    static DotNetResult<QString> toString(const FormatArg &value, const QString &format = QString());

    // int.Parse / long.Parse (NumberStyles.Integer): FormatException, OverflowException, ArgumentNullException.
    static DotNetResult<int> parseInt32(const QString &text);
    static DotNetResult<qint64> parseInt64(const QString &text);
    // double.Parse (NumberStyles.Float | AllowThousands); out-of-range values are +-Infinity.
    static DotNetResult<double> parseDouble(const QString &text);
    // bool.Parse: "True"/"False" in any case, surrounding white space allowed.
    static DotNetResult<bool> parseBoolean(const QString &text);
    static std::optional<int> tryParseInt32(const QString &text);
    static std::optional<qint64> tryParseInt64(const QString &text);
    static std::optional<double> tryParseDouble(const QString &text);
    static std::optional<bool> tryParseBoolean(const QString &text);
};

} // namespace sluice::dotnet
