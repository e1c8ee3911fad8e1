#include "HostPort.h"

#include <QCoreApplication>

namespace sluice {

std::optional<HostPort> parseHostPort(const QString &text, QString *error)
{
    auto fail = [&](const QString &message) -> std::optional<HostPort> {
        if (error)
            *error = message;
        return std::nullopt;
    };
    const qsizetype colon = text.lastIndexOf(QLatin1Char(':'));
    if (colon < 0)
        return fail(QCoreApplication::translate("HostPort", "'%1' is not HOST:PORT").arg(text));
    QString host = text.left(colon);
    bool ok = false;
    const uint port = text.mid(colon + 1).toUInt(&ok);
    if (!ok || port > 65535)
        return fail(QCoreApplication::translate("HostPort", "'%1' has no valid port").arg(text));
    if (host.startsWith(QLatin1Char('[')) && host.endsWith(QLatin1Char(']')))
        host = host.mid(1, host.size() - 2);
    HostPort result;
    result.port = static_cast<quint16>(port);
    if (host.isEmpty() || host == QLatin1String("*"))
        result.address = QHostAddress::Any;
    else if (host.compare(QLatin1String("localhost"), Qt::CaseInsensitive) == 0)
        result.address = QHostAddress::LocalHost;
    else if (!result.address.setAddress(host))
        return fail(QCoreApplication::translate("HostPort", "'%1' is not an IP address").arg(host));
    return result;
}

} // namespace sluice
