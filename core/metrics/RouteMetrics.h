#pragma once

#include <QString>

#include <array>
#include <atomic>

namespace sluice {

class Counter;
class CounterFamily;
class Histogram;
class HistogramFamily;

// How a call to the backend ended (label "outcome").
enum class BackendOutcome { Ok, ConnectError, Timeout, ProtocolError };

// The metrics of one API operation, built by GatewayMetrics::route(). Every
// record*() is lock-free: the children are resolved when the route is created
// (and per status class on first use of that class), so a gateway thread that
// caches this pointer pays one or two atomic adds per request.
class RouteMetrics
{
public:
    struct Families
    {
        CounterFamily *requests = nullptr;         // {api, operation, status_class}
        HistogramFamily *duration = nullptr;       // {api}
        CounterFamily *backendRequests = nullptr;  // {api, outcome}
        HistogramFamily *backendDuration = nullptr; // {api}
        CounterFamily *policyErrors = nullptr;     // {api}
    };

    RouteMetrics(const Families &families, const QString &api, const QString &operation);
    RouteMetrics(const RouteMetrics &) = delete;
    RouteMetrics &operator=(const RouteMetrics &) = delete;

    const QString &api() const { return m_api; }
    const QString &operation() const { return m_operation; }

    // One answered request: its status code and its total time in seconds.
    void recordRequest(int status, double seconds);
    // One call to the backend.
    void recordBackend(BackendOutcome outcome, double seconds);
    void recordPolicyError();

    Counter *requests(int status);
    Histogram *duration() const { return m_duration; }
    Histogram *backendDuration() const { return m_backendDuration; }
    Counter *backend(BackendOutcome outcome) const;
    Counter *policyErrors() const { return m_policyErrors; }

    // "1xx" ... "5xx"; "other" outside 100..599.
    static QString statusClass(int status);
    // "ok", "connect_error", "timeout", "protocol_error".
    static QString outcomeName(BackendOutcome outcome);

private:
    static std::size_t statusIndex(int status);

    CounterFamily *m_requestsFamily;
    QString m_api;
    QString m_operation;
    std::array<std::atomic<Counter *>, 6> m_requests{}; // other, 1xx .. 5xx
    Histogram *m_duration;
    Histogram *m_backendDuration;
    std::array<Counter *, 4> m_backend{};
    Counter *m_policyErrors;
};

} // namespace sluice
