#include "InMemoryRateLimitCounters.h"

#include <QDateTime>

#include <limits>

#include <algorithm>

namespace sluice {

namespace {

qint64 windowIndex(const RateLimitCheck &check, qint64 now)
{
    if (check.periodMs <= 0)
        return 0;
    const qint64 offset = now - check.originMs;
    return offset >= 0 ? offset / check.periodMs : -1 - (-offset - 1) / check.periodMs;
}

} // namespace

InMemoryRateLimitCounters::InMemoryRateLimitCounters(Clock clock)
    : m_clock(clock ? std::move(clock) : Clock([] { return QDateTime::currentMSecsSinceEpoch(); }))
{ }

void InMemoryRateLimitCounters::acquire(std::vector<RateLimitCheck> checks, QObject *,
                                        std::function<void(RateLimitOutcome)> done)
{
    done(acquireNow(checks));
}

InMemoryRateLimitCounters::Counter &InMemoryRateLimitCounters::counter(const RateLimitCheck &check, qint64 now)
{
    Counter &c = m_counters[check.key];
    if (check.fixedWindow) {
        const qint64 window = windowIndex(check, now);
        if (window != c.window) {
            c.window = window;
            c.count = 0;
        }
        c.events.clear();
        c.sum = 0;
    } else {
        while (!c.events.empty() && c.events.front().first <= now - check.periodMs) {
            c.sum -= c.events.front().second;
            c.events.pop_front();
        }
    }
    return c;
}

qint64 InMemoryRateLimitCounters::retryAfter(const Counter &c, const RateLimitCheck &check, qint64 now)
{
    if (check.fixedWindow) {
        if (check.periodMs <= 0)
            return RateLimitNeverMs;
        return check.originMs + (windowIndex(check, now) + 1) * check.periodMs - now;
    }
    // The moment enough old increments leave the window for one more call.
    const qint64 wanted = std::max<qint64>(check.amount, 1);
    qint64 left = c.sum;
    for (const auto &[time, amount] : c.events) {
        left -= amount;
        if (left + wanted <= check.limit)
            return std::max<qint64>(0, time + check.periodMs - now);
    }
    return check.periodMs;
}

void InMemoryRateLimitCounters::addTo(Counter &c, const RateLimitCheck &check, qint64 now)
{
    if (check.amount <= 0)
        return;
    if (check.fixedWindow) {
        c.count += check.amount;
        c.expiresAt =
            check.periodMs > 0 ? check.originMs + (windowIndex(check, now) + 1) * check.periodMs : RateLimitNeverMs;
    } else {
        c.events.emplace_back(now, check.amount);
        c.sum += check.amount;
        c.expiresAt = now + check.periodMs;
    }
}

RateLimitOutcome InMemoryRateLimitCounters::acquireNow(const std::vector<RateLimitCheck> &checks)
{
    const qint64 now = m_clock();
    QMutexLocker lock(&m_mutex);
    RateLimitOutcome outcome;
    outcome.remaining.reserve(checks.size());
    std::vector<Counter *> counters;
    counters.reserve(checks.size());
    for (size_t i = 0; i < checks.size(); ++i) {
        const RateLimitCheck &check = checks[i];
        Counter &c = counter(check, now);
        counters.push_back(&c);
        const qint64 u = used(c);
        const bool fits = check.amount > 0 ? u + check.amount <= check.limit : u < check.limit;
        if (!fits && outcome.allowed) {
            outcome.allowed = false;
            outcome.failed = int(i);
            outcome.retryAfterMs = retryAfter(c, check, now);
        }
    }
    for (size_t i = 0; i < checks.size(); ++i) {
        if (outcome.allowed)
            addTo(*counters[i], checks[i], now);
        outcome.remaining.push_back(std::max<qint64>(0, checks[i].limit - used(*counters[i])));
    }
    if ((++m_operations & 0xfff) == 0)
        sweep(now);
    return outcome;
}

void InMemoryRateLimitCounters::add(const RateLimitCheck &check)
{
    const qint64 now = m_clock();
    QMutexLocker lock(&m_mutex);
    addTo(counter(check, now), check, now);
}

int InMemoryRateLimitCounters::counterCount() const
{
    QMutexLocker lock(&m_mutex);
    return int(m_counters.size());
}

void InMemoryRateLimitCounters::sweep(qint64 now)
{
    for (auto it = m_counters.begin(); it != m_counters.end();) {
        if (it->second.expiresAt <= now)
            it = m_counters.erase(it);
        else
            ++it;
    }
}

} // namespace sluice
