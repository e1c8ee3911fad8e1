#include "NginxConfig.h"

#include <QCoreApplication>
#include <QDir>
#include <QSaveFile>

#include <unistd.h>

namespace sluice::bench {

QByteArray NginxConfig::render(const QString &prefixDir) const
{
    const QDir prefix(prefixDir);
    const auto path = [&prefix](const char *relative) {
        return prefix.filePath(QString::fromLatin1(relative));
    };
    QString conf;
    // nginx started as root switches its workers to "nobody", who cannot enter
    // a private temporary folder: keep them as root there.
    if (::geteuid() == 0)
        conf += QStringLiteral("user root;\n");
    conf += QStringLiteral("worker_processes %1;\n").arg(workerProcesses);
    conf += QStringLiteral("pid %1;\n").arg(path("nginx.pid"));
    conf += QStringLiteral("error_log %1 warn;\n").arg(path("logs/error.log"));
    conf += QStringLiteral("events { worker_connections 4096; }\n");
    conf += QStringLiteral("http {\n");
    if (accessLogPath.isEmpty())
        conf += QStringLiteral("    access_log off;\n");
    else
        conf += QStringLiteral("    access_log %1;\n").arg(accessLogPath);
    conf += QStringLiteral("    client_body_temp_path %1;\n").arg(path("temp/client_body"));
    conf += QStringLiteral("    proxy_temp_path %1;\n").arg(path("temp/proxy"));
    conf += QStringLiteral("    fastcgi_temp_path %1;\n").arg(path("temp/fastcgi"));
    conf += QStringLiteral("    uwsgi_temp_path %1;\n").arg(path("temp/uwsgi"));
    conf += QStringLiteral("    scgi_temp_path %1;\n").arg(path("temp/scgi"));
    conf += QStringLiteral("    keepalive_requests 1000000;\n");
    if (!extraHttp.isEmpty())
        conf += QStringLiteral("    ") + extraHttp + QLatin1Char('\n');
    if (staticBody.isEmpty()) {
        conf += QStringLiteral("    upstream bench_origin {\n"
                               "        server 127.0.0.1:%1;\n"
                               "        keepalive %2;\n"
                               "        keepalive_requests 1000000;\n"
                               "    }\n")
                    .arg(upstreamPort)
                    .arg(upstreamKeepalive);
    }
    conf += QStringLiteral("    server {\n        listen 127.0.0.1:%1;\n").arg(listenPort);
    if (staticBody.isEmpty()) {
        conf += QStringLiteral("        location %1 {\n"
                               "            proxy_pass http://bench_origin/;\n"
                               "            proxy_http_version 1.1;\n"
                               "            proxy_set_header Connection \"\";\n")
                    .arg(locationPrefix);
        if (!extraLocation.isEmpty())
            conf += QStringLiteral("            ") + extraLocation + QLatin1Char('\n');
        conf += QStringLiteral("        }\n");
    } else {
        QString body = staticBody;
        body.replace(QLatin1Char('\\'), QLatin1String("\\\\")).replace(QLatin1Char('\''), QLatin1String("\\'"));
        conf += QStringLiteral("        default_type %1;\n").arg(staticContentType);
        for (const QString &header : staticHeaders) {
            const qsizetype colon = header.indexOf(QLatin1Char(':'));
            if (colon <= 0)
                continue;
            QString value = header.mid(colon + 1).trimmed();
            value.replace(QLatin1Char('\\'), QLatin1String("\\\\")).replace(QLatin1Char('"'), QLatin1String("\\\""));
            conf += QStringLiteral("        add_header %1 \"%2\" always;\n").arg(header.left(colon).trimmed(), value);
        }
        conf += QStringLiteral("        location / { return 200 '%1'; }\n").arg(body);
    }
    conf += QStringLiteral("    }\n}\n");
    return conf.toUtf8();
}

std::optional<QStringList> NginxConfig::write(const QString &prefixDir, QString *error) const
{
    QDir prefix(prefixDir);
    for (const char *sub : {"conf", "logs", "temp"}) {
        if (!prefix.mkpath(QString::fromLatin1(sub))) {
            *error = QCoreApplication::translate("Bench", "Cannot create %1.").arg(prefix.filePath(QString::fromLatin1(sub)));
            return std::nullopt;
        }
    }
    const QString confPath = prefix.filePath(QStringLiteral("conf/nginx.conf"));
    QSaveFile file(confPath);
    if (!file.open(QIODevice::WriteOnly) || file.write(render(prefixDir)) < 0 || !file.commit()) {
        *error = QCoreApplication::translate("Bench", "Cannot write %1: %2").arg(confPath, file.errorString());
        return std::nullopt;
    }
    return QStringList{QStringLiteral("-p"), prefix.absolutePath() + QLatin1Char('/'),
                       QStringLiteral("-c"), confPath,
                       QStringLiteral("-e"), prefix.filePath(QStringLiteral("logs/error.log")),
                       QStringLiteral("-g"), QStringLiteral("daemon off;")};
}

} // namespace sluice::bench
