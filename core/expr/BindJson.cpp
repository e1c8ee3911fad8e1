#include "Bind.h"
#include "JsonNode.h"

namespace sluice {

using namespace bind;

namespace {

JsonNode *node(const Value &self)
{
    return static_cast<JsonNode *>(self.object());
}

[[noreturn]] void jsonReaderError(const QString &message)
{
    Frame::fail(QStringLiteral("JsonReaderException"), message);
}

JsonNode::Ptr toNode(Frame &f, const Value &v)
{
    Value j = rt::jsonFromValue(f, v);
    return std::static_pointer_cast<JsonNode>(j.asObject());
}

Value tokenValue(const JsonNode::Ptr &n)
{
    return n ? Value::fromObject(n) : Value();
}

// token[key] with Newtonsoft's dynamic semantics
Value index(const Value &self, const Value &key)
{
    JsonNode *n = node(self);
    if (key.isString()) {
        if (n->kind == JsonNode::Kind::Object)
            return tokenValue(n->get(key.asString()));
        Frame::fail(QStringLiteral("InvalidOperationException"),
                    QCoreApplication::translate("Expression", "Cannot access child value on %1.").arg(
                        n->kind == JsonNode::Kind::Array ? QStringLiteral("Newtonsoft.Json.Linq.JArray")
                                                         : QStringLiteral("Newtonsoft.Json.Linq.JValue")));
    }
    if (n->kind == JsonNode::Kind::Array) {
        const qint64 i = key.toLong();
        if (i < 0 || quint64(i) >= n->children.size())
            Frame::argumentOutOfRange(QStringLiteral("index"));
        return tokenValue(n->children[size_t(i)]);
    }
    Frame::fail(QStringLiteral("ArgumentException"),
                QCoreApplication::translate("Expression", "Accessed %1 values with invalid key value: %2.")
                    .arg(n->kind == JsonNode::Kind::Object ? QStringLiteral("JObject") : QStringLiteral("JValue"),
                         key.toString()));
}

JsonNode::Ptr selectToken(JsonNode::Ptr root, const QString &path)
{
    JsonNode::Ptr cur = root;
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
                cur = cur->kind == JsonNode::Kind::Object ? cur->get(inner.mid(1, inner.size() - 2)) : nullptr;
            } else {
                bool ok = false;
                const int idx = inner.toInt(&ok);
                cur = ok && cur->kind == JsonNode::Kind::Array && idx >= 0 && size_t(idx) < cur->children.size()
                    ? cur->children[size_t(idx)]
                    : nullptr;
            }
            continue;
        }
        int end = i;
        while (end < n && path.at(end) != QLatin1Char('.') && path.at(end) != QLatin1Char('['))
            ++end;
        const QString name = path.mid(i, end - i);
        cur = cur->kind == JsonNode::Kind::Object ? cur->get(name) : nullptr;
        i = end;
    }
    return cur;
}

} // namespace

Value rt::jsonMember(const Value &token, const QString &name)
{
    auto *n = dynamic_cast<JsonNode *>(token.object());
    if (!n || n->kind != JsonNode::Kind::Object)
        return {};
    return tokenValue(n->get(name));
}

Value rt::jsonParse(const QString &text, const TypeInfo *expected)
{
    QString error;
    JsonNode::Ptr n = JsonNode::parse(text, &error);
    if (!n)
        jsonReaderError(error);
    TypeRegistry &r = types();
    if (expected == r.jobject && n->kind != JsonNode::Kind::Object)
        jsonReaderError(QCoreApplication::translate("Expression", "Error reading JObject from JsonReader. Current "
                                                                  "JsonReader item is not an object: %1.")
                            .arg(n->typeName()));
    if (expected == r.jarray && n->kind != JsonNode::Kind::Array)
        jsonReaderError(QCoreApplication::translate("Expression", "Error reading JArray from JsonReader. Current "
                                                                  "JsonReader item is not an array: %1.")
                            .arg(n->typeName()));
    return Value::fromObject(n);
}

