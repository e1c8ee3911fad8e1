#pragma once

#include "RateLimitCounters.h"

#include <QHash>
#include <QMutex>

#include <deque>
#include <unordered_map>

namespace sluice {

// Exact counters in this process, shared by every worker thread (one lock;
// each call is a few hash and deque operations). Sliding windows keep every
// increment with its time; fixed windows keep one count per window. The clock
// (epoch milliseconds) is injected so tests can move time.
class InMemoryRateLimitCounters final : public RateLimitCounters
{
public:
    using Clock = std::function<qint64()>;

    explicit InMemoryRateLimitCounters(Clock clock = {});

    void acquire(std::vector<RateLimitCheck> checks, QObject *context,
                 std::function<void(RateLimitOutcome)> done) override;
    void add(const RateLimitCheck &check) override;

    // The synchronous core of acquire().
    RateLimitOutcome acquireNow(const std::vector<RateLimitCheck> &checks);
    int counterCount() const;

private:
    struct Counter
    {
        std::deque<std::pair<qint64, qint64>> events; // sliding: (time, amount), oldest first
        qint64 sum = 0; // sliding: sum of events in the window
        qint64 window = -1; // fixed: index of the current window
        qint64 count = 0; // fixed: count in that window
        qint64 expiresAt = 0; // nothing left to remember after this
    };

    Counter &counter(const RateLimitCheck &check, qint64 now);
    static qint64 used(const Counter &c) { return c.events.empty() ? c.count : c.sum; }
    static qint64 retryAfter(const Counter &c, const RateLimitCheck &check, qint64 now);
    static void addTo(Counter &c, const RateLimitCheck &check, qint64 now);
    void sweep(qint64 now);

    Clock m_clock;
    mutable QMutex m_mutex;
    struct KeyHash
    {
        size_t operator()(const QByteArray &key) const { return qHash(key); }
    };
    // Node-based: a call holds references to several counters while it inserts.
    std::unordered_map<QByteArray, Counter, KeyHash> m_counters;
    quint32 m_operations = 0;
};

} // namespace sluice
