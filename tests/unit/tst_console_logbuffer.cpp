// LogBuffer: bounded, ordered, readable incrementally, fed by RequestLog.
#include "LogBuffer.h"

#include <QTest>

#include <thread>
#include <vector>

using namespace sluice;

class TestConsoleLogBuffer : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void keepsOnlyTheLastLines()
    {
        LogBuffer buffer(3);
        for (int i = 1; i <= 5; ++i)
            buffer.append(RequestLog::Level::Info, QByteArray::number(i));
        QCOMPARE(buffer.size(), 3);
        QCOMPARE(buffer.lastSequence(), quint64(5));
        const QList<LogEntry> all = buffer.since(0);
        QCOMPARE(all.size(), 3);
        QCOMPARE(all.front().text, QStringLiteral("3"));
        QCOMPARE(all.back().text, QStringLiteral("5"));
        QCOMPARE(all.back().sequence, quint64(5));
    }

    void readsIncrementally()
    {
        LogBuffer buffer(10);
        buffer.append(RequestLog::Level::Info, "a");
        buffer.append(RequestLog::Level::Warn, "b");
        QCOMPARE(buffer.since(1).size(), 1);
        QCOMPARE(buffer.since(1).front().level, RequestLog::Level::Warn);
        QVERIFY(buffer.since(2).isEmpty());
        buffer.clear();
        QCOMPARE(buffer.size(), 0);
        buffer.append(RequestLog::Level::Info, "c");
        QCOMPARE(buffer.since(2).front().sequence, quint64(3)); // sequences go on after clear()
    }

    void boundedUnderConcurrentWriters()
    {
        LogBuffer buffer(100);
        std::vector<std::thread> writers;
        for (int t = 0; t < 4; ++t) {
            writers.emplace_back([&buffer] {
                for (int i = 0; i < 1000; ++i)
                    buffer.append(RequestLog::Level::Info, "line");
            });
        }
        for (std::thread &w : writers)
            w.join();
        QCOMPARE(buffer.size(), 100);
        QCOMPARE(buffer.lastSequence(), quint64(4000));
    }

    void requestLogWritesIntoTheBuffer()
    {
        LogBuffer buffer(10);
        RequestLog log(RequestLog::Level::Info, buffer.sink());
        log.request("GET", "/echo/items/1", 200, 1.5, QStringLiteral("echo"), QStringLiteral("get-item"), "hit");
        log.warn(QStringLiteral("something"));
        log.write(RequestLog::Level::Debug, QStringLiteral("not kept: below the level"));
        const QList<LogEntry> entries = buffer.since(0);
        QCOMPARE(entries.size(), 2);
        QVERIFY(entries[0].text.endsWith(
            QStringLiteral("info GET /echo/items/1 200 1.5ms api=echo op=get-item cache=hit")));
        QCOMPARE(entries[0].api, QStringLiteral("echo"));
        QCOMPARE(entries[1].level, RequestLog::Level::Warn);
        QVERIFY(entries[1].api.isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestConsoleLogBuffer)
#include "tst_console_logbuffer.moc"
