#include "DotNetDateTime.h"

#include "DotNetClock.h"
#include "DotNetDateFormat.h"

#include <QDate>

#include <cmath>

namespace sluice::dotnet {

namespace {

constexpr qint64 kJulianDayOfYearOne = 1721426; // 0001-01-01 in the proleptic Gregorian calendar

DotNetError unrepresentable(const char *parameter)
{
    return DotNetError::argumentOutOfRange(
        QCoreApplication::translate("DotNet",
                                    "The added or subtracted value results in an un-representable "
                                    "DateTime. (Parameter '%1')")
            .arg(QLatin1String(parameter)));
}

} // namespace

QString dayOfWeekName(DayOfWeek day)
{
    return DotNetDateFormat::dayName(int(day), false);
}

bool DotNetDateTime::isLeapYear(int year)
{
    return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
}

int DotNetDateTime::daysInMonth(int year, int month)
{
    static const int days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (month < 1 || month > 12)
        return 0;
    return month == 2 && isLeapYear(year) ? 29 : days[month - 1];
}

void DotNetDateTime::civil(qint64 ticks, int *year, int *month, int *day)
{
    const QDate d = QDate::fromJulianDay(ticks / DotNetTimeSpan::TicksPerDay + kJulianDayOfYearOne);
    d.getDate(year, month, day);
}

qint64 DotNetDateTime::daysFromCivil(int year, int month, int day)
{
    return QDate(year, month, day).toJulianDay() - kJulianDayOfYearOne;
}

DotNetResult<DotNetDateTime> DotNetDateTime::create(int year, int month, int day, int hour, int minute, int second,
                                                    int millisecond, DateTimeKind kind)
{
    if (year < 1 || year > 9999 || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month))
        return DotNetError::argumentOutOfRange(QCoreApplication::translate(
            "DotNet", "Year, Month, and Day parameters describe an un-representable DateTime."));
    if (hour < 0 || hour > 23 || minute < 0 || minute > 59 || second < 0 || second > 59)
        return DotNetError::argumentOutOfRange(QCoreApplication::translate(
            "DotNet", "Hour, Minute, and Second parameters describe an un-representable DateTime."));
    if (millisecond < 0 || millisecond > 999)
        return DotNetError::argumentOutOfRange(QCoreApplication::translate(
            "DotNet", "Valid values are between 0 and 999, inclusive. (Parameter 'millisecond')"));
    const qint64 ticks = daysFromCivil(year, month, day) * DotNetTimeSpan::TicksPerDay
        + hour * DotNetTimeSpan::TicksPerHour + minute * DotNetTimeSpan::TicksPerMinute
        + second * DotNetTimeSpan::TicksPerSecond + millisecond * DotNetTimeSpan::TicksPerMillisecond;
    return DotNetDateTime(ticks, kind);
}

DotNetResult<DotNetDateTime> DotNetDateTime::fromTicks(qint64 ticks, DateTimeKind kind)
{
    if (ticks < 0 || ticks > MaxTicks)
        return DotNetError::argumentOutOfRange(QCoreApplication::translate(
            "DotNet",
            "Ticks must be between DateTime.MinValue.Ticks and DateTime.MaxValue.Ticks. (Parameter "
            "'ticks')"));
    return DotNetDateTime(ticks, kind);
}

DotNetDateTime DotNetDateTime::utcNow()
{
    return DotNetDateTime(DotNetClock::current().utcNowTicks(), DateTimeKind::Utc);
}

DotNetDateTime DotNetDateTime::now()
{
    return utcNow().toLocalTime();
}

DotNetDateTime DotNetDateTime::today()
{
    return now().date();
}

int DotNetDateTime::year() const
{
    int y = 0, m = 0, d = 0;
    civil(m_ticks, &y, &m, &d);
    return y;
}

int DotNetDateTime::month() const
{
    int y = 0, m = 0, d = 0;
    civil(m_ticks, &y, &m, &d);
    return m;
}

int DotNetDateTime::day() const
{
    int y = 0, m = 0, d = 0;
    civil(m_ticks, &y, &m, &d);
    return d;
}

int DotNetDateTime::dayOfYear() const
{
    int y = 0, m = 0, d = 0;
    civil(m_ticks, &y, &m, &d);
    return int(m_ticks / DotNetTimeSpan::TicksPerDay - daysFromCivil(y, 1, 1)) + 1;
}

DotNetDateTime DotNetDateTime::date() const
{
    return DotNetDateTime(m_ticks - m_ticks % DotNetTimeSpan::TicksPerDay, m_kind);
}

DotNetResult<DotNetDateTime> DotNetDateTime::addTicks(qint64 value) const
{
    if (value > MaxTicks - m_ticks || value < -m_ticks)
        return unrepresentable("value");
    return DotNetDateTime(m_ticks + value, m_kind);
}

DotNetResult<DotNetDateTime> DotNetDateTime::add(DotNetTimeSpan value) const
{
    return addTicks(value.ticks());
}

DotNetResult<DotNetDateTime> DotNetDateTime::subtract(DotNetTimeSpan value) const
{
    if (value.ticks() == std::numeric_limits<qint64>::min())
        return unrepresentable("t");
    return addTicks(-value.ticks());
}

