#include "PolicyScope.h"

namespace sluice {

QString PolicyScope::relativePath() const
{
    switch (kind) {
    case Kind::Global:
        return QStringLiteral("policies/global.xml");
    case Kind::Product:
        return QStringLiteral("policies/products/%1.xml").arg(productId);
    case Kind::Api:
        return QStringLiteral("policies/apis/%1.xml").arg(apiId);
    case Kind::Operation:
        break;
    }
    return QStringLiteral("policies/apis/%1/%2.xml").arg(apiId, operationId);
}

QString PolicyScope::label() const
{
    switch (kind) {
    case Kind::Global:
        return tr("Global");
    case Kind::Product:
        return tr("Product %1").arg(productId);
    case Kind::Api:
        return tr("API %1").arg(apiId);
    case Kind::Operation:
        break;
    }
    return tr("Operation %1").arg(operationId);
}

std::vector<PolicyScope> PolicyScope::all(const Workspace &workspace)
{
    std::vector<PolicyScope> scopes {PolicyScope {}};
    for (const Product &product : workspace.products)
        scopes.push_back({Kind::Product, product.id, {}, {}});
    for (const Api &api : workspace.apis) {
        scopes.push_back({Kind::Api, {}, api.id, {}});
        for (const Operation &operation : api.operations)
            scopes.push_back({Kind::Operation, {}, api.id, operation.id});
    }
    return scopes;
}

std::vector<PolicyScope> PolicyScope::chain(const QString &product) const
{
    std::vector<PolicyScope> result {PolicyScope {}};
    if (kind == Kind::Product) {
        result.push_back(*this);
        return result;
    }
    if (kind == Kind::Global)
        return result;
    if (!product.isEmpty())
        result.push_back({Kind::Product, product, {}, {}});
    result.push_back({Kind::Api, {}, apiId, {}});
    if (kind == Kind::Operation)
        result.push_back(*this);
    return result;
}

} // namespace sluice
