#pragma once

#include "RequestCollapser.h"

#include <QString>

#include <memory>

namespace sluice {

class CacheStore;
class RedisCacheHealth;

// caching-type of the caching policies.
enum class CachingType { PreferExternal, External, Internal };

// The caches a gateway shares between its worker threads: the built-in cache
// and the collapser of concurrent misses, plus the limits of the caching
// policies. Owned by the Gateway; each GatewayRuntime points to it.
class CacheServices
{
public:
    struct Options
    {
        qint64 maxEntryBytes = 2LL * 1024 * 1024; // APIM's limit for one cached response
    };

    CacheServices(std::unique_ptr<CacheStore> internal, Options options);
    ~CacheServices();
    CacheServices(const CacheServices &) = delete;
    CacheServices &operator=(const CacheServices &) = delete;

    CacheStore &internal() const { return *m_internal; }
    // Shared by the per-thread connections to the external cache (null without one).
    const std::shared_ptr<RedisCacheHealth> &externalHealth() const { return m_externalHealth; }
    void setExternalHealth(std::shared_ptr<RedisCacheHealth> health) { m_externalHealth = std::move(health); }
    RequestCollapser &collapser() { return m_collapser; }
    const Options &options() const { return m_options; }

    // "prefer-external" | "external" | "internal"; nullopt for anything else.
    static std::optional<CachingType> parseCachingType(const QString &text);

private:
    std::unique_ptr<CacheStore> m_internal;
    RequestCollapser m_collapser;
    Options m_options;
    std::shared_ptr<RedisCacheHealth> m_externalHealth;
};

} // namespace sluice