namespace {

// .NET 6 DateTime.Add(double value, int scale): rounded to whole milliseconds.
DotNetResult<DotNetDateTime> addScaled(const DotNetDateTime &dt, double value, double millisPerUnit)
{
    const double millis = value * millisPerUnit + (value >= 0 ? 0.5 : -0.5);
    constexpr double maxMillis = double(DotNetDateTime::MaxTicks / DotNetTimeSpan::TicksPerMillisecond);
    if (std::isnan(millis) || millis <= -maxMillis || millis >= maxMillis)
        return DotNetError::argumentOutOfRange(
            QCoreApplication::translate("DotNet", "Value to add was out of range. (Parameter 'value')"));
    return dt.addTicks(qint64(millis) * DotNetTimeSpan::TicksPerMillisecond);
}

} // namespace

DotNetResult<DotNetDateTime> DotNetDateTime::addMilliseconds(double value) const
{
    return addScaled(*this, value, 1);
}
DotNetResult<DotNetDateTime> DotNetDateTime::addSeconds(double value) const
{
    return addScaled(*this, value, 1e3);
}
DotNetResult<DotNetDateTime> DotNetDateTime::addMinutes(double value) const
{
    return addScaled(*this, value, 6e4);
}
DotNetResult<DotNetDateTime> DotNetDateTime::addHours(double value) const
{
    return addScaled(*this, value, 3.6e6);
}
DotNetResult<DotNetDateTime> DotNetDateTime::addDays(double value) const
{
    return addScaled(*this, value, 8.64e7);
}

DotNetResult<DotNetDateTime> DotNetDateTime::addMonths(int months) const
{
    if (months < -120000 || months > 120000)
        return DotNetError::argumentOutOfRange(
            QCoreApplication::translate("DotNet", "Months value must be between +/-120000. (Parameter 'months')"));
    int y = 0, m = 0, d = 0;
    civil(m_ticks, &y, &m, &d);
    const int index = m - 1 + months;
    int newYear = y + (index >= 0 ? index / 12 : (index - 11) / 12);
    int newMonth = index - (newYear - y) * 12 + 1;
    if (newYear < 1 || newYear > 9999)
        return unrepresentable("months");
    const int newDay = qMin(d, daysInMonth(newYear, newMonth));
    return DotNetDateTime(daysFromCivil(newYear, newMonth, newDay) * DotNetTimeSpan::TicksPerDay
                              + m_ticks % DotNetTimeSpan::TicksPerDay,
                          m_kind);
}

DotNetResult<DotNetDateTime> DotNetDateTime::addYears(int years) const
{
    if (years < -10000 || years > 10000)
        return DotNetError::argumentOutOfRange(
            QCoreApplication::translate("DotNet", "Years value must be between +/-10000. (Parameter 'years')"));
    auto r = addMonths(years * 12);
    if (!r)
        return unrepresentable("years");
    return r;
}

DotNetDateTime DotNetDateTime::toUniversalTime() const
{
    if (m_kind == DateTimeKind::Utc)
        return *this;
    const qint64 offset =
        qint64(DotNetClock::current().localOffsetMinutesAtLocal(m_ticks)) * DotNetTimeSpan::TicksPerMinute;
    return DotNetDateTime(qBound<qint64>(0, m_ticks - offset, MaxTicks), DateTimeKind::Utc);
}

DotNetDateTime DotNetDateTime::toLocalTime() const
{
    if (m_kind == DateTimeKind::Local)
        return *this;
    const qint64 offset =
        qint64(DotNetClock::current().localOffsetMinutesAtUtc(m_ticks)) * DotNetTimeSpan::TicksPerMinute;
    return DotNetDateTime(qBound<qint64>(0, m_ticks + offset, MaxTicks), DateTimeKind::Local);
}

QString DotNetDateTime::toString() const
{
    return *toString(QStringLiteral("G"));
}

DotNetResult<QString> DotNetDateTime::toString(const QString &format) const
{
    return DotNetDateFormat::format({m_ticks, m_kind, false, 0}, format);
}

namespace {

DotNetError notADate(const QString &text)
{
    return DotNetError::format(
        QCoreApplication::translate("DotNet", "String '%1' was not recognized as a valid DateTime.").arg(text));
}

DotNetResult<DotNetDateTime> fromParsed(const std::optional<DotNetDateFormat::Parsed> &parsed, const QString &text)
{
    if (!parsed)
        return notADate(text);
    if (!parsed->hasZone)
        return DotNetDateTime(parsed->clockTicks, DateTimeKind::Unspecified);
    const qint64 utc = parsed->clockTicks - qint64(parsed->offsetMinutes) * DotNetTimeSpan::TicksPerMinute;
    if (utc < 0 || utc > DotNetDateTime::MaxTicks)
        return notADate(text);
    return DotNetDateTime(utc, DateTimeKind::Utc).toLocalTime();
}

} // namespace

DotNetResult<DotNetDateTime> DotNetDateTime::parse(const QString &text)
{
    if (text.isNull())
        return DotNetError::argumentNull(QStringLiteral("s"));
    return fromParsed(DotNetDateFormat::parse(text), text);
}

bool DotNetDateTime::tryParse(const QString &text, DotNetDateTime *result)
{
    const auto parsed = parse(text);
    *result = parsed ? *parsed : DotNetDateTime();
    return parsed.ok();
}

DotNetResult<DotNetDateTime> DotNetDateTime::parseExact(const QString &text, const QString &format)
{
    if (text.isNull())
        return DotNetError::argumentNull(QStringLiteral("s"));
    if (format.isEmpty())
        return DotNetError::format(QCoreApplication::translate("DotNet", "Format specifier was invalid."));
    return fromParsed(DotNetDateFormat::parseExact(text, format), text);
}

} // namespace sluice::dotnet
