#pragma once

#include "PolicyStep.h"
#include "workspace/UrlTemplate.h"
#include "policy/PolicyTree.h"
#include "workspace/Workspace.h"

#include <QHash>

#include <array>
#include <memory>
#include <vector>

namespace sluice {

// The steps of one effective policy, per section.
struct CompiledPipeline
{
    std::array<StepList, PolicySectionCount> sections;

    const StepList &section(PolicySection s) const { return sections[static_cast<int>(s)]; }
};

struct OperationRoute
{
    const Api *api = nullptr;
    const Operation *operation = nullptr;
    QByteArray method; // upper-case, or "*"
    UrlTemplate urlTemplate;
    // The effective policy without a product scope, and per product of the API
    // (a product-scoped subscription brings in its product's policy).
    std::shared_ptr<const CompiledPipeline> pipeline;
    QHash<QString, std::shared_ptr<const CompiledPipeline>> productPipelines;

    const CompiledPipeline &pipelineFor(const Product *product) const;
};

struct ApiRoute
{
    const Api *api = nullptr;
    QStringList prefix; // decoded, lower-cased path segments of the API suffix
    // Each prefix segment as ASCII bytes, or null where it is not ASCII.
    QList<QByteArray> asciiPrefix;
    std::vector<OperationRoute> operations; // most specific template first
};

// Finds the API by the longest path-suffix prefix and the operation by method
// and URL template.
class Router
{
public:
    struct Match
    {
        const ApiRoute *api = nullptr;           // null: no API has this path
        const OperationRoute *operation = nullptr; // null: no operation of the API matches
        UrlTemplate::Parameters parameters;
        QString relativePath; // path after the API suffix, percent-encoded, starts with '/'
    };

    // Routes for every API and operation of the workspace (templates must be valid).
    explicit Router(const Workspace &workspace);

    Match match(QByteArrayView method, QByteArrayView encodedPath) const;

    std::vector<ApiRoute> &apis() { return m_apis; }
    const std::vector<ApiRoute> &apis() const { return m_apis; }

private:
    std::vector<ApiRoute> m_apis; // longest prefix first
};

} // namespace sluice
