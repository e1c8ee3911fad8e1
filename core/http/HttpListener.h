#pragma once

#include <QTcpServer>

#include <functional>

namespace sluice {

// The listening socket of an HttpServer: accepted descriptors go straight to a
// callback (which hands them to a worker thread) instead of becoming QTcpSockets
// on the listener's thread.
class HttpListener : public QTcpServer
{
    Q_OBJECT

public:
    explicit HttpListener(std::function<void(qintptr)> onAccepted, QObject *parent = nullptr);

protected:
    void incomingConnection(qintptr socketDescriptor) override;

private:
    std::function<void(qintptr)> m_onAccepted;
};

} // namespace sluice
