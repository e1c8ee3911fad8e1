#include "JsonToken.h"

#include <QRegularExpression>

#include <cmath>

namespace sluice::dotnet {

// Newtonsoft JsonTextReader + JToken.ReadFrom, reduced to what JToken.Parse does
// with default settings.
class JsonParser
{
public:
    explicit JsonParser(const QString &text)
        : m_s(text)
    { }

    DotNetResult<JsonToken::Ptr> parseDocument(const char *what)
    {
        skip();
        if (m_i >= m_s.size())
            return fail0(what);
        JsonToken::Ptr root = value();
        if (m_error)
            return *m_error;
        skip();
        if (m_error)
            return *m_error;
        if (m_i < m_s.size()) {
            ++m_i;
            return fail(QCoreApplication::translate(
                            "DotNet", "Additional text encountered after finished reading JSON content: %1.")
                            .arg(m_s.at(m_i - 1)));
        }
        return root;
    }

private:
    DotNetError fail0(const char *what)
    {
        return {QStringLiteral("JsonReaderException"),
                QCoreApplication::translate("DotNet", "Error reading %1 from JsonReader. Path '', line 0, position 0.")
                    .arg(QLatin1String(what))};
    }

    DotNetError fail(const QString &message)
    {
        QString path;
        for (const QString &segment : std::as_const(m_path)) {
            if (segment.startsWith(QLatin1Char('[')) || path.isEmpty())
                path += segment;
            else
                path += QLatin1Char('.') + segment;
        }
        DotNetError e {QStringLiteral("JsonReaderException"),
                       QCoreApplication::translate("DotNet", "%1 Path '%2', line %3, position %4.")
                           .arg(message, path)
                           .arg(m_line)
                           .arg(m_i - m_lineStart)};
        if (!m_error)
            m_error = e;
        return e;
    }

    void skip()
    {
        while (m_i < m_s.size()) {
            const QChar c = m_s.at(m_i);
            if (c == u'\n') {
                ++m_i;
                ++m_line;
                m_lineStart = m_i;
            } else if (c == u' ' || c == u'\t' || c == u'\r' || c == QChar(0xFEFF)) {
                ++m_i;
            } else if (c == u'/' && m_i + 1 < m_s.size() && m_s.at(m_i + 1) == u'/') {
                while (m_i < m_s.size() && m_s.at(m_i) != u'\n')
                    ++m_i;
            } else if (c == u'/' && m_i + 1 < m_s.size() && m_s.at(m_i + 1) == u'*') {
                const qsizetype end = m_s.indexOf(QLatin1String("*/"), m_i + 2);
                if (end < 0) {
                    m_i = m_s.size();
                    fail(QCoreApplication::translate("DotNet", "Unexpected end while parsing comment."));
                    return;
                }
                for (qsizetype k = m_i; k < end; ++k)
                    if (m_s.at(k) == u'\n') {
                        ++m_line;
                        m_lineStart = k + 1;
                    }
                m_i = end + 2;
            } else {
                return;
            }
        }
    }

    JsonToken::Ptr value()
    {
        if (m_error)
            return nullptr;
        skip();
        if (m_i >= m_s.size()) {
            fail(QCoreApplication::translate("DotNet", "Unexpected end when reading JSON."));
            return nullptr;
        }
        const QChar c = m_s.at(m_i);
        if (c == u'{')
            return object();
        if (c == u'[')
            return array();
        if (c == u'"' || c == u'\'') {
            const QString text = string(c);
            if (m_error)
                return nullptr;
            return stringOrDate(text);
        }
        if (c == u'-' || c == u'+' || c == u'.' || c.isDigit() || c == u'N' || c == u'I')
            return number();
        if (literal(QLatin1String("true")))
            return JsonToken::createBool(true);
        if (literal(QLatin1String("false")))
            return JsonToken::createBool(false);
        if (literal(QLatin1String("null")))
            return JsonToken::createNull();
        if (literal(QLatin1String("undefined")))
            return JsonToken::createUndefined();
        ++m_i;
        fail(QCoreApplication::translate("DotNet", "Unexpected character encountered while parsing value: %1.").arg(c));
        return nullptr;
    }

    bool literal(QLatin1String word)
    {
        if (!QStringView(m_s).mid(m_i).startsWith(word))
            return false;
        const qsizetype end = m_i + word.size();
        if (end < m_s.size() && (m_s.at(end).isLetterOrNumber() || m_s.at(end) == u'_'))
            return false;
        m_i = end;
        return true;
    }

    static bool isDelimiter(QChar c)
    {
        return c == u',' || c == u'}' || c == u']' || c == u')' || c == u'/' || c.isSpace();
    }

