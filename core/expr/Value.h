#pragma once

#include <QString>

#include <memory>
#include <vector>
#include <variant>

namespace sluice {

struct TypeInfo;

// Base of every reference-type value of the expression language other than
// string (requests, responses, JSON tokens, arrays, lists, JWTs ...).
class ExprObject
{
public:
    virtual ~ExprObject() = default;
    // The runtime (dynamic) type: checked by casts, `is` and `as`.
    virtual const TypeInfo *exprType() const = 0;
    // What C# ToString() gives.
    virtual QString toString() const;
    // ToString(format) / "{x:format}" for formattable objects (DateTime ...).
    virtual QString formatted(const QString &format) const { Q_UNUSED(format); return toString(); }
    // C# Equals(object): reference equality unless a class overrides it.
    virtual bool equals(const ExprObject &other) const { return this == &other; }
    // Objects that borrow per-request state (context.Request ...) return an owned
    // copy here; evaluate() detaches a result before handing it out.
    virtual std::shared_ptr<ExprObject> detach() const { return nullptr; }
    virtual bool isBorrowed() const { return false; }
    // Enumerable objects list their elements (foreach, LINQ); false otherwise.
    virtual bool enumerate(std::vector<class Value> *out) const;
};

using ExprObjectPtr = std::shared_ptr<ExprObject>;

struct ExprNode;

// A value of the expression language: a compact variant with C# semantics.
// int is 32 bits, long 64 bits, char a UTF-16 code unit; decimal maps to double.
class Value
{
public:
    enum class Kind : quint8 { Null, Bool, Char, Int, Long, Double, String, Object, Lambda };

    Value() = default;
    static Value fromBool(bool b) { return Value(Storage(std::in_place_index<1>, b)); }
    static Value fromChar(char16_t c) { return Value(Storage(std::in_place_index<2>, c)); }
    static Value fromInt(qint32 i) { return Value(Storage(std::in_place_index<3>, i)); }
    static Value fromLong(qint64 l) { return Value(Storage(std::in_place_index<4>, l)); }
    static Value fromDouble(double d) { return Value(Storage(std::in_place_index<5>, d)); }
    static Value fromString(QString s) { return Value(Storage(std::in_place_index<6>, std::move(s))); }
    static Value fromObject(ExprObjectPtr o)
    {
        if (!o)
            return {};
        return Value(Storage(std::in_place_index<7>, std::move(o)));
    }
    // A non-owning reference (no allocation): the object must outlive the value.
    static Value borrowed(ExprObject *o) { return fromObject(ExprObjectPtr(ExprObjectPtr(), o)); }
    static Value fromLambda(const ExprNode *lambda) { return Value(Storage(std::in_place_index<8>, lambda)); }

    Kind kind() const { return static_cast<Kind>(m_v.index()); }
    bool isNull() const { return m_v.index() == 0; }
    bool isString() const { return m_v.index() == 6; }
    bool isObject() const { return m_v.index() == 7; }
    bool isNumeric() const { return m_v.index() >= 2 && m_v.index() <= 5; }

    bool asBool() const { return std::get<1>(m_v); }
    char16_t asChar() const { return std::get<2>(m_v); }
    qint32 asInt() const { return std::get<3>(m_v); }
    qint64 asLong() const { return std::get<4>(m_v); }
    double asDouble() const { return std::get<5>(m_v); }
    const QString &asString() const { return std::get<6>(m_v); }
    const ExprObjectPtr &asObject() const { return std::get<7>(m_v); }
    ExprObject *object() const { return isObject() ? std::get<7>(m_v).get() : nullptr; }
    const ExprNode *asLambda() const { return std::get<8>(m_v); }

    // Numeric widening (char, int, long, double); 0 for anything else.
    qint64 toLong() const;
    double toDouble() const;

    // C# ToString() of the value ("" for null, "True"/"False", .NET double format).
    QString toString() const;
    // The runtime type (nullptr for null).
    const TypeInfo *runtimeType() const;
    // C# object.Equals semantics (value equality for primitives and strings).
    bool equals(const Value &other) const;

private:
    using Storage = std::variant<std::monostate, bool, char16_t, qint32, qint64, double, QString, ExprObjectPtr,
                                 const ExprNode *>;
    explicit Value(Storage v)
        : m_v(std::move(v))
    {}
    Storage m_v;
};

// .NET formatting of a double as ToString() prints it ("R": shortest round trip,
// "1E+20", "NaN", "Infinity").
QString formatDotNetDouble(double d);

} // namespace sluice
