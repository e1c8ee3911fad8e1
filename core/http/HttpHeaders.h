#pragma once

#include <QByteArray>
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
    int remove(const QByteArray &name);
    void clear() { m_fields.clear(); }

    bool contains(const QByteArray &name) const;
    // The first value, or an empty array.
    QByteArray value(const QByteArray &name) const;
    QList<QByteArray> values(const QByteArray &name) const;
    // All values of that name joined with ", " (RFC 9110 field combination).
    QByteArray combined(const QByteArray &name) const;

    const std::vector<Field> &fields() const { return m_fields; }
    bool isEmpty() const { return m_fields.empty(); }
    int size() const { return static_cast<int>(m_fields.size()); }

    static bool nameEquals(const QByteArray &a, const QByteArray &b);

private:
    std::vector<Field> m_fields;
};

} // namespace sluice
