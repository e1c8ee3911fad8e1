#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QList>

#include <utility>
#include <vector>

namespace sluice {

// An ordered list of header fields with case-insensitive names, as they came on
// the wire (names keep their spelling; lookups ignore case).
class HttpHeaders
{
public:
    using Field = std::pair<QByteArray, QByteArray>;

    void add(const QByteArray &name, const QByteArray &value);
    // Replaces every field of that name with one (appended where the first was).
    void set(const QByteArray &name, const QByteArray &value);
    // Removes every field of that name; returns how many were removed.
    int remove(QByteArrayView name);
    void clear() { m_fields.clear(); }
    void reserve(int fields) { m_fields.reserve(static_cast<size_t>(fields)); }

    bool contains(QByteArrayView name) const;
    // The first value, or an empty array.
    QByteArray value(QByteArrayView name) const;
    QList<QByteArray> values(QByteArrayView name) const;
    // All values of that name joined with ", " (RFC 9110 field combination).
    QByteArray combined(QByteArrayView name) const;

    const std::vector<Field> &fields() const { return m_fields; }
    bool isEmpty() const { return m_fields.empty(); }
    int size() const { return static_cast<int>(m_fields.size()); }

    static bool nameEquals(QByteArrayView a, QByteArrayView b);

private:
    std::vector<Field> m_fields;
};

} // namespace sluice
