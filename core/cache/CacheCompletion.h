#pragma once

#include <QMetaObject>
#include <QObject>
#include <QThread>

#include <utility>

namespace sluice {

// Completes a CacheStore operation as the interface promises: calls `done` with
// `result` on the thread of `context`. Called on that thread, it calls `done`
// at once (before the operation returns); called on another thread, it queues
// the call to `context`, and Qt drops it if `context` is destroyed first.
// Nothing is called when `context` is null or `done` is empty.
template<typename Callback, typename Result> void completeCacheCall(QObject *context, Callback done, Result result)
{
    if (!context || !done)
        return;
    if (context->thread() == QThread::currentThread()) {
        done(std::move(result));
        return;
    }
    QMetaObject::invokeMethod(
        context, [done = std::move(done), result = std::move(result)]() mutable { done(std::move(result)); },
        Qt::QueuedConnection);
}

} // namespace sluice
