#pragma once

#include <QList>

#include <atomic>
#include <cstdint>
#include <memory>

namespace sluice {

// A distribution of observed values in fixed buckets. observe() is one binary
// search, one relaxed atomic add on the bucket and one atomic add on the sum; no
// lock. The count is the sum of the buckets, so `_count` always equals the
// `le="+Inf"` bucket even while other threads observe.
class Histogram
{
public:
    // Upper bounds (inclusive, "le"); sorted and made unique here, non-finite
    // bounds dropped: the +Inf bucket is always implied.
    explicit Histogram(const QList<double> &upperBounds);
    Histogram(const Histogram &) = delete;
    Histogram &operator=(const Histogram &) = delete;

    void observe(double value) noexcept;

    const QList<double> &upperBounds() const { return m_bounds; }
    // Cumulative counts, one per upper bound, then the +Inf bucket.
    QList<std::uint64_t> cumulativeCounts() const;
    std::uint64_t count() const;
    double sum() const { return m_sum.load(std::memory_order_relaxed); }

    // Latency buckets in seconds: 0.5 ms ... 10 s.
    static QList<double> defaultLatencyBuckets();
    // Sorted, unique, finite.
    static QList<double> normalisedBounds(const QList<double> &upperBounds);

private:
    QList<double> m_bounds;
    std::unique_ptr<std::atomic<std::uint64_t>[]> m_buckets; // m_bounds.size() + 1, not cumulative
    std::atomic<double> m_sum{0.0};
};

} // namespace sluice
