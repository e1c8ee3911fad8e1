#pragma once

#include "DotNetDateTime.h"
#include "DotNetError.h"

#include <QHash>
#include <QList>
#include <QString>

#include <memory>
#include <variant>

namespace sluice::dotnet {

// Newtonsoft.Json.Linq.JTokenType (same order and values).
enum class JTokenType {
    None,
    Object,
    Array,
    Constructor,
    Property,
    Comment,
    Integer,
    Float,
    String,
    Boolean,
    Null,
    Undefined,
    Date,
    Raw,
    Bytes,
    Guid,
    Uri,
    TimeSpan
};
QString jTokenTypeName(JTokenType type); // "Object", "Integer", ...

enum class JsonFormatting { None, Indented };

// Newtonsoft.Json.Linq: one reference-counted node class for JObject, JArray,
// JProperty and JValue, told apart by type(). Property order is preserved.
// Reference semantics as in .NET: tokens are shared through Ptr, have one
// parent, and adding a token that already has a parent adds a deep clone.
//
// Parsing follows JToken.Parse defaults: comments, single-quoted strings,
// unquoted property names and trailing commas are accepted, ISO 8601 strings
// become Date values, integers beyond Int64 become Float. Duplicate property
// names: the last value wins, in the first position.
//
// ToString() is Newtonsoft's indented form (two spaces, `"name": value`). The
// line break is Environment.NewLine: "\n" by default (Linux hosts, the
// self-hosted gateway); setNewline("\r\n") reproduces a Windows host.
class JsonToken : public std::enable_shared_from_this<JsonToken>
{
    struct PrivateTag
    {
    };

public:
    using Ptr = std::shared_ptr<JsonToken>;
    using ConstPtr = std::shared_ptr<const JsonToken>;

    JsonToken(PrivateTag, JTokenType type);

    // Construction: new JObject(), new JArray(), new JValue(x), new JProperty(name, value).
    static Ptr createObject();
    static Ptr createArray();
    static Ptr createNull();
    static Ptr createUndefined();
    static Ptr createBool(bool value);
    static Ptr createInteger(qint64 value);
    static Ptr createFloat(double value);
    static Ptr createString(const QString &value); // a null QString makes a Null JValue, as new JValue((string)null)
    static Ptr createDate(const DotNetDateTime &value);
    static Ptr createProperty(const QString &name, Ptr value); // null value -> JValue null

    // JToken.Parse / JObject.Parse / JArray.Parse (JsonReaderException messages as Newtonsoft).
    static DotNetResult<Ptr> parse(const QString &json);
    static DotNetResult<Ptr> parseObject(const QString &json);
    static DotNetResult<Ptr> parseArray(const QString &json);

    JTokenType type() const { return m_type; }
    bool isObject() const { return m_type == JTokenType::Object; }
    bool isArray() const { return m_type == JTokenType::Array; }
    bool isProperty() const { return m_type == JTokenType::Property; }
    bool isContainer() const { return isObject() || isArray() || isProperty(); }
    bool isValue() const { return !isContainer(); }
    bool isNullValue() const { return m_type == JTokenType::Null; }
    JsonToken *parent() const { return m_parent; }
    // Path: "a.b[0]", "['odd key']" as Newtonsoft prints it.
    QString path() const;

    // Indexers with .NET errors: obj["k"] (missing -> nullptr), arr[i]; obj[0],
    // arr["k"], value[...] and out-of-range indexes are errors.
    DotNetResult<Ptr> get(const QString &key) const;
    DotNetResult<Ptr> get(qsizetype index) const;
    // Quick lookup without errors: the property value or nullptr.
    Ptr value(const QString &key) const;
    // obj["k"] = v (set or add); arr[i] = v.
    std::optional<DotNetError> set(const QString &key, Ptr value);
    std::optional<DotNetError> set(qsizetype index, Ptr value);

