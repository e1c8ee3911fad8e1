#pragma once

#include "common/RequestLog.h"

#include <QByteArray>
#include <QList>
#include <QString>

#include <deque>
#include <mutex>

namespace sluice {

// One line of the gateway's log as the console keeps it.
struct LogEntry
{
    quint64 sequence = 0; // 1, 2, 3 ... in arrival order
    RequestLog::Level level = RequestLog::Level::Info;
    QString api; // from "api=<id>" of a request line; empty for other lines
    QString text;
};

// The last `capacity` log lines, appended from any thread (the gateway's
// workers log through a RequestLog sink) and read by the GUI thread. Older
// lines are dropped, so memory stays bounded however long the gateway runs.
class LogBuffer
{
public:
    explicit LogBuffer(int capacity = 5000);

    void append(RequestLog::Level level, const QByteArray &line);
    // The kept entries with a sequence above `sequence` (0: all), oldest first.
    QList<LogEntry> since(quint64 sequence) const;
    void clear();

    int capacity() const { return m_capacity; }
    int size() const;
    quint64 lastSequence() const;

    // A sink for RequestLog that appends here; the buffer must outlive the log.
    RequestLog::Sink sink();

private:
    const int m_capacity;
    mutable std::mutex m_mutex;
    std::deque<LogEntry> m_entries;
    quint64 m_lastSequence = 0;
};

} // namespace sluice
