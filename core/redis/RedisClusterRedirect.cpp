#include "RedisClusterRedirect.h"

#include "RedisSlotMap.h"

namespace sluice {

std::optional<RedisClusterRedirect> RedisClusterRedirect::parse(const QByteArray &error)
{
    RedisClusterRedirect redirect;
    QByteArrayView rest;
    if (error.startsWith("MOVED ")) {
        redirect.kind = Kind::Moved;
        rest = QByteArrayView(error).sliced(6);
    } else if (error.startsWith("ASK ")) {
        redirect.kind = Kind::Ask;
        rest = QByteArrayView(error).sliced(4);
    } else {
        return std::nullopt;
    }
    const qsizetype space = rest.indexOf(' ');
    if (space <= 0)
        return std::nullopt;
    bool ok = false;
    const uint slot = rest.first(space).toUInt(&ok);
    if (!ok || slot >= uint(RedisSlotMap::SlotCount))
        return std::nullopt;
    const QByteArrayView address = rest.sliced(space + 1).trimmed();
    const qsizetype colon = address.lastIndexOf(':');
    if (colon < 0)
        return std::nullopt;
    const uint port = address.sliced(colon + 1).toUInt(&ok);
    if (!ok || port == 0 || port > 65535)
        return std::nullopt;
    QByteArrayView host = address.first(colon);
    if (host.startsWith('[') && host.endsWith(']'))
        host = host.sliced(1, host.size() - 2);
    redirect.slot = quint16(slot);
    redirect.port = quint16(port);
    redirect.host = QString::fromUtf8(host);
    return redirect;
}

} // namespace sluice
