#pragma once

#include "PolicyTree.h"

#include <vector>

namespace sluice {

// Merges the policy documents of one operation's scopes the way APIM does.
//
// `chain` is ordered from the broadest scope to the narrowest: global,
// product (only when the request's subscription is scoped to a product; APIM
// applies the product of the subscription and no product scope without one),
// API, operation. A null entry is a scope without a policy file and behaves as
// defaultDocument() (the global default at index 0).
//
// In each section a scope's elements replace its parent's; a `<base/>` stands
// for the parent's effective elements of that section at that position, a
// section without `<base/>` cuts the parent off, and a section the document
// does not have behaves as `<base/>` alone. At the global scope `<base/>`
// stands for nothing. Fragments in the chain are treated as missing files.
class PolicyMerger
{
public:
    static EffectivePolicy merge(const std::vector<const PolicyDocument *> &chain);

    // The document a missing policy file stands for: `<base/>` in every
    // section; for the global scope `<backend><forward-request/></backend>`
    // and empty other sections.
    static PolicyDocument defaultDocument(bool global);
};

} // namespace sluice
