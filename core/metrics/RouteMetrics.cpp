#include "RouteMetrics.h"

#include "CounterFamily.h"
#include "HistogramFamily.h"

namespace sluice {

RouteMetrics::RouteMetrics(const Families &families, const QString &api, const QString &operation)
    : m_requestsFamily(families.requests)
    , m_api(api)
    , m_operation(operation)
    , m_duration(families.duration->withLabels({api}))
    , m_backendDuration(families.backendDuration->withLabels({api}))
    , m_policyErrors(families.policyErrors->withLabels({api}))
{
    for (const BackendOutcome outcome : {BackendOutcome::Ok, BackendOutcome::ConnectError,
                                         BackendOutcome::Timeout, BackendOutcome::ProtocolError})
        m_backend[static_cast<std::size_t>(outcome)] = families.backendRequests->withLabels({api, outcomeName(outcome)});
}

void RouteMetrics::recordRequest(int status, double seconds)
{
    requests(status)->increment();
    m_duration->observe(seconds);
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

} // namespace sluice
