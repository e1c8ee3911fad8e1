#pragma once

#include <QByteArray>
#include <QHash>
#include <QObject>
#include <QPointer>

#include <functional>
#include <mutex>
#include <optional>
#include <vector>

namespace sluice {

// Collapses concurrent cache misses for one key into one backend call, across
// all gateway threads: the first request for a key leads (goes to the
// backend); those that arrive while it works wait, and when the leader
// releases the key they get its stored record (and answer from it) or, if it
// stored nothing, go to the backend themselves.
class RequestCollapser
{
public:
    // What the leader stored: the record and its time to live.
    struct Stored
    {
        QByteArray record;
        qint64 ttlMs = 0;
    };
    // Called on the waiter's thread (that of its context) with the leader's
    // record, or nullopt when the leader stored nothing.
    using Resume = std::function<void(std::optional<Stored> stored)>;

    // Returns true when the caller leads and must later call release(key, ...)
    // exactly once; false when `resume` was queued to wait for the leader.
    bool join(const QByteArray &key, QObject *context, Resume resume);
    void release(const QByteArray &key, std::optional<Stored> stored);

private:
    struct Waiter
    {
        QPointer<QObject> context;
        Resume resume;
    };
    mutable std::mutex m_mutex;
    QHash<QByteArray, std::vector<Waiter>> m_waiters;
};

// The leader's duty to release its key: release() once, or on destruction
// with nothing stored (the request failed or was abandoned).
class CollapseLease
{
public:
    CollapseLease(RequestCollapser *collapser, QByteArray key)
        : m_collapser(collapser)
        , m_key(std::move(key))
    {}
    ~CollapseLease() { release(std::nullopt); }
    CollapseLease(const CollapseLease &) = delete;
    CollapseLease &operator=(const CollapseLease &) = delete;

    void release(std::optional<RequestCollapser::Stored> stored)
    {
        if (RequestCollapser *c = std::exchange(m_collapser, nullptr))
            c->release(m_key, std::move(stored));
    }

private:
    RequestCollapser *m_collapser;
    QByteArray m_key;
};

} // namespace sluice
