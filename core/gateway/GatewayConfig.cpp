#include "GatewayConfig.h"

#include "CompileContext.h"
#include "PolicyCompiler.h"
#include "gateway/WorkspacePolicies.h"
#include "redis/RedisConnectionString.h"
#include "workspace/WorkspaceLoader.h"

#include <QCoreApplication>
#include <QSet>

namespace sluice {

namespace {

const PolicyElement *findElement(const std::vector<PolicyElement> &elements, QStringView name)
{
    for (const PolicyElement &e : elements) {
        if (e.name == name)
            return &e;
        if (const PolicyElement *inner = findElement(e.children, name))
            return inner;
    }
    return nullptr;
}

// APIM refuses a cache-store that no cache-lookup of the same pipeline prepares.
void checkCachePairs(const EffectivePolicy &policy, Diagnostics &diagnostics)
{
    const PolicyElement *lookup = findElement(policy.section(PolicySection::Inbound), u"cache-lookup");
    if (lookup)
        return;
    for (int i = 0; i < PolicySectionCount; ++i) {
        if (const PolicyElement *store = findElement(policy.section(static_cast<PolicySection>(i)), u"cache-store")) {
            diagnostics.append(Diagnostic::error(
                store->location, QCoreApplication::translate("PolicyCompiler",
                                                             "cache-store needs a cache-lookup in the inbound "
                                                             "section of the same pipeline")));
            return;
        }
    }
}

std::shared_ptr<const CompiledPipeline> compilePipeline(const EffectivePolicy &policy, const Workspace &workspace,
                                                        Diagnostics &diagnostics)
{
    checkCachePairs(policy, diagnostics);
    auto pipeline = std::make_shared<CompiledPipeline>();
    for (int i = 0; i < PolicySectionCount; ++i) {
        const auto section = static_cast<PolicySection>(i);
        CompileContext ctx(PolicyCompiler::builtin(), workspace, section, diagnostics);
        pipeline->sections[i] = ctx.compileElements(policy.section(section));
    }
    return pipeline;
}

// The same element of a shared scope (global, product, API) is compiled once per
// operation that inherits it: report each problem once.
Diagnostics deduplicated(const Diagnostics &diagnostics)
{
    Diagnostics result;
    QSet<QString> seen;
    for (const Diagnostic &d : diagnostics) {
        const QString key = d.toString();
        if (seen.contains(key))
            continue;
        seen.insert(key);
        result.append(d);
    }
    return result;
}

} // namespace

std::shared_ptr<const GatewayConfig> GatewayConfig::load(const QString &workspaceDir, const Options &options,
                                                        Diagnostics *diagnosticsOut)
{
    Diagnostics diagnostics;
    std::shared_ptr<GatewayConfig> config(new GatewayConfig);

    WorkspaceLoadResult loaded = WorkspaceLoader().loadFolder(workspaceDir);
    diagnostics += loaded.diagnostics;
    config->m_workspace = std::move(loaded.workspace);
    for (ExternalCache &cache : config->m_workspace.caches) {
        if (!cache.keychainKey.isEmpty() && cache.connectionString.isEmpty())
            cache.connectionString = options.keychainSecrets.value(cache.keychainKey);
    }
    const Workspace &workspace = config->m_workspace;

    config->m_location = options.location;
    const bool isDefault = options.location.compare(QLatin1String("default"), Qt::CaseInsensitive) == 0;
    if (!isDefault && !workspace.locations.contains(options.location, Qt::CaseInsensitive) && loaded.ok()) {
        diagnostics.append(Diagnostic::error(
            {QStringLiteral("workspace.json"), 0, 0, QStringLiteral("locations")},
            QCoreApplication::translate("GatewayConfig", "the gateway location '%1' is not one of the workspace's locations")
                .arg(options.location)));
    }

    // Every external cache's connection string must parse; the one serving
    // this location is kept parsed. Messages name the problem, never the secret.
    for (qsizetype i = 0; i < workspace.caches.size(); ++i) {
        const ExternalCache &cache = workspace.caches.at(i);
        const QString path = QStringLiteral("caches[%1].connectionString").arg(i);
        if (!cache.keychainKey.isEmpty() && cache.connectionString.isEmpty()) {
            diagnostics.append(Diagnostic::error(
                {QStringLiteral("workspace.json"), 0, 0, path},
                QCoreApplication::translate("GatewayConfig",
                                            "the connection string of cache '%1' is kept in the console's system "
                                            "keychain, which this gateway does not read: reference an environment "
                                            "variable (\"${NAME}\") instead")
                    .arg(cache.id)));
            continue;
        }
        const RedisConnectionStringResult parsed = RedisConnectionString::parse(cache.connectionString);
        for (const QString &warning : parsed.warnings)
            diagnostics.append(Diagnostic::warning({QStringLiteral("workspace.json"), 0, 0, path}, warning));
        if (!parsed.options) {
            diagnostics.append(Diagnostic::error(
                {QStringLiteral("workspace.json"), 0, 0, path},
                parsed.errorPosition >= 0
                    ? QCoreApplication::translate("GatewayConfig", "%1 (at character %2)")
                          .arg(parsed.error)
                          .arg(parsed.errorPosition + 1)
                    : parsed.error));
            continue;
        }
        if (&cache == workspace.cacheFor(config->m_location))
            config->m_cacheOptions = parsed.options;
    }

    // Policies are parsed and validated even when workspace.json has errors, so
    // that one run reports everything.
    WorkspacePolicies policies = WorkspacePolicies::load(workspace, PolicyCompiler::builtin(), &diagnostics);

    if (!hasErrors(diagnostics)) {
        config->m_router = std::make_unique<Router>(workspace);
        for (ApiRoute &apiRoute : config->m_router->apis()) {
            const Api &api = *apiRoute.api;
            const QList<const Product *> products = workspace.productsOf(api.id);
            for (OperationRoute &op : apiRoute.operations) {
                op.pipeline = compilePipeline(policies.effectivePolicy(api.id, op.operation->id, QString()),
                                              workspace, diagnostics);
                for (const Product *product : products) {
                    if (!policies.hasProductPolicy(product->id))
                        continue; // same as without a product scope
                    op.productPipelines.insert(
                        product->id,
                        compilePipeline(policies.effectivePolicy(api.id, op.operation->id, product->id), workspace,
                                        diagnostics));
                }
            }
        }
        for (const Subscription &s : workspace.subscriptions) {
            if (!s.primaryKey.isEmpty())
                config->m_keys.insert(s.primaryKey, &s);
            if (!s.secondaryKey.isEmpty())
                config->m_keys.insert(s.secondaryKey, &s);
        }
    }

    diagnostics = deduplicated(diagnostics);
    const bool failed = hasErrors(diagnostics);
    if (diagnosticsOut)
        *diagnosticsOut += diagnostics;
    if (failed)
        return nullptr;
    return config;
}

} // namespace sluice
