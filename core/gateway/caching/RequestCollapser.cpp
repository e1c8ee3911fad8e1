#include "RequestCollapser.h"

namespace sluice {

bool RequestCollapser::join(const QByteArray &key, QObject *context, Resume resume)
{
    std::lock_guard lock(m_mutex);
    auto it = m_waiters.find(key);
    if (it == m_waiters.end()) {
        m_waiters.insert(key, {});
        return true;
    }
    it->push_back(Waiter{context, std::move(resume)});
    return false;
}

void RequestCollapser::release(const QByteArray &key, std::optional<Stored> stored)
{
    std::vector<Waiter> waiters;
    {
        std::lock_guard lock(m_mutex);
        auto it = m_waiters.find(key);
        if (it == m_waiters.end())
            return;
        waiters = std::move(*it);
        m_waiters.erase(it);
    }
    for (Waiter &waiter : waiters) {
        if (!waiter.context)
            continue; // its worker is gone
        QMetaObject::invokeMethod(
            waiter.context.data(), [resume = std::move(waiter.resume), stored] { resume(stored); },
            Qt::QueuedConnection);
    }
}

} // namespace sluice
