#include "DotNetFormat.h"

#include "DotNetDouble.h"
#include "DotNetNumberFormat.h"

#include <QRegularExpression>

#include <cmath>
#include <limits>

namespace sluice::dotnet {

FormatArg FormatArg::string(const QString &value)
{
    FormatArg a;
    a.kind = value.isNull() ? Kind::Null : Kind::String;
    a.text = value;
    return a;
}

FormatArg FormatArg::boolean(bool value)
{
    FormatArg a;
    a.kind = Kind::Bool;
    a.integer = value ? 1 : 0;
    return a;
}

FormatArg FormatArg::int32(int value)
{
    FormatArg a;
    a.kind = Kind::Int32;
    a.integer = value;
    return a;
}

FormatArg FormatArg::int64(qint64 value)
{
    FormatArg a;
    a.kind = Kind::Int64;
    a.integer = value;
    return a;
}

FormatArg FormatArg::real(double value)
{
    FormatArg a;
    a.kind = Kind::Double;
    a.number = value;
    return a;
}

FormatArg FormatArg::date(const DotNetDateTime &value)
{
    FormatArg a;
    a.kind = Kind::DateTime;
    a.dateTime = value;
    return a;
}

FormatArg FormatArg::dateOffset(const DotNetDateTimeOffset &value)
{
    FormatArg a;
    a.kind = Kind::DateTimeOffset;
    a.dateTimeOffset = value;
    return a;
}

FormatArg FormatArg::span(const DotNetTimeSpan &value)
{
    FormatArg a;
    a.kind = Kind::TimeSpan;
    a.timeSpan = value;
    return a;
}

DotNetResult<QString> DotNetFormat::toString(const FormatArg &value, const QString &format)
{
    switch (value.kind) {
    case FormatArg::Kind::Null:
        return QString(QLatin1String(""));
    case FormatArg::Kind::String:
        return value.text;
    case FormatArg::Kind::Bool:
        return value.integer ? QStringLiteral("True") : QStringLiteral("False");
    case FormatArg::Kind::Int32:
        return DotNetNumberFormat::formatInteger(value.integer, format, true);
    case FormatArg::Kind::Int64:
        return DotNetNumberFormat::formatInteger(value.integer, format, false);
    case FormatArg::Kind::Double:
        return DotNetNumberFormat::formatDouble(value.number, format);
    case FormatArg::Kind::DateTime:
        return format.isEmpty() ? DotNetResult<QString>(value.dateTime.toString()) : value.dateTime.toString(format);
    case FormatArg::Kind::DateTimeOffset:
        return format.isEmpty() ? DotNetResult<QString>(value.dateTimeOffset.toString())
                                : value.dateTimeOffset.toString(format);
    case FormatArg::Kind::TimeSpan:
        return format.isEmpty() ? DotNetResult<QString>(value.timeSpan.toString()) : value.timeSpan.toString(format);
    }
    return QString();
}

DotNetResult<QString> DotNetFormat::format(const QString &format, const QList<FormatArg> &args)
{
    if (format.isNull())
        return DotNetError::argumentNull(QStringLiteral("format"));
    QString out;
    out.reserve(format.size() + 16 * args.size());
    const qsizetype n = format.size();
    for (qsizetype i = 0; i < n; ++i) {
        const QChar c = format.at(i);
        if (c == u'}') {
            if (i + 1 < n && format.at(i + 1) == u'}') {
                out += c;
                ++i;
                continue;
            }
            return DotNetError::badFormat();
        }
        if (c != u'{') {
            out += c;
            continue;
        }
        if (i + 1 < n && format.at(i + 1) == u'{') {
            out += c;
            ++i;
            continue;
        }
        // {index[,alignment][:format]}
        qsizetype j = i + 1;
        qint64 index = 0;
        const qsizetype digitsStart = j;
        while (j < n && format.at(j).unicode() >= u'0' && format.at(j).unicode() <= u'9') {
            index = index * 10 + (format.at(j).unicode() - u'0');
            if (index > 1000000)
                return DotNetError::badFormat();
            ++j;
        }
        if (j == digitsStart)
            return DotNetError::badFormat();
        while (j < n && format.at(j) == u' ')
            ++j;
        int alignment = 0;
        if (j < n && format.at(j) == u',') {
            ++j;
            while (j < n && format.at(j) == u' ')
                ++j;
            bool negative = false;
            if (j < n && format.at(j) == u'-') {
                negative = true;
                ++j;
            }
            const qsizetype alignStart = j;
            while (j < n && format.at(j).isDigit()) {
                alignment = alignment * 10 + (format.at(j).unicode() - u'0');
                if (alignment > 1000000)
                    return DotNetError::badFormat();
                ++j;
            }
            if (j == alignStart)
                return DotNetError::badFormat();
            if (negative)
                alignment = -alignment;
            while (j < n && format.at(j) == u' ')
                ++j;
        }
        QString itemFormat;
        if (j < n && format.at(j) == u':') {
            ++j;
            while (j < n && format.at(j) != u'}') {
                if (format.at(j) == u'{')
                    return DotNetError::badFormat();
                itemFormat += format.at(j++);
            }
        }
        if (j >= n || format.at(j) != u'}')
            return DotNetError::badFormat();
        if (index >= args.size())
            return DotNetError::format(QCoreApplication::translate(
                "DotNet",
                "Index (zero based) must be greater than or equal to zero and less than the size of the "
                "argument list."));
        const auto text = toString(args.at(index), itemFormat);
        if (!text)
            return text;
        const QString &value = *text;
        if (alignment > 0 && value.size() < alignment)
            out += QString(alignment - value.size(), QLatin1Char(' '));
        out += value;
        if (alignment < 0 && value.size() < -alignment)
            out += QString(-alignment - value.size(), QLatin1Char(' '));
        i = j;
    }
    return out;
}

namespace {

bool isNetWhite(QChar c)
{
    return c == u' ' || c == u'\t' || c == u'\n' || c == u'\v' || c == u'\f' || c == u'\r';
}

QStringView trimNet(QStringView s)
{
    while (!s.isEmpty() && (isNetWhite(s.front()) || s.front() == QChar(0)))
        s = s.mid(1);
    while (!s.isEmpty() && (isNetWhite(s.back()) || s.back() == QChar(0)))
        s.chop(1);
    return s;
}

DotNetResult<qint64> parseInteger(const QString &text, qint64 min, qint64 max, const char *typeName)
{
    if (text.isNull())
        return DotNetError::argumentNull(QStringLiteral("s"));
    QStringView s = trimNet(text);
    bool negative = false;
    if (!s.isEmpty() && (s.front() == u'-' || s.front() == u'+')) {
        negative = s.front() == u'-';
        s = s.mid(1);
    }
    if (s.isEmpty())
        return DotNetError::badFormat();
    quint64 value = 0;
    bool overflow = false;
    for (QChar c : s) {
        if (c.unicode() < u'0' || c.unicode() > u'9')
            return DotNetError::badFormat();
        if (value > (std::numeric_limits<quint64>::max() - 9) / 10)
            overflow = true;
        else
            value = value * 10 + (c.unicode() - u'0');
    }
    const quint64 limit = negative ? quint64(0) - quint64(min) : quint64(max);
    if (overflow || value > limit)
        return DotNetError::overflow(
            QCoreApplication::translate("DotNet", "Value was either too large or too small for an %1.")
                .arg(QLatin1String(typeName)));
    return negative ? qint64(quint64(0) - value) : qint64(value);
}

} // namespace

DotNetResult<int> DotNetFormat::parseInt32(const QString &text)
{
    const auto v = parseInteger(text, std::numeric_limits<int>::min(), std::numeric_limits<int>::max(), "Int32");
    if (!v)
        return v.error();
    return int(*v);
}

DotNetResult<qint64> DotNetFormat::parseInt64(const QString &text)
{
    return parseInteger(text, std::numeric_limits<qint64>::min(), std::numeric_limits<qint64>::max(), "Int64");
}

DotNetResult<double> DotNetFormat::parseDouble(const QString &text)
{
    if (text.isNull())
        return DotNetError::argumentNull(QStringLiteral("s"));
    const QString s = trimNet(text).toString();
    if (s == QLatin1String("NaN"))
        return std::nan("");
    if (s == QLatin1String("Infinity") || s == QLatin1String("+Infinity") || s == QStringLiteral("\u221e"))
        return HUGE_VAL;
    if (s == QLatin1String("-Infinity") || s == QStringLiteral("-\u221e"))
        return -HUGE_VAL;
    static const QRegularExpression grammar(
        QStringLiteral(R"(^[+-]?(?:(?:\d[\d,]*)(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$)"));
    if (!grammar.match(s).hasMatch())
        return DotNetError::badFormat();
    QString plain = s;
    plain.remove(QLatin1Char(','));
    bool ok = false;
    const double v = plain.toDouble(&ok);
    if (!ok) {
        // Overflow: .NET Core 3.0+ gives infinity; underflow gives zero.
        return plain.contains(QLatin1Char('e'), Qt::CaseInsensitive)
                && plain.contains(QLatin1String("e-"), Qt::CaseInsensitive)
            ? 0.0
            : (plain.startsWith(QLatin1Char('-')) ? -HUGE_VAL : HUGE_VAL);
    }
    return v;
}

DotNetResult<bool> DotNetFormat::parseBoolean(const QString &text)
{
    if (text.isNull())
        return DotNetError::argumentNull(QStringLiteral("value"));
    const QStringView s = trimNet(text);
    if (s.compare(QLatin1String("True"), Qt::CaseInsensitive) == 0)
        return true;
    if (s.compare(QLatin1String("False"), Qt::CaseInsensitive) == 0)
        return false;
    return DotNetError::format(
        QCoreApplication::translate("DotNet", "String '%1' was not recognized as a valid Boolean.").arg(text));
}

std::optional<int> DotNetFormat::tryParseInt32(const QString &text)
{
    const auto v = parseInt32(text);
    return v ? std::optional<int>(*v) : std::nullopt;
}

std::optional<qint64> DotNetFormat::tryParseInt64(const QString &text)
{
    const auto v = parseInt64(text);
    return v ? std::optional<qint64>(*v) : std::nullopt;
}

std::optional<double> DotNetFormat::tryParseDouble(const QString &text)
{
    const auto v = parseDouble(text);
    return v ? std::optional<double>(*v) : std::nullopt;
}

std::optional<bool> DotNetFormat::tryParseBoolean(const QString &text)
{
    const auto v = parseBoolean(text);
    return v ? std::optional<bool>(*v) : std::nullopt;
}

} // namespace sluice::dotnet
