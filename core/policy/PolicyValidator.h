#pragma once

#include "PolicyTree.h"

#include <QCoreApplication>
#include <QString>

#include <functional>

namespace sluice {

// Checks a PolicyDocument against the APIM policy catalog: every element in a
// policy position is a known APIM policy, allowed in its section, implemented
// by the caller (the gateway), and <base/> appears at most once, directly in a
// section. Children that configure a policy (set-header's <value>,
// send-request's <set-url>, ...) are not policies and are not checked.
class PolicyValidator
{
    Q_DECLARE_TR_FUNCTIONS(PolicyValidator)

public:
    using ImplementedPredicate = std::function<bool(const QString &policyName)>;

    // `isImplemented` may be empty: then every known policy counts as implemented.
    static Diagnostics validate(const PolicyDocument &document, const ImplementedPredicate &isImplemented = {});
};

} // namespace sluice
