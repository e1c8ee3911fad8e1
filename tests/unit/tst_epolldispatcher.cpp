// EpollEventDispatcher: timers, socket notifiers, posted events and quit, each
// on a real thread that runs the dispatcher, with real loopback sockets.
#include "common/EpollEventDispatcher.h"

#include <QElapsedTimer>
#include <QSocketNotifier>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTest>
#include <QThread>
#include <QTimer>

#include <sys/socket.h>
#include <unistd.h>

#include <atomic>
#include <memory>

using namespace sluice;

namespace {

// A started thread with an EpollEventDispatcher; run() executes a function on
// it and waits for it to return.
class DispatcherThread
{
public:
    DispatcherThread()
    {
        m_thread.setObjectName(QStringLiteral("epoll-test"));
        m_installed = EpollEventDispatcher::installOn(&m_thread);
        m_thread.start();
        m_context.moveToThread(&m_thread);
    }
    ~DispatcherThread()
    {
        m_thread.quit();
        m_thread.wait();
    }
    bool installed() const { return m_installed; }
    QThread *thread() { return &m_thread; }
    QObject *context() { return &m_context; }
    template<typename F> void run(F &&function)
    {
        QMetaObject::invokeMethod(&m_context, std::forward<F>(function), Qt::BlockingQueuedConnection);
    }

private:
    QThread m_thread;
    QObject m_context;
    bool m_installed = false;
};

// A connected AF_UNIX stream pair, closed when the test ends (also on a failed check).
struct SocketPair
{
    SocketPair()
    {
        int fds[2];
        if (::socketpair(AF_UNIX, SOCK_STREAM, 0, fds) == 0) {
            reader = fds[0];
            writer = fds[1];
        }
    }
    ~SocketPair()
    {
        closeWriter();
        if (reader >= 0)
            ::close(reader);
    }
    SocketPair(const SocketPair &) = delete;
    SocketPair &operator=(const SocketPair &) = delete;

    bool isValid() const { return reader >= 0 && writer >= 0; }
    void closeWriter()
    {
        if (writer >= 0)
            ::close(writer);
        writer = -1;
    }

    int reader = -1;
    int writer = -1;
};

} // namespace

class TestEpollDispatcher : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void installsOnThread();
    void singleShotTimerFires_data();
    void singleShotTimerFires();
    void repeatingTimerKeepsPeriod();
    void zeroTimerDoesNotStarveSockets();
    void killedTimerNeverFires();
    void remainingTimeCountsDown();
    void socketNotifierFiresOnReadAndHangUp();
    void notifierDeletedByAnotherIsSkipped();
    void tcpEchoRoundTrip();
    void crossThreadPostWakesSleepingThread();
    void quitStopsBlockedThread();
};

void TestEpollDispatcher::installsOnThread()
{
    DispatcherThread t;
    QVERIFY(t.installed());
    bool isEpoll = false;
    t.run([&] { isEpoll = qobject_cast<EpollEventDispatcher *>(QAbstractEventDispatcher::instance()) != nullptr; });
    QVERIFY(isEpoll);
}

void TestEpollDispatcher::singleShotTimerFires_data()
{
    QTest::addColumn<int>("type");
    QTest::addColumn<int>("interval");
    QTest::newRow("precise 30 ms") << int(Qt::PreciseTimer) << 30;
    QTest::newRow("coarse 30 ms") << int(Qt::CoarseTimer) << 30;
    QTest::newRow("very coarse 1 s") << int(Qt::VeryCoarseTimer) << 1000;
}

void TestEpollDispatcher::singleShotTimerFires()
{
    QFETCH(int, type);
    QFETCH(int, interval);
    DispatcherThread t;
    std::atomic<qint64> elapsed {-1};
    QElapsedTimer clock;
    t.run([&] {
        clock.start();
        QTimer::singleShot(interval, Qt::TimerType(type), t.context(), [&] { elapsed = clock.elapsed(); });
    });
    QTRY_VERIFY_WITH_TIMEOUT(elapsed.load() >= 0, 5000);
    QVERIFY2(elapsed.load() >= interval - 1, qPrintable(QString::number(elapsed.load())));
}

