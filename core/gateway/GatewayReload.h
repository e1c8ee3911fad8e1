#pragma once

#include "GatewayConfig.h"

#include <memory>

namespace sluice {

class Gateway;

// One reload of a running gateway's workspace (sluice-gateway on SIGHUP, the
// console after a save): load and compile the folder again; a workspace with
// errors is refused and the running configuration stays. load() does the
// slow part and may run on any thread; applyTo() swaps.
struct GatewayReload
{
    std::shared_ptr<const GatewayConfig> config; // null: refused
    Diagnostics diagnostics;
    QString workspaceDir;

    static GatewayReload load(const QString &workspaceDir, const GatewayConfig::Options &options);

    bool accepted() const { return config != nullptr; }
    // Swaps the gateway to the new configuration when accepted; returns accepted().
    bool applyTo(Gateway &gateway) const;
    // One line for the log: what was reloaded, or why it was refused (the first error).
    QString summary() const;
};

} // namespace sluice
