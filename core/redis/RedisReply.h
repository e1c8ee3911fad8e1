#pragma once

#include <QByteArray>
#include <QList>
#include <QString>

namespace sluice {

// One RESP reply, decoded by hiredis's redisReader into plain values.
struct RedisReply
{
    enum class Type { Nil, Status, Error, Integer, String, Array };

    Type type = Type::Nil;
    QByteArray string;           // Status, Error and String replies (binary-safe)
    qint64 integer = 0;          // Integer replies
    QList<RedisReply> elements;  // Array replies

    bool isNil() const { return type == Type::Nil; }
    bool isError() const { return type == Type::Error; }
};

// How one command ended: a reply (which may be a Redis error reply), or a
// transport failure (not connected, timed out, connection lost, garbage).
struct RedisResult
{
    enum class Failure { None, NotConnected, Timeout, ConnectionLost, Protocol };

    Failure failure = Failure::None;
    RedisReply reply;
    QString error; // for failures: what happened, never a secret

    bool ok() const { return failure == Failure::None; }
};

} // namespace sluice
