#include "HttpListener.h"

namespace sluice {

HttpListener::HttpListener(std::function<void(qintptr)> onAccepted, QObject *parent)
    : QTcpServer(parent)
    , m_onAccepted(std::move(onAccepted))
{ }

void HttpListener::incomingConnection(qintptr socketDescriptor)
{
    m_onAccepted(socketDescriptor);
}

} // namespace sluice
