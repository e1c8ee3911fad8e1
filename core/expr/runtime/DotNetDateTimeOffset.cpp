#include "DotNetDateTimeOffset.h"

#include "DotNetClock.h"
#include "DotNetDateFormat.h"

namespace sluice::dotnet {

DotNetDateTimeOffset DotNetDateTimeOffset::fromDateTime(const DotNetDateTime &dateTime)
{
    if (dateTime.kind() == DateTimeKind::Utc)
        return {dateTime.ticks(), 0};
    return {dateTime.ticks(), DotNetClock::current().localOffsetMinutesAtLocal(dateTime.ticks())};
}

DotNetResult<DotNetDateTimeOffset> DotNetDateTimeOffset::create(const DotNetDateTime &dateTime, DotNetTimeSpan offset)
{
    if (offset.ticks() % DotNetTimeSpan::TicksPerMinute != 0)
        return DotNetError::argument(
            QCoreApplication::translate("DotNet", "Offset must be specified in whole minutes. (Parameter 'offset')"));
    const qint64 minutes = offset.ticks() / DotNetTimeSpan::TicksPerMinute;
    if (minutes < -14 * 60 || minutes > 14 * 60)
        return DotNetError::argumentOutOfRange(QCoreApplication::translate(
            "DotNet", "Offset must be within plus or minus 14 hours. (Parameter 'offset')"));
    if (dateTime.kind() == DateTimeKind::Utc && minutes != 0)
        return DotNetError::argument(QCoreApplication::translate(
            "DotNet", "The UTC Offset for Utc DateTime instances must be 0. (Parameter 'offset')"));
    if (dateTime.kind() == DateTimeKind::Local
        && minutes != DotNetClock::current().localOffsetMinutesAtLocal(dateTime.ticks()))
        return DotNetError::argument(QCoreApplication::translate(
            "DotNet",
            "The UTC Offset of the local dateTime parameter does not match the offset argument. "
            "(Parameter 'offset')"));
    return DotNetDateTimeOffset(dateTime.ticks(), int(minutes));
}

DotNetDateTimeOffset DotNetDateTimeOffset::utcNow()
{
    return {DotNetClock::current().utcNowTicks(), 0};
}

DotNetDateTimeOffset DotNetDateTimeOffset::now()
{
    return utcNow().toLocalTime();
}

DotNetResult<DotNetDateTimeOffset> DotNetDateTimeOffset::fromUnixTimeSeconds(qint64 seconds)
{
    if (seconds < -62135596800LL || seconds > 253402300799LL)
        return DotNetError::argumentOutOfRange(QCoreApplication::translate(
            "DotNet", "Valid values are between -62135596800 and 253402300799, inclusive. (Parameter 'seconds')"));
    return DotNetDateTimeOffset(DotNetDateTime::unixEpochTicks() + seconds * DotNetTimeSpan::TicksPerSecond, 0);
}

DotNetResult<DotNetDateTimeOffset> DotNetDateTimeOffset::fromUnixTimeMilliseconds(qint64 milliseconds)
{
    if (milliseconds < -62135596800000LL || milliseconds > 253402300799999LL)
        return DotNetError::argumentOutOfRange(QCoreApplication::translate(
            "DotNet",
            "Valid values are between -62135596800000 and 253402300799999, inclusive. (Parameter "
            "'milliseconds')"));
    return DotNetDateTimeOffset(DotNetDateTime::unixEpochTicks() + milliseconds * DotNetTimeSpan::TicksPerMillisecond,
                                0);
}

qint64 DotNetDateTimeOffset::toUnixTimeSeconds() const
{
    const qint64 seconds = utcTicks() / DotNetTimeSpan::TicksPerSecond;
    return seconds - DotNetDateTime::unixEpochTicks() / DotNetTimeSpan::TicksPerSecond;
}

qint64 DotNetDateTimeOffset::toUnixTimeMilliseconds() const
{
    const qint64 ms = utcTicks() / DotNetTimeSpan::TicksPerMillisecond;
    return ms - DotNetDateTime::unixEpochTicks() / DotNetTimeSpan::TicksPerMillisecond;
}

DotNetDateTimeOffset DotNetDateTimeOffset::toLocalTime() const
{
    const int offset = DotNetClock::current().localOffsetMinutesAtUtc(utcTicks());
    return {utcTicks() + qint64(offset) * DotNetTimeSpan::TicksPerMinute, offset};
}

DotNetResult<DotNetDateTimeOffset> DotNetDateTimeOffset::toOffset(DotNetTimeSpan offset) const
{
    return create(DotNetDateTime(utcTicks() + offset.ticks(), DateTimeKind::Unspecified), offset);
}

DotNetResult<DotNetDateTimeOffset> DotNetDateTimeOffset::shifted(const DotNetResult<DotNetDateTime> &clock) const
{
    if (!clock)
        return clock.error();
    return DotNetDateTimeOffset(clock->ticks(), m_offsetMinutes);
}

DotNetResult<DotNetDateTimeOffset> DotNetDateTimeOffset::add(DotNetTimeSpan value) const
{
    return shifted(dateTime().add(value));
}
DotNetResult<DotNetDateTimeOffset> DotNetDateTimeOffset::addSeconds(double value) const
{
    return shifted(dateTime().addSeconds(value));
}
DotNetResult<DotNetDateTimeOffset> DotNetDateTimeOffset::addMinutes(double value) const
{
    return shifted(dateTime().addMinutes(value));
}
DotNetResult<DotNetDateTimeOffset> DotNetDateTimeOffset::addHours(double value) const
{
    return shifted(dateTime().addHours(value));
}
DotNetResult<DotNetDateTimeOffset> DotNetDateTimeOffset::addDays(double value) const
{
    return shifted(dateTime().addDays(value));
}
DotNetResult<DotNetDateTimeOffset> DotNetDateTimeOffset::addMonths(int months) const
{
    return shifted(dateTime().addMonths(months));
}
DotNetResult<DotNetDateTimeOffset> DotNetDateTimeOffset::addYears(int years) const
{
    return shifted(dateTime().addYears(years));
}

QString DotNetDateTimeOffset::toString() const
{
    return *toString(QString());
}

DotNetResult<QString> DotNetDateTimeOffset::toString(const QString &format) const
{
    return DotNetDateFormat::format({m_clockTicks, DateTimeKind::Unspecified, true, m_offsetMinutes}, format);
}

DotNetResult<DotNetDateTimeOffset> DotNetDateTimeOffset::parse(const QString &text)
{
    if (text.isNull())
        return DotNetError::argumentNull(QStringLiteral("input"));
    const auto parsed = DotNetDateFormat::parse(text);
    if (!parsed)
        return DotNetError::format(
            QCoreApplication::translate("DotNet", "String '%1' was not recognized as a valid DateTime.").arg(text));
    if (!parsed->hasZone)
        return fromDateTime(DotNetDateTime(parsed->clockTicks, DateTimeKind::Local));
    return DotNetDateTimeOffset(parsed->clockTicks, parsed->offsetMinutes);
}

} // namespace sluice::dotnet
