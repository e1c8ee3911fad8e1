#pragma once

#include "Value.h"

#include <QString>
#include <QStringList>

#include <vector>

namespace sluice {

class Frame;
struct ExprNode;

// Static types of the expression language. A TypeInfo lives as long as the
// program (TypeRegistry owns them); compiled expressions point at them.
enum class TypeKind : quint8 {
    Void, Null, Object, Bool, Char, Byte, Int, Long, Double, String,
    Class,     // a runtime class (IRequest, JObject, Uri, List<T> ...); value types such as DateTime too
    Array,     // T[]
    Enum,      // StringComparison, Formatting ...: values are ints
    Lambda,    // an untyped lambda argument during overload resolution
    Namespace, // a namespace prefix such as System.Text (only while resolving names)
};

// A parameter or result type as a member declares it: fixed, or relative to the
// receiver (its element type T, dictionary key/value) or to the call (the first
// generic argument, the result of the lambda argument).
enum class Pat : quint8 {
    Fixed,
    Any,            // any value (object without conversion)
    AnyEnumerable,  // any enumerable value
    Elem,           // T of the receiver (IEnumerable<T>, List<T>, T[])
    DictKey, DictValue,
    Gen0,           // the first generic argument: As<T>(), Value<T>()
    LambdaResult,   // the result type of the lambda argument
    FuncElemBool,   // x => bool with x : T
    FuncElemAny,    // x => anything with x : T
    EnumOfElem, EnumOfResult, ArrayOfElem, ListOfElem, ArrayOfGen0, EnumOfGen0,
    Receiver,       // the receiver's own type
    EnumOfKey, EnumOfValue, // dictionary Keys / Values
};

struct TypePat
{
    Pat pat = Pat::Fixed;
    const TypeInfo *type = nullptr;
    TypePat() = default;
    TypePat(const TypeInfo *t) // NOLINT: implicit on purpose, member tables read better
        : type(t)
    {}
    TypePat(Pat p)
        : pat(p)
    {}
};

struct CallSite;
// Native implementation of a member: `self` is null for static members; args
// holds the evaluated arguments (out arguments are written back into it).
using NativeFn = Value (*)(Frame &frame, const CallSite &site, const Value &self, Value *args);

struct Param
{
    TypePat type;
    QString name;
    bool out = false;
    bool optional = false;   // uses defaultValue when omitted
    bool isParams = false;   // `params T[]`: the remaining arguments, element type `type`
    Value defaultValue;
};

struct Member
{
    enum class Kind : quint8 { Property, Method, Constructor, Indexer, Field };
    Kind kind = Kind::Method;
    bool isStatic = false;
    int genericArity = 0;
    QString name;
    std::vector<Param> params;
    TypePat result;
    NativeFn fn = nullptr;
    int tag = 0; // free for the implementation (field number, enum value ...)
};

struct TypeInfo
{
    QString name;     // C# spelling: "string", "IRequest", "List<string>", "string[]"
    TypeKind kind = TypeKind::Class;
    bool isValueType = false;
    const TypeInfo *base = nullptr;         // base class (JObject -> JContainer -> JToken)
    std::vector<const TypeInfo *> interfaces;
    const TypeInfo *element = nullptr;      // enumerable element type, if enumerable
    const TypeInfo *key = nullptr;          // dictionaries
    const TypeInfo *value = nullptr;
    const TypeInfo *genericDefinition = nullptr;
    std::vector<const TypeInfo *> typeArguments;
    std::vector<Member> members;

    bool isNumeric() const
    {
        return kind == TypeKind::Char || kind == TypeKind::Byte || kind == TypeKind::Int || kind == TypeKind::Long
            || kind == TypeKind::Double;
    }
    bool isReference() const
    {
        return !isValueType && kind != TypeKind::Void && kind != TypeKind::Namespace && kind != TypeKind::Lambda;
    }
    bool isEnumerable() const { return element != nullptr; }
    // this type equals `other` or derives from / implements it
    bool derivesFrom(const TypeInfo *other) const;
};

// What a native member sees of the call: the member, the receiver's static
// type, the generic arguments and the result type the checker resolved.
struct CallSite
{
    const Member *member = nullptr;
    const TypeInfo *receiverType = nullptr;
    const TypeInfo *resultType = nullptr;
    const TypeInfo *genericArg = nullptr;
    const ExprNode *node = nullptr;
    int argumentCount = 0; // arguments actually passed (after optional defaults: all params)
};

} // namespace sluice
