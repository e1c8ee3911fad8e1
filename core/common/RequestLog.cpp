#include "RequestLog.h"

#include <QDateTime>

#include <unistd.h>

namespace sluice {

namespace {

const char *levelName(RequestLog::Level level)
{
    switch (level) {
    case RequestLog::Level::Debug:
        return "debug";
    case RequestLog::Level::Info:
        return "info";
    case RequestLog::Level::Warn:
        return "warn";
    case RequestLog::Level::Error:
        return "error";
    case RequestLog::Level::Off:
        return "off";
    }
    return "";
}

QByteArray timestamp()
{
    return QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs).toLatin1();
}

} // namespace

RequestLog::RequestLog(Level level, int fd)
    : m_level(level)
    , m_fd(fd)
{ }

RequestLog::RequestLog(Level level, Sink sink)
    : m_level(level)
    , m_fd(-1)
    , m_sink(std::move(sink))
{ }

std::optional<RequestLog::Level> RequestLog::parseLevel(const QString &text)
{
    for (Level l : {Level::Debug, Level::Info, Level::Warn, Level::Error, Level::Off}) {
        if (text.compare(QLatin1String(levelName(l)), Qt::CaseInsensitive) == 0)
            return l;
    }
    return std::nullopt;
}

void RequestLog::write(Level level, const QString &message)
{
    if (!enabled(level))
        return;
    QByteArray line = timestamp();
    line += ' ';
    line += levelName(level);
    line += ' ';
    line += message.toUtf8();
    writeLine(level, std::move(line));
}

void RequestLog::request(const QByteArray &method, const QByteArray &pathWithoutQuery, int status, double ms,
                         const QString &api, const QString &operation, QByteArrayView cache)
{
    if (!enabled(Level::Info))
        return;
    QByteArray line = timestamp();
    line.reserve(160);
    line += " info ";
    line += method;
    line += ' ';
    // Control characters would let a client forge log lines.
    for (char c : pathWithoutQuery)
        line += (static_cast<unsigned char>(c) < 0x20 || c == 0x7f) ? '?' : c;
    line += ' ';
    line += QByteArray::number(status);
    line += ' ';
    line += QByteArray::number(ms, 'f', 1);
    line += "ms api=";
    line += api.isEmpty() ? QByteArray("-") : api.toUtf8();
    line += " op=";
    line += operation.isEmpty() ? QByteArray("-") : operation.toUtf8();
    line += " cache=";
    line += cache.isEmpty() ? QByteArrayView("-") : cache;
    writeLine(Level::Info, std::move(line));
}

void RequestLog::writeLine(Level level, QByteArray line)
{
    if (m_sink) {
        m_sink(level, line);
        return;
    }
    line += '\n';
    const char *data = line.constData();
    qsizetype left = line.size();
    while (left > 0) {
        const ssize_t n = ::write(m_fd, data, static_cast<size_t>(left));
        if (n <= 0)
            return;
        data += n;
        left -= n;
    }
}

} // namespace sluice
