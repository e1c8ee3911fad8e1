#pragma once

#include "DotNetDateTime.h"

namespace sluice::dotnet {

// System.DateTimeOffset: a wall-clock time plus its offset from UTC.
// Equality and ordering compare the UTC instants, as in .NET.
class DotNetDateTimeOffset
{
public:
    DotNetDateTimeOffset() = default; // MinValue
    // new DateTimeOffset(dateTime): Utc -> +00:00; Local/Unspecified -> the local offset.
    static DotNetDateTimeOffset fromDateTime(const DotNetDateTime &dateTime);
    // new DateTimeOffset(dateTime, offset): ArgumentException when a Utc/Local kind disagrees
    // with the offset or the offset is not whole minutes / beyond 14 hours.
    static DotNetResult<DotNetDateTimeOffset> create(const DotNetDateTime &dateTime, DotNetTimeSpan offset);
    static DotNetDateTimeOffset utcNow();
    static DotNetDateTimeOffset now();
    static DotNetResult<DotNetDateTimeOffset> fromUnixTimeSeconds(qint64 seconds);
    static DotNetResult<DotNetDateTimeOffset> fromUnixTimeMilliseconds(qint64 milliseconds);

    DotNetDateTime dateTime() const { return DotNetDateTime(m_clockTicks, DateTimeKind::Unspecified); }
    DotNetDateTime utcDateTime() const { return DotNetDateTime(utcTicks(), DateTimeKind::Utc); }
    DotNetDateTime localDateTime() const { return utcDateTime().toLocalTime(); }
    DotNetTimeSpan offset() const { return DotNetTimeSpan(qint64(m_offsetMinutes) * DotNetTimeSpan::TicksPerMinute); }
    int offsetMinutes() const { return m_offsetMinutes; }
    qint64 ticks() const { return m_clockTicks; }
    qint64 utcTicks() const { return m_clockTicks - qint64(m_offsetMinutes) * DotNetTimeSpan::TicksPerMinute; }
    int year() const { return dateTime().year(); }
    int month() const { return dateTime().month(); }
    int day() const { return dateTime().day(); }
    int hour() const { return dateTime().hour(); }
    int minute() const { return dateTime().minute(); }
    int second() const { return dateTime().second(); }
    int millisecond() const { return dateTime().millisecond(); }
    DayOfWeek dayOfWeek() const { return dateTime().dayOfWeek(); }
    DotNetDateTime date() const { return dateTime().date(); }
    qint64 toUnixTimeSeconds() const;
    qint64 toUnixTimeMilliseconds() const;

    DotNetDateTimeOffset toUniversalTime() const { return {utcTicks(), 0}; }
    DotNetDateTimeOffset toLocalTime() const;
    DotNetResult<DotNetDateTimeOffset> toOffset(DotNetTimeSpan offset) const;

    DotNetResult<DotNetDateTimeOffset> add(DotNetTimeSpan value) const;
    DotNetResult<DotNetDateTimeOffset> addSeconds(double value) const;
    DotNetResult<DotNetDateTimeOffset> addMinutes(double value) const;
    DotNetResult<DotNetDateTimeOffset> addHours(double value) const;
    DotNetResult<DotNetDateTimeOffset> addDays(double value) const;
    DotNetResult<DotNetDateTimeOffset> addMonths(int months) const;
    DotNetResult<DotNetDateTimeOffset> addYears(int years) const;
    DotNetTimeSpan subtract(const DotNetDateTimeOffset &other) const
    {
        return DotNetTimeSpan(utcTicks() - other.utcTicks());
    }

    bool operator==(const DotNetDateTimeOffset &o) const { return utcTicks() == o.utcTicks(); }
    auto operator<=>(const DotNetDateTimeOffset &o) const { return utcTicks() <=> o.utcTicks(); }

    // "MM/dd/yyyy HH:mm:ss zzz"
    QString toString() const;
    DotNetResult<QString> toString(const QString &format) const;
    // DateTimeOffset.Parse: as DateTime.Parse; no zone in the text means the local offset.
    static DotNetResult<DotNetDateTimeOffset> parse(const QString &text);

    DotNetDateTimeOffset(qint64 clockTicks, int offsetMinutes)
        : m_clockTicks(clockTicks)
        , m_offsetMinutes(offsetMinutes)
    { }

private:
    DotNetResult<DotNetDateTimeOffset> shifted(const DotNetResult<DotNetDateTime> &clock) const;

    qint64 m_clockTicks = 0;
    int m_offsetMinutes = 0;
};

} // namespace sluice::dotnet
