#pragma once

#include <atomic>
#include <cstdint>

namespace sluice {

// A monotonically increasing count. Safe to increment from any thread; one
// relaxed atomic add, no lock.
class Counter
{
public:
    Counter() = default;
    Counter(const Counter &) = delete;
    Counter &operator=(const Counter &) = delete;

    void increment(std::uint64_t by = 1) noexcept { m_value.fetch_add(by, std::memory_order_relaxed); }
    std::uint64_t value() const noexcept { return m_value.load(std::memory_order_relaxed); }

private:
    std::atomic<std::uint64_t> m_value{0};
};

} // namespace sluice
