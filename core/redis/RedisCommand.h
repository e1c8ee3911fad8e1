#pragma once

#include <QByteArray>
#include <QList>

namespace sluice {

// Encodes one command as RESP (an array of bulk strings) with hiredis's
// redisFormatCommandArgv; every argument is binary-safe.
class RedisCommand
{
public:
    static QByteArray encode(const QList<QByteArray> &args);
};

} // namespace sluice
