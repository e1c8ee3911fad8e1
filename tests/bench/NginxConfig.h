#pragma once

#include <QByteArray>
#include <QString>
#include <QStringList>

#include <optional>

namespace sluice::bench {

// A self-contained nginx configuration for a reference run: one worker, no
// access log, every path (pid, logs, temp files) inside a private prefix
// folder, listening on 127.0.0.1 only.
//
// Proxy mode (default): `locationPrefix` is proxied to the upstream's "/", the
// same mapping as a Sluice API whose path is the prefix, over HTTP/1.1 with a
// keep-alive upstream pool. Static mode (staticBody set): answers 200 with the
// body itself — a stand-in origin when the real one is not built.
struct NginxConfig
{
    quint16 listenPort = 0;
    quint16 upstreamPort = 0;
    QString locationPrefix = QStringLiteral("/bench/");
    int workerProcesses = 1;
    int upstreamKeepalive = 64;
    QString staticBody;    // static mode when not empty
    QString extraHttp;     // inside http {}, e.g. proxy_cache_path for cache benchmarks
    QString extraLocation; // inside the proxied location, e.g. proxy_cache directives
    // Static mode: the body's media type, and response headers "Name: value"
    // (e.g. "Cache-Control: max-age=3600") added to every answer.
    QString staticContentType = QStringLiteral("application/json");
    QStringList staticHeaders;
    // When set, every request is logged there (one line each: a request
    // counter for a stand-in origin); otherwise access_log is off.
    QString accessLogPath;

    QByteArray render(const QString &prefixDir) const;
    // Writes <prefixDir>/conf/nginx.conf (and the temp folders) and returns the
    // arguments for nginx (`-p`, `-c`, `-e`, `-g 'daemon off;'`), or
    // std::nullopt and *error.
    std::optional<QStringList> write(const QString &prefixDir, QString *error) const;
};

} // namespace sluice::bench