void TestEpollDispatcher::repeatingTimerKeepsPeriod()
{
    DispatcherThread t;
    std::atomic<int> ticks {0};
    std::unique_ptr<QTimer> timer;
    QElapsedTimer clock;
    t.run([&] {
        timer = std::make_unique<QTimer>();
        timer->setTimerType(Qt::PreciseTimer);
        timer->setInterval(20);
        QObject::connect(timer.get(), &QTimer::timeout, timer.get(), [&] { ++ticks; });
        clock.start();
        timer->start();
    });
    QTRY_VERIFY_WITH_TIMEOUT(ticks.load() >= 5, 5000);
    const qint64 elapsed = clock.elapsed();
    t.run([&] { timer.reset(); });
    // Five ticks of 20 ms cannot come before 100 ms.
    QVERIFY2(elapsed >= 99, qPrintable(QString::number(elapsed)));
}

void TestEpollDispatcher::zeroTimerDoesNotStarveSockets()
{
    DispatcherThread t;
    SocketPair pair;
    QVERIFY(pair.isValid());
    std::atomic<int> zeroTicks {0};
    std::atomic<bool> readable {false};
    std::unique_ptr<QTimer> timer;
    std::unique_ptr<QSocketNotifier> notifier;
    t.run([&] {
        timer = std::make_unique<QTimer>();
        timer->setInterval(0);
        QObject::connect(timer.get(), &QTimer::timeout, timer.get(), [&] { ++zeroTicks; });
        timer->start();
        notifier = std::make_unique<QSocketNotifier>(pair.reader, QSocketNotifier::Read);
        QObject::connect(notifier.get(), &QSocketNotifier::activated, notifier.get(), [&] {
            readable = true;
            notifier->setEnabled(false);
        });
    });
    QCOMPARE(::write(pair.writer, "x", 1), ssize_t(1));
    QTRY_VERIFY_WITH_TIMEOUT(readable.load(), 5000);
    QVERIFY(zeroTicks.load() > 0);
    t.run([&] {
        timer.reset();
        notifier.reset();
    });
}

void TestEpollDispatcher::killedTimerNeverFires()
{
    DispatcherThread t;
    std::atomic<int> fired {0};
    std::unique_ptr<QTimer> timer;
    t.run([&] {
        timer = std::make_unique<QTimer>();
        timer->setSingleShot(true);
        QObject::connect(timer.get(), &QTimer::timeout, timer.get(), [&] { ++fired; });
        timer->start(30);
        timer->stop();
    });
    std::atomic<bool> later {false};
    t.run([&] { QTimer::singleShot(120, t.context(), [&] { later = true; }); });
    QTRY_VERIFY_WITH_TIMEOUT(later.load(), 5000);
    QCOMPARE(fired.load(), 0);
    t.run([&] { timer.reset(); });
}

