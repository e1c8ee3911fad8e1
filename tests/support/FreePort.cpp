#include "FreePort.h"

#include <QHostAddress>
#include <QTcpServer>

namespace sluice::test {

quint16 freeLoopbackPort()
{
    QTcpServer probe;
    if (!probe.listen(QHostAddress::LocalHost, 0))
        return 0;
    return probe.serverPort();
}

} // namespace sluice::test
