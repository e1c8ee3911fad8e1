// InMemoryRateLimitCounters with a clock under the test's control: sliding
// windows are exact (every increment leaves the window at its own time),
// fixed windows renew at their boundaries, and Retry-After is the time until
// the next call fits.
#include "gateway/ratelimit/InMemoryRateLimitCounters.h"

#include <QTest>

using namespace sluice;

class TestRateLimitCounters : public QObject
{
    Q_OBJECT

private:
    qint64 m_now = 1'000'000;
    InMemoryRateLimitCounters m_counters {[this] { return m_now; }};

    static RateLimitCheck sliding(const char *key, qint64 limit, qint64 periodMs, qint64 amount = 1)
    {
        return {QByteArray(key), limit, periodMs, false, 0, amount, {}};
    }

    static RateLimitCheck fixed(const char *key, qint64 limit, qint64 periodMs, qint64 originMs, qint64 amount = 1)
    {
        return {QByteArray(key), limit, periodMs, true, originMs, amount, {}};
    }

private Q_SLOTS:
    // (time offset, allowed, remaining or retry-after ms) for limit 3 per 10 s.
    void slidingWindow_data()
    {
        QTest::addColumn<QList<qint64>>("times");
        QTest::addColumn<QList<bool>>("allowed");
        QTest::addColumn<QList<qint64>>("expected"); // remaining when allowed, retry-after ms when not
        QTest::newRow("burst then wait") << QList<qint64> {0, 1, 2, 3, 9999, 10000, 10001}
                                         << QList<bool> {true, true, true, false, false, true, true}
                                         << QList<qint64> {2, 1, 0, 9997, 1, 0, 0};
        QTest::newRow("spread") << QList<qint64> {0, 4000, 8000, 9000, 10000, 13999, 14000}
                                << QList<bool> {true, true, true, false, true, false, true}
                                << QList<qint64> {2, 1, 0, 1000, 0, 1, 0};
    }

    void slidingWindow()
    {
        QFETCH(QList<qint64>, times);
        QFETCH(QList<bool>, allowed);
        QFETCH(QList<qint64>, expected);
        const QByteArray key = QByteArray("sliding-") + QTest::currentDataTag();
        const qint64 start = m_now;
        for (qsizetype i = 0; i < times.size(); ++i) {
            m_now = start + times[i];
            const RateLimitOutcome o = m_counters.acquireNow({sliding(key.constData(), 3, 10'000)});
            QCOMPARE(o.allowed, allowed[i]);
            if (o.allowed)
                QCOMPARE(o.remaining.front(), expected[i]);
            else
                QCOMPARE(o.retryAfterMs, expected[i]);
        }
        m_now = start + 100'000;
    }

    // Every check must allow the call; none is counted otherwise.
    void allOrNothing()
    {
        const RateLimitCheck wide = sliding("all-wide", 10, 60'000);
        const RateLimitCheck narrow = sliding("all-narrow", 1, 60'000);
        QVERIFY(m_counters.acquireNow({wide, narrow}).allowed);
        const RateLimitOutcome second = m_counters.acquireNow({wide, narrow});
        QVERIFY(!second.allowed);
        QCOMPARE(second.failed, 1);
        QCOMPARE(second.remaining.at(0), 9); // the refused call did not count on "wide"
        QCOMPARE(m_counters.acquireNow({wide}).remaining.front(), 8);
    }

    void amounts()
    {
        QVERIFY(m_counters.acquireNow({sliding("amount", 5, 60'000, 3)}).allowed);
        QVERIFY(!m_counters.acquireNow({sliding("amount", 5, 60'000, 3)}).allowed); // 3 + 3 > 5
        QVERIFY(m_counters.acquireNow({sliding("amount", 5, 60'000, 2)}).allowed); // 3 + 2 = 5
        // Checking only (amount 0): allowed while under the limit.
        QVERIFY(!m_counters.acquireNow({sliding("amount", 5, 60'000, 0)}).allowed);
        QVERIFY(m_counters.acquireNow({sliding("check-only", 1, 60'000, 0)}).allowed);
        QVERIFY(m_counters.acquireNow({sliding("check-only", 1, 60'000, 0)}).allowed);
        // add() counts whatever the limit.
        m_counters.add(sliding("check-only", 1, 60'000, 4));
        const RateLimitOutcome o = m_counters.acquireNow({sliding("check-only", 1, 60'000, 0)});
        QVERIFY(!o.allowed);
        QCOMPARE(o.retryAfterMs, 60'000);
    }

    void fixedWindow()
    {
        const qint64 origin = 0;
        m_now = 3'600'000 * 5 + 1000; // one second into a window
        QVERIFY(m_counters.acquireNow({fixed("fixed", 2, 3'600'000, origin)}).allowed);
        QVERIFY(m_counters.acquireNow({fixed("fixed", 2, 3'600'000, origin)}).allowed);
        const RateLimitOutcome o = m_counters.acquireNow({fixed("fixed", 2, 3'600'000, origin)});
        QVERIFY(!o.allowed);
        QCOMPARE(o.retryAfterMs, 3'600'000 - 1000);
        m_now = 3'600'000 * 6; // the next window starts empty
        const RateLimitOutcome next = m_counters.acquireNow({fixed("fixed", 2, 3'600'000, origin)});
        QVERIFY(next.allowed);
        QCOMPARE(next.remaining.front(), 1);
    }

    // renewal-period 0: one window for ever.
    void fixedWindowNeverRenews()
    {
        QVERIFY(m_counters.acquireNow({fixed("forever", 1, 0, 0)}).allowed);
        m_now += 10LL * 365 * 24 * 3600 * 1000;
        QVERIFY(!m_counters.acquireNow({fixed("forever", 1, 0, 0)}).allowed);
    }

    // A window origin after "now" (a first-period-start in the future).
    void fixedWindowBeforeOrigin()
    {
        const qint64 origin = m_now + 90'000;
        QVERIFY(m_counters.acquireNow({fixed("early", 1, 60'000, origin)}).allowed);
        const RateLimitOutcome o = m_counters.acquireNow({fixed("early", 1, 60'000, origin)});
        QVERIFY(!o.allowed);
        QCOMPARE(o.retryAfterMs, 30'000); // the window [origin - 120 s, origin - 60 s) ends in 30 s
    }

    void asynchronousContract()
    {
        bool called = false;
        QObject context;
        m_counters.acquire({sliding("async", 1, 1000)}, &context, [&](RateLimitOutcome o) {
            called = true;
            QVERIFY(o.allowed);
        });
        QVERIFY(called); // the in-process store answers inside the call
    }
};

QTEST_GUILESS_MAIN(TestRateLimitCounters)
#include "tst_ratelimitcounters.moc"
