#include "TraceStore.h"

#include "RequestTrace.h"
#include "workspace/Workspace.h"

#include <QMutexLocker>

namespace sluice {

TraceStore::TraceStore(TraceOptions options)
    : m_options(std::move(options))
{
    m_options.capacity = qMax(1, m_options.capacity);
}

bool TraceStore::allows(const Subscription *subscription) const
{
    switch (m_options.access) {
    case TraceOptions::Access::Off:
        return false;
    case TraceOptions::Access::Anyone:
        return true;
    case TraceOptions::Access::Subscriptions:
        return subscription && m_options.subscriptions.contains(subscription->id);
    }
    return false;
}

void TraceStore::add(std::shared_ptr<const RequestTrace> trace)
{
    const QMutexLocker lock(&m_mutex);
    m_traces.push_back(std::move(trace));
    while (m_traces.size() > static_cast<size_t>(m_options.capacity))
        m_traces.pop_front();
}

std::shared_ptr<const RequestTrace> TraceStore::find(const QString &id) const
{
    const QMutexLocker lock(&m_mutex);
    for (auto it = m_traces.rbegin(); it != m_traces.rend(); ++it) {
        if ((*it)->id == id)
            return *it;
    }
    return nullptr;
}

} // namespace sluice
