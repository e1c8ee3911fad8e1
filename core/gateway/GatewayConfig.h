#pragma once

#include "Router.h"
#include "common/Diagnostic.h"
#include "redis/RedisConnectionOptions.h"
#include "workspace/Workspace.h"

#include <QHash>

#include <memory>
#include <optional>

namespace sluice {

// A loaded, validated and compiled workspace: what every gateway thread reads.
// Immutable once built; shared by shared_ptr so that a reload can swap it
// while requests in flight finish on the old one.
class GatewayConfig
{
public:
    struct Options
    {
        QString location = QStringLiteral("Default"); // the gateway's "Use from" location
        // Connection strings of caches kept in the system keychain, by key
        // ({"keychain": "<key>"} in workspace.json): the console reads them
        // and hands them to its in-process gateway. Secrets.
        QHash<QString, QString> keychainSecrets;
    };

    // Loads WORKSPACE/workspace.json and every policy file, validates all of it,
    // and compiles a pipeline per operation (and per product of its API).
    // Every problem goes to `diagnostics`; returns null when any is an error.
    static std::shared_ptr<const GatewayConfig> load(const QString &workspaceDir, const Options &options,
                                                     Diagnostics *diagnostics);

    const Workspace &workspace() const { return m_workspace; }
    const Router &router() const { return *m_router; }
    const QString &location() const { return m_location; }
    // The external cache that serves this gateway's location, or null, and its
    // parsed connection settings (secrets: never log them).
    const ExternalCache *cache() const { return m_workspace.cacheFor(m_location); }
    const std::optional<RedisConnectionOptions> &cacheOptions() const { return m_cacheOptions; }
    // The subscription with this primary or secondary key, or null.
    const Subscription *subscriptionByKey(const QString &key) const { return m_keys.value(key); }

private:
    GatewayConfig() = default;

    Workspace m_workspace;
    std::unique_ptr<Router> m_router;
    QString m_location;
    QHash<QString, const Subscription *> m_keys;
    std::optional<RedisConnectionOptions> m_cacheOptions;
};

} // namespace sluice
