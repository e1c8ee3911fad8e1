#pragma once

#include <QtGlobal>

namespace sluice::dotnet {

// The clock and local time zone behind DateTime.UtcNow / DateTime.Now /
// DateTimeOffset.Now and every local-time conversion. The default reads the
// system clock and the system time zone; tests install a FixedDotNetClock.
// Install a clock before evaluating on several threads (the pointer is atomic,
// the clock object must outlive its use).
class DotNetClock
{
public:
    virtual ~DotNetClock() = default;
    // Ticks (100 ns since 0001-01-01) of the current UTC time.
    virtual qint64 utcNowTicks() const;
    // Offset of the local zone at a UTC instant, in minutes.
    virtual int localOffsetMinutesAtUtc(qint64 utcTicks) const;
    // Offset of the local zone for a local wall-clock time, in minutes.
    virtual int localOffsetMinutesAtLocal(qint64 localTicks) const;

    static const DotNetClock &current();
    // nullptr restores the system clock.
    static void setCurrent(const DotNetClock *clock);
};

// A clock that stands still, in a zone with a fixed offset.
class FixedDotNetClock : public DotNetClock
{
public:
    FixedDotNetClock(qint64 utcTicks, int localOffsetMinutes)
        : m_ticks(utcTicks)
        , m_offset(localOffsetMinutes)
    { }
    qint64 utcNowTicks() const override { return m_ticks; }
    int localOffsetMinutesAtUtc(qint64) const override { return m_offset; }
    int localOffsetMinutesAtLocal(qint64) const override { return m_offset; }
    void setUtcNowTicks(qint64 ticks) { m_ticks = ticks; }

private:
    qint64 m_ticks;
    int m_offset;
};

// Installs a clock for the lifetime of the object (tests).
class ScopedDotNetClock
{
public:
    explicit ScopedDotNetClock(const DotNetClock *clock) { DotNetClock::setCurrent(clock); }
    ~ScopedDotNetClock() { DotNetClock::setCurrent(nullptr); }
    ScopedDotNetClock(const ScopedDotNetClock &) = delete;
    ScopedDotNetClock &operator=(const ScopedDotNetClock &) = delete;
};

} // namespace sluice::dotnet
