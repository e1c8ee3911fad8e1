#include "RedisSlotMap.h"

#include <algorithm>

namespace sluice {

namespace {

constexpr std::array<quint16, 256> makeCrc16Table()
{
    std::array<quint16, 256> table {};
    for (int byte = 0; byte < 256; ++byte) {
        quint16 crc = quint16(byte << 8);
        for (int bit = 0; bit < 8; ++bit)
            crc = (crc & 0x8000) ? quint16((crc << 1) ^ 0x1021) : quint16(crc << 1);
        table[std::size_t(byte)] = crc;
    }
    return table;
}

constexpr std::array<quint16, 256> crc16Table = makeCrc16Table();

} // namespace

RedisSlotMap::RedisSlotMap()
{
    m_slots.fill(-1);
}

quint16 RedisSlotMap::crc16(QByteArrayView data)
{
    quint16 crc = 0;
    for (const char c : data)
        crc = quint16((crc << 8) ^ crc16Table[((crc >> 8) ^ quint8(c)) & 0xff]);
    return crc;
}

quint16 RedisSlotMap::slotOf(QByteArrayView key)
{
    // Redis Cluster specification, "Hash tags": hash only what lies between the
    // first '{' and the first '}' after it, when that is not empty.
    const qsizetype open = key.indexOf('{');
    if (open >= 0) {
        const qsizetype close = key.indexOf('}', open + 1);
        if (close > open + 1)
            key = key.sliced(open + 1, close - open - 1);
    }
    return crc16(key) & (SlotCount - 1);
}

QString RedisSlotMap::nodeName(const QString &host, quint16 port)
{
    if (host.contains(QLatin1Char(':')))
        return QLatin1Char('[') + host + QStringLiteral("]:") + QString::number(port);
    return host + QLatin1Char(':') + QString::number(port);
}

std::optional<RedisSlotMap> RedisSlotMap::fromClusterSlots(const RedisReply &reply, const QString &answeringHost)
{
    if (reply.type != RedisReply::Type::Array)
        return std::nullopt;
    RedisSlotMap map;
    for (const RedisReply &range : reply.elements) {
        if (range.type != RedisReply::Type::Array || range.elements.size() < 3)
            return std::nullopt;
        const RedisReply &start = range.elements.at(0);
        const RedisReply &end = range.elements.at(1);
        const RedisReply &master = range.elements.at(2);
        if (start.type != RedisReply::Type::Integer || end.type != RedisReply::Type::Integer
            || master.type != RedisReply::Type::Array || master.elements.size() < 2
            || master.elements.at(0).type != RedisReply::Type::String
            || master.elements.at(1).type != RedisReply::Type::Integer)
            return std::nullopt;
        if (start.integer < 0 || end.integer >= SlotCount || start.integer > end.integer)
            return std::nullopt;
        const qint64 port = master.elements.at(1).integer;
        if (port <= 0 || port > 65535)
            return std::nullopt;
        QString host = QString::fromUtf8(master.elements.at(0).string);
        if (host.isEmpty() || host == QLatin1String("?"))
            host = answeringHost;
        const int index = map.addMaster(host, quint16(port));
        for (qint64 slot = start.integer; slot <= end.integer; ++slot)
            map.m_slots[std::size_t(slot)] = qint16(index);
    }
    map.normalize();
    return map;
}

void RedisSlotMap::assign(quint16 slot, const QString &host, quint16 port)
{
    if (slot >= SlotCount)
        return;
    m_slots[slot] = qint16(addMaster(host, port));
    normalize();
}

bool RedisSlotMap::operator==(const RedisSlotMap &other) const
{
    return m_masters == other.m_masters && m_slots == other.m_slots;
}

int RedisSlotMap::addMaster(const QString &host, quint16 port)
{
    const QString name = nodeName(host, port);
    const qsizetype existing = m_masters.indexOf(name);
    if (existing >= 0)
        return int(existing);
    m_masters.append(name);
    m_hosts.append(host);
    m_ports.append(port);
    return int(m_masters.size() - 1);
}

void RedisSlotMap::normalize()
{
    const int count = int(m_masters.size());
    QList<bool> used(count, false);
    for (const qint16 index : m_slots) {
        if (index >= 0)
            used[index] = true;
    }
    QList<int> order;
    for (int i = 0; i < count; ++i) {
        if (used.at(i))
            order.append(i);
    }
    std::sort(order.begin(), order.end(), [this](int a, int b) { return m_masters.at(a) < m_masters.at(b); });
    QList<qint16> newIndex(count, -1);
    QStringList masters, hosts;
    QList<quint16> ports;
    for (const int old : order) {
        newIndex[old] = qint16(masters.size());
        masters.append(m_masters.at(old));
        hosts.append(m_hosts.at(old));
        ports.append(m_ports.at(old));
    }
    for (qint16 &index : m_slots) {
        if (index >= 0)
            index = newIndex.at(index);
    }
    m_masters = std::move(masters);
    m_hosts = std::move(hosts);
    m_ports = std::move(ports);
}

} // namespace sluice
