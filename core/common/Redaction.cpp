#include "Redaction.h"

#include <QStringList>
#include <QUrl>

namespace sluice {

namespace {

bool isSecretOption(QStringView name)
{
    static const QLatin1String secrets[] = {QLatin1String("password"), QLatin1String("pwd"),
                                            QLatin1String("user"), QLatin1String("username"),
                                            QLatin1String("accesskey"), QLatin1String("key"),
                                            QLatin1String("token"), QLatin1String("secret")};
    for (QLatin1String s : secrets) {
        if (name.compare(s, Qt::CaseInsensitive) == 0)
            return true;
    }
    return false;
}

} // namespace

QString redactConnectionString(const QString &connectionString)
{
    const QString trimmed = connectionString.trimmed();
    if (trimmed.startsWith(QLatin1String("redis://"), Qt::CaseInsensitive)
        || trimmed.startsWith(QLatin1String("rediss://"), Qt::CaseInsensitive)) {
        QUrl url(trimmed);
        if (!url.isValid())
            return QStringLiteral("***");
        QString out = url.scheme() + QLatin1String("://");
        if (!url.userInfo().isEmpty())
            out += QLatin1String("***@");
        out += url.host();
        if (url.port() > 0)
            out += QLatin1Char(':') + QString::number(url.port());
        out += url.path();
        return out;
    }
    QStringList parts;
    for (const QString &part : trimmed.split(QLatin1Char(','), Qt::SkipEmptyParts)) {
        const qsizetype eq = part.indexOf(QLatin1Char('='));
        if (eq < 0) {
            parts.append(part.trimmed()); // an endpoint
            continue;
        }
        const QString name = part.left(eq).trimmed();
        parts.append(isSecretOption(name) ? name + QLatin1String("=***") : part.trimmed());
    }
    return parts.join(QLatin1Char(','));
}

QString redactKey(const QString &key)
{
    if (key.size() < 16)
        return QStringLiteral("***");
    return QLatin1String("***") + key.right(4);
}

} // namespace sluice