Value rt::jsonFromValue(Frame &f, const Value &v)
{
    switch (v.kind()) {
    case Value::Kind::Null: return Value::fromObject(JsonNode::make(JsonNode::Kind::Null));
    case Value::Kind::Bool: {
        auto n = JsonNode::make(JsonNode::Kind::Boolean);
        n->boolean = v.asBool();
        return Value::fromObject(n);
    }
    case Value::Kind::Int:
    case Value::Kind::Long: {
        auto n = JsonNode::make(JsonNode::Kind::Integer);
        n->integer = v.toLong();
        return Value::fromObject(n);
    }
    case Value::Kind::Double: {
        auto n = JsonNode::make(JsonNode::Kind::Float);
        n->number = v.asDouble();
        return Value::fromObject(n);
    }
    case Value::Kind::Object: {
        ExprObject *o = v.object();
        if (dynamic_cast<JsonNode *>(o))
            return v;
        if (auto *kv = dynamic_cast<KeyValuePairObject *>(o))
            return Value::fromObject(JsonNode::property(kv->key.toString(), toNode(f, kv->value)));
        if (auto *d = dynamic_cast<DictionaryObject *>(o)) {
            auto obj = JsonNode::make(JsonNode::Kind::Object);
            for (const auto &e : d->entries)
                obj->set(e.first.toString(), toNode(f, e.second));
            return Value::fromObject(obj);
        }
        if (dynamic_cast<ArrayObject *>(o)) {
            auto arr = JsonNode::make(JsonNode::Kind::Array);
            for (const Value &item : elements(f, v))
                arr->append(toNode(f, item));
            return Value::fromObject(arr);
        }
        const QString typeName = o->exprType() ? o->exprType()->name : QString();
        if (typeName == QLatin1String("DateTime") || typeName == QLatin1String("DateTimeOffset"))
            return Value::fromObject(JsonNode::string(o->formatted(QStringLiteral("yyyy-MM-ddTHH:mm:ss.FFFFFFFK"))));
        return Value::fromObject(JsonNode::string(o->toString()));
    }
    default: return Value::fromObject(JsonNode::string(v.toString()));
    }
}

