#pragma once

#include "PolicyTree.h"

#include <QString>
#include <QStringView>

#include <vector>

namespace sluice {

// What APIM says about one policy element, from the APIM policy reference
// ("Usage: Policy sections ...").
struct PolicyInfo
{
    // How the children of the element are read.
    enum class Children {
        Configuration, // children configure this policy (set-header's <value>, send-request's <set-url>)
        Policies,      // children are policies of the enclosing section (retry, wait, limit-concurrency)
        Choose,        // <when>/<otherwise> whose children are policies
    };
    // The group an editor's palette lists the policy under.
    enum class Kind { Flow, Transformation, Caching, RateLimiting, Advanced };

    QString name;
    unsigned sections = 0;          // bit (1 << PolicySection) per section the policy is allowed in
    bool allowedInFragment = true;  // may appear inside a <fragment>
    Children children = Children::Configuration;
    Kind kind = Kind::Advanced;

    bool allowedIn(PolicySection section) const { return (sections >> static_cast<int>(section)) & 1u; }
};

class PolicyCatalog
{
public:
    // The policy named `name`, or nullptr when APIM has no such policy.
    static const PolicyInfo *find(QStringView name);
    static const std::vector<PolicyInfo> &all();

    static constexpr unsigned bit(PolicySection s) { return 1u << static_cast<int>(s); }
    static constexpr unsigned AllSections = 0xFu;
};

} // namespace sluice
