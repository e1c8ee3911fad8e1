#pragma once

#include <QString>

namespace sluice {

struct UpstreamClientOptions
{
    int maxConnectionsPerHost = 1024; // open or opening, per scheme+host+port; more requests queue
    int maxIdlePerHost = 64; // kept-alive idle connections beyond this are closed
    int idleTimeoutMs = 30'000; // an idle connection is closed after this
    int connectTimeoutMs = 10'000; // TCP connect + TLS handshake
    QString caFile; // extra PEM CA bundle for private backends (added to the system store)
};

} // namespace sluice
