#pragma once

#include <QHashFunctions>
#include <QString>

namespace sluice {

// Identity of a connection pool: scheme (TLS or not), host and port.
struct UpstreamHostKey
{
    QString host;
    quint16 port = 0;
    bool tls = false;

    bool operator==(const UpstreamHostKey &other) const = default;
};

struct UpstreamHostKeyHash
{
    size_t operator()(const UpstreamHostKey &key) const noexcept { return qHashMulti(0, key.host, key.port, key.tls); }
};

} // namespace sluice
