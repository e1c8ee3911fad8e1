#pragma once

#include "DotNetError.h"
#include "DotNetTimeSpan.h"

#include <QString>

namespace sluice::dotnet {

enum class DateTimeKind { Unspecified = 0, Utc = 1, Local = 2 };
enum class DayOfWeek { Sunday = 0, Monday, Tuesday, Wednesday, Thursday, Friday, Saturday };
QString dayOfWeekName(DayOfWeek day); // "Monday" (Enum.ToString())

// System.DateTime: ticks since 0001-01-01 00:00 plus a Kind. Formatting and
// parsing follow the invariant culture (the culture APIM expressions run in):
// ToString() is "MM/dd/yyyy HH:mm:ss". UtcNow/Now and local-time conversions
// go through DotNetClock (injectable).
class DotNetDateTime
{
public:
    static constexpr qint64 MaxTicks = 3155378975999999999LL;
    static constexpr qint64 unixEpochTicks() { return 621355968000000000LL; }

    DotNetDateTime() = default; // DateTime.MinValue
    // new DateTime(y, M, d[, h, m, s[, ms]][, kind]); ArgumentOutOfRangeException
    // "Year, Month, and Day parameters describe an un-representable DateTime." etc.
    static DotNetResult<DotNetDateTime> create(int year, int month, int day, int hour = 0, int minute = 0,
                                               int second = 0, int millisecond = 0,
                                               DateTimeKind kind = DateTimeKind::Unspecified);
    // new DateTime(ticks, kind); ticks must be in [0, MaxTicks].
    static DotNetResult<DotNetDateTime> fromTicks(qint64 ticks, DateTimeKind kind = DateTimeKind::Unspecified);
    static DotNetDateTime utcNow();
    static DotNetDateTime now();
    static DotNetDateTime today();
    static DotNetDateTime minValue() { return {}; }
    static DotNetDateTime maxValue() { return DotNetDateTime(MaxTicks, DateTimeKind::Unspecified); }
    static DotNetDateTime unixEpoch() { return DotNetDateTime(unixEpochTicks(), DateTimeKind::Utc); }
    static bool isLeapYear(int year);
    static int daysInMonth(int year, int month); // 0 for an invalid month

    qint64 ticks() const { return m_ticks; }
    DateTimeKind kind() const { return m_kind; }
    int year() const;
    int month() const;
    int day() const;
    int hour() const { return int((m_ticks / DotNetTimeSpan::TicksPerHour) % 24); }
    int minute() const { return int((m_ticks / DotNetTimeSpan::TicksPerMinute) % 60); }
    int second() const { return int((m_ticks / DotNetTimeSpan::TicksPerSecond) % 60); }
    int millisecond() const { return int((m_ticks / DotNetTimeSpan::TicksPerMillisecond) % 1000); }
    DayOfWeek dayOfWeek() const { return DayOfWeek(int((m_ticks / DotNetTimeSpan::TicksPerDay + 1) % 7)); }
    int dayOfYear() const;
    DotNetDateTime date() const;
    DotNetTimeSpan timeOfDay() const { return DotNetTimeSpan(m_ticks % DotNetTimeSpan::TicksPerDay); }

    // Arithmetic: ArgumentOutOfRangeException when the result leaves the range.
    DotNetResult<DotNetDateTime> add(DotNetTimeSpan value) const;
    DotNetResult<DotNetDateTime> subtract(DotNetTimeSpan value) const;
    DotNetTimeSpan subtract(const DotNetDateTime &other) const { return DotNetTimeSpan(m_ticks - other.m_ticks); }
    DotNetResult<DotNetDateTime> addTicks(qint64 value) const;
    DotNetResult<DotNetDateTime> addMilliseconds(double value) const;
    DotNetResult<DotNetDateTime> addSeconds(double value) const;
    DotNetResult<DotNetDateTime> addMinutes(double value) const;
    DotNetResult<DotNetDateTime> addHours(double value) const;
    DotNetResult<DotNetDateTime> addDays(double value) const;
    DotNetResult<DotNetDateTime> addMonths(int months) const;
    DotNetResult<DotNetDateTime> addYears(int years) const;

    DotNetDateTime toUniversalTime() const;
    DotNetDateTime toLocalTime() const;
    static DotNetDateTime specifyKind(const DotNetDateTime &value, DateTimeKind kind) { return {value.m_ticks, kind}; }

    // Comparison ignores Kind, as in .NET.
    bool operator==(const DotNetDateTime &o) const { return m_ticks == o.m_ticks; }
    auto operator<=>(const DotNetDateTime &o) const { return m_ticks <=> o.m_ticks; }
    static int compare(const DotNetDateTime &a, const DotNetDateTime &b) { return a < b ? -1 : (a == b ? 0 : 1); }

    // "MM/dd/yyyy HH:mm:ss"
    QString toString() const;
    // Standard ("o", "s", "u", "R", "d", "G", ...) or custom ("yyyy-MM-ddTHH:mm:ssZ") format.
    DotNetResult<QString> toString(const QString &format) const;
    QString toIsoString() const { return *toString(QStringLiteral("o")); }

    // DateTime.Parse (invariant culture): ISO 8601, "MM/dd/yyyy[ HH:mm[:ss]][ AM|PM]", RFC 1123.
    // A zone (Z, +hh:mm, GMT) converts to local time with Kind Local, as .NET does.
    static DotNetResult<DotNetDateTime> parse(const QString &text);
    static bool tryParse(const QString &text, DotNetDateTime *result);
    // DateTime.ParseExact(text, format, CultureInfo.InvariantCulture).
    static DotNetResult<DotNetDateTime> parseExact(const QString &text, const QString &format);

    // Unchecked construction (ticks in range).
    DotNetDateTime(qint64 ticks, DateTimeKind kind)
        : m_ticks(ticks)
        , m_kind(kind)
    { }
    // Y/M/D of a tick count.
    static void civil(qint64 ticks, int *year, int *month, int *day);
    static qint64 daysFromCivil(int year, int month, int day); // days since 0001-01-01

private:
    qint64 m_ticks = 0;
    DateTimeKind m_kind = DateTimeKind::Unspecified;
};

} // namespace sluice::dotnet
