#include "JsonNode.h"

#include "Runtime.h"
#include "TypeRegistry.h"

namespace sluice {

JsonNode::Ptr JsonNode::string(const QString &s)
{
    auto n = make(Kind::String);
    n->text = s;
    return n;
}

JsonNode::Ptr JsonNode::property(const QString &name, Ptr value)
{
    auto p = make(Kind::Property);
    p->text = name;
    p->append(std::move(value));
    return p;
}

const TypeInfo *JsonNode::exprType() const
{
    TypeRegistry &r = TypeRegistry::instance();
    switch (kind) {
    case Kind::Object: return r.jobject;
    case Kind::Array: return r.jarray;
    case Kind::Property: return r.jproperty;
    default: return r.jvalue;
    }
}

QString JsonNode::typeName() const
{
    static const char *const names[] = {"Object", "Array", "Property", "String", "Integer", "Float", "Boolean", "Null"};
    return QString::fromLatin1(names[int(kind)]);
}

bool JsonNode::enumerate(std::vector<Value> *out) const
{
    out->clear();
    if (kind == Kind::Object) {
        TypeRegistry &r = TypeRegistry::instance();
        const TypeInfo *pair = r.keyValuePairOf(r.stringType, r.jtoken);
        for (const Ptr &c : children)
            out->push_back(makeKeyValuePair(pair, Value::fromString(c->text),
                                            c->children.empty() ? Value() : Value::fromObject(c->children[0])));
        return true;
    }
    for (const Ptr &c : children)
        out->push_back(Value::fromObject(c));
    return true;
}

JsonNode *JsonNode::findProperty(const QString &name) const
{
    for (const Ptr &c : children) {
        if (c->text == name)
            return c.get();
    }
    return nullptr;
}

JsonNode::Ptr JsonNode::get(const QString &name) const
{
    JsonNode *p = findProperty(name);
    return p && !p->children.empty() ? p->children[0] : nullptr;
}

void JsonNode::set(const QString &name, Ptr value)
{
    if (value && value->parent)
        value = value->clone();
    if (JsonNode *p = findProperty(name)) {
        value->parent = p;
        p->children.assign(1, value);
        return;
    }
    append(property(name, std::move(value)));
}

void JsonNode::append(Ptr child)
{
    if (child->parent)
        child = child->clone();
    child->parent = this;
    children.push_back(std::move(child));
}

JsonNode::Ptr JsonNode::clone() const
{
    auto n = make(kind);
    n->text = text;
    n->integer = integer;
    n->number = number;
    n->boolean = boolean;
    for (const Ptr &c : children) {
        auto cc = c->clone();
        cc->parent = n.get();
        n->children.push_back(std::move(cc));
    }
    return n;
}

static void writeString(QString &out, const QString &s)
{
    out += QLatin1Char('"');
    for (QChar c : s) {
        switch (c.unicode()) {
        case '"': out += QLatin1String("\\\""); break;
        case '\\': out += QLatin1String("\\\\"); break;
        case '\n': out += QLatin1String("\\n"); break;
        case '\r': out += QLatin1String("\\r"); break;
        case '\t': out += QLatin1String("\\t"); break;
        case '\b': out += QLatin1String("\\b"); break;
        case '\f': out += QLatin1String("\\f"); break;
        default:
            if (c.unicode() < 0x20)
                out += QStringLiteral("\\u%1").arg(c.unicode(), 4, 16, QLatin1Char('0'));
            else
                out += c;
        }
    }
    out += QLatin1Char('"');
}

void JsonNode::write(QString &out, bool indented, int depth) const
{
    auto newline = [&](int d) {
        if (indented) {
            out += QLatin1Char('\n');
            out += QString(d * 2, QLatin1Char(' '));
        }
    };
    switch (kind) {
    case Kind::Object:
    case Kind::Array: {
        const bool obj = kind == Kind::Object;
        out += obj ? QLatin1Char('{') : QLatin1Char('[');
        if (children.empty()) {
            out += obj ? QLatin1Char('}') : QLatin1Char(']');
            return;
        }
        for (size_t i = 0; i < children.size(); ++i) {
            if (i)
                out += QLatin1Char(',');
            newline(depth + 1);
            children[i]->write(out, indented, depth + 1);
        }
        newline(depth);
        out += obj ? QLatin1Char('}') : QLatin1Char(']');
        return;
    }
    case Kind::Property:
        writeString(out, text);
        out += indented ? QLatin1String(": ") : QLatin1String(":");
        if (children.empty())
            out += QLatin1String("null");
        else
            children[0]->write(out, indented, depth);
        return;
    case Kind::String: writeString(out, text); return;
    case Kind::Integer: out += QString::number(integer); return;
    case Kind::Float: {
        QString s = formatDotNetDouble(number);
        if (!s.contains(QLatin1Char('.')) && !s.contains(QLatin1Char('E')) && !s.contains(QLatin1Char('N'))
            && !s.contains(QLatin1Char('I')))
            s += QLatin1String(".0");
        out += s;
        return;
    }
    case Kind::Boolean: out += boolean ? QLatin1String("true") : QLatin1String("false"); return;
    case Kind::Null: out += QLatin1String("null"); return;
    }
}

QString JsonNode::serialize(bool indented) const
{
    QString out;
    write(out, indented, 0);
    return out;
}

QString JsonNode::toString() const
{
    switch (kind) {
    case Kind::String: return text;
    case Kind::Integer: return QString::number(integer);
    case Kind::Float: return formatDotNetDouble(number);
    case Kind::Boolean: return boolean ? QStringLiteral("True") : QStringLiteral("False");
    case Kind::Null: return QString();
    default: return serialize(true);
    }
}

namespace {

struct JsonParser
{
    const QString &s;
    int pos = 0;
    QString error;
    int depth = 0;

