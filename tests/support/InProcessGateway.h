#pragma once

#include "common/Diagnostic.h"
#include "common/RequestLog.h"
#include "gateway/Gateway.h"

#include <QString>

#include <functional>
#include <memory>

namespace sluice {

// The gateway in the test's own process, on free loopback ports: loads a
// workspace folder, starts the proxy and admin listeners, and shuts down (also
// when destroyed), waiting by running the event loop.
class InProcessGateway
{
public:
    using Adjust = std::function<void(GatewayOptions &)>;

    InProcessGateway() = default;
    ~InProcessGateway();
    InProcessGateway(const InProcessGateway &) = delete;
    InProcessGateway &operator=(const InProcessGateway &) = delete;

    // False with every load problem (one per line), or the start error, in *error.
    bool start(const QString &workspaceDir, QString *error, const Adjust &adjust = {});
    // Log lines (requests, trace policies) go to `fd` from `level` on; call before start().
    void logTo(int fd, RequestLog::Level level) { m_log = std::make_unique<RequestLog>(level, fd); }
    // Stops within a second; true once it has stopped (or was not running).
    bool stop();

    Gateway &gateway() { return *m_gateway; }
    quint16 port() const { return m_gateway ? m_gateway->port() : 0; }
    quint16 adminPort() const { return m_gateway ? m_gateway->adminPort() : 0; }

    // The diagnostics as text, one per line.
    static QString problems(const Diagnostics &diagnostics);

private:
    std::unique_ptr<RequestLog> m_log = std::make_unique<RequestLog>(RequestLog::Level::Off);
    std::unique_ptr<Gateway> m_gateway;
};

} // namespace sluice
