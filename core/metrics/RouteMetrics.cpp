#include "RouteMetrics.h"

#include "CounterFamily.h"
#include "HistogramFamily.h"

namespace sluice {

RouteMetrics::RouteMetrics(const Families &families, const QString &api, const QString &operation)
    : m_requestsFamily(families.requests)
    , m_api(api)
    , m_operation(operation)
    , m_responseDurationFamily(families.responseDuration)
    , m_duration(families.duration->withLabels({api}))
    , m_backendDuration(families.backendDuration->withLabels({api}))
    , m_policyErrors(families.policyErrors->withLabels({api}))
{
    for (const BackendOutcome outcome : {BackendOutcome::Ok, BackendOutcome::ConnectError,
                                         BackendOutcome::Timeout, BackendOutcome::ProtocolError})
        m_backend[static_cast<std::size_t>(outcome)] = families.backendRequests->withLabels({api, outcomeName(outcome)});
}

void RouteMetrics::recordRequest(int status, double seconds, ResponseCacheOutcome cache)
{
    requests(status)->increment();
    m_duration->observe(seconds);
    responseDuration(cache)->observe(seconds);
}

void RouteMetrics::recordBackend(BackendOutcome outcome, double seconds)
{
    backend(outcome)->increment();
    m_backendDuration->observe(seconds);
}

void RouteMetrics::recordPolicyError() { m_policyErrors->increment(); }

Counter *RouteMetrics::requests(int status)
{
    std::atomic<Counter *> &slot = m_requests[statusIndex(status)];
    Counter *counter = slot.load(std::memory_order_acquire);
    if (!counter) {
        // withLabels() returns the same child to every racing thread.
        counter = m_requestsFamily->withLabels({m_api, m_operation, statusClass(status)});
        slot.store(counter, std::memory_order_release);
    }
    return counter;
}

Histogram *RouteMetrics::responseDuration(ResponseCacheOutcome cache)
{
    std::atomic<Histogram *> &slot = m_responseDuration[static_cast<std::size_t>(cache)];
    Histogram *histogram = slot.load(std::memory_order_acquire);
    if (!histogram) {
        // Only on the first request of this outcome; withLabels() gives racing threads the same child.
        histogram = m_responseDurationFamily->withLabels({m_api, m_operation, outcomeName(cache)});
        slot.store(histogram, std::memory_order_release);
    }
    return histogram;
}

Counter *RouteMetrics::backend(BackendOutcome outcome) const
{
    return m_backend[static_cast<std::size_t>(outcome)];
}

std::size_t RouteMetrics::statusIndex(int status)
{
    return status >= 100 && status <= 599 ? static_cast<std::size_t>(status / 100) : 0;
}

QString RouteMetrics::statusClass(int status)
{
    const std::size_t index = statusIndex(status);
    return index == 0 ? QStringLiteral("other") : QString::number(index) + QLatin1String("xx");
}

QString RouteMetrics::outcomeName(BackendOutcome outcome)
{
    switch (outcome) {
    case BackendOutcome::Ok:
        return QStringLiteral("ok");
    case BackendOutcome::ConnectError:
        return QStringLiteral("connect_error");
    case BackendOutcome::Timeout:
        return QStringLiteral("timeout");
    case BackendOutcome::ProtocolError:
        return QStringLiteral("protocol_error");
    }
    return QStringLiteral("unknown");
}

QString RouteMetrics::outcomeName(ResponseCacheOutcome outcome)
{
    switch (outcome) {
    case ResponseCacheOutcome::None:
        return QStringLiteral("none");
    case ResponseCacheOutcome::Hit:
        return QStringLiteral("hit");
    case ResponseCacheOutcome::Miss:
        return QStringLiteral("miss");
    case ResponseCacheOutcome::Bypass:
        return QStringLiteral("bypass");
    }
    return QStringLiteral("none");
}

} // namespace sluice