    // JObject
    std::optional<DotNetError> add(const QString &name, Ptr value); // duplicate -> ArgumentException
    bool remove(const QString &name);
    bool containsKey(const QString &name) const;
    Ptr property(const QString &name) const; // JObject.Property(name): the JProperty or nullptr
    QList<Ptr> properties() const;
    // JArray.Add(token) / JObject.Add(JProperty) / JArray.Insert / RemoveAt / Clear
    std::optional<DotNetError> add(Ptr token);
    std::optional<DotNetError> insert(qsizetype index, Ptr token);
    std::optional<DotNetError> removeAt(qsizetype index);
    void clear();
    // token.Remove(): detach from the parent (InvalidOperationException without one).
    std::optional<DotNetError> removeFromParent();

    // JProperty
    QString name() const { return m_name; }
    Ptr propertyValue() const { return m_children.value(0); }
    void setPropertyValue(Ptr value);

    // Containers
    QList<Ptr> children() const { return m_children; }
    qsizetype count() const { return isProperty() ? 1 : m_children.size(); }
    bool hasValues() const { return isContainer() && !m_children.isEmpty(); }
    Ptr first() const { return m_children.value(0); }
    Ptr last() const { return m_children.isEmpty() ? nullptr : m_children.last(); }

    // JValue raw value
    bool boolValue() const { return std::get_if<bool>(&m_value) ? std::get<bool>(m_value) : false; }
    qint64 integerValue() const { return std::get_if<qint64>(&m_value) ? std::get<qint64>(m_value) : 0; }
    double floatValue() const { return std::get_if<double>(&m_value) ? std::get<double>(m_value) : 0.0; }
    QString stringValue() const { return std::get_if<QString>(&m_value) ? std::get<QString>(m_value) : QString(); }
    DotNetDateTime dateValue() const
    {
        return std::get_if<DotNetDateTime>(&m_value) ? std::get<DotNetDateTime>(m_value) : DotNetDateTime();
    }

    // Explicit conversions: (string)t, (int)t, (long)t, (double)t, (bool)t, (DateTime)t.
    // (string) of a Null value is a null QString; containers are ArgumentException
    // "Can not convert Object to String.".
    DotNetResult<QString> toDotNetString() const;
    DotNetResult<int> toInt32() const;
    DotNetResult<qint64> toInt64() const;
    DotNetResult<double> toDouble() const;
    DotNetResult<bool> toBoolean() const;
    DotNetResult<DotNetDateTime> toDateTime() const;

    // JToken.ToString(): indented JSON for containers and properties; for a JValue
    // the raw value as .NET prints it ("abc", "True", "1.5", "" for null).
    QString toString() const;
    // ToString(Formatting): always JSON (a string value is quoted).
    QString toString(JsonFormatting formatting) const;
    // JsonConvert.SerializeObject(token[, formatting]).
    QString serialize(JsonFormatting formatting = JsonFormatting::None) const { return toString(formatting); }

    Ptr deepClone() const;
    bool deepEquals(const JsonToken &other) const;

    // Environment.NewLine used by indented output ("\n" by default).
    static void setNewline(const QString &newline);
    static QString newline();

    // JSON text of a string, quoted and escaped like Newtonsoft (JsonConvert.ToString(string)).
    static QString quote(const QString &text);

private:
    friend class JsonParser;
    friend class JsonWriter;
    static Ptr make(JTokenType type) { return std::make_shared<JsonToken>(PrivateTag {}, type); }
    Ptr adopt(Ptr child); // clones a child that already has a parent, sets the parent
    qsizetype indexOfProperty(const QString &name) const;
    void invalidateIndex() { m_index.reset(); }
    DotNetError cannotConvert(const char *target) const;

    JTokenType m_type;
    JsonToken *m_parent = nullptr;
    QString m_name; // JProperty
    QList<Ptr> m_children; // JObject: JProperty tokens; JArray: items; JProperty: its value
    std::variant<std::monostate, bool, qint64, double, QString, DotNetDateTime> m_value;
    mutable std::unique_ptr<QHash<QString, qsizetype>> m_index; // large objects only
};

} // namespace sluice::dotnet
