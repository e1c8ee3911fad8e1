#pragma once

#include <QByteArray>
#include <QString>

#include <atomic>
#include <functional>
#include <optional>

namespace sluice {

// Log lines on stderr: one line per request at info level, problems at warn
// and error. Thread-safe; each line is written with one write(2). Never pass a
// secret: callers log paths without query strings.
class RequestLog
{
public:
    enum class Level { Debug = 0, Info = 1, Warn = 2, Error = 3, Off = 4 };

    // Receives each line (without the newline) instead of the descriptor; called
    // on the thread that logs, so it must be thread-safe (the console's buffer).
    using Sink = std::function<void(Level level, const QByteArray &line)>;

    explicit RequestLog(Level level = Level::Info, int fd = 2);
    RequestLog(Level level, Sink sink);

    void setLevel(Level level) { m_level.store(level, std::memory_order_relaxed); }
    Level level() const { return m_level.load(std::memory_order_relaxed); }
    bool enabled(Level level) const { return level >= this->level(); }

    void info(const QString &message) { write(Level::Info, message); }
    void warn(const QString &message) { write(Level::Warn, message); }
    void error(const QString &message) { write(Level::Error, message); }
    void write(Level level, const QString &message);

    // "info GET /echo/items/1 200 3.1ms api=echo op=get-item cache=miss"
    void request(const QByteArray &method, const QByteArray &pathWithoutQuery, int status, double ms,
                 const QString &api, const QString &operation, QByteArrayView cache);

    static std::optional<Level> parseLevel(const QString &text);

private:
    void writeLine(Level level, QByteArray line);

    std::atomic<Level> m_level;
    int m_fd;
    Sink m_sink;
};

} // namespace sluice
