#pragma once

#include <QSocketNotifier>

#include <functional>

namespace sluice {

// A QSocketNotifier that calls one function when its descriptor is ready,
// instead of emitting activated(): QSocketNotifier emits two signals per
// event, which on a cache hit cost more than reading the request. Thread
// changes and enabling behave as in QSocketNotifier; activated() is not
// emitted.
class CallbackSocketNotifier final : public QSocketNotifier
{
public:
    CallbackSocketNotifier(qintptr socket, Type type, QObject *parent, std::function<void()> ready);

protected:
    bool event(QEvent *e) override;

private:
    std::function<void()> m_ready;
};

} // namespace sluice
