#pragma once

#include "DotNetError.h"

#include <QString>

#include <compare>
#include <limits>

namespace sluice::dotnet {

// System.TimeSpan: a signed number of 100 ns ticks.
class DotNetTimeSpan
{
public:
    static constexpr qint64 TicksPerMillisecond = 10000;
    static constexpr qint64 TicksPerSecond = TicksPerMillisecond * 1000;
    static constexpr qint64 TicksPerMinute = TicksPerSecond * 60;
    static constexpr qint64 TicksPerHour = TicksPerMinute * 60;
    static constexpr qint64 TicksPerDay = TicksPerHour * 24;

    constexpr DotNetTimeSpan() = default;
    constexpr explicit DotNetTimeSpan(qint64 ticks)
        : m_ticks(ticks)
    { }
    // new TimeSpan(h, m, s) / (d, h, m, s) / (d, h, m, s, ms); ArgumentOutOfRangeException
    // "TimeSpan overflowed because the duration is too long." on overflow.
    static DotNetResult<DotNetTimeSpan> create(int hours, int minutes, int seconds);
    static DotNetResult<DotNetTimeSpan> create(int days, int hours, int minutes, int seconds, int milliseconds = 0);

    static DotNetTimeSpan fromTicks(qint64 ticks) { return DotNetTimeSpan(ticks); }
    // TimeSpan.FromDays(double) ...: OverflowException / ArgumentException (NaN) as .NET.
    static DotNetResult<DotNetTimeSpan> fromDays(double value);
    static DotNetResult<DotNetTimeSpan> fromHours(double value);
    static DotNetResult<DotNetTimeSpan> fromMinutes(double value);
    static DotNetResult<DotNetTimeSpan> fromSeconds(double value);
    static DotNetResult<DotNetTimeSpan> fromMilliseconds(double value);
    static DotNetTimeSpan zero() { return DotNetTimeSpan(); }
    static DotNetTimeSpan maxValue() { return DotNetTimeSpan(std::numeric_limits<qint64>::max()); }
    static DotNetTimeSpan minValue() { return DotNetTimeSpan(std::numeric_limits<qint64>::min()); }

    qint64 ticks() const { return m_ticks; }
    int days() const { return int(m_ticks / TicksPerDay); }
    int hours() const { return int((m_ticks / TicksPerHour) % 24); }
    int minutes() const { return int((m_ticks / TicksPerMinute) % 60); }
    int seconds() const { return int((m_ticks / TicksPerSecond) % 60); }
    int milliseconds() const { return int((m_ticks / TicksPerMillisecond) % 1000); }
    double totalDays() const { return double(m_ticks) / double(TicksPerDay); }
    double totalHours() const { return double(m_ticks) / double(TicksPerHour); }
    double totalMinutes() const { return double(m_ticks) / double(TicksPerMinute); }
    double totalSeconds() const { return double(m_ticks) / double(TicksPerSecond); }
    double totalMilliseconds() const { return double(m_ticks) / double(TicksPerMillisecond); }

    DotNetResult<DotNetTimeSpan> add(DotNetTimeSpan other) const;
    DotNetResult<DotNetTimeSpan> subtract(DotNetTimeSpan other) const;
    DotNetResult<DotNetTimeSpan> negate() const;
    DotNetResult<DotNetTimeSpan> duration() const;

    auto operator<=>(const DotNetTimeSpan &) const = default;

    // "c": [-][d.]hh:mm:ss[.fffffff]
    QString toString() const;
    // "c", "t", "T", "g", "G" or a custom format ("hh\\:mm", "%d", "d'd 'hh'h'").
    DotNetResult<QString> toString(const QString &format) const;
    // TimeSpan.Parse (invariant): [ws][-]{ d | [d.]hh:mm[:ss[.fffffff]] | d:hh:mm:ss[.fffffff] }[ws]
    static DotNetResult<DotNetTimeSpan> parse(const QString &text);

private:
    qint64 m_ticks = 0;
};

} // namespace sluice::dotnet
