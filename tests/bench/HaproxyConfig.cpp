#include "HaproxyConfig.h"

#include <QCoreApplication>
#include <QDir>
#include <QRegularExpression>
#include <QSaveFile>

namespace sluice::bench {

QByteArray HaproxyConfig::render() const
{
    QString conf;
    conf += QStringLiteral("global\n");
    if (threads > 0)
        conf += QStringLiteral("    nbthread %1\n").arg(threads);
    conf += QStringLiteral("    maxconn %1\n").arg(maxConnections);
    // No `log` line: HAProxy logs nothing, as nginx runs with access_log off.

    conf += QStringLiteral("\ndefaults\n"
                           "    mode http\n"
                           "    option http-keep-alive\n"
                           "    timeout connect 5s\n"
                           "    timeout client 30s\n"
                           "    timeout server 30s\n"
                           "    timeout http-keep-alive 30s\n"
                           "    timeout http-request 10s\n");

    if (cache) {
        conf += QStringLiteral("\ncache bench\n"
                               "    total-max-size %1\n"
                               "    max-object-size %2\n"
                               "    max-age %3\n")
                    .arg(cacheTotalMaxSizeMb)
                    .arg(cacheMaxObjectSizeBytes)
                    .arg(cacheMaxAgeSeconds);
    }

    conf += QStringLiteral("\nfrontend bench\n"
                           "    bind 127.0.0.1:%1\n"
                           "    default_backend origin\n")
                .arg(listenPort);

    conf += QStringLiteral("\nbackend origin\n"
                           "    http-reuse always\n");
    if (cache) {
        // The cache key (host and path) is taken here, before the path is
        // rewritten for the origin; a hit never reaches the rules below.
        conf += QStringLiteral("    http-request cache-use bench\n"
                               "    http-response cache-store bench\n");
    }
    QString prefix = locationPrefix;
    if (!prefix.endsWith(QLatin1Char('/')))
        prefix += QLatin1Char('/');
    conf += QStringLiteral("    http-request replace-path ^%1(.*) /\\1\n").arg(QRegularExpression::escape(prefix));
    if (!extraBackend.isEmpty())
        conf += QStringLiteral("    ") + extraBackend + QLatin1Char('\n');
    conf += QStringLiteral("    server origin 127.0.0.1:%1\n").arg(upstreamPort);
    return conf.toUtf8();
}

std::optional<QStringList> HaproxyConfig::write(const QString &dir, QString *error) const
{
    QDir folder(dir);
    if (!folder.mkpath(QStringLiteral("."))) {
        *error = QCoreApplication::translate("Bench", "Cannot create %1.").arg(dir);
        return std::nullopt;
    }
    const QString confPath = folder.filePath(QStringLiteral("haproxy.cfg"));
    QSaveFile file(confPath);
    if (!file.open(QIODevice::WriteOnly) || file.write(render()) < 0 || !file.commit()) {
        *error = QCoreApplication::translate("Bench", "Cannot write %1: %2").arg(confPath, file.errorString());
        return std::nullopt;
    }
    // -db: foreground, no master process: the started process is the server.
    return QStringList {QStringLiteral("-f"), confPath, QStringLiteral("-db")};
}

} // namespace sluice::bench
