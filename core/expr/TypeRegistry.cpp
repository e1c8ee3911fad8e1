#include "TypeRegistry.h"

#include <QMutexLocker>

namespace sluice {

bool TypeInfo::derivesFrom(const TypeInfo *other) const
{
    if (this == other)
        return true;
    if (base && base->derivesFrom(other))
        return true;
    for (const TypeInfo *i : interfaces) {
        if (i->derivesFrom(other))
            return true;
    }
    return false;
}

TypeRegistry &TypeRegistry::instance()
{
    static TypeRegistry *registry = [] {
        auto *r = new TypeRegistry; // never destroyed: compiled expressions point into it
        r->bindAll();
        return r;
    }();
    return *registry;
}

TypeRegistry::TypeRegistry()
{
    auto prim = [this](const char *name, TypeKind kind, bool valueType, std::initializer_list<const char *> aliases) {
        TypeInfo *t = define(QString::fromLatin1(name), kind);
        t->isValueType = valueType;
        for (const char *a : aliases) {
            alias(QString::fromLatin1(a), t);
            alias(QStringLiteral("System.") + QString::fromLatin1(a), t);
        }
        return t;
    };
    addNamespace(QStringLiteral("System"));
    objectType = prim("object", TypeKind::Object, false, {"Object"});
    voidType = prim("void", TypeKind::Void, false, {"Void"});
    nullType = define(QStringLiteral("null"), TypeKind::Null);
    m_byName.remove(QStringLiteral("null"));
    boolType = prim("bool", TypeKind::Bool, true, {"Boolean"});
    charType = prim("char", TypeKind::Char, true, {"Char"});
    byteType = prim("byte", TypeKind::Byte, true, {"Byte"});
    intType = prim("int", TypeKind::Int, true, {"Int32"});
    longType = prim("long", TypeKind::Long, true, {"Int64"});
    doubleType = prim("double", TypeKind::Double, true, {"Double"});
    stringType = prim("string", TypeKind::String, false, {"String"});
    alias(QStringLiteral("short"), intType);
    alias(QStringLiteral("ushort"), intType);
    alias(QStringLiteral("sbyte"), intType);
    alias(QStringLiteral("System.Int16"), intType);
    alias(QStringLiteral("uint"), longType);
    alias(QStringLiteral("ulong"), longType);
    alias(QStringLiteral("System.UInt32"), longType);
    alias(QStringLiteral("System.UInt64"), longType);
    alias(QStringLiteral("float"), doubleType);
    alias(QStringLiteral("decimal"), doubleType);
    alias(QStringLiteral("System.Single"), doubleType);
    alias(QStringLiteral("System.Decimal"), doubleType);
    lambdaType = define(QStringLiteral("lambda"), TypeKind::Lambda);
    m_byName.remove(QStringLiteral("lambda"));

    addNamespace(QStringLiteral("System.Collections.Generic"));
    addNamespace(QStringLiteral("System.Linq"));
    enumerableDef = define(QStringLiteral("IEnumerable`1"), TypeKind::Class, nullptr,
                           QStringLiteral("System.Collections.Generic"));
    alias(QStringLiteral("ICollection`1"), enumerableDef);
    alias(QStringLiteral("IList`1"), enumerableDef);
    alias(QStringLiteral("IReadOnlyList`1"), enumerableDef);
    alias(QStringLiteral("IReadOnlyCollection`1"), enumerableDef);
    listDef = define(QStringLiteral("List`1"), TypeKind::Class, nullptr, QStringLiteral("System.Collections.Generic"));
    dictionaryDef = define(QStringLiteral("Dictionary`2"), TypeKind::Class, nullptr,
                           QStringLiteral("System.Collections.Generic"));
    alias(QStringLiteral("IDictionary`2"), dictionaryDef);
    alias(QStringLiteral("IReadOnlyDictionary`2"), dictionaryDef);
    alias(QStringLiteral("System.Collections.Generic.IDictionary`2"), dictionaryDef);
    alias(QStringLiteral("System.Collections.Generic.IReadOnlyDictionary`2"), dictionaryDef);
    kvpDef = define(QStringLiteral("KeyValuePair`2"), TypeKind::Class, nullptr,
                    QStringLiteral("System.Collections.Generic"));
    auto *arr = new TypeInfo;
    arr->name = QStringLiteral("Array");
    arr->kind = TypeKind::Class;
    m_types.emplace_back(arr);
    arrayDef = arr;
    alias(QStringLiteral("Array"), arrayDef);
    alias(QStringLiteral("System.Array"), arrayDef);

    TypeInfo *linq = new TypeInfo;
    linq->name = QStringLiteral("Enumerable");
    m_types.emplace_back(linq);
    m_linq = linq;

    stringArray = arrayOf(stringType);
    byteArray = arrayOf(byteType);
    objectArray = arrayOf(objectType);
    charArray = arrayOf(charType);
    TypeInfo *str = const_cast<TypeInfo *>(stringType);
    str->element = charType;
}

void TypeRegistry::bindAll()
{
    bindCoreTypes(*this);
    bindStringType(*this);
    bindCollections(*this);
    bindLinq(*this);
    bindJsonTypes(*this);
    bindDateTypes(*this);
    bindContextTypes(*this);
    bindRegexTypes(*this);
    bindEncodingTypes(*this);
    bindUriTypes(*this);
    bindJwtTypes(*this);
}

TypeInfo *TypeRegistry::define(const QString &name, TypeKind kind, const TypeInfo *base, const QString &ns)
{
    auto *t = new TypeInfo;
    t->name = name;
    t->kind = kind;
    t->base = base;
    m_types.emplace_back(t);
    const QString simple = name.section(QLatin1Char('`'), 0, 0) == name ? name : name;
    m_byName.insert(simple, t);
    if (!ns.isEmpty()) {
        addNamespace(ns);
        m_byName.insert(ns + QLatin1Char('.') + simple, t);
    }
    if (name.contains(QLatin1Char('`')))
        t->name = name.section(QLatin1Char('`'), 0, 0);
    return t;
}

void TypeRegistry::alias(const QString &name, const TypeInfo *type)
{
    m_byName.insert(name, type);
}

void TypeRegistry::addNamespace(const QString &ns)
{
    QString prefix;
    for (const QString &part : ns.split(QLatin1Char('.'))) {
        prefix = prefix.isEmpty() ? part : prefix + QLatin1Char('.') + part;
        m_namespaces.insert(prefix, true);
    }
}

// m_byName and m_namespaces are filled before instance() returns and never
// change afterwards: lookups need no lock (they run during evaluation too).
const TypeInfo *TypeRegistry::find(const QString &name) const
{
    return m_byName.value(name);
}

bool TypeRegistry::isNamespace(const QString &dottedPrefix) const
{
    return m_namespaces.contains(dottedPrefix);
}

const TypeInfo *TypeRegistry::intern(const QString &key, const std::function<TypeInfo *()> &make)
{
    QMutexLocker lock(&m_mutex);
    if (const TypeInfo *t = m_constructed.value(key))
        return t;
    TypeInfo *t = make();
    m_types.emplace_back(t);
    m_constructed.insert(key, t);
    return t;
}

const TypeInfo *TypeRegistry::arrayOf(const TypeInfo *element)
{
    return intern(QStringLiteral("[]") + element->name, [&] {
        auto *t = new TypeInfo;
        t->name = element->name + QStringLiteral("[]");
        t->kind = TypeKind::Array;
        t->element = element;
        t->genericDefinition = arrayDef;
        t->typeArguments = {element};
        return t;
    });
}

const TypeInfo *TypeRegistry::enumerableOf(const TypeInfo *element)
{
    return instantiate(enumerableDef, {element});
}

const TypeInfo *TypeRegistry::listOf(const TypeInfo *element)
{
    return instantiate(listDef, {element});
}

const TypeInfo *TypeRegistry::dictionaryOf(const TypeInfo *key, const TypeInfo *value)
{
    return instantiate(dictionaryDef, {key, value});
}

const TypeInfo *TypeRegistry::keyValuePairOf(const TypeInfo *key, const TypeInfo *value)
{
    return instantiate(kvpDef, {key, value});
}

const TypeInfo *TypeRegistry::instantiate(const TypeInfo *definition, const std::vector<const TypeInfo *> &args)
{
    QString name = definition->name + QLatin1Char('<');
    for (size_t i = 0; i < args.size(); ++i)
        name += (i ? QStringLiteral(", ") : QString()) + args[i]->name;
    name += QLatin1Char('>');
    // dependent types first (outside the lock)
    const TypeInfo *pair = nullptr;
    const TypeInfo *enumerable = nullptr;
    if (definition == dictionaryDef && args.size() == 2)
        pair = keyValuePairOf(args[0], args[1]);
    else if (definition == listDef && args.size() == 1)
        enumerable = enumerableOf(args[0]);
    return intern(name, [&] {
        auto *t = new TypeInfo;
        t->name = name;
        t->kind = TypeKind::Class;
        t->genericDefinition = definition;
        t->typeArguments = args;
        if (definition == enumerableDef && args.size() == 1) {
            t->element = args[0];
        } else if (definition == listDef && args.size() == 1) {
            t->element = args[0];
            t->interfaces = {enumerable};
        } else if (definition == dictionaryDef && args.size() == 2) {
            t->key = args[0];
            t->value = args[1];
            t->element = pair;
        } else if (definition == kvpDef && args.size() == 2) {
            t->key = args[0];
            t->value = args[1];
            t->isValueType = true;
        }
        return t;
    });
}

namespace bind {

static Member &add(TypeInfo *t, Member::Kind kind, bool isStatic, const char *name, std::vector<Param> params,
                   TypePat result, NativeFn fn)
{
    Member m;
    m.kind = kind;
    m.isStatic = isStatic;
    m.name = QString::fromLatin1(name);
    m.params = std::move(params);
    m.result = result;
    m.fn = fn;
    t->members.push_back(std::move(m));
    return t->members.back();
}

Member &prop(TypeInfo *t, const char *name, TypePat result, NativeFn fn)
{
    return add(t, Member::Kind::Property, false, name, {}, result, fn);
}
Member &sprop(TypeInfo *t, const char *name, TypePat result, NativeFn fn)
{
    return add(t, Member::Kind::Property, true, name, {}, result, fn);
}
Member &method(TypeInfo *t, const char *name, std::vector<Param> params, TypePat result, NativeFn fn)
{
    return add(t, Member::Kind::Method, false, name, std::move(params), result, fn);
}
Member &smethod(TypeInfo *t, const char *name, std::vector<Param> params, TypePat result, NativeFn fn)
{
    return add(t, Member::Kind::Method, true, name, std::move(params), result, fn);
}
Member &ctor(TypeInfo *t, std::vector<Param> params, NativeFn fn)
{
    return add(t, Member::Kind::Constructor, true, ".ctor", std::move(params), TypePat(Pat::Receiver), fn);
}
Member &indexer(TypeInfo *t, std::vector<Param> params, TypePat result, NativeFn fn)
{
    return add(t, Member::Kind::Indexer, false, "this[]", std::move(params), result, fn);
}
void enumToString(TypeInfo *t, const TypeInfo *stringType)
{
    method(t, "ToString", {}, stringType, [](Frame &, const CallSite &site, const Value &self, Value *) {
        // As .NET prints an enum value: the constant's name, else the number.
        const qint64 value = self.toLong();
        if (site.receiverType) {
            for (const Member &m : site.receiverType->members)
                if (m.kind == Member::Kind::Field && m.isStatic && m.tag == value)
                    return Value::fromString(m.name);
        }
        return Value::fromString(QString::number(value));
    });
}

void constant(TypeInfo *t, const char *name, int value)
{
    Member &m = add(t, Member::Kind::Field, true, name, {}, TypePat(t),
                    [](Frame &, const CallSite &site, const Value &, Value *) {
                        return Value::fromInt(site.member->tag);
                    });
    m.tag = value;
}

} // namespace bind

} // namespace sluice
