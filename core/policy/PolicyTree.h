#pragma once

#include "common/Diagnostic.h"

#include <QString>

#include <array>
#include <vector>

namespace sluice {

// A policy document as the loader reads it: elements with attributes and text,
// each value remembering whether it is a policy expression (`@(...)`/`@{...}`)
// and where it starts in the file. Plain values, no behaviour: the gateway
// compiles this tree into pipeline steps.

struct PolicyValue
{
    QString text;              // literal text, or the expression source including "@(" ... ")" / "@{" ... "}"
    bool isExpression = false; // the whole value is one policy expression
    SourceLocation location;   // where `text` starts in the file

    bool isEmpty() const { return text.isEmpty(); }
};

struct PolicyAttribute
{
    QString name;
    PolicyValue value;
    SourceLocation location; // of the attribute name
};

struct PolicyElement
{
    QString name;
    SourceLocation location; // of the '<' that opens the element
    std::vector<PolicyAttribute> attributes;
    std::vector<PolicyElement> children; // elements only, in document order
    PolicyValue text; // concatenated text / CDATA content (trimmed), expression or literal

    const PolicyAttribute *attribute(QStringView attributeName) const;
    // Value of the attribute, or `fallback` when absent.
    QString attributeText(QStringView attributeName, const QString &fallback = {}) const;
    const PolicyElement *child(QStringView childName) const;
    std::vector<const PolicyElement *> childrenNamed(QStringView childName) const;
};

enum class PolicySection { Inbound = 0, Backend = 1, Outbound = 2, OnError = 3 };
inline constexpr int PolicySectionCount = 4;

QString policySectionName(PolicySection section); // "inbound", "backend", "outbound", "on-error"

struct PolicySectionBlock
{
    bool present = false;     // the document has this section element
    SourceLocation location;  // of the section element
    std::vector<PolicyElement> elements; // may contain `base`
};

// One file: a whole `<policies>` document or a `<fragment>`.
struct PolicyDocument
{
    QString file;            // as shown in messages
    bool isFragment = false; // `<fragment>` root: its elements are in `fragment`
    std::array<PolicySectionBlock, PolicySectionCount> sections;
    std::vector<PolicyElement> fragment;

    PolicySectionBlock &section(PolicySection s) { return sections[static_cast<int>(s)]; }
    const PolicySectionBlock &section(PolicySection s) const { return sections[static_cast<int>(s)]; }
};

// The policy in force for one operation after merging global > product > api >
// operation at each `<base />`: no `base` elements remain.
struct EffectivePolicy
{
    std::array<std::vector<PolicyElement>, PolicySectionCount> sections;

    std::vector<PolicyElement> &section(PolicySection s) { return sections[static_cast<int>(s)]; }
    const std::vector<PolicyElement> &section(PolicySection s) const { return sections[static_cast<int>(s)]; }
};

} // namespace sluice
