#pragma once

#include "TypeInfo.h"

#include <QHash>
#include <QMutex>
#include <QString>

#include <deque>
#include <memory>

namespace sluice {

// Every static type of the language, created once (thread-safe) and never
// destroyed. Runtime classes bind their members in the Bind*.cpp files.
class TypeRegistry
{
public:
    static TypeRegistry &instance();

    // By C# name: keyword ("string"), simple ("Regex") or fully qualified
    // ("System.Text.RegularExpressions.Regex"); generic definitions by "List`1".
    const TypeInfo *find(const QString &name) const;
    bool isNamespace(const QString &dottedPrefix) const;

    // Constructed types (interned).
    const TypeInfo *arrayOf(const TypeInfo *element);
    const TypeInfo *enumerableOf(const TypeInfo *element);
    const TypeInfo *listOf(const TypeInfo *element);
    const TypeInfo *dictionaryOf(const TypeInfo *key, const TypeInfo *value);
    const TypeInfo *keyValuePairOf(const TypeInfo *key, const TypeInfo *value);
    const TypeInfo *instantiate(const TypeInfo *definition, const std::vector<const TypeInfo *> &args);

    // Members that every enumerable has (System.Linq) and that every type has (object).
    const TypeInfo *linq() const { return m_linq; }

    // Definition (during start-up only).
    TypeInfo *define(const QString &name, TypeKind kind, const TypeInfo *base = nullptr,
                     const QString &ns = QString());
    void alias(const QString &name, const TypeInfo *type);
    void addNamespace(const QString &ns);

    // Well-known types.
    const TypeInfo *voidType = nullptr, *nullType = nullptr, *objectType = nullptr, *boolType = nullptr,
                   *charType = nullptr, *byteType = nullptr, *intType = nullptr, *longType = nullptr,
                   *doubleType = nullptr, *stringType = nullptr, *lambdaType = nullptr;
    const TypeInfo *enumerableDef = nullptr, *listDef = nullptr, *dictionaryDef = nullptr, *kvpDef = nullptr,
                   *arrayDef = nullptr;
    const TypeInfo *stringArray = nullptr, *byteArray = nullptr, *objectArray = nullptr, *charArray = nullptr;
    const TypeInfo *jtoken = nullptr, *jobject = nullptr, *jarray = nullptr, *jproperty = nullptr,
                   *jvalue = nullptr;
    const TypeInfo *exception = nullptr;

private:
    TypeRegistry();
    void bindAll();
    const TypeInfo *intern(const QString &key, const std::function<TypeInfo *()> &make);

    mutable QMutex m_mutex;
    std::deque<std::unique_ptr<TypeInfo>> m_types;
    QHash<QString, const TypeInfo *> m_byName;
    QHash<QString, const TypeInfo *> m_constructed;
    QHash<QString, bool> m_namespaces;
    TypeInfo *m_linq = nullptr;
};

// Bindings, one per area (Bind*.cpp).
void bindCoreTypes(TypeRegistry &r);
void bindStringType(TypeRegistry &r);
void bindCollections(TypeRegistry &r);
void bindLinq(TypeRegistry &r);
void bindContextTypes(TypeRegistry &r);
void bindJsonTypes(TypeRegistry &r);
void bindRegexTypes(TypeRegistry &r);
void bindDateTypes(TypeRegistry &r);
void bindEncodingTypes(TypeRegistry &r);
void bindUriTypes(TypeRegistry &r);
void bindJwtTypes(TypeRegistry &r);

// Helpers for the member tables.
namespace bind {
inline Param p(TypePat type, const char *name)
{
    Param param;
    param.type = type;
    param.name = QString::fromLatin1(name);
    return param;
}
inline Param opt(TypePat type, const char *name, Value def)
{
    Param param = p(type, name);
    param.optional = true;
    param.defaultValue = std::move(def);
    return param;
}
inline Param out(TypePat type, const char *name)
{
    Param param = p(type, name);
    param.out = true;
    return param;
}
inline Param params(TypePat elementType, const char *name)
{
    Param param = p(elementType, name);
    param.isParams = true;
    return param;
}
Member &prop(TypeInfo *t, const char *name, TypePat result, NativeFn fn);
Member &sprop(TypeInfo *t, const char *name, TypePat result, NativeFn fn);
Member &method(TypeInfo *t, const char *name, std::vector<Param> params, TypePat result, NativeFn fn);
Member &smethod(TypeInfo *t, const char *name, std::vector<Param> params, TypePat result, NativeFn fn);
Member &ctor(TypeInfo *t, std::vector<Param> params, NativeFn fn);
Member &indexer(TypeInfo *t, std::vector<Param> params, TypePat result, NativeFn fn);
// ToString() of an enum type: the constant's name, as .NET prints it.
void enumToString(TypeInfo *t, const TypeInfo *stringType);
// An enum constant (static field with an int value).
void constant(TypeInfo *t, const char *name, int value);
} // namespace bind

} // namespace sluice
