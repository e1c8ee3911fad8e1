#include "DotNetDateFormat.h"

#include "DotNetClock.h"

#include <QRegularExpression>

namespace sluice::dotnet {

namespace {

const char *const kDays[] = {"Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"};
const char *const kMonths[] = {"January", "February", "March",     "April",   "May",      "June",
                               "July",    "August",   "September", "October", "November", "December"};

QString pad(qint64 value, int digits)
{
    return QString::number(value).rightJustified(digits, QLatin1Char('0'));
}

QString offsetText(int minutes, int tokenLength)
{
    const QChar sign = minutes < 0 ? QLatin1Char('-') : QLatin1Char('+');
    const int abs = minutes < 0 ? -minutes : minutes;
    if (tokenLength <= 1)
        return sign + QString::number(abs / 60);
    if (tokenLength == 2)
        return sign + pad(abs / 60, 2);
    return sign + pad(abs / 60, 2) + QLatin1Char(':') + pad(abs % 60, 2);
}

QString expandStandard(QChar c, bool *toUtc, bool isOffset, bool *invalid)
{
    *toUtc = false;
    switch (c.unicode()) {
    case u'd':
        return QStringLiteral("MM/dd/yyyy");
    case u'D':
        return QStringLiteral("dddd, dd MMMM yyyy");
    case u'f':
        return QStringLiteral("dddd, dd MMMM yyyy HH:mm");
    case u'F':
        return QStringLiteral("dddd, dd MMMM yyyy HH:mm:ss");
    case u'g':
        return QStringLiteral("MM/dd/yyyy HH:mm");
    case u'G':
        return QStringLiteral("MM/dd/yyyy HH:mm:ss");
    case u'm':
    case u'M':
        return QStringLiteral("MMMM dd");
    case u'o':
    case u'O':
        return QStringLiteral("yyyy'-'MM'-'dd'T'HH':'mm':'ss'.'fffffffK");
    case u'r':
    case u'R':
        *toUtc = isOffset;
        return QStringLiteral("ddd, dd MMM yyyy HH':'mm':'ss 'GMT'");
    case u's':
        return QStringLiteral("yyyy'-'MM'-'dd'T'HH':'mm':'ss");
    case u't':
        return QStringLiteral("HH:mm");
    case u'T':
        return QStringLiteral("HH:mm:ss");
    case u'u':
        *toUtc = isOffset;
        return QStringLiteral("yyyy'-'MM'-'dd HH':'mm':'ss'Z'");
    case u'U':
        if (isOffset)
            break;
        *toUtc = true;
        return QStringLiteral("dddd, dd MMMM yyyy HH:mm:ss");
    case u'y':
    case u'Y':
        return QStringLiteral("yyyy MMMM");
    default:
        break;
    }
    *invalid = true;
    return {};
}

DotNetError quoteError(QChar quote)
{
    return DotNetError::format(
        QCoreApplication::translate("DotNet", "Cannot find a matching quote character for the character '%1'.")
            .arg(quote));
}

int localOffsetFor(const DotNetDateFormat::Value &v)
{
    if (v.isOffset)
        return v.offsetMinutes;
    if (v.kind == DateTimeKind::Utc)
        return 0;
    return DotNetClock::current().localOffsetMinutesAtLocal(v.clockTicks);
}

} // namespace

QString DotNetDateFormat::dayName(int dayOfWeek, bool abbreviated)
{
    const QString name = QLatin1String(kDays[dayOfWeek % 7]);
    return abbreviated ? name.left(3) : name;
}

QString DotNetDateFormat::monthName(int month, bool abbreviated)
{
    const QString name = QLatin1String(kMonths[(month - 1) % 12]);
    return abbreviated ? name.left(3) : name;
}

DotNetResult<QString> DotNetDateFormat::format(const Value &input, const QString &formatText)
{
    Value v = input;
    QString fmt = formatText;
    if (fmt.isEmpty())
        fmt = v.isOffset ? QStringLiteral("MM/dd/yyyy HH:mm:ss zzz") : QStringLiteral("G");
    if (fmt.size() == 1) {
        bool toUtc = false;
        bool invalid = false;
        fmt = expandStandard(fmt.at(0), &toUtc, v.isOffset, &invalid);
        if (invalid)
            return DotNetError::badFormat();
        if (toUtc) {
            if (v.isOffset) {
                v.clockTicks -= qint64(v.offsetMinutes) * DotNetTimeSpan::TicksPerMinute;
                v.offsetMinutes = 0;
            } else {
                const DotNetDateTime utc = DotNetDateTime(v.clockTicks, v.kind).toUniversalTime();
                v.clockTicks = utc.ticks();
                v.kind = DateTimeKind::Utc;
            }
        }
    }

    const DotNetDateTime dt(v.clockTicks, v.kind);
    int year = 0, month = 0, day = 0;
    DotNetDateTime::civil(v.clockTicks, &year, &month, &day);
    const qint64 fraction = v.clockTicks % DotNetTimeSpan::TicksPerSecond;

    QString out;
    out.reserve(fmt.size() + 16);
    const qsizetype n = fmt.size();
    for (qsizetype i = 0; i < n;) {
        const QChar c = fmt.at(i);
        qsizetype run = 1;
        while (i + run < n && fmt.at(i + run) == c)
            ++run;
        const int len = int(run);
        switch (c.unicode()) {
        case u'd':
            if (len <= 2)
                out += len == 1 ? QString::number(day) : pad(day, 2);
            else
                out += dayName(int(dt.dayOfWeek()), len == 3);
            break;
        case u'M':
            if (len <= 2)
                out += len == 1 ? QString::number(month) : pad(month, 2);
            else
                out += monthName(month, len == 3);
            break;
        case u'y':
            if (len <= 2)
                out += len == 1 ? QString::number(year % 100) : pad(year % 100, 2);
            else
                out += pad(year, len);
            break;
        case u'h': {
            const int h12 = dt.hour() % 12 == 0 ? 12 : dt.hour() % 12;
            out += len == 1 ? QString::number(h12) : pad(h12, 2);
            break;
        }
        case u'H':
            out += len == 1 ? QString::number(dt.hour()) : pad(dt.hour(), 2);
            break;
        case u'm':
            out += len == 1 ? QString::number(dt.minute()) : pad(dt.minute(), 2);
            break;
        case u's':
            out += len == 1 ? QString::number(dt.second()) : pad(dt.second(), 2);
            break;
        case u'f':
        case u'F': {
            if (len > 7)
                return DotNetError::badFormat();
            QString digits = pad(fraction, 7).left(len);
            if (c == u'F') {
                while (digits.endsWith(QLatin1Char('0')))
                    digits.chop(1);
                if (digits.isEmpty() && out.endsWith(QLatin1Char('.')))
                    out.chop(1);
            }
            out += digits;
            break;
        }
        case u't': {
            const QString designator = dt.hour() < 12 ? QStringLiteral("AM") : QStringLiteral("PM");
            out += len == 1 ? designator.left(1) : designator;
            break;
        }
        case u'g':
            out += QLatin1String("A.D.");
            break;
        case u'z':
            out += offsetText(localOffsetFor(v), len);
            break;
        case u'K':
            for (int k = 0; k < len; ++k) {
                if (v.isOffset || v.kind == DateTimeKind::Local)
                    out += offsetText(localOffsetFor(v), 3);
                else if (v.kind == DateTimeKind::Utc)
                    out += QLatin1Char('Z');
            }
            break;
        case u':':
        case u'/':
            out += QString(run, c);
            break;
        case u'\'':
        case u'"': {
            qsizetype j = i + 1;
            bool closed = false;
            while (j < n) {
                if (fmt.at(j) == u'\\' && j + 1 < n) {
                    out += fmt.at(j + 1);
                    j += 2;
                    continue;
                }
                if (fmt.at(j) == c) {
                    closed = true;
                    break;
                }
                out += fmt.at(j++);
            }
            if (!closed)
                return quoteError(c);
            i = j + 1;
            continue;
        }
        case u'%':
            // "%d": the next character alone is a custom specifier.
            if (i + 1 >= n || fmt.at(i + 1) == u'%')
                return DotNetError::badFormat();
            {
                const qsizetype next = i + 1;
                const QChar single = fmt.at(next);
                auto one = format(input, QStringLiteral("%1 ").arg(single));
                if (!one)
                    return one;
                QString text = *one;
                text.chop(1);
                out += text;
                i = next + 1;
            }
            continue;
        case u'\\':
            if (i + 1 >= n)
                return DotNetError::badFormat();
            out += fmt.at(i + 1);
            i += 2;
            continue;
        default:
            out += QString(run, c);
            break;
        }
        i += run;
    }
    return out;
}

namespace {

int twoDigitYear(int yy)
{
    return yy <= 49 ? 2000 + yy : 1900 + yy;
}

int monthFromName(const QString &name)
{
    for (int m = 1; m <= 12; ++m) {
        const QString full = QLatin1String(kMonths[m - 1]);
        if (name.compare(full, Qt::CaseInsensitive) == 0 || name.compare(full.left(3), Qt::CaseInsensitive) == 0)
            return m;
    }
    return 0;
}

std::optional<int> zoneMinutes(const QString &zone, bool *has)
{
    *has = !zone.isEmpty();
    if (zone.isEmpty() || zone.compare(QLatin1String("Z"), Qt::CaseInsensitive) == 0
        || zone.compare(QLatin1String("GMT"), Qt::CaseInsensitive) == 0
        || zone.compare(QLatin1String("UTC"), Qt::CaseInsensitive) == 0)
        return 0;
    QString digits = zone.mid(1);
    digits.remove(QLatin1Char(':'));
    if (digits.size() != 2 && digits.size() != 4)
        return std::nullopt;
    const int h = digits.left(2).toInt();
    const int m = digits.size() == 4 ? digits.mid(2).toInt() : 0;
    if (h > 14 || m > 59)
        return std::nullopt;
    return (zone.at(0) == u'-' ? -1 : 1) * (h * 60 + m);
}

std::optional<DotNetDateFormat::Parsed> assemble(int year, int month, int day, int hour, int minute, int second,
                                                 const QString &fraction, const QString &ampm, const QString &zone)
{
    if (!ampm.isEmpty()) {
        if (hour < 1 || hour > 12)
            return std::nullopt;
        const bool pm = ampm.startsWith(QLatin1Char('P'), Qt::CaseInsensitive);
        hour = hour % 12 + (pm ? 12 : 0);
    }
    if (month < 1 || month > 12 || day < 1 || day > DotNetDateTime::daysInMonth(year, month) || year < 1 || year > 9999
        || hour > 23 || minute > 59 || second > 59 || fraction.size() > 7)
        return std::nullopt;
    bool hasZone = false;
    const auto offset = zoneMinutes(zone, &hasZone);
    if (!offset)
        return std::nullopt;
    qint64 ticks = DotNetDateTime::daysFromCivil(year, month, day) * DotNetTimeSpan::TicksPerDay
        + hour * DotNetTimeSpan::TicksPerHour + minute * DotNetTimeSpan::TicksPerMinute
        + second * DotNetTimeSpan::TicksPerSecond;
    if (!fraction.isEmpty())
        ticks += fraction.leftJustified(7, QLatin1Char('0')).toLongLong();
    return DotNetDateFormat::Parsed {ticks, hasZone, *offset};
}

} // namespace

std::optional<DotNetDateFormat::Parsed> DotNetDateFormat::parse(const QString &input)
{
    const QString text = input.trimmed();
    static const QString time = QStringLiteral(R"((?:[T ]\s*(\d{1,2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,7}))?)?)"
                                               R"(\s*([AaPp][Mm])?)?\s*(Z|GMT|UTC|[+-]\d{2}(?::?\d{2})?)?)");
    static const QRegularExpression iso(QStringLiteral(R"(^(\d{4})[-/](\d{1,2})[-/](\d{1,2}))") + time
                                        + QLatin1Char('$'));
    static const QRegularExpression us(QStringLiteral(R"(^(\d{1,2})/(\d{1,2})/(\d{2}|\d{4}))") + time
                                       + QLatin1Char('$'));
    static const QRegularExpression named(
        QStringLiteral(R"(^(?:[A-Za-z]+,?\s+)?(?:(\d{1,2})\s+([A-Za-z]+)|([A-Za-z]+)\s+(\d{1,2}),?)\s+(\d{4}))") + time
        + QLatin1Char('$'));
    static const QRegularExpression timeOnly(
        QStringLiteral(R"(^(\d{1,2}):(\d{2})(?::(\d{2})(?:\.(\d{1,7}))?)?\s*([AaPp][Mm])?$)"));

    auto timeParts = [](const QRegularExpressionMatch &m, int first, int *h, int *mi, int *s) {
        *h = m.captured(first).toInt();
        *mi = m.captured(first + 1).toInt();
        *s = m.captured(first + 2).toInt();
    };
    int h = 0, mi = 0, s = 0;
    if (const auto m = iso.match(text); m.hasMatch()) {
        timeParts(m, 4, &h, &mi, &s);
        return assemble(m.captured(1).toInt(), m.captured(2).toInt(), m.captured(3).toInt(), h, mi, s, m.captured(7),
                        m.captured(8), m.captured(9));
    }
    if (const auto m = us.match(text); m.hasMatch()) {
        timeParts(m, 4, &h, &mi, &s);
        int year = m.captured(3).toInt();
        if (m.captured(3).size() == 2)
            year = twoDigitYear(year);
        return assemble(year, m.captured(1).toInt(), m.captured(2).toInt(), h, mi, s, m.captured(7), m.captured(8),
                        m.captured(9));
    }
    if (const auto m = named.match(text); m.hasMatch()) {
        timeParts(m, 6, &h, &mi, &s);
        const bool dayFirst = !m.captured(1).isEmpty();
        const int month = monthFromName(dayFirst ? m.captured(2) : m.captured(3));
        const int day = (dayFirst ? m.captured(1) : m.captured(4)).toInt();
        if (month == 0)
            return std::nullopt;
        return assemble(m.captured(5).toInt(), month, day, h, mi, s, m.captured(9), m.captured(10), m.captured(11));
    }
    if (const auto m = timeOnly.match(text); m.hasMatch()) {
        const DotNetDateTime today = DotNetDateTime::today();
        return assemble(today.year(), today.month(), today.day(), m.captured(1).toInt(), m.captured(2).toInt(),
                        m.captured(3).toInt(), m.captured(4), m.captured(5), QString());
    }
    return std::nullopt;
}

std::optional<DotNetDateFormat::Parsed> DotNetDateFormat::parseExact(const QString &text, const QString &formatText)
{
    QString fmt = formatText;
    if (fmt.size() == 1) {
        bool toUtc = false;
        bool invalid = false;
        fmt = expandStandard(fmt.at(0), &toUtc, false, &invalid);
        if (invalid)
            return std::nullopt;
    }
    int year = 1, month = 1, day = 1, hour = 0, minute = 0, second = 0;
    QString fraction, ampm, zone;
    qsizetype p = 0;
    auto digits = [&](int minDigits, int maxDigits, int *out) {
        qsizetype k = 0;
        int value = 0;
        while (k < maxDigits && p + k < text.size() && text.at(p + k).unicode() >= u'0'
               && text.at(p + k).unicode() <= u'9') {
            value = value * 10 + (text.at(p + k).unicode() - u'0');
            ++k;
        }
        if (k < minDigits)
            return false;
        p += k;
        *out = value;
        return true;
    };
    auto word = [&]() {
        qsizetype k = p;
        while (k < text.size() && text.at(k).isLetter())
            ++k;
        const QString w = text.mid(p, k - p);
        p = k;
        return w;
    };
    const qsizetype n = fmt.size();
    for (qsizetype i = 0; i < n;) {
        const QChar c = fmt.at(i);
        qsizetype run = 1;
        while (i + run < n && fmt.at(i + run) == c)
            ++run;
        const int len = int(run);
        bool ok = true;
        int ignored = 0;
        switch (c.unicode()) {
        case u'y':
            ok = len <= 2 ? digits(len, 2, &year) : digits(len, qMax(len, 4), &year);
            if (ok && len <= 2)
                year = twoDigitYear(year);
            break;
        case u'M':
            if (len <= 2) {
                ok = digits(len, 2, &month);
            } else {
                month = monthFromName(word());
                ok = month != 0;
            }
            break;
        case u'd':
            if (len <= 2)
                ok = digits(len, 2, &day);
            else
                ok = !word().isEmpty();
            break;
        case u'H':
        case u'h':
            ok = digits(len, 2, &hour);
            break;
        case u'm':
            ok = digits(len, 2, &minute);
            break;
        case u's':
            ok = digits(len, 2, &second);
            break;
        case u'f':
        case u'F': {
            const qsizetype start = p;
            ok = digits(c == u'f' ? len : 0, len, &ignored) && len <= 7;
            fraction = text.mid(start, p - start);
            break;
        }
        case u't': {
            ampm = text.mid(p, len == 1 ? 1 : 2);
            p += ampm.size();
            ok = ampm.startsWith(QLatin1Char('A'), Qt::CaseInsensitive)
                || ampm.startsWith(QLatin1Char('P'), Qt::CaseInsensitive);
            break;
        }
        case u'z':
        case u'K': {
            if (p < text.size() && (text.at(p) == u'Z' || text.at(p) == u'z')) {
                zone = QStringLiteral("Z");
                ++p;
            } else if (p < text.size() && (text.at(p) == u'+' || text.at(p) == u'-')) {
                qsizetype k = p + 1;
                while (k < text.size() && (text.at(k).isDigit() || text.at(k) == u':'))
                    ++k;
                zone = text.mid(p, k - p);
                if (zone.size() == 2)
                    zone = zone.left(1) + QLatin1Char('0') + zone.mid(1);
                p = k;
            } else {
                ok = c == u'K';
            }
            break;
        }
        case u'\'':
        case u'"': {
            const qsizetype end = fmt.indexOf(c, i + 1);
            if (end < 0)
                return std::nullopt;
            const QString literal = fmt.mid(i + 1, end - i - 1);
            ok = QStringView(text).mid(p).startsWith(literal);
            p += literal.size();
            i = end + 1;
            if (!ok)
                return std::nullopt;
            continue;
        }
        case u'\\':
            if (i + 1 >= n || p >= text.size() || text.at(p) != fmt.at(i + 1))
                return std::nullopt;
            ++p;
            i += 2;
            continue;
        case u'%':
            ++i;
            continue;
        default:
            for (qsizetype k = 0; k < run; ++k) {
                if (p >= text.size() || text.at(p) != c)
                    return std::nullopt;
                ++p;
            }
            break;
        }
        if (!ok)
            return std::nullopt;
        i += run;
    }
    if (p != text.size())
        return std::nullopt;
    return assemble(year, month, day, hour, minute, second, fraction, ampm, zone);
}

} // namespace sluice::dotnet
