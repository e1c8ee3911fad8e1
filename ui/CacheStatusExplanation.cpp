#include "CacheStatusExplanation.h"

#include <QStringList>

namespace sluice {

CacheStatusExplanation CacheStatusExplanation::parse(const QString &headerValue)
{
    CacheStatusExplanation result;
    result.m_raw = headerValue.trimmed();
    if (result.m_raw.isEmpty())
        return result;
    result.m_outcome = Outcome::Other;
    const QStringList entries = result.m_raw.split(QLatin1Char(','));
    for (const QString &entry : entries) {
        const QStringList parts = entry.split(QLatin1Char(';'));
        if (parts.value(0).trimmed().compare(QLatin1String("sluice"), Qt::CaseInsensitive) != 0)
            continue;
        for (qsizetype i = 1; i < parts.size(); ++i) {
            const QString part = parts[i].trimmed();
            const qsizetype eq = part.indexOf(QLatin1Char('='));
            const QString name = (eq < 0 ? part : part.left(eq)).toLower();
            QString value = eq < 0 ? QString() : part.mid(eq + 1).trimmed();
            if (value.startsWith(QLatin1Char('"')) && value.endsWith(QLatin1Char('"')) && value.size() >= 2)
                value = value.mid(1, value.size() - 2);
            if (name == QLatin1String("hit")) {
                result.m_outcome = Outcome::Hit;
            } else if (name == QLatin1String("fwd")) {
                if (value == QLatin1String("bypass"))
                    result.m_outcome = Outcome::Bypass;
                else
                    result.m_outcome = Outcome::Miss;
            } else if (name == QLatin1String("ttl")) {
                bool ok = false;
                const int ttl = value.toInt(&ok);
                if (ok)
                    result.m_ttl = ttl;
            } else if (name == QLatin1String("stored")) {
                result.m_stored = true;
            } else if (name == QLatin1String("collapsed")) {
                result.m_collapsed = true;
            } else if (name == QLatin1String("detail")) {
                result.m_detail = value;
            }
        }
        break;
    }
    return result;
}

QString CacheStatusExplanation::text() const
{
    switch (m_outcome) {
    case Outcome::None:
        return tr("No Cache-Status: no cache policy ran for this request.");
    case Outcome::Hit:
        if (m_collapsed)
            return m_ttl ? tr("Hit: served from the gateway's cache after waiting for another request's backend "
                              "call, %n s left.",
                              nullptr, *m_ttl)
                         : tr("Hit: served from the gateway's cache after waiting for another request's backend "
                              "call.");
        return m_ttl ? tr("Hit: served from the gateway's cache, %n s left.", nullptr, *m_ttl)
                     : tr("Hit: served from the gateway's cache.");
    case Outcome::Miss:
        return m_stored ? tr("Miss: the backend answered and the response was stored.")
                        : tr("Miss: the backend answered; the response was not stored (status, size, or no "
                             "cache-store).");
    case Outcome::Bypass:
        if (m_detail == QLatin1String("method"))
            return tr("Bypass: caching does not apply to this method.");
        if (m_detail == QLatin1String("authorization"))
            return tr("Bypass: the request carries an Authorization header.");
        if (m_detail == QLatin1String("no-external-cache"))
            return tr("Bypass: no external cache serves this gateway's location.");
        return tr("Bypass: caching did not apply (%1).").arg(m_detail);
    case Outcome::Other:
        break;
    }
    return tr("Cache-Status from another cache: %1").arg(m_raw);
}

} // namespace sluice
