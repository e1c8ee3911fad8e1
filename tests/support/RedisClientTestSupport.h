#pragma once

#include "redis/RedisClient.h"

#include <QByteArray>
#include <QList>

#include <optional>

namespace sluice::test {

// Helpers of the RedisClient tests: run a command and wait for its result by
// running the event loop (nothing when none came within WaitMs).
constexpr int WaitMs = 10'000;

std::optional<RedisResult> run(RedisClient &client, const QByteArray &key, const QList<QByteArray> &args);
std::optional<QList<RedisResult>> runOnAllMasters(RedisClient &client, const QList<QByteArray> &args);
// What a result was, for failure messages.
QByteArray describe(const std::optional<RedisResult> &result);
// SET through the client: empty when the server said OK, else what happened.
QByteArray setKey(RedisClient &client, const QByteArray &key, const QByteArray &value);

} // namespace sluice::test
