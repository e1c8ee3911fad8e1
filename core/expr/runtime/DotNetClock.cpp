#include "DotNetClock.h"

#include "DotNetDateTime.h"

#include <QDateTime>
#include <QTimeZone>

#include <atomic>

namespace sluice::dotnet {

namespace {

std::atomic<const DotNetClock *> g_clock {nullptr};

const DotNetClock &systemClock()
{
    static const DotNetClock clock;
    return clock;
}

} // namespace

qint64 DotNetClock::utcNowTicks() const
{
    return DotNetDateTime::unixEpochTicks() + QDateTime::currentMSecsSinceEpoch() * DotNetTimeSpan::TicksPerMillisecond;
}

int DotNetClock::localOffsetMinutesAtUtc(qint64 utcTicks) const
{
    const qint64 ms = (utcTicks - DotNetDateTime::unixEpochTicks()) / DotNetTimeSpan::TicksPerMillisecond;
    const QDateTime at = QDateTime::fromMSecsSinceEpoch(ms, QTimeZone::utc());
    return QTimeZone::systemTimeZone().offsetFromUtc(at) / 60;
}

int DotNetClock::localOffsetMinutesAtLocal(qint64 localTicks) const
{
    // The offset at the UTC instant computed with the standard offset is right
    // except within a transition hour, where .NET's choice is ambiguous anyway.
    const int guess = localOffsetMinutesAtUtc(localTicks);
    return localOffsetMinutesAtUtc(localTicks - qint64(guess) * DotNetTimeSpan::TicksPerMinute);
}

const DotNetClock &DotNetClock::current()
{
    const DotNetClock *clock = g_clock.load(std::memory_order_acquire);
    return clock ? *clock : systemClock();
}

void DotNetClock::setCurrent(const DotNetClock *clock)
{
    g_clock.store(clock, std::memory_order_release);
}

} // namespace sluice::dotnet
