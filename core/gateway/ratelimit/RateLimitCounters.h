#pragma once

#include <QByteArray>
#include <QObject>

#include <functional>
#include <limits>
#include <vector>

namespace sluice {

// One counter a rate-limit or quota policy looks at.
struct RateLimitCheck
{
    QByteArray key;
    qint64 limit = 0; // calls, or bytes for a bandwidth quota
    qint64 periodMs = 0; // window length; for a fixed window 0 means "never renews"
    bool fixedWindow = false; // quota: windows start at originMs + n * periodMs; rate limit: sliding
    qint64 originMs = 0; // epoch milliseconds
    qint64 amount = 1; // added when every check of the call passes; 0 only checks
    // The checks of one call share a group (a shared store keeps them
    // together, e.g. in one Redis Cluster slot); empty: the key.
    QByteArray group;
};

// retryAfterMs of a fixed window that never renews.
inline constexpr qint64 RateLimitNeverMs = std::numeric_limits<qint64>::max() / 4;

struct RateLimitOutcome
{
    bool allowed = true;
    int failed = -1; // index of the first check over its limit
    std::vector<qint64> remaining; // per check, after this call
    qint64 retryAfterMs = 0; // when `failed` would allow the call again
};

// The counters behind rate-limit, rate-limit-by-key, quota and quota-by-key.
// Asynchronous by contract (a shared store, e.g. Redis, answers later); an
// in-process store may answer inside the call.
class RateLimitCounters
{
public:
    virtual ~RateLimitCounters() = default;

    // Checks every counter and, only when all of them allow it, adds each
    // check's amount. `done` runs exactly once on `context`'s thread, unless
    // `context` is destroyed first.
    virtual void acquire(std::vector<RateLimitCheck> checks, QObject *context,
                         std::function<void(RateLimitOutcome)> done) = 0;
    // Adds `check.amount` whatever the limit (an increment decided after the response).
    virtual void add(const RateLimitCheck &check) = 0;
};

} // namespace sluice
