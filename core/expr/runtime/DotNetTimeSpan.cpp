#include "DotNetTimeSpan.h"

#include <QList>

#include <cmath>
#include <limits>

namespace sluice::dotnet {

namespace {

DotNetError tooLong()
{
    return DotNetError::overflow(
        QCoreApplication::translate("DotNet", "TimeSpan overflowed because the duration is too long."));
}

DotNetResult<DotNetTimeSpan> interval(double value, double ticksPerUnit)
{
    if (std::isnan(value))
        return DotNetError::argument(
            QCoreApplication::translate("DotNet", "TimeSpan does not accept floating point Not-a-Number values."));
    const double ticks = value * ticksPerUnit;
    if (ticks > 9.2233720368547758e18 || ticks < -9.2233720368547758e18)
        return tooLong();
    return DotNetTimeSpan(qint64(ticks));
}

QString pad(qint64 value, int digits)
{
    return QString::number(value).rightJustified(digits, QLatin1Char('0'));
}

DotNetError badParse(const QString &text)
{
    return DotNetError::format(
        QCoreApplication::translate("DotNet", "String '%1' was not recognized as a valid TimeSpan.").arg(text));
}

} // namespace

DotNetResult<DotNetTimeSpan> DotNetTimeSpan::create(int hours, int minutes, int seconds)
{
    return create(0, hours, minutes, seconds, 0);
}

DotNetResult<DotNetTimeSpan> DotNetTimeSpan::create(int days, int hours, int minutes, int seconds, int milliseconds)
{
    const qint64 ms =
        (qint64(days) * 3600 * 24 + qint64(hours) * 3600 + qint64(minutes) * 60 + seconds) * 1000 + milliseconds;
    if (ms > std::numeric_limits<qint64>::max() / TicksPerMillisecond
        || ms < std::numeric_limits<qint64>::min() / TicksPerMillisecond)
        return DotNetError::argumentOutOfRange(
            QCoreApplication::translate("DotNet", "TimeSpan overflowed because the duration is too long."));
    return DotNetTimeSpan(ms * TicksPerMillisecond);
}

DotNetResult<DotNetTimeSpan> DotNetTimeSpan::fromDays(double value)
{
    return interval(value, double(TicksPerDay));
}
DotNetResult<DotNetTimeSpan> DotNetTimeSpan::fromHours(double value)
{
    return interval(value, double(TicksPerHour));
}
DotNetResult<DotNetTimeSpan> DotNetTimeSpan::fromMinutes(double value)
{
    return interval(value, double(TicksPerMinute));
}
DotNetResult<DotNetTimeSpan> DotNetTimeSpan::fromSeconds(double value)
{
    return interval(value, double(TicksPerSecond));
}
DotNetResult<DotNetTimeSpan> DotNetTimeSpan::fromMilliseconds(double value)
{
    return interval(value, double(TicksPerMillisecond));
}

DotNetResult<DotNetTimeSpan> DotNetTimeSpan::add(DotNetTimeSpan other) const
{
    qint64 out = 0;
    if (__builtin_add_overflow(m_ticks, other.m_ticks, &out))
        return tooLong();
    return DotNetTimeSpan(out);
}

DotNetResult<DotNetTimeSpan> DotNetTimeSpan::subtract(DotNetTimeSpan other) const
{
    qint64 out = 0;
    if (__builtin_sub_overflow(m_ticks, other.m_ticks, &out))
        return tooLong();
    return DotNetTimeSpan(out);
}

DotNetResult<DotNetTimeSpan> DotNetTimeSpan::negate() const
{
    if (m_ticks == std::numeric_limits<qint64>::min())
        return DotNetError::overflow(QCoreApplication::translate(
            "DotNet", "Negating the minimum value of a twos complement number is invalid."));
    return DotNetTimeSpan(-m_ticks);
}

DotNetResult<DotNetTimeSpan> DotNetTimeSpan::duration() const
{
    if (m_ticks == std::numeric_limits<qint64>::min())
        return DotNetError::overflow(QCoreApplication::translate(
            "DotNet",
            "The duration cannot be returned for TimeSpan.MinValue because the absolute value of "
            "TimeSpan.MinValue exceeds the value of TimeSpan.MaxValue."));
    return DotNetTimeSpan(m_ticks < 0 ? -m_ticks : m_ticks);
}

QString DotNetTimeSpan::toString() const
{
    return *toString(QStringLiteral("c"));
}

DotNetResult<QString> DotNetTimeSpan::toString(const QString &format) const
{
    // Work on the magnitude; qint64 min has no positive counterpart, so use unsigned.
    const bool negative = m_ticks < 0;
    const quint64 abs = negative ? quint64(0) - quint64(m_ticks) : quint64(m_ticks);
    const qint64 d = qint64(abs / quint64(TicksPerDay));
    const qint64 rest = qint64(abs % quint64(TicksPerDay));
    const qint64 h = rest / TicksPerHour;
    const qint64 m = (rest / TicksPerMinute) % 60;
    const qint64 s = (rest / TicksPerSecond) % 60;
    const qint64 fraction = rest % TicksPerSecond;

    if (format.isEmpty() || format == QLatin1String("c") || format == QLatin1String("t")
        || format == QLatin1String("T")) {
        QString out = negative ? QStringLiteral("-") : QString();
        if (d)
            out += QString::number(d) + QLatin1Char('.');
        out += pad(h, 2) + QLatin1Char(':') + pad(m, 2) + QLatin1Char(':') + pad(s, 2);
        if (fraction)
            out += QLatin1Char('.') + pad(fraction, 7);
        return out;
    }
    if (format == QLatin1String("g") || format == QLatin1String("G")) {
        const bool longForm = format == QLatin1String("G");
        QString out = negative ? QStringLiteral("-") : QString();
        if (d || longForm)
            out += QString::number(d) + QLatin1Char(':');
        out +=
            (longForm ? pad(h, 2) : QString::number(h)) + QLatin1Char(':') + pad(m, 2) + QLatin1Char(':') + pad(s, 2);
        if (longForm) {
            out += QLatin1Char('.') + pad(fraction, 7);
        } else if (fraction) {
            QString f = pad(fraction, 7);
            while (f.endsWith(QLatin1Char('0')))
                f.chop(1);
            out += QLatin1Char('.') + f;
        }
        return out;
    }
    if (format.size() == 1)
        return DotNetError::badFormat();

    // Custom format: only d h m s f F, quoted literals, '%' and '\' escapes.
    QString out;
    const qsizetype n = format.size();
    for (qsizetype i = 0; i < n;) {
        const QChar c = format.at(i);
        qsizetype run = 1;
        while (i + run < n && format.at(i + run) == c)
            ++run;
        switch (c.unicode()) {
        case u'd':
            if (run > 8)
                return DotNetError::badFormat();
            out += pad(d, int(run));
            break;
        case u'h':
        case u'm':
        case u's': {
            if (run > 2)
                return DotNetError::badFormat();
            const qint64 v = c == u'h' ? h : (c == u'm' ? m : s);
            out += run == 2 ? pad(v, 2) : QString::number(v);
            break;
        }
        case u'f':
        case u'F': {
            if (run > 7)
                return DotNetError::badFormat();
            QString f = pad(fraction, 7).left(run);
            if (c == u'F') {
                while (f.endsWith(QLatin1Char('0')))
                    f.chop(1);
            }
            out += f;
            break;
        }
        case u'\'':
        case u'"': {
            const qsizetype end = format.indexOf(c, i + 1);
            if (end < 0)
                return DotNetError::badFormat();
            out += QStringView(format).mid(i + 1, end - i - 1);
            i = end + 1;
            continue;
        }
        case u'%':
            if (i + 1 >= n || format.at(i + 1) == u'%')
                return DotNetError::badFormat();
            ++i;
            continue;
        case u'\\':
            if (i + 1 >= n)
                return DotNetError::badFormat();
            out += format.at(i + 1);
            i += 2;
            continue;
        default:
            return DotNetError::badFormat();
        }
        i += run;
    }
    return out;
}

DotNetResult<DotNetTimeSpan> DotNetTimeSpan::parse(const QString &text)
{
    const QString t = text.trimmed();
    qsizetype i = 0;
    bool negative = false;
    if (i < t.size() && t.at(i) == u'-') {
        negative = true;
        ++i;
    }
    // Components: numbers separated by ':' or '.', remembering separators.
    QList<qint64> nums;
    QList<qsizetype> digitCounts;
    QString seps;
    while (i < t.size()) {
        qsizetype start = i;
        qint64 v = 0;
        while (i < t.size() && t.at(i).unicode() >= u'0' && t.at(i).unicode() <= u'9') {
            if (v > 100000000000LL)
                return DotNetError::overflow(
                    QCoreApplication::translate(
                        "DotNet",
                        "The TimeSpan string '%1' could not be parsed because at least one of the numeric "
                        "components is out of range or contains too many digits.")
                        .arg(text));
            v = v * 10 + (t.at(i).unicode() - u'0');
            ++i;
        }
        if (i == start)
            return badParse(text);
        nums.append(v);
        digitCounts.append(i - start);
        if (i < t.size()) {
            if (t.at(i) != u':' && t.at(i) != u'.')
                return badParse(text);
            seps += t.at(i);
            ++i;
            if (i >= t.size())
                return badParse(text);
        }
    }
    qint64 d = 0, h = 0, m = 0, s = 0, f = 0;
    qsizetype fDigits = 0;
    if (seps.isEmpty()) {
        d = nums.value(0);
    } else if (seps == QLatin1String(":")) {
        h = nums[0], m = nums[1];
    } else if (seps == QLatin1String("::")) {
        h = nums[0], m = nums[1], s = nums[2];
    } else if (seps == QLatin1String(".:")) {
        d = nums[0], h = nums[1], m = nums[2];
    } else if (seps == QLatin1String(".::")) {
        d = nums[0], h = nums[1], m = nums[2], s = nums[3];
    } else if (seps == QLatin1String("::.")) {
        h = nums[0], m = nums[1], s = nums[2], f = nums[3], fDigits = digitCounts[3];
    } else if (seps == QLatin1String(".::.")) {
        d = nums[0], h = nums[1], m = nums[2], s = nums[3], f = nums[4], fDigits = digitCounts[4];
    } else if (seps == QLatin1String(":::")) {
        d = nums[0], h = nums[1], m = nums[2], s = nums[3];
    } else if (seps == QLatin1String(":::.")) {
        d = nums[0], h = nums[1], m = nums[2], s = nums[3], f = nums[4], fDigits = digitCounts[4];
    } else {
        return badParse(text);
    }
    if (h > 23 || m > 59 || s > 59 || fDigits > 7 || d > 10675199)
        return DotNetError::overflow(
            QCoreApplication::translate(
                "DotNet",
                "The TimeSpan string '%1' could not be parsed because at least one of the numeric components "
                "is out of range or contains too many digits.")
                .arg(text));
    while (fDigits < 7 && fDigits > 0) {
        f *= 10;
        ++fDigits;
    }
    const qint64 ticks = d * TicksPerDay + h * TicksPerHour + m * TicksPerMinute + s * TicksPerSecond + f;
    return DotNetTimeSpan(negative ? -ticks : ticks);
}

} // namespace sluice::dotnet
