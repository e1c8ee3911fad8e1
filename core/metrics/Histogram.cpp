#include "Histogram.h"

#include <algorithm>
#include <cmath>

namespace sluice {

Histogram::Histogram(const QList<double> &upperBounds)
    : m_bounds(normalisedBounds(upperBounds))
    , m_buckets(std::make_unique<std::atomic<std::uint64_t>[]>(static_cast<std::size_t>(m_bounds.size()) + 1))
{
}

void Histogram::observe(double value) noexcept
{
    // First bound >= value; NaN compares false everywhere and lands in +Inf.
    const auto it = std::isnan(value) ? m_bounds.cend()
                                      : std::lower_bound(m_bounds.cbegin(), m_bounds.cend(), value);
    const auto index = static_cast<std::size_t>(it - m_bounds.cbegin());
    m_buckets[index].fetch_add(1, std::memory_order_relaxed);
    m_sum.fetch_add(value, std::memory_order_relaxed);
}

QList<std::uint64_t> Histogram::cumulativeCounts() const
{
    QList<std::uint64_t> counts;
    counts.reserve(m_bounds.size() + 1);
    std::uint64_t running = 0;
    for (qsizetype i = 0; i <= m_bounds.size(); ++i) {
        running += m_buckets[static_cast<std::size_t>(i)].load(std::memory_order_relaxed);
        counts.append(running);
    }
    return counts;
}

std::uint64_t Histogram::count() const
{
    std::uint64_t total = 0;
    for (qsizetype i = 0; i <= m_bounds.size(); ++i)
        total += m_buckets[static_cast<std::size_t>(i)].load(std::memory_order_relaxed);
    return total;
}

QList<double> Histogram::defaultLatencyBuckets()
{
    return {0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10};
}

QList<double> Histogram::normalisedBounds(const QList<double> &upperBounds)
{
    QList<double> bounds;
    bounds.reserve(upperBounds.size());
    for (const double b : upperBounds) {
        if (std::isfinite(b))
            bounds.append(b);
    }
    std::sort(bounds.begin(), bounds.end());
    bounds.erase(std::unique(bounds.begin(), bounds.end()), bounds.end());
    return bounds;
}

} // namespace sluice
