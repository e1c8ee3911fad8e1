#pragma once

#include "Value.h"

#include <QString>

#include <memory>
#include <vector>

namespace sluice {

// Newtonsoft.Json.Linq tokens: JObject (properties as JProperty children),
// JArray, JProperty (one child: its value) and JValue.
class JsonNode final : public ExprObject
{
public:
    enum class Kind : quint8 { Object, Array, Property, String, Integer, Float, Boolean, Null };
    using Ptr = std::shared_ptr<JsonNode>;

    explicit JsonNode(Kind nodeKind)
        : kind(nodeKind)
    {}
    static Ptr make(Kind kind) { return std::make_shared<JsonNode>(kind); }
    static Ptr string(const QString &s);
    static Ptr property(const QString &name, Ptr value);

    const TypeInfo *exprType() const override;
    QString toString() const override; // Newtonsoft ToString(): indented JSON, raw text for values
    bool enumerate(std::vector<Value> *out) const override;

    QString serialize(bool indented) const;
    Ptr clone() const;
    bool isContainer() const { return kind == Kind::Object || kind == Kind::Array || kind == Kind::Property; }
    // Object: the property node named `name` (nullptr when absent).
    JsonNode *findProperty(const QString &name) const;
    Ptr get(const QString &name) const; // object property value
    void set(const QString &name, Ptr value);
    void append(Ptr child);            // adopts (clones when it already has a parent)
    QString typeName() const;          // "Object", "String" ... (JTokenType)

    static Ptr parse(const QString &text, QString *error);

    Kind kind;
    QString text;   // String value, Property name
    qint64 integer = 0;
    double number = 0;
    bool boolean = false;
    std::vector<Ptr> children;
    JsonNode *parent = nullptr;

private:
    void write(QString &out, bool indented, int depth) const;
};

} // namespace sluice
