#include "RedisCacheHealth.h"

#include "common/RequestLog.h"

#include <QCoreApplication>

namespace sluice {

void RedisCacheHealth::report(bool first, bool connected, const QString &lastError)
{
    bool nowDown = false;
    bool nowUp = false;
    {
        std::lock_guard lock(m_mutex);
        if (!connected) {
            nowDown = m_down == 0;
            ++m_down;
        } else if (!first && m_down > 0) {
            --m_down;
            nowUp = m_down == 0;
        }
    }
    if (!m_log)
        return;
    if (nowDown)
        m_log->warn(QCoreApplication::translate("Cache",
                                                "external cache '%1' is unreachable (%2): lookups are misses and "
                                                "stores are skipped until it is back")
                        .arg(m_id, lastError));
    else if (nowUp)
        m_log->info(QCoreApplication::translate("Cache", "external cache '%1' is reachable again").arg(m_id));
}

bool RedisCacheHealth::isReachable() const
{
    std::lock_guard lock(m_mutex);
    return m_down == 0;
}

} // namespace sluice
