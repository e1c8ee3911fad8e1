#include "RedisReader.h"

#include <hiredis/hiredis.h>

namespace sluice {

namespace {

RedisReply toReply(const redisReply *reply)
{
    RedisReply out;
    switch (reply->type) {
    case REDIS_REPLY_STATUS:
        out.type = RedisReply::Type::Status;
        out.string = QByteArray(reply->str, qsizetype(reply->len));
        break;
    case REDIS_REPLY_ERROR:
        out.type = RedisReply::Type::Error;
        out.string = QByteArray(reply->str, qsizetype(reply->len));
        break;
    case REDIS_REPLY_STRING:
        out.type = RedisReply::Type::String;
        out.string = QByteArray(reply->str, qsizetype(reply->len));
        break;
    case REDIS_REPLY_INTEGER:
        out.type = RedisReply::Type::Integer;
        out.integer = reply->integer;
        break;
    case REDIS_REPLY_ARRAY:
        out.type = RedisReply::Type::Array;
        out.elements.reserve(qsizetype(reply->elements));
        for (size_t i = 0; i < reply->elements; ++i)
            out.elements.append(toReply(reply->element[i]));
        break;
    case REDIS_REPLY_NIL:
    default:
        out.type = RedisReply::Type::Nil;
        break;
    }
    return out;
}

} // namespace

RedisReader::RedisReader()
    : m_reader(redisReaderCreate())
{
    if (m_reader == nullptr)
        m_error = QStringLiteral("out of memory");
}

RedisReader::~RedisReader()
{
    if (m_reader != nullptr)
        redisReaderFree(m_reader);
}

bool RedisReader::feed(const char *data, qsizetype size)
{
    if (m_reader == nullptr || hasError())
        return false;
    if (redisReaderFeed(m_reader, data, size_t(size)) != REDIS_OK) {
        m_error = QString::fromLatin1(m_reader->errstr);
        return false;
    }
    return true;
}

std::optional<RedisReply> RedisReader::next()
{
    if (m_reader == nullptr || hasError())
        return std::nullopt;
    void *raw = nullptr;
    if (redisReaderGetReply(m_reader, &raw) != REDIS_OK) {
        m_error = QString::fromLatin1(m_reader->errstr);
        if (m_error.isEmpty())
            m_error = QStringLiteral("protocol error");
        return std::nullopt;
    }
    if (raw == nullptr)
        return std::nullopt;
    RedisReply reply = toReply(static_cast<const redisReply *>(raw));
    freeReplyObject(raw);
    return reply;
}

} // namespace sluice