    JsonToken::Ptr number()
    {
        const qsizetype start = m_i;
        while (m_i < m_s.size() && !isDelimiter(m_s.at(m_i)))
            ++m_i;
        const QString text = m_s.mid(start, m_i - start);
        if (text == QLatin1String("NaN"))
            return JsonToken::createFloat(std::nan(""));
        if (text == QLatin1String("Infinity"))
            return JsonToken::createFloat(HUGE_VAL);
        if (text == QLatin1String("-Infinity"))
            return JsonToken::createFloat(-HUGE_VAL);
        static const QRegularExpression grammar(QStringLiteral(R"(^-?(?:\d+)(\.\d+)?([eE][+-]?\d+)?$)"));
        const QRegularExpressionMatch m = grammar.match(text);
        if (!m.hasMatch()) {
            fail(QCoreApplication::translate("DotNet", "Input string '%1' is not a valid number.").arg(text));
            return nullptr;
        }
        if (m.capturedLength(1) == 0 && m.capturedLength(2) == 0) {
            bool ok = false;
            const qint64 v = text.toLongLong(&ok);
            if (ok)
                return JsonToken::createInteger(v);
        }
        return JsonToken::createFloat(text.toDouble());
    }

    QString string(QChar quote)
    {
        ++m_i;
        QString out;
        while (m_i < m_s.size()) {
            const QChar c = m_s.at(m_i++);
            if (c == quote)
                return out;
            if (c == u'\n') {
                ++m_line;
                m_lineStart = m_i;
            }
            if (c != u'\\') {
                out += c;
                continue;
            }
            if (m_i >= m_s.size())
                break;
            const QChar e = m_s.at(m_i++);
            switch (e.unicode()) {
            case u'"':
            case u'\'':
            case u'\\':
            case u'/':
                out += e;
                break;
            case u'b':
                out += u'\b';
                break;
            case u'f':
                out += u'\f';
                break;
            case u'n':
                out += u'\n';
                break;
            case u'r':
                out += u'\r';
                break;
            case u't':
                out += u'\t';
                break;
            case u'u': {
                bool ok = false;
                const ushort code = m_s.mid(m_i, 4).toUShort(&ok, 16);
                if (!ok || m_i + 4 > m_s.size()) {
                    fail(QCoreApplication::translate("DotNet", "Invalid Unicode escape sequence: \\u%1.")
                             .arg(m_s.mid(m_i, 4)));
                    return {};
                }
                out += QChar(code);
                m_i += 4;
                break;
            }
            default:
                fail(QCoreApplication::translate("DotNet", "Bad JSON escape sequence: \\%1.").arg(e));
                return {};
            }
        }
        m_i = m_s.size();
        fail(QCoreApplication::translate("DotNet", "Unterminated string. Expected delimiter: %1.").arg(quote));
        return {};
    }

    static JsonToken::Ptr stringOrDate(const QString &text)
    {
        // DateParseHandling.DateTime: ISO 8601 strings become Date values.
        if (text.size() >= 19 && text.size() <= 40 && text.at(0).isDigit() && text.at(10) == u'T') {
            static const QRegularExpression iso(QStringLiteral(
                R"(^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(?:\.(\d{1,7}))?(Z|[+-]\d{2}(?::?\d{2})?)?$)"));
            const QRegularExpressionMatch m = iso.match(text);
            if (m.hasMatch()) {
                auto dt = DotNetDateTime::create(m.captured(1).toInt(), m.captured(2).toInt(), m.captured(3).toInt(),
                                                 m.captured(4).toInt(), m.captured(5).toInt(), m.captured(6).toInt());
                if (dt) {
                    qint64 ticks = dt->ticks() + m.captured(7).leftJustified(7, QLatin1Char('0')).toLongLong();
                    const QString zone = m.captured(8);
                    if (zone.isEmpty())
                        return JsonToken::createDate(DotNetDateTime(ticks, DateTimeKind::Unspecified));
                    if (zone == QLatin1String("Z"))
                        return JsonToken::createDate(DotNetDateTime(ticks, DateTimeKind::Utc));
                    QString digits = zone.mid(1);
                    digits.remove(QLatin1Char(':'));
                    const int minutes = digits.left(2).toInt() * 60 + digits.mid(2).toInt();
                    ticks -= (zone.at(0) == u'-' ? -1 : 1) * qint64(minutes) * DotNetTimeSpan::TicksPerMinute;
                    if (ticks >= 0 && ticks <= DotNetDateTime::MaxTicks)
                        return JsonToken::createDate(DotNetDateTime(ticks, DateTimeKind::Utc).toLocalTime());
                }
            }
        }
        return JsonToken::createString(text);
    }

    QString propertyName()
    {
        const QChar c = m_s.at(m_i);
        if (c == u'"' || c == u'\'')
            return string(c);
        const qsizetype start = m_i;
        while (m_i < m_s.size() && (m_s.at(m_i).isLetterOrNumber() || m_s.at(m_i) == u'_' || m_s.at(m_i) == u'$'))
            ++m_i;
        if (m_i == start) {
            ++m_i;
            fail(QCoreApplication::translate("DotNet", "Invalid property identifier character: %1.").arg(c));
            return {};
        }
        return m_s.mid(start, m_i - start);
    }

