#include "CallbackSocketNotifier.h"

#include <QEvent>

namespace sluice {

CallbackSocketNotifier::CallbackSocketNotifier(qintptr socket, Type type, QObject *parent, std::function<void()> ready)
    : QSocketNotifier(socket, type, parent)
    , m_ready(std::move(ready))
{ }

bool CallbackSocketNotifier::event(QEvent *e)
{
    if (e->type() == QEvent::SockAct || e->type() == QEvent::SockClose) {
        m_ready();
        return true;
    }
    return QSocketNotifier::event(e);
}

} // namespace sluice
