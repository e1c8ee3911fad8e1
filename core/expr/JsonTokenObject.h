#pragma once

#include "Value.h"
#include "runtime/JsonToken.h"

#include <vector>

namespace sluice {

// The interpreter's handle on a Newtonsoft token (dotnet::JsonToken): JToken,
// JObject, JArray, JProperty and JValue values. Handles are cheap; two handles
// on the same token are the same object for Equals / ReferenceEquals.
class JsonTokenObject final : public ExprObject
{
public:
    explicit JsonTokenObject(dotnet::JsonToken::Ptr token)
        : m_token(std::move(token))
    {}

    // A Value holding `token` (null Value for nullptr).
    static Value wrap(dotnet::JsonToken::Ptr token);
    // The token a Value holds, or nullptr when it is not a JToken.
    static dotnet::JsonToken::Ptr tokenOf(const Value &value);

    const dotnet::JsonToken::Ptr &token() const { return m_token; }

    const TypeInfo *exprType() const override;
    QString toString() const override; // Newtonsoft ToString(): indented JSON, raw text for values
    bool equals(const ExprObject &other) const override;
    bool enumerate(std::vector<Value> *out) const override;

private:
    dotnet::JsonToken::Ptr m_token;
};

} // namespace sluice