Value rt::makeJsonObject(const std::vector<QString> &names, const std::vector<Value> &values)
{
    auto obj = JsonNode::make(JsonNode::Kind::Object);
    // values are converted without a frame: anonymous objects hold plain values
    for (size_t i = 0; i < names.size() && i < values.size(); ++i) {
        const Value &v = values[i];
        JsonNode::Ptr child;
        if (dynamic_cast<JsonNode *>(v.object()))
            child = std::static_pointer_cast<JsonNode>(v.asObject());
        else if (v.isNull())
            child = JsonNode::make(JsonNode::Kind::Null);
        else if (v.kind() == Value::Kind::Bool) {
            child = JsonNode::make(JsonNode::Kind::Boolean);
            child->boolean = v.asBool();
        } else if (v.kind() == Value::Kind::Int || v.kind() == Value::Kind::Long) {
            child = JsonNode::make(JsonNode::Kind::Integer);
            child->integer = v.toLong();
        } else if (v.kind() == Value::Kind::Double) {
            child = JsonNode::make(JsonNode::Kind::Float);
            child->number = v.asDouble();
        } else if (auto *arr = dynamic_cast<ArrayObject *>(v.object())) {
            child = JsonNode::make(JsonNode::Kind::Array);
            for (const Value &item : arr->items) {
                Value wrapped = makeJsonObject({QStringLiteral("x")}, {item});
                auto w = std::static_pointer_cast<JsonNode>(wrapped.asObject());
                child->append(w->get(QStringLiteral("x")));
            }
        } else {
            child = JsonNode::string(v.toString());
        }
        obj->set(names[i], child);
    }
    return Value::fromObject(obj);
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
    JsonNode *n = node(token);
    if (n->isContainer())
        Frame::fail(QStringLiteral("ArgumentException"),
                    QCoreApplication::translate("Expression", "Can not convert %1 to %2.").arg(n->typeName(), target->name));
    if (n->kind == JsonNode::Kind::Null) {
        if (target->isValueType)
            Frame::fail(QStringLiteral("ArgumentException"),
                        QCoreApplication::translate("Expression", "Can not convert Null to %1.").arg(target->name));
        return {};
    }
    switch (target->kind) {
    case TypeKind::String:
        if (n->kind == JsonNode::Kind::Boolean)
            return Value::fromString(n->boolean ? QStringLiteral("True") : QStringLiteral("False"));
        return Value::fromString(n->toString());
    case TypeKind::Bool:
        if (n->kind == JsonNode::Kind::Boolean)
            return Value::fromBool(n->boolean);
        if (n->kind == JsonNode::Kind::Integer)
            return Value::fromBool(n->integer != 0);
        if (n->kind == JsonNode::Kind::String) {
            if (n->text.compare(QLatin1String("true"), Qt::CaseInsensitive) == 0)
                return Value::fromBool(true);
            if (n->text.compare(QLatin1String("false"), Qt::CaseInsensitive) == 0)
                return Value::fromBool(false);
        }
        Frame::format();
    case TypeKind::Int:
    case TypeKind::Long:
    case TypeKind::Double:
    case TypeKind::Byte:
    case TypeKind::Char: {
        Value v;
        if (n->kind == JsonNode::Kind::Integer)
            v = Value::fromLong(n->integer);
        else if (n->kind == JsonNode::Kind::Float)
            v = Value::fromDouble(n->number);
        else if (n->kind == JsonNode::Kind::Boolean)
            v = Value::fromInt(n->boolean ? 1 : 0);
        else {
            bool ok = false;
            const double d = n->text.trimmed().toDouble(&ok);
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
                QCoreApplication::translate("Expression", "Can not convert %1 to %2.").arg(n->typeName(), target->name));
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

    // JToken
    indexer(token, {p(obj, "key")}, token, SLUICE_FN { return index(self, a[0]); });
    Member &setT = indexer(token, {p(obj, "key"), p(token, "value")}, token, SLUICE_FN {
        JsonNode *n = node(self);
        JsonNode::Ptr v = toNode(f, a[1]);
        if (n->kind == JsonNode::Kind::Object && a[0].isString()) {
            n->set(a[0].asString(), v);
        } else if (n->kind == JsonNode::Kind::Array && a[0].isNumeric()) {
            const qint64 i = a[0].toLong();
            if (i < 0 || quint64(i) >= n->children.size())
                Frame::argumentOutOfRange(QStringLiteral("index"));
            if (v->parent)
                v = v->clone();
            v->parent = n;
            n->children[size_t(i)] = v;
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
    method(token, "ToString", {p(formatting, "formatting")}, str, SLUICE_FN {
        JsonNode *n = node(self);
        return Value::fromString(n->serialize(a[0].toLong() == 1));
    });
    prop(token, "Type", tokenType, SLUICE_FN {
        static const int map[] = {1, 2, 4, 8, 6, 7, 9, 10};
        return Value::fromInt(map[int(node(self)->kind)]);
    });
    prop(token, "HasValues", boolT, SLUICE_FN {
        JsonNode *n = node(self);
        return Value::fromBool(n->isContainer() && !n->children.empty());
    });
    prop(token, "Parent", container, SLUICE_FN {
        JsonNode *p = node(self)->parent;
        return p ? Value::fromObject(ExprObjectPtr(self.asObject(), p)) : Value();
    });
    prop(token, "Path", str, SLUICE_FN {
        QStringList parts;
        for (JsonNode *n = node(self); n && n->parent; n = n->parent) {
            if (n->kind == JsonNode::Kind::Property)
                parts.prepend(n->text);
            else if (n->parent->kind == JsonNode::Kind::Array) {
                for (size_t i = 0; i < n->parent->children.size(); ++i)
                    if (n->parent->children[i].get() == n)
                        parts.prepend(QStringLiteral("[%1]").arg(i));
            }
        }
        return Value::fromString(parts.join(QLatin1Char('.')).replace(QStringLiteral(".["), QStringLiteral("[")));
    });
    method(token, "Children", {}, r.enumerableOf(token), SLUICE_FN {
        std::vector<Value> items;
        for (const auto &c : node(self)->children)
            items.push_back(Value::fromObject(c));
        return Value::fromObject(std::make_shared<ArrayObject>(site.resultType, std::move(items)));
    });
    method(token, "SelectToken", {p(str, "path")}, token, SLUICE_FN {
        return tokenValue(selectToken(std::static_pointer_cast<JsonNode>(self.asObject()), rt::str(a[0], "path")));
    });
    method(token, "DeepClone", {}, token, SLUICE_FN { return Value::fromObject(node(self)->clone()); });
    method(token, "Remove", {}, r.voidType, SLUICE_FN {
        JsonNode *n = node(self);
        JsonNode *p = n->parent;
        if (!p)
            Frame::fail(QStringLiteral("InvalidOperationException"),
                        QCoreApplication::translate("Expression", "The parent is missing."));
        if (p->kind == JsonNode::Kind::Property && p->parent) {
            n = p;
            p = p->parent;
        }
        for (auto it = p->children.begin(); it != p->children.end(); ++it) {
            if (it->get() == n) {
                n->parent = nullptr;
                p->children.erase(it);
                break;
            }
        }
        return {};
    });
    smethod(token, "Parse", {p(str, "json")}, token, SLUICE_FN { return rt::jsonParse(rt::str(a[0], "json"), nullptr); });
    smethod(token, "FromObject", {p(obj, "o")}, token, SLUICE_FN { return rt::jsonFromValue(f, a[0]); });
    smethod(token, "DeepEquals", {p(token, "t1"), p(token, "t2")}, boolT, SLUICE_FN {
        if (a[0].isNull() || a[1].isNull())
            return Value::fromBool(a[0].isNull() && a[1].isNull());
        return Value::fromBool(node(a[0])->serialize(false) == node(a[1])->serialize(false));
    });

    // JObject
    ctor(jobject, {}, SLUICE_FN { return Value::fromObject(JsonNode::make(JsonNode::Kind::Object)); });
    ctor(jobject, {params(obj, "content")}, SLUICE_FN {
        auto o = JsonNode::make(JsonNode::Kind::Object);
        for (const Value &item : rt::elements(f, a[0])) {
            auto n = toNode(f, item);
            if (n->kind == JsonNode::Kind::Object) {
                for (const auto &c : n->children)
                    o->append(c);
            } else if (n->kind == JsonNode::Kind::Property) {
                o->set(n->text, n->children.empty() ? JsonNode::make(JsonNode::Kind::Null) : n->children[0]);
            } else {
                Frame::fail(QStringLiteral("ArgumentException"),
                            QCoreApplication::translate("Expression", "Can not add %1 to Newtonsoft.Json.Linq.JObject.")
                                .arg(QStringLiteral("Newtonsoft.Json.Linq.JValue")));
            }
        }
        return Value::fromObject(o);
    });
    smethod(jobject, "Parse", {p(str, "json")}, jobject,
            SLUICE_FN { return rt::jsonParse(rt::str(a[0], "json"), rt::types().jobject); });
    smethod(jobject, "FromObject", {p(obj, "o")}, jobject, SLUICE_FN {
        Value v = rt::jsonFromValue(f, a[0]);
        if (node(v)->kind != JsonNode::Kind::Object)
            Frame::fail(QStringLiteral("ArgumentException"),
                        QCoreApplication::translate("Expression", "Object serialized to %1. JObject instance expected.")
                            .arg(node(v)->typeName()));
        return v;
    });
    method(jobject, "Properties", {}, r.enumerableOf(jproperty), SLUICE_FN {
        std::vector<Value> items;
        for (const auto &c : node(self)->children)
            items.push_back(Value::fromObject(c));
        return Value::fromObject(std::make_shared<ArrayObject>(site.resultType, std::move(items)));
    });
    method(jobject, "Property", {p(str, "name")}, jproperty, SLUICE_FN {
        for (const auto &c : node(self)->children) {
            if (c->text == rt::strOrEmpty(a[0]))
                return Value::fromObject(c);
        }
        return {};
    });
    method(jobject, "ContainsKey", {p(str, "propertyName")}, boolT,
           SLUICE_FN { return Value::fromBool(node(self)->findProperty(rt::strOrEmpty(a[0])) != nullptr); });
    method(jobject, "TryGetValue", {p(str, "propertyName"), out(token, "value")}, boolT, SLUICE_FN {
        a[1] = tokenValue(node(self)->get(rt::strOrEmpty(a[0])));
        return Value::fromBool(!a[1].isNull());
    });
    method(jobject, "GetValue", {p(str, "propertyName")}, token,
           SLUICE_FN { return tokenValue(node(self)->get(rt::strOrEmpty(a[0]))); });
    method(jobject, "GetValue", {p(str, "propertyName"), p(r.find(S("StringComparison")), "comparison")}, token, SLUICE_FN {
        for (const auto &c : node(self)->children) {
            if (c->text.compare(rt::strOrEmpty(a[0]), a[1].toLong() == 5 ? Qt::CaseInsensitive : Qt::CaseSensitive) == 0)
                return tokenValue(c->children.empty() ? nullptr : c->children[0]);
        }
        return {};
    });
    method(jobject, "Add", {p(str, "propertyName"), p(token, "value")}, r.voidType, SLUICE_FN {
        JsonNode *n = node(self);
        if (n->findProperty(rt::str(a[0], "propertyName")))
            Frame::fail(QStringLiteral("ArgumentException"),
                        QCoreApplication::translate("Expression", "Can not add property %1 to Newtonsoft.Json.Linq.JObject. "
                                                                  "Property with the same name already exists on object.")
                            .arg(a[0].asString()));
        n->set(a[0].asString(), toNode(f, a[1]));
        return {};
    });
    method(jobject, "Add", {p(obj, "content")}, r.voidType, SLUICE_FN {
        auto n = toNode(f, a[0]);
        if (n->kind != JsonNode::Kind::Property)
            Frame::fail(QStringLiteral("ArgumentException"),
                        QCoreApplication::translate("Expression", "Can not add %1 to Newtonsoft.Json.Linq.JObject.")
                            .arg(n->typeName()));
        node(self)->set(n->text, n->children.empty() ? JsonNode::make(JsonNode::Kind::Null) : n->children[0]);
        return {};
    });
    method(jobject, "Remove", {p(str, "propertyName")}, boolT, SLUICE_FN {
        JsonNode *n = node(self);
        for (auto it = n->children.begin(); it != n->children.end(); ++it) {
            if ((*it)->text == rt::strOrEmpty(a[0])) {
                (*it)->parent = nullptr;
                n->children.erase(it);
                return Value::fromBool(true);
            }
        }
        return Value::fromBool(false);
    });
    prop(jobject, "Count", intT, SLUICE_FN { return Value::fromInt(int(node(self)->children.size())); });
    indexer(jobject, {p(str, "propertyName")}, token, SLUICE_FN { return tokenValue(node(self)->get(rt::str(a[0], "propertyName"))); });
    Member &setO = indexer(jobject, {p(str, "propertyName"), p(token, "value")}, token, SLUICE_FN {
        node(self)->set(rt::str(a[0], "propertyName"), toNode(f, a[1]));
        return a[1];
    });
    setO.name = S("this[]=");

    // JArray
    ctor(jarray, {}, SLUICE_FN { return Value::fromObject(JsonNode::make(JsonNode::Kind::Array)); });
    ctor(jarray, {params(obj, "content")}, SLUICE_FN {
        auto arr = JsonNode::make(JsonNode::Kind::Array);
        const std::vector<Value> items = rt::elements(f, a[0]);
        if (items.size() == 1 && dynamic_cast<ArrayObject *>(items[0].object())) {
            for (const Value &item : rt::elements(f, items[0]))
                arr->append(toNode(f, item));
        } else {
            for (const Value &item : items)
                arr->append(toNode(f, item));
        }
        return Value::fromObject(arr);
    });
    smethod(jarray, "Parse", {p(str, "json")}, jarray,
            SLUICE_FN { return rt::jsonParse(rt::str(a[0], "json"), rt::types().jarray); });
    smethod(jarray, "FromObject", {p(obj, "o")}, jarray, SLUICE_FN { return rt::castTo(f, rt::jsonFromValue(f, a[0]), rt::types().jarray); });
    method(jarray, "Add", {p(obj, "item")}, r.voidType, SLUICE_FN {
        node(self)->append(toNode(f, a[0]));
        return {};
    });
    method(jarray, "RemoveAt", {p(intT, "index")}, r.voidType, SLUICE_FN {
        JsonNode *n = node(self);
        if (a[0].toLong() < 0 || quint64(a[0].toLong()) >= n->children.size())
            Frame::argumentOutOfRange(QStringLiteral("index"));
        n->children.erase(n->children.begin() + a[0].toLong());
        return {};
    });
    prop(jarray, "Count", intT, SLUICE_FN { return Value::fromInt(int(node(self)->children.size())); });
    indexer(jarray, {p(intT, "index")}, token, SLUICE_FN { return index(self, a[0]); });

    // JProperty
    ctor(jproperty, {p(str, "name"), p(obj, "content")}, SLUICE_FN {
        return Value::fromObject(JsonNode::property(rt::str(a[0], "name"), toNode(f, a[1])));
    });
    prop(jproperty, "Name", str, SLUICE_FN { return Value::fromString(node(self)->text); });
    prop(jproperty, "Value", token, SLUICE_FN {
        JsonNode *n = node(self);
        return n->children.empty() ? Value() : Value::fromObject(n->children[0]);
    });

    // JValue
    ctor(jvalue, {p(obj, "value")}, SLUICE_FN { return rt::jsonFromValue(f, a[0]); });
    prop(jvalue, "Value", obj, SLUICE_FN {
        JsonNode *n = node(self);
        switch (n->kind) {
        case JsonNode::Kind::String: return Value::fromString(n->text);
        case JsonNode::Kind::Integer: return Value::fromLong(n->integer);
        case JsonNode::Kind::Float: return Value::fromDouble(n->number);
        case JsonNode::Kind::Boolean: return Value::fromBool(n->boolean);
        default: return Value();
        }
    });

    // JsonConvert
    TypeInfo *convert = r.define(S("JsonConvert"), TypeKind::Class, nullptr, S("Newtonsoft.Json"));
    smethod(convert, "SerializeObject", {p(obj, "value")}, str, SLUICE_FN {
        if (a[0].isString()) {
            auto s = JsonNode::string(a[0].asString());
            return Value::fromString(s->serialize(false));
        }
        return Value::fromString(node(rt::jsonFromValue(f, a[0]))->serialize(false));
    });
    smethod(convert, "SerializeObject", {p(obj, "value"), p(formatting, "formatting")}, str, SLUICE_FN {
        return Value::fromString(node(rt::jsonFromValue(f, a[0]))->serialize(a[1].toLong() == 1));
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
