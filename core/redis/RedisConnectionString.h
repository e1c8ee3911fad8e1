#pragma once

#include "RedisConnectionOptions.h"

#include <QString>
#include <QStringList>

#include <optional>

namespace sluice {

// What parsing a connection string gave.
struct RedisConnectionStringResult
{
    std::optional<RedisConnectionOptions> options; // set when valid
    QString error;          // what is wrong: names the key (`ssl`) or the part, never the secret values
    int errorPosition = -1; // 0-based character offset of the problem in the string
    QStringList warnings;   // unknown keys (named, values never shown)
};

// StackExchange.Redis format (case-insensitive keys):
//   host:port[,host:port...],password=...,user=...,ssl=True|False,abortConnect=False,
//   connectTimeout=ms,syncTimeout=ms,defaultDatabase=n,sslHost=name
// and URIs: redis://[user:password@]host:port[/db], rediss://... (TLS).
// `caFile=path` is a Sluice extension for private CAs.
class RedisConnectionString
{
public:
    static RedisConnectionStringResult parse(const QString &text);
};

} // namespace sluice