    JsonToken::Ptr object()
    {
        JsonToken::Ptr obj = JsonToken::createObject();
        ++m_i;
        while (true) {
            skip();
            if (m_error)
                return nullptr;
            if (m_i >= m_s.size()) {
                fail(QCoreApplication::translate("DotNet", "Unexpected end of content while loading JObject."));
                return nullptr;
            }
            if (m_s.at(m_i) == u'}') {
                ++m_i;
                return obj;
            }
            const QString name = propertyName();
            if (m_error)
                return nullptr;
            m_path.append(name);
            skip();
            if (m_i >= m_s.size() || m_s.at(m_i) != u':') {
                if (m_i < m_s.size())
                    ++m_i;
                fail(QCoreApplication::translate("DotNet",
                                                 "Invalid character after parsing property name. Expected "
                                                 "':' but got: %1.")
                         .arg(m_i <= m_s.size() && m_i > 0 ? m_s.at(m_i - 1) : QChar()));
                return nullptr;
            }
            ++m_i;
            JsonToken::Ptr v = value();
            if (m_error)
                return nullptr;
            const qsizetype existing = obj->indexOfProperty(name);
            if (existing >= 0)
                obj->m_children.at(existing)->setPropertyValue(v);
            else
                obj->add(name, v);
            skip();
            if (m_i < m_s.size() && m_s.at(m_i) == u',') {
                ++m_i;
                m_path.removeLast();
                continue;
            }
            if (m_i < m_s.size() && m_s.at(m_i) == u'}') {
                ++m_i;
                m_path.removeLast();
                return obj;
            }
            if (m_i >= m_s.size()) {
                fail(QCoreApplication::translate("DotNet", "Unexpected end of content while loading JObject."));
                return nullptr;
            }
            ++m_i;
            fail(QCoreApplication::translate("DotNet",
                                             "After parsing a property value an unexpected character was "
                                             "encountered: %1.")
                     .arg(m_s.at(m_i - 1)));
            return nullptr;
        }
    }

    JsonToken::Ptr array()
    {
        JsonToken::Ptr arr = JsonToken::createArray();
        ++m_i;
        qsizetype index = 0;
        while (true) {
            skip();
            if (m_error)
                return nullptr;
            if (m_i >= m_s.size()) {
                fail(QCoreApplication::translate("DotNet", "Unexpected end of content while loading JArray."));
                return nullptr;
            }
            if (m_s.at(m_i) == u']') {
                ++m_i;
                return arr;
            }
            m_path.append(QLatin1Char('[') + QString::number(index++) + QLatin1Char(']'));
            JsonToken::Ptr v = value();
            if (m_error)
                return nullptr;
            arr->add(v);
            m_path.removeLast();
            skip();
            if (m_i < m_s.size() && m_s.at(m_i) == u',') {
                ++m_i;
                continue;
            }
            if (m_i < m_s.size() && m_s.at(m_i) == u']') {
                ++m_i;
                return arr;
            }
            if (m_i >= m_s.size()) {
                fail(QCoreApplication::translate("DotNet", "Unexpected end of content while loading JArray."));
                return nullptr;
            }
            ++m_i;
            fail(QCoreApplication::translate("DotNet",
                                             "After parsing a value an unexpected character was "
                                             "encountered: %1.")
                     .arg(m_s.at(m_i - 1)));
            return nullptr;
        }
    }

    const QString &m_s;
    qsizetype m_i = 0;
    int m_line = 1;
    qsizetype m_lineStart = 0;
    QStringList m_path;
    std::optional<DotNetError> m_error;
};

DotNetResult<JsonToken::Ptr> JsonToken::parse(const QString &json)
{
    JsonParser parser(json);
    return parser.parseDocument("JToken");
}

DotNetResult<JsonToken::Ptr> JsonToken::parseObject(const QString &json)
{
    JsonParser parser(json);
    auto token = parser.parseDocument("JObject");
    if (token && !(*token)->isObject())
        return DotNetError {
            QStringLiteral("JsonReaderException"),
            QCoreApplication::translate("DotNet",
                                        "Error reading JObject from JsonReader. Current "
                                        "JsonReader item is not an object: %1. Path '', "
                                        "line 1, position %2.")
                .arg((*token)->isArray() ? QStringLiteral("StartArray") : jTokenTypeName((*token)->type()))
                .arg(json.indexOf(QRegularExpression(QStringLiteral("\\S"))) + 1)};
    return token;
}

DotNetResult<JsonToken::Ptr> JsonToken::parseArray(const QString &json)
{
    JsonParser parser(json);
    auto token = parser.parseDocument("JArray");
    if (token && !(*token)->isArray())
        return DotNetError {
            QStringLiteral("JsonReaderException"),
            QCoreApplication::translate("DotNet",
                                        "Error reading JArray from JsonReader. Current "
                                        "JsonReader item is not an array: %1. Path '', line "
                                        "1, position %2.")
                .arg((*token)->isObject() ? QStringLiteral("StartObject") : jTokenTypeName((*token)->type()))
                .arg(json.indexOf(QRegularExpression(QStringLiteral("\\S"))) + 1)};
    return token;
}

} // namespace sluice::dotnet