    QChar peek() const { return pos < s.size() ? s.at(pos) : QChar(); }
    void ws()
    {
        while (pos < s.size() && s.at(pos).isSpace())
            ++pos;
    }
    JsonNode::Ptr fail(const QString &message)
    {
        if (error.isEmpty())
            error = message + QStringLiteral(" Path '', position %1.").arg(pos);
        return nullptr;
    }
    bool parseString(QString *out)
    {
        const QChar quote = s.at(pos++);
        while (pos < s.size()) {
            const QChar c = s.at(pos++);
            if (c == quote)
                return true;
            if (c == QLatin1Char('\\')) {
                if (pos >= s.size())
                    return false;
                const QChar e = s.at(pos++);
                switch (e.unicode()) {
                case 'n': *out += QLatin1Char('\n'); break;
                case 't': *out += QLatin1Char('\t'); break;
                case 'r': *out += QLatin1Char('\r'); break;
                case 'b': *out += QChar(8); break;
                case 'f': *out += QChar(12); break;
                case 'u': {
                    bool ok = false;
                    const uint v = s.mid(pos, 4).toUInt(&ok, 16);
                    if (!ok || pos + 4 > s.size())
                        return false;
                    *out += QChar(char16_t(v));
                    pos += 4;
                    break;
                }
                default: *out += e;
                }
            } else {
                *out += c;
            }
        }
        return false;
    }
    JsonNode::Ptr value()
    {
        ws();
        if (++depth > 200)
            return fail(QStringLiteral("The reader's MaxDepth of 200 has been exceeded."));
        struct Leave
        {
            int &d;
            ~Leave() { --d; }
        } leave{depth};
        const QChar c = peek();
        if (c == QLatin1Char('{')) {
            ++pos;
            auto obj = JsonNode::make(JsonNode::Kind::Object);
            ws();
            if (peek() == QLatin1Char('}')) {
                ++pos;
                return obj;
            }
            for (;;) {
                ws();
                QString name;
                if (peek() == QLatin1Char('"') || peek() == QLatin1Char('\'')) {
                    if (!parseString(&name))
                        return fail(QStringLiteral("Unterminated string."));
                } else {
                    while (pos < s.size() && (s.at(pos).isLetterOrNumber() || s.at(pos) == QLatin1Char('_')))
                        name += s.at(pos++);
                    if (name.isEmpty())
                        return fail(QStringLiteral("Invalid property identifier character: %1.").arg(peek()));
                }
                ws();
                if (peek() != QLatin1Char(':'))
                    return fail(QStringLiteral("Invalid character after parsing property name. Expected ':' but got: %1.").arg(peek()));
                ++pos;
                auto v = value();
                if (!v)
                    return nullptr;
                obj->set(name, v);
                ws();
                if (peek() == QLatin1Char(',')) {
                    ++pos;
                    continue;
                }
                if (peek() == QLatin1Char('}')) {
                    ++pos;
                    return obj;
                }
                return fail(QStringLiteral("Unexpected end of content while loading JObject."));
            }
        }
        if (c == QLatin1Char('[')) {
            ++pos;
            auto arr = JsonNode::make(JsonNode::Kind::Array);
            ws();
            if (peek() == QLatin1Char(']')) {
                ++pos;
                return arr;
            }
            for (;;) {
                auto v = value();
                if (!v)
                    return nullptr;
                arr->append(v);
                ws();
                if (peek() == QLatin1Char(',')) {
                    ++pos;
                    continue;
                }
                if (peek() == QLatin1Char(']')) {
                    ++pos;
                    return arr;
                }
                return fail(QStringLiteral("Unexpected end of content while loading JArray."));
            }
        }
        if (c == QLatin1Char('"') || c == QLatin1Char('\'')) {
            QString text;
            if (!parseString(&text))
                return fail(QStringLiteral("Unterminated string. Expected delimiter: \"."));
            return JsonNode::string(text);
        }
        if (c.isDigit() || c == QLatin1Char('-')) {
            const int start = pos;
            bool isFloat = false;
            ++pos;
            while (pos < s.size()
                   && (s.at(pos).isDigit() || s.at(pos) == QLatin1Char('.') || s.at(pos) == QLatin1Char('e')
                       || s.at(pos) == QLatin1Char('E') || s.at(pos) == QLatin1Char('+') || s.at(pos) == QLatin1Char('-'))) {
                if (!s.at(pos).isDigit())
                    isFloat = true;
                ++pos;
            }
            const QString num = s.mid(start, pos - start);
            bool ok = false;
            if (!isFloat) {
                const qint64 v = num.toLongLong(&ok);
                if (ok) {
                    auto n = JsonNode::make(JsonNode::Kind::Integer);
                    n->integer = v;
                    return n;
                }
            }
            const double d = num.toDouble(&ok);
            if (!ok)
                return fail(QStringLiteral("Input string '%1' is not a valid number.").arg(num));
            auto n = JsonNode::make(JsonNode::Kind::Float);
            n->number = d;
            return n;
        }
        for (const char *word : {"true", "false", "null"}) {
            const QLatin1String w(word);
            if (QStringView(s).mid(pos).startsWith(w)) {
                pos += int(w.size());
                if (w == QLatin1String("null"))
                    return JsonNode::make(JsonNode::Kind::Null);
                auto n = JsonNode::make(JsonNode::Kind::Boolean);
                n->boolean = w == QLatin1String("true");
                return n;
            }
        }
        if (pos >= s.size())
            return fail(QStringLiteral("Unexpected end of content while loading JToken."));
        return fail(QStringLiteral("Unexpected character encountered while parsing value: %1.").arg(c));
    }
};

} // namespace

JsonNode::Ptr JsonNode::parse(const QString &text, QString *error)
{
    JsonParser p{text, 0, QString(), 0};
    auto v = p.value();
    if (v) {
        p.ws();
        if (p.pos < text.size()) {
            v = nullptr;
            p.fail(QStringLiteral("Additional text encountered after finished reading JSON content: %1.")
                       .arg(text.at(p.pos)));
        }
    }
    if (!v && error)
        *error = p.error.isEmpty() ? QStringLiteral("Error reading JToken from JsonReader.") : p.error;
    return v;
}

} // namespace sluice
