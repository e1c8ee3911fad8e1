#include "GatewayReload.h"

#include "Gateway.h"

#include <QCoreApplication>

namespace sluice {

GatewayReload GatewayReload::load(const QString &workspaceDir, const GatewayConfig::Options &options)
{
    GatewayReload reload;
    reload.workspaceDir = workspaceDir;
    reload.config = GatewayConfig::load(workspaceDir, options, &reload.diagnostics);
    return reload;
}

bool GatewayReload::applyTo(Gateway &gateway) const
{
    if (!config)
        return false;
    gateway.reload(config);
    return true;
}

QString GatewayReload::summary() const
{
    if (config) {
        return QCoreApplication::translate("GatewayReload", "reloaded workspace '%1': new requests use it")
            .arg(config->workspace().name);
    }
    int errors = 0;
    const Diagnostic *first = nullptr;
    for (const Diagnostic &d : diagnostics) {
        if (d.severity != Diagnostic::Severity::Error)
            continue;
        ++errors;
        if (!first)
            first = &d;
    }
    if (!first) {
        return QCoreApplication::translate("GatewayReload",
                                           "reload refused: the workspace could not be loaded; the running "
                                           "configuration stays");
    }
    return QCoreApplication::translate("GatewayReload",
                                       "reload refused: the workspace has %n error(s), the running configuration "
                                       "stays; first: %1",
                                       nullptr, errors)
        .arg(first->toString());
}

} // namespace sluice
