#include "Bind.h"
#include "JsonTokenObject.h"

namespace sluice {

using namespace bind;
using dotnet::JsonFormatting;
using dotnet::JsonToken;
using dotnet::JTokenType;

namespace {

JsonToken &node(const Value &self)
{
    return *static_cast<JsonTokenObject *>(self.object())->token();
}

JsonToken::Ptr nodePtr(const Value &self)
{
    return static_cast<JsonTokenObject *>(self.object())->token();
}

[[noreturn]] void jsonReaderError(const QString &message)
{
    Frame::fail(QStringLiteral("JsonReaderException"), message);
}

void check(const std::optional<dotnet::DotNetError> &error)
{
    if (error)
        Frame::fail(error->type, error->message);
}

QString typeName(const JsonToken &t)
{
    return dotnet::jTokenTypeName(t.type());
}

JsonFormatting formattingOf(const Value &v)
{
    return v.toLong() == 1 ? JsonFormatting::Indented : JsonFormatting::None;
}

JsonToken::Ptr toNode(Frame &f, const Value &v)
{
    return JsonTokenObject::tokenOf(rt::jsonFromValue(f, v));
}

Value tokenValue(const JsonToken::Ptr &n)
{
    return JsonTokenObject::wrap(n);
}

Value tokenList(const TypeInfo *type, const QList<JsonToken::Ptr> &tokens)
{
    std::vector<Value> items;
    items.reserve(size_t(tokens.size()));
    for (const auto &c : tokens)
        items.push_back(tokenValue(c));
    return Value::fromObject(std::make_shared<ArrayObject>(type, std::move(items)));
}

// token[key] with Newtonsoft's dynamic semantics
Value index(const Value &self, const Value &key)
{
    const JsonToken &n = node(self);
    if (key.isString()) {
        if (n.isObject())
            return tokenValue(n.value(key.asString()));
        Frame::fail(QStringLiteral("InvalidOperationException"),
                    QCoreApplication::translate("Expression", "Cannot access child value on %1.").arg(
                        n.isArray() ? QStringLiteral("Newtonsoft.Json.Linq.JArray")
                                    : QStringLiteral("Newtonsoft.Json.Linq.JValue")));
    }
    if (n.isArray()) {
        const qint64 i = key.toLong();
        if (i < 0 || i >= qint64(n.count()))
            Frame::argumentOutOfRange(QStringLiteral("index"));
        return tokenValue(n.children().at(qsizetype(i)));
    }
    Frame::fail(QStringLiteral("ArgumentException"),
                QCoreApplication::translate("Expression", "Accessed %1 values with invalid key value: %2.")
                    .arg(n.isObject() ? QStringLiteral("JObject") : QStringLiteral("JValue"), key.toString()));
}

JsonToken::Ptr selectToken(JsonToken::Ptr root, const QString &path)
{
    JsonToken::Ptr cur = std::move(root);
    int i = 0;
    const int n = int(path.size());
    if (path.startsWith(QLatin1Char('$')))
        i = 1;
    while (cur && i < n) {
        const QChar c = path.at(i);
        if (c == QLatin1Char('.')) {
            ++i;
            continue;
        }
        if (c == QLatin1Char('[')) {
            const int close = int(path.indexOf(QLatin1Char(']'), i));
            if (close < 0)
                return nullptr;
            QString inner = path.mid(i + 1, close - i - 1).trimmed();
            i = close + 1;
            if (inner.startsWith(QLatin1Char('\'')) || inner.startsWith(QLatin1Char('"'))) {
                cur = cur->isObject() ? cur->value(inner.mid(1, inner.size() - 2)) : nullptr;
            } else {
                bool ok = false;
                const int idx = inner.toInt(&ok);
                cur = ok && cur->isArray() && idx >= 0 && idx < cur->count() ? cur->children().at(idx) : nullptr;
            }
            continue;
        }
        int end = i;
        while (end < n && path.at(end) != QLatin1Char('.') && path.at(end) != QLatin1Char('['))
            ++end;
        const QString name = path.mid(i, end - i);
        cur = cur->isObject() ? cur->value(name) : nullptr;
        i = end;
    }
    return cur;
}

} // namespace

Value rt::jsonMember(const Value &token, const QString &name)
{
    const JsonToken::Ptr n = JsonTokenObject::tokenOf(token);
    if (!n || !n->isObject())
        return {};
    return tokenValue(n->value(name));
}

Value rt::jsonParse(const QString &text, const TypeInfo *expected)
{
    auto parsed = JsonToken::parse(text);
    if (!parsed)
        jsonReaderError(parsed.error().message);
    const JsonToken::Ptr n = parsed.value();
    TypeRegistry &r = types();
    if (expected == r.jobject && !n->isObject())
        jsonReaderError(QCoreApplication::translate("Expression", "Error reading JObject from JsonReader. Current "
                                                                  "JsonReader item is not an object: %1.")
                            .arg(typeName(*n)));
    if (expected == r.jarray && !n->isArray())
        jsonReaderError(QCoreApplication::translate("Expression", "Error reading JArray from JsonReader. Current "
                                                                  "JsonReader item is not an array: %1.")
                            .arg(typeName(*n)));
    return tokenValue(n);
}

Value rt::jsonFromValue(Frame &f, const Value &v)
{
    switch (v.kind()) {
    case Value::Kind::Null: return tokenValue(JsonToken::createNull());
    case Value::Kind::Bool: return tokenValue(JsonToken::createBool(v.asBool()));
    case Value::Kind::Int:
    case Value::Kind::Long: return tokenValue(JsonToken::createInteger(v.toLong()));
    case Value::Kind::Double: return tokenValue(JsonToken::createFloat(v.asDouble()));
    case Value::Kind::Object: {
        ExprObject *o = v.object();
        if (dynamic_cast<JsonTokenObject *>(o))
            return v;
        if (auto *kv = dynamic_cast<KeyValuePairObject *>(o))
            return tokenValue(JsonToken::createProperty(kv->key.toString(), toNode(f, kv->value)));
        if (auto *d = dynamic_cast<DictionaryObject *>(o)) {
            auto obj = JsonToken::createObject();
            for (const auto &e : d->entries)
                check(obj->set(e.first.toString(), toNode(f, e.second)));
            return tokenValue(obj);
        }
        if (dynamic_cast<ArrayObject *>(o)) {
            auto arr = JsonToken::createArray();
            for (const Value &item : elements(f, v))
                check(arr->add(toNode(f, item)));
            return tokenValue(arr);
        }
        const QString name = o->exprType() ? o->exprType()->name : QString();
        if (name == QLatin1String("DateTime") || name == QLatin1String("DateTimeOffset"))
            return tokenValue(JsonToken::createString(o->formatted(QStringLiteral("yyyy-MM-ddTHH:mm:ss.FFFFFFFK"))));
        return tokenValue(JsonToken::createString(o->toString()));
    }
    default: return tokenValue(JsonToken::createString(v.toString()));
    }
}

namespace {

// Anonymous objects hold plain values: converted without a frame.
JsonToken::Ptr plainToNode(const Value &v)
{
    if (auto t = JsonTokenObject::tokenOf(v))
        return t;
    if (v.isNull())
        return JsonToken::createNull();
    if (v.kind() == Value::Kind::Bool)
        return JsonToken::createBool(v.asBool());
    if (v.kind() == Value::Kind::Int || v.kind() == Value::Kind::Long)
        return JsonToken::createInteger(v.toLong());
    if (v.kind() == Value::Kind::Double)
        return JsonToken::createFloat(v.asDouble());
    if (auto *arr = dynamic_cast<ArrayObject *>(v.object())) {
        auto out = JsonToken::createArray();
        for (const Value &item : arr->items)
            check(out->add(plainToNode(item)));
        return out;
    }
    return JsonToken::createString(v.toString());
}

} // namespace

Value rt::makeJsonObject(const std::vector<QString> &names, const std::vector<Value> &values)
{
    auto obj = JsonToken::createObject();
    for (size_t i = 0; i < names.size() && i < values.size(); ++i)
        check(obj->set(names[i], plainToNode(values[i])));
    return tokenValue(obj);
}

Value rt::jsonToPrimitive(Frame &f, const Value &token, const TypeInfo *target)
{
    Q_UNUSED(f);
    if (token.isNull()) {
        if (target->isValueType)
            Frame::fail(QStringLiteral("ArgumentNullException"),
                        QCoreApplication::translate("Expression", "Value cannot be null."));
        return {};
    }
    const JsonToken &n = node(token);
    if (n.isContainer())
        Frame::fail(QStringLiteral("ArgumentException"),
                    QCoreApplication::translate("Expression", "Can not convert %1 to %2.").arg(typeName(n), target->name));
    if (n.isNullValue()) {
        if (target->isValueType)
            Frame::fail(QStringLiteral("ArgumentException"),
                        QCoreApplication::translate("Expression", "Can not convert Null to %1.").arg(target->name));
        return {};
    }
    const JTokenType kind = n.type();
    switch (target->kind) {
    case TypeKind::String: return Value::fromString(n.toString());
    case TypeKind::Bool:
        if (kind == JTokenType::Boolean)
            return Value::fromBool(n.boolValue());
        if (kind == JTokenType::Integer)
            return Value::fromBool(n.integerValue() != 0);
        if (kind == JTokenType::String) {
            if (n.stringValue().compare(QLatin1String("true"), Qt::CaseInsensitive) == 0)
                return Value::fromBool(true);
            if (n.stringValue().compare(QLatin1String("false"), Qt::CaseInsensitive) == 0)
                return Value::fromBool(false);
        }
        Frame::format();
    case TypeKind::Int:
    case TypeKind::Long:
    case TypeKind::Double:
    case TypeKind::Byte:
    case TypeKind::Char: {
        Value v;
        if (kind == JTokenType::Integer)
            v = Value::fromLong(n.integerValue());
        else if (kind == JTokenType::Float)
            v = Value::fromDouble(n.floatValue());
        else if (kind == JTokenType::Boolean)
            v = Value::fromInt(n.boolValue() ? 1 : 0);
        else {
            bool ok = false;
            const double d = n.toString().trimmed().toDouble(&ok);
            if (!ok)
                Frame::format();
            v = target->kind == TypeKind::Double ? Value::fromDouble(d) : Value::fromLong(qint64(d));
            if (target->kind != TypeKind::Double && d != std::floor(d))
                Frame::format();
        }
        return convertNumeric(v, target);
    }
    default: break;
    }
    if (target->kind == TypeKind::Object)
        return token;
    Frame::fail(QStringLiteral("InvalidCastException"),
                QCoreApplication::translate("Expression", "Can not convert %1 to %2.").arg(typeName(n), target->name));
}

void bindJsonTypes(TypeRegistry &r)
{
    const QString ns = S("Newtonsoft.Json.Linq");
    const TypeInfo *str = r.stringType, *intT = r.intType, *boolT = r.boolType, *obj = r.objectType;
    TypeInfo *token = r.define(S("JToken"), TypeKind::Class, nullptr, ns);
    TypeInfo *container = r.define(S("JContainer"), TypeKind::Class, token, ns);
    TypeInfo *jobject = r.define(S("JObject"), TypeKind::Class, container, ns);
    TypeInfo *jarray = r.define(S("JArray"), TypeKind::Class, container, ns);
    TypeInfo *jproperty = r.define(S("JProperty"), TypeKind::Class, container, ns);
    TypeInfo *jvalue = r.define(S("JValue"), TypeKind::Class, token, ns);
    r.jtoken = token;
    r.jobject = jobject;
    r.jarray = jarray;
    r.jproperty = jproperty;
    r.jvalue = jvalue;
    token->element = token;
    container->element = token;
    jarray->element = token;
    jproperty->element = token;
    jobject->element = r.keyValuePairOf(str, token);
    jobject->key = str;
    jobject->value = token;

    TypeInfo *formatting = r.define(S("Formatting"), TypeKind::Enum, nullptr, S("Newtonsoft.Json"));
    formatting->isValueType = true;
    constant(formatting, "None", 0);
    constant(formatting, "Indented", 1);
    TypeInfo *tokenType = r.define(S("JTokenType"), TypeKind::Enum, nullptr, ns);
    tokenType->isValueType = true;
    const char *const typeNames[] = {"None", "Object", "Array", "Constructor", "Property", "Comment", "Integer",
                                     "Float", "String", "Boolean", "Null", "Undefined", "Date", "Raw", "Bytes",
                                     "Guid", "Uri", "TimeSpan"};
    for (int i = 0; i < 18; ++i)
        constant(tokenType, typeNames[i], i);
    enumToString(formatting, r.stringType);
    enumToString(tokenType, r.stringType);

    // JToken
    indexer(token, {p(obj, "key")}, token, SLUICE_FN { return index(self, a[0]); });
    Member &setT = indexer(token, {p(obj, "key"), p(token, "value")}, token, SLUICE_FN {
        JsonToken &n = node(self);
        JsonToken::Ptr v = toNode(f, a[1]);
        if (n.isObject() && a[0].isString()) {
            check(n.set(a[0].asString(), v));
        } else if (n.isArray() && a[0].isNumeric()) {
            const qint64 i = a[0].toLong();
            if (i < 0 || i >= qint64(n.count()))
                Frame::argumentOutOfRange(QStringLiteral("index"));
            check(n.set(qsizetype(i), v));
        } else {
            Frame::fail(QStringLiteral("ArgumentException"),
                        QCoreApplication::translate("Expression", "Set JToken values with invalid key value: %1.")
                            .arg(a[0].toString()));
        }
        return a[1];
    });
    setT.name = S("this[]=");
    Member &v0 = method(token, "Value", {}, Pat::Gen0, SLUICE_FN { return rt::jsonToPrimitive(f, self, site.genericArg); });
    v0.genericArity = 1;
    Member &v1 = method(token, "Value", {p(obj, "key")}, Pat::Gen0, SLUICE_FN {
        Value v = index(self, a[0]);
        if (site.genericArg->derivesFrom(rt::types().jtoken))
            return v;
        return rt::jsonToPrimitive(f, v, site.genericArg);
    });
    v1.genericArity = 1;
    Member &to = method(token, "ToObject", {}, Pat::Gen0, SLUICE_FN {
        if (site.genericArg->derivesFrom(rt::types().jtoken))
            return rt::castTo(f, self, site.genericArg);
        return rt::jsonToPrimitive(f, self, site.genericArg);
    });
    to.genericArity = 1;
    method(token, "ToString", {}, str, SLUICE_FN { return Value::fromString(self.toString()); });
    method(token, "ToString", {p(formatting, "formatting")}, str,
           SLUICE_FN { return Value::fromString(node(self).toString(formattingOf(a[0]))); });
    prop(token, "Type", tokenType, SLUICE_FN { return Value::fromInt(int(node(self).type())); });
    prop(token, "HasValues", boolT, SLUICE_FN { return Value::fromBool(node(self).hasValues()); });
    prop(token, "Parent", container, SLUICE_FN {
        JsonToken *parent = node(self).parent();
        return parent ? tokenValue(parent->shared_from_this()) : Value();
    });
    prop(token, "Path", str, SLUICE_FN { return Value::fromString(node(self).path()); });
    method(token, "Children", {}, r.enumerableOf(token), SLUICE_FN {
        return tokenList(site.resultType, node(self).children());
    });
    method(token, "SelectToken", {p(str, "path")}, token, SLUICE_FN {
        return tokenValue(selectToken(nodePtr(self), rt::str(a[0], "path")));
    });
    method(token, "DeepClone", {}, token, SLUICE_FN { return tokenValue(node(self).deepClone()); });
    method(token, "Remove", {}, r.voidType, SLUICE_FN {
        JsonToken &n = node(self);
        JsonToken *parent = n.parent();
        if (parent && parent->isProperty() && parent->parent())
            check(parent->removeFromParent());
        else
            check(n.removeFromParent());
        return {};
    });
    smethod(token, "Parse", {p(str, "json")}, token, SLUICE_FN { return rt::jsonParse(rt::str(a[0], "json"), nullptr); });
    smethod(token, "FromObject", {p(obj, "o")}, token, SLUICE_FN { return rt::jsonFromValue(f, a[0]); });
    smethod(token, "DeepEquals", {p(token, "t1"), p(token, "t2")}, boolT, SLUICE_FN {
        if (a[0].isNull() || a[1].isNull())
            return Value::fromBool(a[0].isNull() && a[1].isNull());
        return Value::fromBool(node(a[0]).deepEquals(node(a[1])));
    });

    // JObject
    ctor(jobject, {}, SLUICE_FN { return tokenValue(JsonToken::createObject()); });
    ctor(jobject, {params(obj, "content")}, SLUICE_FN {
        auto o = JsonToken::createObject();
        for (const Value &item : rt::elements(f, a[0])) {
            auto n = toNode(f, item);
            if (n->isObject()) {
                const auto properties = n->children();
                for (const auto &c : properties)
                    check(o->set(c->name(), c->propertyValue()));
            } else if (n->isProperty()) {
                check(o->set(n->name(), n->propertyValue()));
            } else {
                Frame::fail(QStringLiteral("ArgumentException"),
                            QCoreApplication::translate("Expression", "Can not add %1 to Newtonsoft.Json.Linq.JObject.")
                                .arg(QStringLiteral("Newtonsoft.Json.Linq.JValue")));
            }
        }
        return tokenValue(o);
    });
    smethod(jobject, "Parse", {p(str, "json")}, jobject,
            SLUICE_FN { return rt::jsonParse(rt::str(a[0], "json"), rt::types().jobject); });
    smethod(jobject, "FromObject", {p(obj, "o")}, jobject, SLUICE_FN {
        Value v = rt::jsonFromValue(f, a[0]);
        if (!node(v).isObject())
            Frame::fail(QStringLiteral("ArgumentException"),
                        QCoreApplication::translate("Expression", "Object serialized to %1. JObject instance expected.")
                            .arg(typeName(node(v))));
        return v;
    });
    method(jobject, "Properties", {}, r.enumerableOf(jproperty), SLUICE_FN {
        return tokenList(site.resultType, node(self).properties());
    });
    method(jobject, "Property", {p(str, "name")}, jproperty,
           SLUICE_FN { return tokenValue(node(self).property(rt::strOrEmpty(a[0]))); });
    method(jobject, "ContainsKey", {p(str, "propertyName")}, boolT,
           SLUICE_FN { return Value::fromBool(node(self).containsKey(rt::strOrEmpty(a[0]))); });
    method(jobject, "TryGetValue", {p(str, "propertyName"), out(token, "value")}, boolT, SLUICE_FN {
        a[1] = tokenValue(node(self).value(rt::strOrEmpty(a[0])));
        return Value::fromBool(!a[1].isNull());
    });
    method(jobject, "GetValue", {p(str, "propertyName")}, token,
           SLUICE_FN { return tokenValue(node(self).value(rt::strOrEmpty(a[0]))); });
    method(jobject, "GetValue", {p(str, "propertyName"), p(r.find(S("StringComparison")), "comparison")}, token, SLUICE_FN {
        const Qt::CaseSensitivity cs = a[1].toLong() == 5 ? Qt::CaseInsensitive : Qt::CaseSensitive;
        const auto properties = node(self).properties();
        for (const auto &c : properties) {
            if (c->name().compare(rt::strOrEmpty(a[0]), cs) == 0)
                return tokenValue(c->propertyValue());
        }
        return {};
    });
    method(jobject, "Add", {p(str, "propertyName"), p(token, "value")}, r.voidType, SLUICE_FN {
        JsonToken &n = node(self);
        if (n.containsKey(rt::str(a[0], "propertyName")))
            Frame::fail(QStringLiteral("ArgumentException"),
                        QCoreApplication::translate("Expression", "Can not add property %1 to Newtonsoft.Json.Linq.JObject. "
                                                                  "Property with the same name already exists on object.")
                            .arg(a[0].asString()));
        check(n.set(a[0].asString(), toNode(f, a[1])));
        return {};
    });
    method(jobject, "Add", {p(obj, "content")}, r.voidType, SLUICE_FN {
        auto n = toNode(f, a[0]);
        if (!n->isProperty())
            Frame::fail(QStringLiteral("ArgumentException"),
                        QCoreApplication::translate("Expression", "Can not add %1 to Newtonsoft.Json.Linq.JObject.")
                            .arg(typeName(*n)));
        check(node(self).set(n->name(), n->propertyValue()));
        return {};
    });
    method(jobject, "Remove", {p(str, "propertyName")}, boolT,
           SLUICE_FN { return Value::fromBool(node(self).remove(rt::strOrEmpty(a[0]))); });
    prop(jobject, "Count", intT, SLUICE_FN { return Value::fromInt(int(node(self).count())); });
    indexer(jobject, {p(str, "propertyName")}, token,
            SLUICE_FN { return tokenValue(node(self).value(rt::str(a[0], "propertyName"))); });
    Member &setO = indexer(jobject, {p(str, "propertyName"), p(token, "value")}, token, SLUICE_FN {
        check(node(self).set(rt::str(a[0], "propertyName"), toNode(f, a[1])));
        return a[1];
    });
    setO.name = S("this[]=");

    // JArray
    ctor(jarray, {}, SLUICE_FN { return tokenValue(JsonToken::createArray()); });
    ctor(jarray, {params(obj, "content")}, SLUICE_FN {
        auto arr = JsonToken::createArray();
        const std::vector<Value> items = rt::elements(f, a[0]);
        if (items.size() == 1 && dynamic_cast<ArrayObject *>(items[0].object())) {
            for (const Value &item : rt::elements(f, items[0]))
                check(arr->add(toNode(f, item)));
        } else {
            for (const Value &item : items)
                check(arr->add(toNode(f, item)));
        }
        return tokenValue(arr);
    });
    smethod(jarray, "Parse", {p(str, "json")}, jarray,
            SLUICE_FN { return rt::jsonParse(rt::str(a[0], "json"), rt::types().jarray); });
    smethod(jarray, "FromObject", {p(obj, "o")}, jarray, SLUICE_FN { return rt::castTo(f, rt::jsonFromValue(f, a[0]), rt::types().jarray); });
    method(jarray, "Add", {p(obj, "item")}, r.voidType, SLUICE_FN {
        check(node(self).add(toNode(f, a[0])));
        return {};
    });
    method(jarray, "RemoveAt", {p(intT, "index")}, r.voidType, SLUICE_FN {
        JsonToken &n = node(self);
        if (a[0].toLong() < 0 || a[0].toLong() >= qint64(n.count()))
            Frame::argumentOutOfRange(QStringLiteral("index"));
        check(n.removeAt(qsizetype(a[0].toLong())));
        return {};
    });
    prop(jarray, "Count", intT, SLUICE_FN { return Value::fromInt(int(node(self).count())); });
    indexer(jarray, {p(intT, "index")}, token, SLUICE_FN { return index(self, a[0]); });

    // JProperty
    ctor(jproperty, {p(str, "name"), p(obj, "content")}, SLUICE_FN {
        return tokenValue(JsonToken::createProperty(rt::str(a[0], "name"), toNode(f, a[1])));
    });
    prop(jproperty, "Name", str, SLUICE_FN { return Value::fromString(node(self).name()); });
    prop(jproperty, "Value", token, SLUICE_FN { return tokenValue(node(self).propertyValue()); });

    // JValue
    ctor(jvalue, {p(obj, "value")}, SLUICE_FN { return rt::jsonFromValue(f, a[0]); });
    prop(jvalue, "Value", obj, SLUICE_FN {
        const JsonToken &n = node(self);
        switch (n.type()) {
        case JTokenType::String: return Value::fromString(n.stringValue());
        case JTokenType::Integer: return Value::fromLong(n.integerValue());
        case JTokenType::Float: return Value::fromDouble(n.floatValue());
        case JTokenType::Boolean: return Value::fromBool(n.boolValue());
        case JTokenType::Date: return makeDateTime(QDateTime::fromMSecsSinceEpoch(
            (n.dateValue().ticks() - dotnet::DotNetDateTime::unixEpochTicks()) / 10000, Qt::UTC));
        default: return Value();
        }
    });

    // JsonConvert
    TypeInfo *convert = r.define(S("JsonConvert"), TypeKind::Class, nullptr, S("Newtonsoft.Json"));
    smethod(convert, "SerializeObject", {p(obj, "value")}, str, SLUICE_FN {
        if (a[0].isString())
            return Value::fromString(JsonToken::quote(a[0].asString()));
        return Value::fromString(node(rt::jsonFromValue(f, a[0])).serialize(JsonFormatting::None));
    });
    smethod(convert, "SerializeObject", {p(obj, "value"), p(formatting, "formatting")}, str, SLUICE_FN {
        return Value::fromString(node(rt::jsonFromValue(f, a[0])).serialize(formattingOf(a[1])));
    });
    smethod(convert, "DeserializeObject", {p(str, "value")}, obj,
            SLUICE_FN { return rt::jsonParse(rt::str(a[0], "value"), nullptr); });
    Member &des = smethod(convert, "DeserializeObject", {p(str, "value")}, Pat::Gen0, SLUICE_FN {
        const TypeInfo *t = site.genericArg;
        Value v = rt::jsonParse(rt::str(a[0], "value"), t->derivesFrom(rt::types().jtoken) ? t : nullptr);
        if (t->derivesFrom(rt::types().jtoken) || t->kind == TypeKind::Object)
            return v;
        return rt::jsonToPrimitive(f, v, t);
    });
    des.genericArity = 1;
}

} // namespace sluice
