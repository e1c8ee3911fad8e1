#include "RedisCommand.h"

#include <hiredis/hiredis.h>

#include <vector>

namespace sluice {

QByteArray RedisCommand::encode(const QList<QByteArray> &args)
{
    std::vector<const char *> argv;
    std::vector<size_t> argvLen;
    argv.reserve(size_t(args.size()));
    argvLen.reserve(size_t(args.size()));
    for (const QByteArray &arg : args) {
        argv.push_back(arg.constData());
        argvLen.push_back(size_t(arg.size()));
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
