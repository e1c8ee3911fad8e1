#pragma once

#include <QMutex>
#include <QMutexLocker>

#include <atomic>
#include <memory>

namespace sluice {

class GatewayConfig;
class RedisCacheHealth;

// The configuration a running gateway serves, swapped by a reload. A worker
// reads generation() once per request (one atomic load) and takes the lock
// only when it changed, to copy the new configuration; requests in flight
// keep the one they started with through their own shared_ptr.
class GatewayConfigSlot
{
public:
    struct Current
    {
        std::shared_ptr<const GatewayConfig> config;
        // Shared by the per-thread connections to the external cache of `config` (null without one).
        std::shared_ptr<RedisCacheHealth> externalHealth;
        quint64 generation = 0;
    };

    GatewayConfigSlot(std::shared_ptr<const GatewayConfig> config, std::shared_ptr<RedisCacheHealth> health)
        : m_current {std::move(config), std::move(health), 1}
    { }

    quint64 generation() const { return m_generation.load(std::memory_order_acquire); }

    Current current() const
    {
        const QMutexLocker lock(&m_mutex);
        return m_current;
    }

    void set(std::shared_ptr<const GatewayConfig> config, std::shared_ptr<RedisCacheHealth> health)
    {
        const QMutexLocker lock(&m_mutex);
        m_current.config = std::move(config);
        m_current.externalHealth = std::move(health);
        ++m_current.generation;
        m_generation.store(m_current.generation, std::memory_order_release);
    }

private:
    mutable QMutex m_mutex;
    Current m_current;
    std::atomic<quint64> m_generation {1};
};

} // namespace sluice
