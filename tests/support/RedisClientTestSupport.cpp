#include "RedisClientTestSupport.h"

#include <QCoreApplication>
#include <QDeadlineTimer>

#include <memory>

namespace sluice::test {

// Runs one command and waits for its result (nothing when none came in time).
std::optional<RedisResult> run(RedisClient &client, const QByteArray &key, const QList<QByteArray> &args)
{
    auto result = std::make_shared<std::optional<RedisResult>>();
    client.command(key, args, [result](RedisResult r) { *result = std::move(r); });
    const QDeadlineTimer deadline(WaitMs);
    while (!*result && !deadline.hasExpired())
        QCoreApplication::processEvents(QEventLoop::AllEvents | QEventLoop::WaitForMoreEvents, 50);
    return *result;
}

std::optional<QList<RedisResult>> runOnAllMasters(RedisClient &client, const QList<QByteArray> &args)
{
    auto results = std::make_shared<std::optional<QList<RedisResult>>>();
    client.commandOnAllMasters(args, [results](QList<RedisResult> r) { *results = std::move(r); });
    const QDeadlineTimer deadline(WaitMs);
    while (!*results && !deadline.hasExpired())
        QCoreApplication::processEvents(QEventLoop::AllEvents | QEventLoop::WaitForMoreEvents, 50);
    return *results;
}

QByteArray describe(const std::optional<RedisResult> &result)
{
    if (!result)
        return "no result";
    if (!result->ok())
        return "failure: " + result->error.toUtf8();
    return "reply type " + QByteArray::number(int(result->reply.type)) + ": " + result->reply.string;
}

// SET through the client: empty when the server said OK, else what happened.
QByteArray setKey(RedisClient &client, const QByteArray &key, const QByteArray &value)
{
    const std::optional<RedisResult> set = run(client, key, {"SET", key, value});
    return set && set->ok() && set->reply.string == "OK" ? QByteArray() : describe(set);
}

} // namespace sluice::test
