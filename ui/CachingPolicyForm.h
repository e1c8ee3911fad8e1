#pragma once

#include <QString>
#include <QStringList>

#include <vector>

namespace sluice {

// What the form editor knows about one attribute of a caching policy, from
// the APIM policy reference (its "Attributes" table).
struct PolicyAttributeSpec
{
    enum class Type { Bool, Choice, Integer, Text };

    QString name;
    Type type = Type::Text;
    QStringList choices; // Choice: the documented values
    QString defaultValue; // shown as placeholder; empty when the attribute is required or has none
    bool required = false;
    bool expressions = true; // accepts a policy expression `@(...)`
};

// The full form of one caching policy: its attributes and the child elements
// that repeat (vary-by-header, vary-by-query-parameter).
struct CachingPolicyForm
{
    QString policy;
    std::vector<PolicyAttributeSpec> attributes;
    QStringList repeatedChildren;

    // The form for `policy`, or nullptr when the policy has none.
    static const CachingPolicyForm *find(const QString &policy);
    static const std::vector<CachingPolicyForm> &all();
    // The element a palette adds: the policy with its required attributes.
    static QString newElementText(const QString &policy);
};

} // namespace sluice
