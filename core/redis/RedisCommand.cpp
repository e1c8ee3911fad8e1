#include "RedisCommand.h"

#include <hiredis/hiredis.h>

#include <QVarLengthArray>

namespace sluice {

QByteArray RedisCommand::encode(const QList<QByteArray> &args)
{
    QVarLengthArray<const char *, 8> argv;
    QVarLengthArray<size_t, 8> argvLen;
    for (const QByteArray &arg : args) {
        argv.append(arg.constData());
        argvLen.append(size_t(arg.size()));
    }
    char *target = nullptr;
    const int length = redisFormatCommandArgv(&target, int(argv.size()), argv.data(), argvLen.data());
    if (length < 0 || target == nullptr)
        return {};
    QByteArray encoded(target, length);
    redisFreeCommand(target);
    return encoded;
}

} // namespace sluice
