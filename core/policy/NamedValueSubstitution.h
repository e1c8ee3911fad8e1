#pragma once

#include "PolicyTree.h"

#include <QCoreApplication>
#include <QMap>
#include <QString>
#include <QStringList>

namespace sluice {

// Replaces `{{name}}` named-value references in every value of a policy
// document (attribute values and element texts, expressions included) with
// the named value. Names consist of letters, digits, '.', '-' and '_'; a name
// is looked up exactly, then ignoring case. An unknown name is an error at
// the `{{`. Values may be secrets: messages name the reference, never a value.
//
// A literal value that is exactly one reference whose named value is itself a
// policy expression (`@(...)`/`@{...}`) becomes that expression, as in APIM.
// Inside `<set-body template="liquid">` unknown names are left alone: liquid
// uses `{{ ... }}` for its own output tags.
class NamedValueSubstitution
{
    Q_DECLARE_TR_FUNCTIONS(NamedValueSubstitution)

public:
    static Diagnostics apply(PolicyDocument &document, const QMap<QString, QString> &namedValues);
    static Diagnostics apply(std::vector<PolicyElement> &elements, const QMap<QString, QString> &namedValues);
    static Diagnostics apply(PolicyValue &value, const QMap<QString, QString> &namedValues,
                             bool allowUnknown = false);

    // The distinct names a document refers to, in order of first use.
    static QStringList referencedNames(const PolicyDocument &document);
};

} // namespace sluice
