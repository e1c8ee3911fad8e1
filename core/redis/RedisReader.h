#pragma once

#include "RedisReply.h"

#include <QByteArray>
#include <QString>

#include <optional>

struct redisReader;

namespace sluice {

// RESP decoding with hiredis's redisReader: feed whatever the socket gave,
// then take complete replies one at a time.
class RedisReader
{
public:
    RedisReader();
    ~RedisReader();
    RedisReader(const RedisReader &) = delete;
    RedisReader &operator=(const RedisReader &) = delete;

    // False when the stream is not RESP (error() says why).
    bool feed(const char *data, qsizetype size);
    // The next complete reply; std::nullopt when more bytes are needed or on
    // a protocol error (then hasError()).
    std::optional<RedisReply> next();

    bool hasError() const { return !m_error.isEmpty(); }
    QString error() const { return m_error; }

private:
    redisReader *m_reader = nullptr;
    QString m_error;
};

} // namespace sluice
