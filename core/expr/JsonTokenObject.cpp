#include "JsonTokenObject.h"

#include "Runtime.h"
#include "TypeRegistry.h"

namespace sluice {

using dotnet::JsonToken;
using dotnet::JTokenType;

Value JsonTokenObject::wrap(JsonToken::Ptr token)
{
    return token ? Value::fromObject(std::make_shared<JsonTokenObject>(std::move(token))) : Value();
}

JsonToken::Ptr JsonTokenObject::tokenOf(const Value &value)
{
    auto *o = dynamic_cast<JsonTokenObject *>(value.object());
    return o ? o->m_token : nullptr;
}

const TypeInfo *JsonTokenObject::exprType() const
{
    TypeRegistry &r = TypeRegistry::instance();
    switch (m_token->type()) {
    case JTokenType::Object: return r.jobject;
    case JTokenType::Array: return r.jarray;
    case JTokenType::Property: return r.jproperty;
    default: return r.jvalue;
    }
}

QString JsonTokenObject::toString() const
{
    return m_token->toString();
}

bool JsonTokenObject::equals(const ExprObject &other) const
{
    auto *o = dynamic_cast<const JsonTokenObject *>(&other);
    return o && o->m_token == m_token;
}

bool JsonTokenObject::enumerate(std::vector<Value> *out) const
{
    out->clear();
    const QList<JsonToken::Ptr> children = m_token->children();
    if (m_token->isObject()) {
        TypeRegistry &r = TypeRegistry::instance();
        const TypeInfo *pair = r.keyValuePairOf(r.stringType, r.jtoken);
        for (const JsonToken::Ptr &c : children)
            out->push_back(makeKeyValuePair(pair, Value::fromString(c->name()), wrap(c->propertyValue())));
        return true;
    }
    for (const JsonToken::Ptr &c : children)
        out->push_back(wrap(c));
    return true;
}

} // namespace sluice
