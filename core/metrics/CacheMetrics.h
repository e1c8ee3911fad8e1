#pragma once

#include <QString>

#include <array>

namespace sluice {

class Counter;
class CounterFamily;

// How a cache lookup ended (label "outcome").
enum class CacheOutcome { Hit, Miss, Bypass, Error };

// The cache counters of one API and one cache (label "cache": "internal" or
// the external cache id, never its connection string), built by
// GatewayMetrics::cache(). Lock-free; cache the pointer.
class CacheMetrics
{
public:
    CacheMetrics(CounterFamily *lookups, CounterFamily *stores, const QString &api, const QString &cache);
    CacheMetrics(const CacheMetrics &) = delete;
    CacheMetrics &operator=(const CacheMetrics &) = delete;

    void recordLookup(CacheOutcome outcome);
    void recordStore();

    Counter *lookups(CacheOutcome outcome) const { return m_lookups[static_cast<std::size_t>(outcome)]; }
    Counter *stores() const { return m_stores; }

    // "hit", "miss", "bypass", "error".
    static QString outcomeName(CacheOutcome outcome);

private:
    std::array<Counter *, 4> m_lookups{};
    Counter *m_stores;
};

} // namespace sluice
