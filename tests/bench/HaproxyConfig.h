#pragma once

#include <QByteArray>
#include <QString>
#include <QStringList>

#include <optional>

namespace sluice::bench {

// A self-contained HAProxy (2.6) configuration for a reference run: one HTTP
// frontend on 127.0.0.1, one backend server (the origin) with connection
// reuse, no logging, and optionally HAProxy's own response cache in front of
// the backend (`cache` section, `http-request cache-use`,
// `http-response cache-store`). Requests under `locationPrefix` reach the
// origin with the prefix replaced by "/" — the same mapping as nginx's
// `location /bench/ { proxy_pass http://origin/; }` and a Sluice API "bench".
// Run it in the foreground with the arguments write() returns (`-db`), so
// that its own process id is the server.
struct HaproxyConfig
{
    quint16 listenPort = 0;
    quint16 upstreamPort = 0;
    QString locationPrefix = QStringLiteral("/bench/");
    int threads = 0; // nbthread; 0: HAProxy's default (one per core)
    int maxConnections = 4096;
    bool cache = true;
    int cacheTotalMaxSizeMb = 64;
    int cacheMaxObjectSizeBytes = 4096; // must stay <= half the total size
    int cacheMaxAgeSeconds = 3600; // upper bound; a shorter Cache-Control max-age wins
    QString extraBackend; // lines inside the backend, e.g. http-response rules

    QByteArray render() const;
    // Writes <dir>/haproxy.cfg and returns the arguments for haproxy
    // (`-f <cfg> -db`), or std::nullopt and *error.
    std::optional<QStringList> write(const QString &dir, QString *error) const;
};

} // namespace sluice::bench
