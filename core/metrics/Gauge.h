#pragma once

#include <atomic>

namespace sluice {

// A value that goes up and down (active connections, build info). One atomic
// double (C++20 atomic floating-point add, a lock-free compare-and-swap loop),
// exact for integral values up to 2^53.
class Gauge
{
public:
    Gauge() = default;
    Gauge(const Gauge &) = delete;
    Gauge &operator=(const Gauge &) = delete;

    void increment(double by = 1.0) noexcept { m_value.fetch_add(by, std::memory_order_relaxed); }
    void decrement(double by = 1.0) noexcept { m_value.fetch_sub(by, std::memory_order_relaxed); }
    void set(double value) noexcept { m_value.store(value, std::memory_order_relaxed); }
    double value() const noexcept { return m_value.load(std::memory_order_relaxed); }

private:
    std::atomic<double> m_value{0.0};
    static_assert(std::atomic<double>::is_always_lock_free);
};

} // namespace sluice
