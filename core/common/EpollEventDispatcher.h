#pragma once

#include <QAbstractEventDispatcher>

#include <atomic>
#include <cstdint>
#include <map>
#include <set>
#include <utility>
#include <vector>

class QThread;

namespace sluice {

// A Qt event dispatcher on Linux epoll for the gateway's own threads (HTTP
// workers, the acceptor). Qt's default dispatcher on Debian is glib's, which
// polls every socket of the thread on every pass and spends a quarter of a
// cache hit's CPU there; here the kernel keeps the interest set, a pass costs
// one epoll_wait, and only the descriptors that are ready are looked at.
//
// Semantics follow Qt's own Unix dispatcher: socket notifiers are level
// triggered (a read notifier also fires on hang-up and error, a write notifier
// on error), timers fire in deadline order and never re-enter their own
// timerEvent, a late repeating timer is re-armed from now, posted events are
// sent at the start of every pass, and wakeUp()/interrupt() may be called from
// any thread (an eventfd wakes epoll_wait). Timers of every type are kept to
// the millisecond; Qt::VeryCoarseTimer intervals are rounded to whole seconds
// as Qt does.
class EpollEventDispatcher final : public QAbstractEventDispatcher
{
    Q_OBJECT

public:
    explicit EpollEventDispatcher(QObject *parent = nullptr);
    ~EpollEventDispatcher() override;

    // False when the kernel refused epoll or eventfd (the dispatcher then must
    // not be used; installOn() falls back to Qt's default).
    bool isValid() const { return m_epoll >= 0 && m_wakeFd >= 0; }

    // Gives `thread` (not yet started) an EpollEventDispatcher; returns false
    // and leaves Qt's default in place when one cannot be made.
    static bool installOn(QThread *thread);

    bool processEvents(QEventLoop::ProcessEventsFlags flags) override;

    void registerSocketNotifier(QSocketNotifier *notifier) override;
    void unregisterSocketNotifier(QSocketNotifier *notifier) override;

    void registerTimer(int timerId, qint64 interval, Qt::TimerType timerType, QObject *object) override;
    bool unregisterTimer(int timerId) override;
    bool unregisterTimers(QObject *object) override;
    QList<TimerInfo> registeredTimers(QObject *object) const override;
    int remainingTime(int timerId) override;

    void wakeUp() override;
    void interrupt() override;

private:
    struct SocketInterest
    {
        QSocketNotifier *notifiers[3] = {nullptr, nullptr, nullptr}; // Read, Write, Exception
        std::uint32_t events = 0; // what epoll has been told
    };

    struct Timer
    {
        qint64 interval = 0; // milliseconds, as registered (armed: armedPeriod())
        qint64 due = 0; // steady clock, nanoseconds
        Qt::TimerType type = Qt::CoarseTimer;
        QObject *object = nullptr;
        bool inTimerEvent = false;
    };

    void updateInterest(int fd, SocketInterest &interest);
    int waitTimeout(bool includeTimers) const;
    int activateSocketNotifiers();
    int activateTimers();
    void drainWakeUps();
    std::map<int, Timer>::iterator removeTimer(std::map<int, Timer>::iterator it); // returns the next

    int m_epoll = -1;
    int m_wakeFd = -1;
    std::atomic<bool> m_wakeUpPending {false};
    std::atomic<bool> m_interrupted {false};

    std::vector<SocketInterest> m_sockets; // indexed by descriptor
    std::vector<QSocketNotifier *> m_pendingNotifiers; // ready this pass; nulled when unregistered

    std::map<int, Timer> m_timers; // by id
    std::set<std::pair<qint64, int>> m_timerQueue; // (due, id), earliest first
};

} // namespace sluice
