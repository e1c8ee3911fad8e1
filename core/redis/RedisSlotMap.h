#pragma once

#include "RedisReply.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QList>
#include <QString>

#include <array>
#include <optional>

namespace sluice {

// Which master serves each of the 16384 hash slots of a Redis Cluster, as
// CLUSTER SLOTS reports it (and MOVED replies amend it). Masters are named
// "host:port" (IPv6 hosts in brackets); a slot no master covers is empty.
class RedisSlotMap
{
public:
    static constexpr int SlotCount = 16384;

    RedisSlotMap();

    // CRC16 (XMODEM: poly 0x1021, init 0) of `data`.
    static quint16 crc16(QByteArrayView data);
    // The slot of `key`: the CRC16 of the key, or of the content of its first
    // {hash tag} when that is not empty, modulo 16384.
    static quint16 slotOf(QByteArrayView key);
    // "host:port", with brackets around an IPv6 host.
    static QString nodeName(const QString &host, quint16 port);

    // Parses a CLUSTER SLOTS reply: [[start, end, [ip, port, id...], replicas...]...].
    // A master with an empty or "?" host gets `answeringHost` (the host of the
    // node that answered). Returns nothing when the reply is not such an array.
    static std::optional<RedisSlotMap> fromClusterSlots(const RedisReply &reply, const QString &answeringHost);

    bool isEmpty() const { return m_masters.isEmpty(); }
    // The master of `slot` (its index in masters()), or -1 when none covers it.
    int masterOf(quint16 slot) const { return m_slots[slot]; }
    // The masters by name, sorted; each has a host and a port.
    const QStringList &masters() const { return m_masters; }
    QString hostOf(int master) const { return m_hosts.at(master); }
    quint16 portOf(int master) const { return m_ports.at(master); }
    // Moves one slot to the master `host`:`port` (a MOVED reply); a master
    // left without slots is dropped.
    void assign(quint16 slot, const QString &host, quint16 port);

    bool operator==(const RedisSlotMap &other) const;

private:
    int addMaster(const QString &host, quint16 port);
    // Sorts the masters by name and drops those that serve no slot.
    void normalize();

    std::array<qint16, SlotCount> m_slots;
    QStringList m_masters;
    QStringList m_hosts;
    QList<quint16> m_ports;
};

} // namespace sluice
