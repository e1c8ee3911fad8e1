#pragma once

#include <QList>
#include <QString>

namespace sluice {

struct RedisEndpoint
{
    QString host;
    quint16 port = 6379;
};

// An external cache's connection settings, parsed from the StackExchange.Redis
// string Azure shows (`host:port,password=...,ssl=True,abortConnect=False,...`)
// or from a `redis://` / `rediss://` URI. Holds secrets: never log it; use
// redactConnectionString() (core/common/Redaction.h) on the original text.
struct RedisConnectionOptions
{
    QList<RedisEndpoint> endpoints; // at least one
    QString user;                   // ACL user; empty: the default user
    QString password;               // empty: no AUTH
    bool tls = false;               // ssl=True / rediss://
    QString tlsHost;                // sslHost: SNI and certificate name; empty: the endpoint's host
    QString caFile;                 // extra CA bundle (PEM) for private CAs; empty: system CAs only
    int connectTimeoutMs = 5000;    // connectTimeout
    int syncTimeoutMs = 5000;       // syncTimeout: per command
    int database = 0;               // defaultDatabase (SELECT; not in cluster mode)
    bool abortConnect = true;       // parsed for compatibility; the gateway always starts and retries
};

} // namespace sluice
