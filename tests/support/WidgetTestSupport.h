#pragma once

// Helpers of the console's widget tests (tst_ui_*).

#include <QHostAddress>
#include <QObject>
#include <QTcpServer>

namespace sluice::test {

// The child called `name`; a test that cannot find it stops at once.
template<typename T> T *childNamed(const QObject *parent, const char *name)
{
    T *child = parent->findChild<T *>(QLatin1String(name));
    if (!child)
        qFatal("no child %s", name);
    return child;
}

// A loopback port nothing listens on (it was free a moment ago).
inline quint16 closedLoopbackPort()
{
    QTcpServer server;
    server.listen(QHostAddress::LocalHost);
    return server.serverPort();
}

} // namespace sluice::test
