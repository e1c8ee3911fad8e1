#pragma once

#include <QMutex>
#include <QString>
#include <QStringList>

#include <deque>
#include <memory>

namespace sluice {

struct RequestTrace;
struct Subscription;

// Who may ask for a trace (Ocp-Apim-Trace: true). Off unless the gateway is
// told otherwise: the console traces every request it sends, sluice-gateway
// only those with a valid key of a subscription it lists (--trace-subscription).
struct TraceOptions
{
    enum class Access { Off, Subscriptions, Anyone };
    Access access = Access::Off;
    QStringList subscriptions; // ids, for Access::Subscriptions
    int capacity = 100;        // traces kept for GET /traces/{id}
};

// The last traces of a gateway, by id: a bounded ring that every worker adds
// to and the admin listener and the console read. Locked; only traced
// requests touch it.
class TraceStore
{
public:
    explicit TraceStore(TraceOptions options);

    // Whether a request of this subscription (null: none or an invalid key) may be traced.
    bool allows(const Subscription *subscription) const;
    void add(std::shared_ptr<const RequestTrace> trace);
    // Null when no trace has this id (never made, or pushed out of the ring).
    std::shared_ptr<const RequestTrace> find(const QString &id) const;

private:
    TraceOptions m_options;
    mutable QMutex m_mutex;
    std::deque<std::shared_ptr<const RequestTrace>> m_traces; // oldest first
};

} // namespace sluice
