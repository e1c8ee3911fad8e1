#include "LogBuffer.h"

#include <algorithm>

namespace sluice {

namespace {

QString apiOf(const QByteArray &line)
{
    const qsizetype at = line.indexOf(" api=");
    if (at < 0)
        return {};
    const qsizetype start = at + 5;
    qsizetype end = line.indexOf(' ', start);
    if (end < 0)
        end = line.size();
    const QByteArray api = line.mid(start, end - start);
    return api == "-" ? QString() : QString::fromUtf8(api);
}

} // namespace

LogBuffer::LogBuffer(int capacity)
    : m_capacity(std::max(1, capacity))
{ }

void LogBuffer::append(RequestLog::Level level, const QByteArray &line)
{
    LogEntry entry;
    entry.level = level;
    entry.api = apiOf(line);
    entry.text = QString::fromUtf8(line);
    const std::lock_guard lock(m_mutex);
    entry.sequence = ++m_lastSequence;
    m_entries.push_back(std::move(entry));
    while (static_cast<int>(m_entries.size()) > m_capacity)
        m_entries.pop_front();
}

QList<LogEntry> LogBuffer::since(quint64 sequence) const
{
    const std::lock_guard lock(m_mutex);
    QList<LogEntry> result;
    auto it = std::upper_bound(m_entries.begin(), m_entries.end(), sequence,
                               [](quint64 s, const LogEntry &e) { return s < e.sequence; });
    result.reserve(static_cast<qsizetype>(std::distance(it, m_entries.end())));
    for (; it != m_entries.end(); ++it)
        result.append(*it);
    return result;
}

void LogBuffer::clear()
{
    const std::lock_guard lock(m_mutex);
    m_entries.clear();
}

int LogBuffer::size() const
{
    const std::lock_guard lock(m_mutex);
    return static_cast<int>(m_entries.size());
}

quint64 LogBuffer::lastSequence() const
{
    const std::lock_guard lock(m_mutex);
    return m_lastSequence;
}

RequestLog::Sink LogBuffer::sink()
{
    return [this](RequestLog::Level level, const QByteArray &line) { append(level, line); };
}

} // namespace sluice
