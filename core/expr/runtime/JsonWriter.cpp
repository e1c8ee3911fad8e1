#include "JsonToken.h"

#include "DotNetClock.h"
#include "DotNetDouble.h"

#include <cmath>

namespace sluice::dotnet {

// Newtonsoft's JsonTextWriter output for a token tree.
class JsonWriter
{
public:
    JsonWriter(bool indented, QString newline)
        : m_indented(indented)
        , m_newline(std::move(newline))
    { }

    void write(const JsonToken &token, int level)
    {
        switch (token.m_type) {
        case JTokenType::Object:
            container(token, level, u'{', u'}');
            return;
        case JTokenType::Array:
            container(token, level, u'[', u']');
            return;
        case JTokenType::Property:
            appendQuoted(token.m_name);
            out += m_indented ? QLatin1String(": ") : QLatin1String(":");
            write(*token.propertyValue(), level);
            return;
        default:
            value(token);
            return;
        }
    }

    void appendQuoted(const QString &text)
    {
        out += QLatin1Char('"');
        for (QChar c : text) {
            const char16_t u = c.unicode();
            switch (u) {
            case u'"':
                out += QLatin1String("\\\"");
                break;
            case u'\\':
                out += QLatin1String("\\\\");
                break;
            case u'\n':
                out += QLatin1String("\\n");
                break;
            case u'\r':
                out += QLatin1String("\\r");
                break;
            case u'\t':
                out += QLatin1String("\\t");
                break;
            case u'\b':
                out += QLatin1String("\\b");
                break;
            case u'\f':
                out += QLatin1String("\\f");
                break;
            default:
                if (u < 0x20 || u == 0x85 || u == 0x2028 || u == 0x2029)
                    out += QLatin1String("\\u") + QString::number(u, 16).rightJustified(4, QLatin1Char('0'));
                else
                    out += c;
            }
        }
        out += QLatin1Char('"');
    }

    QString out;

private:
    void newlineIndent(int level)
    {
        out += m_newline;
        out += QString(level * 2, QLatin1Char(' '));
    }

    void container(const JsonToken &token, int level, char16_t open, char16_t close)
    {
        out += QChar(open);
        if (token.m_children.isEmpty()) {
            out += QChar(close);
            return;
        }
        bool first = true;
        for (const JsonToken::Ptr &child : token.m_children) {
            if (!first)
                out += QLatin1Char(',');
            first = false;
            if (m_indented)
                newlineIndent(level + 1);
            write(*child, level + 1);
        }
        if (m_indented)
            newlineIndent(level);
        out += QChar(close);
    }

    void value(const JsonToken &token)
    {
        switch (token.m_type) {
        case JTokenType::Null:
            out += QLatin1String("null");
            return;
        case JTokenType::Undefined:
            out += QLatin1String("undefined");
            return;
        case JTokenType::Boolean:
            out += token.boolValue() ? QLatin1String("true") : QLatin1String("false");
            return;
        case JTokenType::Integer:
            out += QString::number(token.integerValue());
            return;
        case JTokenType::Float: {
            const double v = token.floatValue();
            QString text = dotNetDoubleToString(v);
            if (std::isnan(v) || std::isinf(v)) {
                out += QLatin1Char('"') + text + QLatin1Char('"');
                return;
            }
            if (!text.contains(QLatin1Char('.')) && !text.contains(QLatin1Char('E')))
                text += QLatin1String(".0");
            out += text;
            return;
        }
        case JTokenType::Date: {
            const DotNetDateTime d = token.dateValue();
            QString text = *d.toString(QStringLiteral("yyyy'-'MM'-'dd'T'HH':'mm':'ss.FFFFFFF"));
            if (d.kind() == DateTimeKind::Utc)
                text += QLatin1Char('Z');
            else if (d.kind() == DateTimeKind::Local)
                text += *d.toString(QStringLiteral("%K"));
            out += QLatin1Char('"') + text + QLatin1Char('"');
            return;
        }
        default:
            appendQuoted(token.stringValue());
            return;
        }
    }

    bool m_indented;
    QString m_newline;
};

QString JsonToken::toString(JsonFormatting formatting) const
{
    JsonWriter writer(formatting == JsonFormatting::Indented, newline());
    writer.write(*this, 0);
    return writer.out;
}

QString JsonToken::quote(const QString &text)
{
    JsonWriter writer(false, QString());
    writer.appendQuoted(text);
    return writer.out;
}

} // namespace sluice::dotnet
