#pragma once

#include "DotNetDateTime.h"

#include <optional>

namespace sluice::dotnet {

// The invariant-culture DateTime/DateTimeOffset formatting and parsing engine
// shared by DotNetDateTime and DotNetDateTimeOffset.
class DotNetDateFormat
{
public:
    struct Value
    {
        qint64 clockTicks = 0;
        DateTimeKind kind = DateTimeKind::Unspecified;
        bool isOffset = false; // a DateTimeOffset: K/z print offsetMinutes
        int offsetMinutes = 0;
    };
    static DotNetResult<QString> format(const Value &value, const QString &format);

    struct Parsed
    {
        qint64 clockTicks = 0;
        bool hasZone = false;
        int offsetMinutes = 0;
    };
    // DateTime.Parse grammar (see DotNetDateTime::parse).
    static std::optional<Parsed> parse(const QString &text);
    // DateTime.ParseExact with the invariant culture.
    static std::optional<Parsed> parseExact(const QString &text, const QString &format);

    static QString dayName(int dayOfWeek, bool abbreviated);
    static QString monthName(int month, bool abbreviated);
};

} // namespace sluice::dotnet
