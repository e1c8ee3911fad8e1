#include "InProcessGateway.h"

#include "gateway/GatewayConfig.h"

#include <QStringList>
#include <QTest>

namespace sluice {

InProcessGateway::~InProcessGateway()
{
    stop();
}

bool InProcessGateway::start(const QString &workspaceDir, QString *error, const Adjust &adjust)
{
    Diagnostics diagnostics;
    auto config = GatewayConfig::load(workspaceDir, {}, &diagnostics);
    if (!config) {
        *error = problems(diagnostics);
        return false;
    }
    GatewayOptions options;
    options.listenPort = 0;
    options.adminPort = 0;
    options.threads = 2;
    if (adjust)
        adjust(options);
    m_gateway = std::make_unique<Gateway>(config, options, m_log.get());
    if (!m_gateway->start(error)) {
        m_gateway.reset();
        return false;
    }
    return true;
}

bool InProcessGateway::stop()
{
    if (!m_gateway)
        return true;
    bool done = false;
    m_gateway->shutdown(1000, [&done] { done = true; });
    const bool stopped = QTest::qWaitFor([&done] { return done; }, 5000);
    m_gateway.reset();
    return stopped;
}

QString InProcessGateway::problems(const Diagnostics &diagnostics)
{
    QStringList texts;
    for (const Diagnostic &d : diagnostics)
        texts.append(d.toString());
    return texts.join(QLatin1Char('\n'));
}

} // namespace sluice
