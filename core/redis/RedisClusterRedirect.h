#pragma once

#include <QByteArray>
#include <QString>

#include <optional>

namespace sluice {

// A cluster redirection error reply: `MOVED <slot> <host>:<port>` (the slot
// now lives there) or `ASK <slot> <host>:<port>` (this one key is being
// migrated there: send ASKING, then the command, to that node). Redis 7 may
// leave the host out (`:6380`) when it is unknown: the node that answered.
struct RedisClusterRedirect
{
    enum class Kind { Moved, Ask };

    Kind kind = Kind::Moved;
    quint16 slot = 0;
    QString host; // empty: the node that answered
    quint16 port = 0;

    // Parses an error reply's text; nothing when it is not a redirection.
    static std::optional<RedisClusterRedirect> parse(const QByteArray &error);
};

} // namespace sluice
