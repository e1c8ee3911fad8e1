#include "EpollEventDispatcher.h"

#include <QCoreApplication>
#include <QSocketNotifier>
#include <QThread>
#include <QTimerEvent>
#include <QtDebug>

#include <sys/epoll.h>
#include <sys/eventfd.h>
#include <unistd.h>

#include <cerrno>
#include <chrono>
#include <climits>

namespace sluice {

namespace {

constexpr int ReadyBatch = 256;
constexpr qint64 NanosPerMilli = 1'000'000;

qint64 steadyNanos()
{
    return std::chrono::duration_cast<std::chrono::nanoseconds>(std::chrono::steady_clock::now().time_since_epoch())
        .count();
}

qint64 armedPeriod(qint64 interval, Qt::TimerType type)
{
    if (type != Qt::VeryCoarseTimer || interval == 0)
        return interval;
    return std::max<qint64>(1000, (interval + 500) / 1000 * 1000); // whole seconds, as Qt does
}

std::uint32_t epollEventsFor(const QSocketNotifier *const notifiers[3])
{
    std::uint32_t events = 0;
    if (notifiers[QSocketNotifier::Read])
        events |= EPOLLIN;
    if (notifiers[QSocketNotifier::Write])
        events |= EPOLLOUT;
    if (notifiers[QSocketNotifier::Exception])
        events |= EPOLLPRI;
    return events;
}

// Milliseconds from now until `due`, rounded up so that a wait never ends
// before the deadline; 0 when it has passed.
int millisUntil(qint64 due)
{
    const qint64 remaining = due - steadyNanos();
    if (remaining <= 0)
        return 0;
    return static_cast<int>(std::min<qint64>((remaining + NanosPerMilli - 1) / NanosPerMilli, INT_MAX));
}

} // namespace

EpollEventDispatcher::EpollEventDispatcher(QObject *parent)
    : QAbstractEventDispatcher(parent)
    , m_epoll(::epoll_create1(EPOLL_CLOEXEC))
    , m_wakeFd(::eventfd(0, EFD_CLOEXEC | EFD_NONBLOCK))
{
    if (m_epoll < 0 || m_wakeFd < 0) {
        qWarning("EpollEventDispatcher: %s failed (errno %d)", m_epoll < 0 ? "epoll_create1" : "eventfd", errno);
        return;
    }
    epoll_event event {};
    event.events = EPOLLIN;
    event.data.fd = m_wakeFd;
    if (::epoll_ctl(m_epoll, EPOLL_CTL_ADD, m_wakeFd, &event) != 0) {
        qWarning("EpollEventDispatcher: cannot watch its eventfd (errno %d)", errno);
        ::close(m_wakeFd);
        m_wakeFd = -1;
    }
}

EpollEventDispatcher::~EpollEventDispatcher()
{
    if (m_wakeFd >= 0)
        ::close(m_wakeFd);
    if (m_epoll >= 0)
        ::close(m_epoll);
}

bool EpollEventDispatcher::installOn(QThread *thread)
{
    // Diagnostic switch: SLUICE_EVENT_DISPATCHER=qt keeps Qt's own dispatcher.
    if (qgetenv("SLUICE_EVENT_DISPATCHER") == "qt")
        return false;
    auto *dispatcher = new EpollEventDispatcher;
    if (!dispatcher->isValid()) {
        delete dispatcher;
        return false;
    }
    thread->setEventDispatcher(dispatcher); // the thread owns it from here
    return true;
}

bool EpollEventDispatcher::processEvents(QEventLoop::ProcessEventsFlags flags)
{
    m_interrupted.store(false, std::memory_order_relaxed);
    Q_EMIT awake();
    QCoreApplication::sendPostedEvents();

    const bool includeTimers = !(flags & QEventLoop::X11ExcludeTimers);
    const bool includeNotifiers = !(flags & QEventLoop::ExcludeSocketNotifiers);
    if (m_interrupted.load(std::memory_order_relaxed))
        return false;

    const int timeout = (flags & QEventLoop::WaitForMoreEvents) ? waitTimeout(includeTimers) : 0;
    if (timeout != 0)
        Q_EMIT aboutToBlock();

    epoll_event ready[ReadyBatch];
    const int readyCount = ::epoll_wait(m_epoll, ready, ReadyBatch, timeout);
    int activated = 0;
    if (readyCount < 0) {
        if (errno != EINTR)
            qWarning("EpollEventDispatcher: epoll_wait failed (errno %d)", errno);
    } else {
        for (int i = 0; i < readyCount; ++i) {
            const int fd = ready[i].data.fd;
            const std::uint32_t events = ready[i].events;
            if (fd == m_wakeFd) {
                drainWakeUps();
                continue;
            }
            if (!includeNotifiers || fd < 0 || static_cast<size_t>(fd) >= m_sockets.size())
                continue;
            const SocketInterest &interest = m_sockets[static_cast<size_t>(fd)];
            // As Qt's Unix dispatcher: hang-up and error wake the reader (its
            // read sees the end or the error), error also wakes the writer.
            if ((events & (EPOLLIN | EPOLLHUP | EPOLLERR)) && interest.notifiers[QSocketNotifier::Read])
                m_pendingNotifiers.push_back(interest.notifiers[QSocketNotifier::Read]);
            if ((events & (EPOLLOUT | EPOLLHUP | EPOLLERR)) && interest.notifiers[QSocketNotifier::Write])
                m_pendingNotifiers.push_back(interest.notifiers[QSocketNotifier::Write]);
            if ((events & EPOLLPRI) && interest.notifiers[QSocketNotifier::Exception])
                m_pendingNotifiers.push_back(interest.notifiers[QSocketNotifier::Exception]);
        }
        activated += activateSocketNotifiers();
    }
    if (includeTimers)
        activated += activateTimers();
    return activated > 0;
}

int EpollEventDispatcher::waitTimeout(bool includeTimers) const
{
    if (!includeTimers || m_timerQueue.empty())
        return -1;
    return millisUntil(m_timerQueue.begin()->first);
}

int EpollEventDispatcher::activateSocketNotifiers()
{
    int activated = 0;
    // A notifier may unregister itself or others while it runs; those are
    // nulled in the list (unregisterSocketNotifier) and skipped here.
    for (size_t i = 0; i < m_pendingNotifiers.size(); ++i) {
        QSocketNotifier *notifier = m_pendingNotifiers[i];
        if (!notifier)
            continue;
        m_pendingNotifiers[i] = nullptr;
        QEvent event(QEvent::SockAct);
        QCoreApplication::sendEvent(notifier, &event);
        ++activated;
    }
    m_pendingNotifiers.clear();
    return activated;
}

int EpollEventDispatcher::activateTimers()
{
    if (m_timerQueue.empty())
        return 0;
    const qint64 now = steadyNanos();
    // The ids due now, taken before any runs: a handler may kill, restart or
    // add timers, and a zero-interval timer must fire once per pass.
    std::vector<int> dueIds;
    for (const auto &[due, id] : m_timerQueue) {
        if (due > now)
            break;
        dueIds.push_back(id);
    }
    int activated = 0;
    for (int id : dueIds) {
        auto it = m_timers.find(id);
        if (it == m_timers.end() || it->second.inTimerEvent || it->second.due > now)
            continue;
        Timer &timer = it->second;
        m_timerQueue.erase({timer.due, id});
        const qint64 period = armedPeriod(timer.interval, timer.type) * NanosPerMilli;
        timer.due += period;
        if (timer.due <= now)
            timer.due = now + period; // late: re-armed from now, no burst of catch-ups
        m_timerQueue.insert({timer.due, id});
        timer.inTimerEvent = true;
        QObject *object = timer.object;
        QTimerEvent event(id);
        QCoreApplication::sendEvent(object, &event);
        ++activated;
        it = m_timers.find(id);
        if (it != m_timers.end())
            it->second.inTimerEvent = false;
    }
    return activated;
}

void EpollEventDispatcher::drainWakeUps()
{
    eventfd_t count = 0;
    while (::eventfd_read(m_wakeFd, &count) == 0) { }
    m_wakeUpPending.store(false, std::memory_order_release);
}

void EpollEventDispatcher::registerSocketNotifier(QSocketNotifier *notifier)
{
    const qintptr fd = notifier->socket();
    const int type = notifier->type();
    if (fd < 0 || type < 0 || type > 2) {
        qWarning("EpollEventDispatcher: socket notifier with an invalid descriptor or type");
        return;
    }
    if (static_cast<size_t>(fd) >= m_sockets.size())
        m_sockets.resize(static_cast<size_t>(fd) + 1);
    SocketInterest &interest = m_sockets[static_cast<size_t>(fd)];
    if (interest.notifiers[type] && interest.notifiers[type] != notifier)
        qWarning("EpollEventDispatcher: descriptor %d already has a notifier of type %d", int(fd), type);
    interest.notifiers[type] = notifier;
    updateInterest(static_cast<int>(fd), interest);
}

void EpollEventDispatcher::unregisterSocketNotifier(QSocketNotifier *notifier)
{
    const qintptr fd = notifier->socket();
    const int type = notifier->type();
    for (QSocketNotifier *&pending : m_pendingNotifiers) {
        if (pending == notifier)
            pending = nullptr;
    }
    if (fd < 0 || static_cast<size_t>(fd) >= m_sockets.size() || type < 0 || type > 2)
        return;
    SocketInterest &interest = m_sockets[static_cast<size_t>(fd)];
    if (interest.notifiers[type] != notifier)
        return;
    interest.notifiers[type] = nullptr;
    updateInterest(static_cast<int>(fd), interest);
}

void EpollEventDispatcher::updateInterest(int fd, SocketInterest &interest)
{
    const std::uint32_t wanted = epollEventsFor(interest.notifiers);
    if (wanted == interest.events)
        return;
    epoll_event event {};
    event.events = wanted;
    event.data.fd = fd;
    int result = 0;
    if (wanted == 0) {
        // The descriptor may already be closed (the kernel then forgot it).
        result = ::epoll_ctl(m_epoll, EPOLL_CTL_DEL, fd, &event);
        if (result != 0 && (errno == EBADF || errno == ENOENT))
            result = 0;
    } else if (interest.events == 0) {
        result = ::epoll_ctl(m_epoll, EPOLL_CTL_ADD, fd, &event);
        if (result != 0 && errno == EEXIST)
            result = ::epoll_ctl(m_epoll, EPOLL_CTL_MOD, fd, &event);
    } else {
        result = ::epoll_ctl(m_epoll, EPOLL_CTL_MOD, fd, &event);
        if (result != 0 && errno == ENOENT) // closed and reused behind our back
            result = ::epoll_ctl(m_epoll, EPOLL_CTL_ADD, fd, &event);
    }
    if (result != 0)
        qWarning("EpollEventDispatcher: epoll_ctl on descriptor %d failed (errno %d)", fd, errno);
    interest.events = result == 0 ? wanted : 0;
}

void EpollEventDispatcher::registerTimer(int timerId, qint64 interval, Qt::TimerType timerType, QObject *object)
{
    if (timerId < 1 || interval < 0 || !object) {
        qWarning("EpollEventDispatcher: invalid timer registration");
        return;
    }
    auto existing = m_timers.find(timerId);
    if (existing != m_timers.end())
        removeTimer(existing);
    Timer timer;
    timer.interval = interval;
    timer.type = timerType;
    timer.object = object;
    timer.due = steadyNanos() + armedPeriod(interval, timerType) * NanosPerMilli;
    m_timerQueue.insert({timer.due, timerId});
    m_timers.emplace(timerId, timer);
}

std::map<int, EpollEventDispatcher::Timer>::iterator
EpollEventDispatcher::removeTimer(std::map<int, Timer>::iterator it)
{
    m_timerQueue.erase({it->second.due, it->first});
    return m_timers.erase(it);
}

bool EpollEventDispatcher::unregisterTimer(int timerId)
{
    auto it = m_timers.find(timerId);
    if (it == m_timers.end())
        return false;
    removeTimer(it);
    return true;
}

bool EpollEventDispatcher::unregisterTimers(QObject *object)
{
    bool removed = false;
    for (auto it = m_timers.begin(); it != m_timers.end();) {
        if (it->second.object == object) {
            it = removeTimer(it);
            removed = true;
        } else {
            ++it;
        }
    }
    return removed;
}

QList<QAbstractEventDispatcher::TimerInfo> EpollEventDispatcher::registeredTimers(QObject *object) const
{
    QList<TimerInfo> timers;
    for (const auto &[id, timer] : m_timers) {
        if (timer.object == object)
            timers.append(TimerInfo(id, static_cast<int>(timer.interval), timer.type));
    }
    return timers;
}

int EpollEventDispatcher::remainingTime(int timerId)
{
    const auto it = m_timers.find(timerId);
    if (it == m_timers.end())
        return -1;
    return millisUntil(it->second.due);
}

void EpollEventDispatcher::wakeUp()
{
    // One write per sleep, however many threads post: the flag is cleared
    // when the dispatcher drains the eventfd.
    if (m_wakeUpPending.exchange(true, std::memory_order_acq_rel))
        return;
    ::eventfd_write(m_wakeFd, 1);
}

void EpollEventDispatcher::interrupt()
{
    m_interrupted.store(true, std::memory_order_relaxed);
    wakeUp();
}

} // namespace sluice
