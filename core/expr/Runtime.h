#pragma once

#include "Frame.h"
#include "TypeInfo.h"
#include "TypeRegistry.h"
#include "Value.h"

#include <QDateTime>
#include <QString>

#include <vector>

namespace sluice {

// Runtime classes shared by the bindings: arrays/lists, dictionaries,
// key-value pairs, exceptions, plus argument helpers.

class ArrayObject final : public ExprObject
{
public:
    ArrayObject(const TypeInfo *type, std::vector<Value> elements = {})
        : m_type(type)
        , items(std::move(elements))
    {}
    const TypeInfo *exprType() const override { return m_type; }
    QString toString() const override;
    bool enumerate(std::vector<Value> *out) const override
    {
        *out = items;
        return true;
    }

    const TypeInfo *m_type;
    std::vector<Value> items;
};

class KeyValuePairObject final : public ExprObject
{
public:
    KeyValuePairObject(const TypeInfo *type, Value k, Value v)
        : m_type(type)
        , key(std::move(k))
        , value(std::move(v))
    {}
    const TypeInfo *exprType() const override { return m_type; }
    QString toString() const override
    {
        return QLatin1Char('[') + key.toString() + QStringLiteral(", ") + value.toString() + QLatin1Char(']');
    }
    const TypeInfo *m_type;
    Value key;
    Value value;
};

class DictionaryObject final : public ExprObject
{
public:
    explicit DictionaryObject(const TypeInfo *type)
        : m_type(type)
    {}
    const TypeInfo *exprType() const override { return m_type; }
    bool enumerate(std::vector<Value> *out) const override;
    int find(const Value &key) const;

    const TypeInfo *m_type;
    std::vector<std::pair<Value, Value>> entries;
};

class ExceptionObject final : public ExprObject
{
public:
    ExceptionObject(QString type, QString text)
        : typeName(std::move(type))
        , message(std::move(text))
    {}
    const TypeInfo *exprType() const override;
    QString toString() const override { return QStringLiteral("System.") + typeName + QStringLiteral(": ") + message; }
    QString typeName;
    QString message;
};

// string.Format semantics ({0}, {0,5}, {0:D2}, {{ }}).
QString dotnetFormat(Frame &f, const QString &format, const std::vector<Value> &args);

// Convert.ToInt32(object): strings parsed, doubles rounded to even, OverflowException.
Value convertToInt32(const Value &v);
Value makeGuid(const QString &text);
Value makeDateTime(const QDateTime &utc);
Value makeTimeSpanMs(qint64 milliseconds);
Value makeKeyValuePair(const TypeInfo *type, Value key, Value value);

namespace rt {

inline TypeRegistry &types()
{
    return TypeRegistry::instance();
}
// The string of an argument; ArgumentNullException when null and `nullable` is false.
const QString &str(const Value &v, const char *parameter = "value");
QString strOrEmpty(const Value &v);
Value string(QString s);
Value array(const TypeInfo *elementType, std::vector<Value> items);
Value stringArray(const QStringList &list);
QStringList toStringList(Frame &f, const Value &enumerable);
std::vector<Value> elements(Frame &f, const Value &enumerable);
QByteArray toBytes(Frame &f, const Value &byteArray);
Value fromBytes(const QByteArray &bytes);
// The receiver object as class T (the checker guarantees the type).
template<typename T>
T *self(const Value &v)
{
    return static_cast<T *>(v.object());
}
// Default value of a type (0, false, null ...).
Value defaultValue(const TypeInfo *t);
// A runtime type check (casts, is, as): may `value` be viewed as `target`?
bool isInstanceOf(const Value &value, const TypeInfo *target);
// Explicit conversion of a value to `target` as a C# cast does; throws InvalidCast.
Value castTo(Frame &f, const Value &value, const TypeInfo *target);
Value convertNumeric(const Value &value, const TypeInfo *target); // truncating, wrapping
// .NET formatting of numbers with a format string ("D2", "F2", "N0", "X", "0.00" ...).
QString formatNumber(const Value &value, const QString &format);
// Value with a format as string interpolation / string.Format apply it.
QString formatValue(Frame &f, const Value &value, const QString &format);
// JSON conversions (BindJson.cpp): token -> primitive (explicit cast), primitive -> token.
Value jsonToPrimitive(Frame &f, const Value &token, const TypeInfo *target);
Value jsonFromValue(Frame &f, const Value &value);
// JSON text -> JToken/JObject/JArray (JsonReaderException on bad input; type checked against `expected`).
Value jsonParse(const QString &text, const TypeInfo *expected);
// token[name] of a JObject (null when absent or not an object).
Value jsonMember(const Value &token, const QString &name);
Value makeJsonObject(const std::vector<QString> &names, const std::vector<Value> &values);

} // namespace rt

} // namespace sluice
