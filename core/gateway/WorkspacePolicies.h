#pragma once

#include "policy/PolicyTree.h"
#include "workspace/Workspace.h"

#include <QHash>

namespace sluice {

class PolicyCompiler;

// The policy documents of a workspace, one per scope, as found under
// WORKSPACE/policies/ (see DESIGN.md): parsed, named values substituted, and
// validated against APIM's rules and this gateway's implemented policies.
// A scope without a file has the default document.
class WorkspacePolicies
{
public:
    static WorkspacePolicies load(const Workspace &workspace, const PolicyCompiler &compiler,
                                  Diagnostics *diagnostics);

    bool hasProductPolicy(const QString &productId) const { return m_products.contains(productId); }
    // global > product (when given) > api > operation, merged at <base/>.
    EffectivePolicy effectivePolicy(const QString &apiId, const QString &operationId,
                                    const QString &productId) const;

private:
    PolicyDocument m_global;
    QHash<QString, PolicyDocument> m_products;
    QHash<QString, PolicyDocument> m_apis;
    QHash<QString, PolicyDocument> m_operations; // "api/operation"
};

} // namespace sluice