void TestEpollDispatcher::remainingTimeCountsDown()
{
    DispatcherThread t;
    int first = -2;
    int second = -2;
    bool activeAfterStop = true;
    std::unique_ptr<QTimer> timer;
    t.run([&] {
        timer = std::make_unique<QTimer>();
        timer->setTimerType(Qt::PreciseTimer);
        timer->start(10'000);
        first = timer->remainingTime();
    });
    QTest::qWait(50);
    t.run([&] {
        second = timer->remainingTime();
        timer->stop();
        activeAfterStop = timer->remainingTime() != -1;
        timer.reset();
    });
    QVERIFY2(first > 9'900 && first <= 10'000, qPrintable(QString::number(first)));
    QVERIFY2(second < first && second > 9'000, qPrintable(QString::number(second)));
    QVERIFY(!activeAfterStop);
}

void TestEpollDispatcher::socketNotifierFiresOnReadAndHangUp()
{
    DispatcherThread t;
    SocketPair pair;
    QVERIFY(pair.isValid());
    std::atomic<int> reads {0};
    std::atomic<bool> sawEnd {false};
    std::unique_ptr<QSocketNotifier> notifier;
    t.run([&] {
        notifier = std::make_unique<QSocketNotifier>(pair.reader, QSocketNotifier::Read);
        QObject::connect(notifier.get(), &QSocketNotifier::activated, notifier.get(), [&] {
            char buffer[64];
            const ssize_t n = ::read(pair.reader, buffer, sizeof buffer);
            if (n > 0) {
                reads += int(n);
            } else {
                sawEnd = true;
                notifier->setEnabled(false); // level triggered: or it fires again
            }
        });
    });
    QCOMPARE(::write(pair.writer, "abc", 3), ssize_t(3));
    QTRY_COMPARE_WITH_TIMEOUT(reads.load(), 3, 5000);
    pair.closeWriter();
    QTRY_VERIFY_WITH_TIMEOUT(sawEnd.load(), 5000);
    t.run([&] { notifier.reset(); });
}

void TestEpollDispatcher::notifierDeletedByAnotherIsSkipped()
{
    // Two descriptors ready in the same pass; whichever runs first deletes the
    // other's notifier, which then must not be activated.
    DispatcherThread t;
    SocketPair a;
    SocketPair b;
    QVERIFY(a.isValid() && b.isValid());
    std::atomic<int> activations {0};
    QSocketNotifier *first = nullptr;
    QSocketNotifier *second = nullptr;
    t.run([&] {
        first = new QSocketNotifier(a.reader, QSocketNotifier::Read);
        second = new QSocketNotifier(b.reader, QSocketNotifier::Read);
        auto onActivated = [&](QSocketNotifier *self, QSocketNotifier *&other) {
            ++activations;
            delete other;
            other = nullptr;
            self->setEnabled(false);
        };
        QObject::connect(first, &QSocketNotifier::activated, first, [&, onActivated] { onActivated(first, second); });
        QObject::connect(second, &QSocketNotifier::activated, second, [&, onActivated] { onActivated(second, first); });
    });
    // Both become readable before the thread wakes: block it first.
    std::atomic<bool> release {false};
    QMetaObject::invokeMethod(t.context(), [&] {
        while (!release.load())
            QThread::msleep(1);
    });
    QCOMPARE(::write(a.writer, "x", 1), ssize_t(1));
    QCOMPARE(::write(b.writer, "y", 1), ssize_t(1));
    release = true;
    QTRY_COMPARE_WITH_TIMEOUT(activations.load(), 1, 5000);
    QTest::qWait(50);
    QCOMPARE(activations.load(), 1);
    t.run([&] {
        delete first;
        delete second;
    });
}

void TestEpollDispatcher::tcpEchoRoundTrip()
{
    DispatcherThread t;
    std::unique_ptr<QTcpServer> server;
    std::unique_ptr<QTcpSocket> client;
    std::atomic<qsizetype> echoed {0};
    constexpr qsizetype payload = 1 << 20; // more than one socket buffer: write notifiers too
    t.run([&] {
        server = std::make_unique<QTcpServer>();
        QVERIFY(server->listen(QHostAddress::LocalHost, 0));
        QObject::connect(server.get(), &QTcpServer::newConnection, server.get(), [&] {
            QTcpSocket *peer = server->nextPendingConnection();
            QObject::connect(peer, &QTcpSocket::readyRead, peer, [peer] { peer->write(peer->readAll()); });
        });
        client = std::make_unique<QTcpSocket>();
        QObject::connect(client.get(), &QTcpSocket::readyRead, client.get(),
                         [&] { echoed += client->readAll().size(); });
        QObject::connect(client.get(), &QTcpSocket::connected, client.get(),
                         [&] { client->write(QByteArray(payload, 'e')); });
        client->connectToHost(QHostAddress::LocalHost, server->serverPort());
    });
    QTRY_COMPARE_WITH_TIMEOUT(echoed.load(), payload, 10000);
    t.run([&] {
        client.reset();
        server.reset();
    });
}

void TestEpollDispatcher::crossThreadPostWakesSleepingThread()
{
    DispatcherThread t;
    // The thread sleeps in epoll_wait with no timer; each post must wake it.
    std::atomic<int> delivered {0};
    for (int i = 0; i < 100; ++i)
        QMetaObject::invokeMethod(t.context(), [&] { ++delivered; });
    QTRY_COMPARE_WITH_TIMEOUT(delivered.load(), 100, 5000);
    QTest::qWait(20);
    QMetaObject::invokeMethod(t.context(), [&] { ++delivered; });
    QTRY_COMPARE_WITH_TIMEOUT(delivered.load(), 101, 5000);
}

void TestEpollDispatcher::quitStopsBlockedThread()
{
    QThread thread;
    QVERIFY(EpollEventDispatcher::installOn(&thread));
    thread.start();
    QTest::qWait(20); // asleep in epoll_wait by now
    QElapsedTimer clock;
    clock.start();
    thread.quit();
    QVERIFY(thread.wait(5000));
    QVERIFY(clock.elapsed() < 5000);
}

QTEST_GUILESS_MAIN(TestEpollDispatcher)
#include "tst_epolldispatcher.moc"
