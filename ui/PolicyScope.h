#pragma once

#include "workspace/Workspace.h"

#include <QCoreApplication>
#include <QString>

#include <vector>

namespace sluice {

// One place a policy applies: the global scope, a product, an API or an
// operation, with its policy file (DESIGN.md, "Workspace on disk").
struct PolicyScope
{
    Q_DECLARE_TR_FUNCTIONS(PolicyScope)

public:
    enum class Kind { Global, Product, Api, Operation };

    Kind kind = Kind::Global;
    QString productId;
    QString apiId;
    QString operationId;

    // "policies/global.xml", "policies/products/<id>.xml", "policies/apis/<api>.xml",
    // "policies/apis/<api>/<operation>.xml".
    QString relativePath() const;
    // "Global", "Product p", "API a", "Operation o".
    QString label() const;

    // Every scope of the workspace: global, the products, each API followed by its operations.
    static std::vector<PolicyScope> all(const Workspace &workspace);
    // The scopes whose policies merge into this one's, broadest first, ending
    // with this scope; `productId` (may be empty) is the subscription's product.
    std::vector<PolicyScope> chain(const QString &productId) const;
};

} // namespace sluice
