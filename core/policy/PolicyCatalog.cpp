#include "PolicyCatalog.h"

#include <QHash>

#include <initializer_list>

namespace sluice {

namespace {

constexpr unsigned In = PolicyCatalog::bit(PolicySection::Inbound);
constexpr unsigned Be = PolicyCatalog::bit(PolicySection::Backend);
constexpr unsigned Out = PolicyCatalog::bit(PolicySection::Outbound);
constexpr unsigned Err = PolicyCatalog::bit(PolicySection::OnError);
constexpr unsigned All = PolicyCatalog::AllSections;

using C = PolicyInfo::Children;

struct Entry
{
    const char *name;
    unsigned sections;
    C children = C::Configuration;
    bool inFragment = true;
};

// Sections as listed under "Usage" in the APIM policy reference.
const Entry entries[] = {
    // Scopes and control flow
    {"base", All, C::Configuration, false}, // a fragment may not contain <base/>
    {"include-fragment", All},
    {"choose", All, C::Choose},
    {"retry", All, C::Policies},
    {"wait", In | Be | Out, C::Policies},
    {"limit-concurrency", All, C::Policies},
    {"forward-request", Be},
    {"return-response", All},
    {"mock-response", In | Out | Err},
    {"send-request", All},
    {"send-one-way-request", All},
    {"set-variable", All},
    {"trace", All},
    {"log-to-eventhub", All},
    {"emit-metric", All},
    {"set-backend-service", In | Be},
    {"proxy", In},
    // Transformation
    {"set-header", All},
    {"set-query-parameter", In | Be},
    {"rewrite-uri", In},
    {"set-body", In | Be | Out},
    {"set-status", All},
    {"set-method", In | Err},
    {"find-and-replace", All},
    {"json-to-xml", In | Out | Err},
    {"xml-to-json", In | Out | Err},
    {"xsl-transform", In | Out},
    {"redirect-content-urls", In | Out},
    {"jsonp", Out},
    // Caching
    {"cache-lookup", In},
    {"cache-store", Out},
    {"cache-lookup-value", All},
    {"cache-store-value", All},
    {"cache-remove-value", All},
    // Rate limiting and quotas
    {"rate-limit", In},
    {"rate-limit-by-key", In},
    {"quota", In},
    {"quota-by-key", In},
    {"llm-token-limit", In},
    {"azure-openai-token-limit", In},
    // Access restriction and authentication
    {"check-header", In},
    {"ip-filter", In},
    {"cors", In},
    {"cross-domain", In},
    {"validate-jwt", In},
    {"validate-azure-ad-token", In},
    {"validate-client-certificate", In},
    {"authentication-basic", In},
    {"authentication-certificate", In},
    {"authentication-managed-identity", In},
    {"get-authorization-context", In},
    // Content validation
    {"validate-content", In | Out | Err},
    {"validate-parameters", In},
    {"validate-headers", Out | Err},
    {"validate-status-code", Out | Err},
    {"validate-graphql-request", In},
    {"validate-odata-request", In},
    // AI gateway
    {"llm-emit-token-metric", In},
    {"azure-openai-emit-token-metric", In},
    {"llm-semantic-cache-lookup", In},
    {"azure-openai-semantic-cache-lookup", In},
    {"llm-semantic-cache-store", Out},
    {"azure-openai-semantic-cache-store", Out},
    {"llm-content-safety", In},
    // Integration
    {"send-service-bus-message", In | Out | Err},
    {"publish-to-dapr", In | Out | Err},
    {"invoke-dapr-binding", In | Out | Err},
};

// The palette groups; every other policy is Advanced (access restriction,
// authentication, validation, AI gateway, integration, tracing, requests).
const struct
{
    PolicyInfo::Kind kind;
    std::initializer_list<const char *> names;
} paletteGroups[] = {
    {PolicyInfo::Kind::Flow,
     {"base", "include-fragment", "choose", "retry", "wait", "limit-concurrency", "forward-request",
      "return-response", "mock-response", "set-variable"}},
    {PolicyInfo::Kind::Transformation,
     {"set-header", "set-query-parameter", "rewrite-uri", "set-body", "set-status", "set-method", "find-and-replace",
      "json-to-xml", "xml-to-json", "xsl-transform", "redirect-content-urls", "jsonp", "set-backend-service"}},
    {PolicyInfo::Kind::Caching,
     {"cache-lookup", "cache-store", "cache-lookup-value", "cache-store-value", "cache-remove-value"}},
    {PolicyInfo::Kind::RateLimiting,
     {"rate-limit", "rate-limit-by-key", "quota", "quota-by-key", "llm-token-limit", "azure-openai-token-limit"}},
};

struct Catalog
{
    std::vector<PolicyInfo> policies;
    QHash<QString, size_t> byName;

    Catalog()
    {
        policies.reserve(std::size(entries));
        for (const Entry &e : entries) {
            PolicyInfo info;
            info.name = QString::fromLatin1(e.name);
            info.sections = e.sections;
            info.allowedInFragment = e.inFragment;
            info.children = e.children;
            byName.insert(info.name, policies.size());
            policies.push_back(std::move(info));
        }
        for (const auto &group : paletteGroups) {
            for (const char *name : group.names)
                policies[byName.value(QString::fromLatin1(name))].kind = group.kind;
        }
    }
};

const Catalog &catalog()
{
    static const Catalog instance;
    return instance;
}

} // namespace

const PolicyInfo *PolicyCatalog::find(QStringView name)
{
    const Catalog &c = catalog();
    const auto it = c.byName.constFind(name.toString());
    return it == c.byName.cend() ? nullptr : &c.policies[it.value()];
}

const std::vector<PolicyInfo> &PolicyCatalog::all()
{
    return catalog().policies;
}

} // namespace sluice
