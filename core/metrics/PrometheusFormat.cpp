#include "PrometheusFormat.h"

#include <charconv>
#include <cmath>

namespace sluice::prometheus {

namespace {

bool isNameStart(QChar c, bool allowColon)
{
    const char16_t u = c.unicode();
    return (u >= u'a' && u <= u'z') || (u >= u'A' && u <= u'Z') || u == u'_'
        || (allowColon && u == u':');
}

bool isNameChar(QChar c, bool allowColon)
{
    const char16_t u = c.unicode();
    return isNameStart(c, allowColon) || (u >= u'0' && u <= u'9');
}

bool isValidName(const QString &name, bool allowColon)
{
    if (name.isEmpty() || !isNameStart(name.front(), allowColon))
        return false;
    for (const QChar c : name) {
        if (!isNameChar(c, allowColon))
            return false;
    }
    return true;
}

QByteArray escape(const QString &text, bool escapeQuote)
{
    const QByteArray utf8 = text.toUtf8();
    QByteArray out;
    out.reserve(utf8.size() + 8);
    for (const char c : utf8) {
        switch (c) {
        case '\\':
            out.append("\\\\", 2);
            break;
        case '\n':
            out.append("\\n", 2);
            break;
        case '"':
            if (escapeQuote)
                out.append("\\\"", 2);
            else
                out.append(c);
            break;
        default:
            out.append(c);
        }
    }
    return out;
}

} // namespace

QByteArray escapeLabelValue(const QString &value) { return escape(value, true); }

QByteArray escapeHelp(const QString &help) { return escape(help, false); }

QByteArray formatValue(double value)
{
    if (std::isnan(value))
        return QByteArrayLiteral("NaN");
    if (std::isinf(value))
        return value > 0 ? QByteArrayLiteral("+Inf") : QByteArrayLiteral("-Inf");
    constexpr double exactIntegers = 9007199254740992.0; // 2^53
    if (value == std::trunc(value) && std::fabs(value) < exactIntegers)
        return QByteArray::number(static_cast<qint64>(value));
    // Shortest digits that read back exactly, in printf's %g layout ("0.0005",
    // "1e-07"), as Prometheus' own Go clients write them.
    char buffer[32];
    const auto result = std::to_chars(buffer, buffer + sizeof buffer, value, std::chars_format::general);
    return QByteArray(buffer, static_cast<qsizetype>(result.ptr - buffer));
}

QByteArray typeName(MetricType type)
{
    switch (type) {
    case MetricType::Counter:
        return QByteArrayLiteral("counter");
    case MetricType::Gauge:
        return QByteArrayLiteral("gauge");
    case MetricType::Histogram:
        return QByteArrayLiteral("histogram");
    }
    return QByteArrayLiteral("untyped");
}

bool isValidMetricName(const QString &name) { return isValidName(name, true); }

bool isValidLabelName(const QString &name)
{
    return isValidName(name, false) && !name.startsWith(QLatin1String("__"));
}

} // namespace sluice::prometheus
