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

// What response caching did for a request (label "outcome" of
// sluice_response_duration_seconds): served from the cache, looked up and
// missed (an unreachable store counts as a miss), bypassed by cache-lookup, or
// no cache-lookup at all.
enum class ResponseCacheOutcome { None, Hit, Miss, Bypass };

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
        HistogramFamily *responseDuration = nullptr; // {api, operation, outcome}
    };

    RouteMetrics(const Families &families, const QString &api, const QString &operation);
    RouteMetrics(const RouteMetrics &) = delete;
    RouteMetrics &operator=(const RouteMetrics &) = delete;

    const QString &api() const { return m_api; }
    const QString &operation() const { return m_operation; }

    // One answered request: its status code, its total time in seconds and
    // what response caching did for it.
    void recordRequest(int status, double seconds, ResponseCacheOutcome cache = ResponseCacheOutcome::None);
    // One call to the backend.
    void recordBackend(BackendOutcome outcome, double seconds);
    void recordPolicyError();

    Counter *requests(int status);
    Histogram *duration() const { return m_duration; }
    Histogram *backendDuration() const { return m_backendDuration; }
    Counter *backend(BackendOutcome outcome) const;
    Counter *policyErrors() const { return m_policyErrors; }
    // The response-time histogram of this operation for one cache outcome
    // (created on first use of that outcome, then lock-free).
    Histogram *responseDuration(ResponseCacheOutcome cache);

    // "1xx" ... "5xx"; "other" outside 100..599.
    static QString statusClass(int status);
    // "ok", "connect_error", "timeout", "protocol_error".
    static QString outcomeName(BackendOutcome outcome);
    // "none", "hit", "miss", "bypass".
    static QString outcomeName(ResponseCacheOutcome outcome);

private:
    static std::size_t statusIndex(int status);

    CounterFamily *m_requestsFamily;
    QString m_api;
    QString m_operation;
    std::array<std::atomic<Counter *>, 6> m_requests{}; // other, 1xx .. 5xx
    HistogramFamily *m_responseDurationFamily;
    std::array<std::atomic<Histogram *>, 4> m_responseDuration{}; // by ResponseCacheOutcome
    Histogram *m_duration;
    Histogram *m_backendDuration;
    std::array<Counter *, 4> m_backend{};
    Counter *m_policyErrors;
};

} // namespace sluice
