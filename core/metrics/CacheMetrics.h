#pragma once

#include <QString>

#include <array>

namespace sluice {

class Counter;
class CounterFamily;
class Histogram;
class HistogramFamily;

// How a cache lookup ended (label "outcome").
enum class CacheOutcome { Hit, Miss, Bypass, Error };

// Why caching did not apply to a request (label "reason" of bypasses).
enum class CacheBypassReason { Method, Authorization, NoExternalCache };

// Why a cache-store or cache-store-value stored nothing (label "reason" of store skips).
enum class CacheStoreSkip { Status, TooLarge, Duration, ValueType, StoreError };

// The cache counters of one API operation and one cache (label "cache":
// "internal" or the external cache id, never its connection string), built by
// GatewayMetrics::cache(). Every child is resolved in the constructor, so
// recording is lock-free; keep the pointer.
class CacheMetrics
{
public:
    struct Families
    {
        CounterFamily *lookups = nullptr;    // {api, operation, cache, outcome}
        CounterFamily *bypasses = nullptr;   // {api, operation, cache, reason}
        CounterFamily *stores = nullptr;     // {api, operation, cache}
        CounterFamily *storeSkips = nullptr; // {api, operation, cache, reason}
        CounterFamily *avoided = nullptr;    // {api, operation, cache}
        HistogramFamily *lookupDuration = nullptr; // {api, cache}
    };

    CacheMetrics(const Families &families, const QString &api, const QString &operation, const QString &cache);
    CacheMetrics(const CacheMetrics &) = delete;
    CacheMetrics &operator=(const CacheMetrics &) = delete;

    // A lookup that reached the store (hit, miss or error), with its duration.
    void recordLookup(CacheOutcome outcome, double seconds);
    void recordBypass(CacheBypassReason reason);
    void recordStore();
    void recordStoreSkip(CacheStoreSkip reason);
    // A response served without calling the backend (a hit, or a collapsed miss).
    void recordBackendAvoided();

    Counter *lookups(CacheOutcome outcome) const { return m_lookups[static_cast<std::size_t>(outcome)]; }
    Counter *bypasses(CacheBypassReason reason) const { return m_bypasses[static_cast<std::size_t>(reason)]; }
    Counter *stores() const { return m_stores; }
    Counter *storeSkips(CacheStoreSkip reason) const { return m_storeSkips[static_cast<std::size_t>(reason)]; }
    Counter *backendAvoided() const { return m_avoided; }
    Histogram *lookupDuration() const { return m_lookupDuration; }

    // "hit", "miss", "bypass", "error".
    static QString outcomeName(CacheOutcome outcome);
    // "method", "authorization", "no_external_cache".
    static QString bypassReasonName(CacheBypassReason reason);
    // "status", "too_large", "duration", "value_type", "store_error".
    static QString storeSkipName(CacheStoreSkip reason);

private:
    std::array<Counter *, 4> m_lookups{};
    std::array<Counter *, 3> m_bypasses{};
    std::array<Counter *, 5> m_storeSkips{};
    Counter *m_stores = nullptr;
    Counter *m_avoided = nullptr;
    Histogram *m_lookupDuration = nullptr;
};

} // namespace sluice
