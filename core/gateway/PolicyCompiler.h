#pragma once

#include "CompileContext.h"

#include <QHash>

#include <functional>
#include <memory>

namespace sluice {

// The policies this gateway implements: element name -> factory that turns a
// loaded element into a step. Anything the policy catalogue knows but this
// registry lacks is refused at load ("not implemented"), never skipped.
class PolicyCompiler
{
public:
    using Factory = std::function<std::unique_ptr<PolicyStep>(const PolicyElement &, CompileContext &)>;

    // The registry with every built-in policy.
    static const PolicyCompiler &builtin();

    void add(const QString &policyName, Factory factory);
    bool isImplemented(const QString &policyName) const { return m_factories.contains(policyName); }
    QStringList implementedPolicies() const;

    // Compiles one element; returns null after reporting an error.
    std::unique_ptr<PolicyStep> compile(const PolicyElement &element, CompileContext &ctx) const;

private:
    QHash<QString, Factory> m_factories;
};

// One registration function per built-in policy, in core/gateway/policies/.
void registerForwardRequestPolicy(PolicyCompiler &compiler);
void registerSetBackendServicePolicy(PolicyCompiler &compiler);
void registerRewriteUriPolicy(PolicyCompiler &compiler);
void registerSetHeaderPolicy(PolicyCompiler &compiler);
void registerSetQueryParameterPolicy(PolicyCompiler &compiler);
void registerSetBodyPolicy(PolicyCompiler &compiler);
void registerSetStatusPolicy(PolicyCompiler &compiler);
void registerReturnResponsePolicy(PolicyCompiler &compiler);
void registerMockResponsePolicy(PolicyCompiler &compiler);
void registerCacheLookupPolicy(PolicyCompiler &compiler);
void registerCacheStorePolicy(PolicyCompiler &compiler);
void registerCacheLookupValuePolicy(PolicyCompiler &compiler);
void registerCacheStoreValuePolicy(PolicyCompiler &compiler);
void registerCacheRemoveValuePolicy(PolicyCompiler &compiler);
void registerChoosePolicy(PolicyCompiler &compiler);
void registerSetVariablePolicy(PolicyCompiler &compiler);
void registerSetMethodPolicy(PolicyCompiler &compiler);
void registerFindAndReplacePolicy(PolicyCompiler &compiler);
void registerCheckHeaderPolicy(PolicyCompiler &compiler);
void registerTracePolicy(PolicyCompiler &compiler);
void registerRetryPolicy(PolicyCompiler &compiler);
void registerWaitPolicy(PolicyCompiler &compiler);
void registerSendRequestPolicy(PolicyCompiler &compiler);
void registerSendOneWayRequestPolicy(PolicyCompiler &compiler);
void registerRateLimitPolicy(PolicyCompiler &compiler);
void registerRateLimitByKeyPolicy(PolicyCompiler &compiler);
void registerQuotaPolicy(PolicyCompiler &compiler);
void registerQuotaByKeyPolicy(PolicyCompiler &compiler);
void registerCorsPolicy(PolicyCompiler &compiler);

} // namespace sluice
