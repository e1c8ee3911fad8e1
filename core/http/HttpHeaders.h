#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QList>

#include <optional>
#include <utility>
#include <vector>

namespace sluice {

// An ordered list of header fields with case-insensitive names, as they came on
// the wire (names keep their spelling; lookups ignore case).
//
// A list may start with fields in wire form ("Name: value\r\n" lines, see
// fromWire): a cached response is served from the bytes it was stored as.
// Those fields come before any added later; looking one of them up reads the
// lines, and only fields() (or size()) turns them into separate fields.
class HttpHeaders
{
public:
    using Field = std::pair<QByteArray, QByteArray>;

    // Fields in wire form, or nullopt when `lines` are not well formed: each
    // a token name, ": ", a value without CR or LF, and "\r\n"; no
    // Content-Length, Transfer-Encoding or Connection (the writer owns those).
    static std::optional<HttpHeaders> fromWire(QByteArray lines);
    // The same for lines inside `storage` (a cache record): they are read
    // where they are, and `storage` is kept (shared, not copied) while they are.
    static std::optional<HttpHeaders> fromWire(const QByteArray &storage, QByteArrayView lines);

    HttpHeaders() = default;
    HttpHeaders(const HttpHeaders &) = default;
    HttpHeaders &operator=(const HttpHeaders &) = default;
    // A moved-from list is empty (its wire lines belong to the new owner).
    HttpHeaders(HttpHeaders &&other) noexcept;
    HttpHeaders &operator=(HttpHeaders &&other) noexcept;
    static bool isWireForm(QByteArrayView lines);
    // The fields as wire lines (what fromWire takes), skipping fields with an
    // empty name or a line break and the framing fields named above.
    void appendWire(QByteArray &out) const;

    void add(const QByteArray &name, const QByteArray &value);
    // Replaces every field of that name with one (appended where the first was;
    // at the end when the first was in wire form).
    void set(const QByteArray &name, const QByteArray &value);
    // Removes every field of that name; returns how many were removed.
    int remove(QByteArrayView name);
    void clear();
    void reserve(int fields) { m_fields.reserve(static_cast<size_t>(fields)); }

    bool contains(QByteArrayView name) const;
    // The first value, or an empty array.
    QByteArray value(QByteArrayView name) const;
    QList<QByteArray> values(QByteArrayView name) const;
    // Whether a field of that name lists `token` (a comma-separated list,
    // compared case-insensitively: "Connection: keep-alive, Close"). Allocates nothing.
    bool hasToken(QByteArrayView name, QByteArrayView token) const;
    // All values of that name joined with ", " (RFC 9110 field combination).
    QByteArray combined(QByteArrayView name) const;

    const std::vector<Field> &fields() const
    {
        parseWire();
        return m_fields;
    }
    bool isEmpty() const { return m_wire.isEmpty() && m_fields.empty(); }
    int size() const { return static_cast<int>(fields().size()); }

    // For writers that copy the wire lines as they are: the lines not yet
    // parsed (empty once fields() was called), then the fields after them.
    QByteArrayView wireLines() const { return m_wire; }
    const std::vector<Field> &fieldsAfterWire() const { return m_fields; }

    static bool nameEquals(QByteArrayView a, QByteArrayView b);
    // Content-Length, Transfer-Encoding or Connection: the fields a response
    // writer owns.
    static bool isFramingField(QByteArrayView name);
    // CR or LF: text that would split a message if written as a field.
    static bool hasLineBreak(QByteArrayView text);

private:
    // Calls f(name, value) for each wire line until f returns false.
    template<typename F> void forEachWireField(F f) const;
    bool wireHas(QByteArrayView name) const;
    bool mayBeInWire(QByteArrayView name) const { return !name.isEmpty() && (m_wireNames & nameBit(name)) != 0; }
    void parseWire() const;
    void dropFromWire(QByteArrayView name);

    // One bit per wire field name (by nameBit): most lookups of a name the
    // lines lack end here.
    static quint64 nameBit(QByteArrayView name);
    static bool scanWire(QByteArrayView lines, quint64 *names);

    mutable QByteArray m_wireStorage; // owns the bytes m_wire views
    mutable QByteArrayView m_wire;
    mutable quint64 m_wireNames = 0;
    mutable std::vector<Field> m_fields;
};

} // namespace sluice
