#include "CacheServices.h"

#include "cache/CacheStore.h"

namespace sluice {

CacheServices::CacheServices(std::unique_ptr<CacheStore> internal, Options options)
    : m_internal(std::move(internal))
    , m_options(options)
{}

CacheServices::~CacheServices() = default;

std::optional<CachingType> CacheServices::parseCachingType(const QString &text)
{
    if (text == QLatin1String("prefer-external"))
        return CachingType::PreferExternal;
    if (text == QLatin1String("external"))
        return CachingType::External;
    if (text == QLatin1String("internal"))
        return CachingType::Internal;
    return std::nullopt;
}

} // namespace sluice
