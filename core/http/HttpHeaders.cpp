#include "HttpHeaders.h"

#include <algorithm>
#include <cstring>
#include <utility>

namespace sluice {

namespace {

// RFC 9110 tchar, as a table: the wire scan looks at every name byte.
struct TokenTable
{
    bool is[256] = {};
    constexpr TokenTable()
    {
        for (int c = 'a'; c <= 'z'; ++c)
            is[c] = true;
        for (int c = 'A'; c <= 'Z'; ++c)
            is[c] = true;
        for (int c = '0'; c <= '9'; ++c)
            is[c] = true;
        for (const char c : "!#$%&'*+-.^_`|~")
            if (c != 0)
                is[static_cast<unsigned char>(c)] = true;
    }
};
constexpr TokenTable Token;

const char *find(const char *from, const char *end, char c)
{
    return static_cast<const char *>(std::memchr(from, c, static_cast<size_t>(end - from)));
}

} // namespace

bool HttpHeaders::nameEquals(QByteArrayView a, QByteArrayView b)
{
    return a.size() == b.size() && qstrnicmp(a.data(), a.size(), b.data(), b.size()) == 0;
}

bool HttpHeaders::isFramingField(QByteArrayView name)
{
    return nameEquals(name, "Content-Length") || nameEquals(name, "Transfer-Encoding")
        || nameEquals(name, "Connection");
}

bool HttpHeaders::hasLineBreak(QByteArrayView text)
{
    const auto n = static_cast<size_t>(text.size());
    return n != 0 && (std::memchr(text.data(), '\r', n) != nullptr || std::memchr(text.data(), '\n', n) != nullptr);
}

quint64 HttpHeaders::nameBit(QByteArrayView name)
{
    const auto lower = [](char c) { return static_cast<unsigned>(c | 0x20); };
    const unsigned h = static_cast<unsigned>(name.size()) * 31u + lower(name.front()) * 7u + lower(name.back());
    return quint64(1) << (h & 63u);
}

bool HttpHeaders::scanWire(QByteArrayView lines, quint64 *names)
{
    const char *at = lines.data();
    const char *const end = at + lines.size();
    while (at < end) {
        const char *name = at;
        while (at < end && Token.is[static_cast<unsigned char>(*at)])
            ++at;
        if (at == name || end - at < 4 || at[0] != ':' || at[1] != ' ')
            return false;
        const QByteArrayView n(name, at - name);
        if (isFramingField(n))
            return false;
        const char *cr = find(at + 2, end, '\r');
        if (!cr || cr + 1 >= end || cr[1] != '\n' || find(at + 2, cr, '\n'))
            return false;
        *names |= nameBit(n);
        at = cr + 2;
    }
    return true;
}

std::optional<HttpHeaders> HttpHeaders::fromWire(QByteArray lines)
{
    const QByteArrayView view(lines);
    return fromWire(lines, view);
}

std::optional<HttpHeaders> HttpHeaders::fromWire(const QByteArray &storage, QByteArrayView lines)
{
    Q_ASSERT(lines.isEmpty()
             || (lines.data() >= storage.constData()
                 && lines.data() + lines.size() <= storage.constData() + storage.size()));
    HttpHeaders headers;
    if (!scanWire(lines, &headers.m_wireNames))
        return std::nullopt;
    if (!lines.isEmpty()) {
        headers.m_wireStorage = storage;
        headers.m_wire = lines;
    }
    return headers;
}

HttpHeaders::HttpHeaders(HttpHeaders &&other) noexcept
    : m_wireStorage(std::move(other.m_wireStorage))
    , m_wire(std::exchange(other.m_wire, {}))
    , m_wireNames(std::exchange(other.m_wireNames, 0))
    , m_fields(std::move(other.m_fields))
{
    other.m_fields.clear();
}

HttpHeaders &HttpHeaders::operator=(HttpHeaders &&other) noexcept
{
    if (this != &other) {
        m_wireStorage = std::move(other.m_wireStorage);
        m_wire = std::exchange(other.m_wire, {});
        m_wireNames = std::exchange(other.m_wireNames, 0);
        m_fields = std::move(other.m_fields);
        other.m_wireStorage.clear();
        other.m_fields.clear();
    }
    return *this;
}

bool HttpHeaders::isWireForm(QByteArrayView lines)
{
    quint64 names = 0;
    return scanWire(lines, &names);
}

void HttpHeaders::appendWire(QByteArray &out) const
{
    if (!m_wire.isEmpty())
        out.append(m_wire);
    for (const Field &f : m_fields) {
        if (f.first.isEmpty() || hasLineBreak(f.first) || hasLineBreak(f.second) || isFramingField(f.first))
            continue;
        out.append(f.first);
        out.append(": ");
        out.append(f.second);
        out.append("\r\n");
    }
}

template<typename F> void HttpHeaders::forEachWireField(F f) const
{
    const char *at = m_wire.data();
    const char *const end = at + m_wire.size();
    while (at < end) {
        const char *colon = find(at, end, ':');
        const char *cr = colon ? find(colon, end, '\r') : nullptr;
        if (!cr)
            return; // not what fromWire accepted; never read past it
        if (!f(QByteArrayView(at, colon - at), QByteArrayView(colon + 2, cr - colon - 2)))
            return;
        at = cr + 2;
    }
}

bool HttpHeaders::wireHas(QByteArrayView name) const
{
    if (!mayBeInWire(name))
        return false;
    bool found = false;
    forEachWireField([&](QByteArrayView n, QByteArrayView) {
        found = nameEquals(n, name);
        return !found;
    });
    return found;
}

void HttpHeaders::parseWire() const
{
    if (m_wire.isEmpty())
        return;
    std::vector<Field> parsed;
    parsed.reserve(m_fields.size() + 8);
    forEachWireField([&](QByteArrayView n, QByteArrayView v) {
        parsed.emplace_back(n.toByteArray(), v.toByteArray());
        return true;
    });
    for (Field &f : m_fields)
        parsed.push_back(std::move(f));
    m_fields = std::move(parsed);
    m_wireStorage.clear();
    m_wire = {};
    m_wireNames = 0;
}

void HttpHeaders::dropFromWire(QByteArrayView name)
{
    QByteArray kept;
    kept.reserve(m_wire.size());
    forEachWireField([&](QByteArrayView n, QByteArrayView v) {
        if (!nameEquals(n, name)) {
            kept.append(n);
            kept.append(": ");
            kept.append(v);
            kept.append("\r\n");
        }
        return true;
    });
    m_wireStorage = std::move(kept);
    m_wire = m_wireStorage;
    m_wireNames = 0;
    forEachWireField([&](QByteArrayView n, QByteArrayView) {
        m_wireNames |= nameBit(n);
        return true;
    });
}

void HttpHeaders::add(const QByteArray &name, const QByteArray &value)
{
    m_fields.emplace_back(name, value);
}

void HttpHeaders::set(const QByteArray &name, const QByteArray &value)
{
    if (wireHas(name))
        dropFromWire(name);
    auto first =
        std::find_if(m_fields.begin(), m_fields.end(), [&](const Field &f) { return nameEquals(f.first, name); });
    if (first == m_fields.end()) {
        m_fields.emplace_back(name, value);
        return;
    }
    first->second = value;
    const auto firstIndex = first - m_fields.begin();
    m_fields.erase(std::remove_if(m_fields.begin() + firstIndex + 1, m_fields.end(),
                                  [&](const Field &f) { return nameEquals(f.first, name); }),
                   m_fields.end());
}

int HttpHeaders::remove(QByteArrayView name)
{
    int removed = 0;
    if (wireHas(name)) {
        forEachWireField([&](QByteArrayView n, QByteArrayView) {
            removed += nameEquals(n, name) ? 1 : 0;
            return true;
        });
        dropFromWire(name);
    }
    const auto before = m_fields.size();
    m_fields.erase(
        std::remove_if(m_fields.begin(), m_fields.end(), [&](const Field &f) { return nameEquals(f.first, name); }),
        m_fields.end());
    return removed + static_cast<int>(before - m_fields.size());
}

void HttpHeaders::clear()
{
    m_wireStorage.clear();
    m_wire = {};
    m_wireNames = 0;
    m_fields.clear();
}

bool HttpHeaders::contains(QByteArrayView name) const
{
    return wireHas(name)
        || std::any_of(m_fields.begin(), m_fields.end(), [&](const Field &f) { return nameEquals(f.first, name); });
}

QByteArray HttpHeaders::value(QByteArrayView name) const
{
    QByteArray result;
    bool found = false;
    if (mayBeInWire(name))
        forEachWireField([&](QByteArrayView n, QByteArrayView v) {
            found = nameEquals(n, name);
            if (found)
                result = v.toByteArray();
            return !found;
        });
    if (found)
        return result;
    for (const Field &f : m_fields) {
        if (nameEquals(f.first, name))
            return f.second;
    }
    return {};
}

QList<QByteArray> HttpHeaders::values(QByteArrayView name) const
{
    QList<QByteArray> result;
    if (mayBeInWire(name))
        forEachWireField([&](QByteArrayView n, QByteArrayView v) {
            if (nameEquals(n, name))
                result.append(v.toByteArray());
            return true;
        });
    for (const Field &f : m_fields) {
        if (nameEquals(f.first, name))
            result.append(f.second);
    }
    return result;
}

bool HttpHeaders::hasToken(QByteArrayView name, QByteArrayView token) const
{
    const auto lists = [token](QByteArrayView value) {
        while (!value.isEmpty()) {
            const qsizetype comma = value.indexOf(',');
            const QByteArrayView item = (comma < 0 ? value : value.first(comma)).trimmed();
            if (item.compare(token, Qt::CaseInsensitive) == 0)
                return true;
            value = comma < 0 ? QByteArrayView() : value.sliced(comma + 1);
        }
        return false;
    };
    bool found = false;
    if (mayBeInWire(name))
        forEachWireField([&](QByteArrayView n, QByteArrayView v) {
            found = nameEquals(n, name) && lists(v);
            return !found;
        });
    return found || std::any_of(m_fields.begin(), m_fields.end(), [&](const Field &f) {
               return nameEquals(f.first, name) && lists(f.second);
           });
}

QByteArray HttpHeaders::combined(QByteArrayView name) const
{
    QByteArray result;
    const auto join = [&](QByteArrayView v) {
        if (!result.isEmpty())
            result += ", ";
        result += v;
    };
    if (mayBeInWire(name))
        forEachWireField([&](QByteArrayView n, QByteArrayView v) {
            if (nameEquals(n, name))
                join(v);
            return true;
        });
    for (const Field &f : m_fields) {
        if (nameEquals(f.first, name))
            join(f.second);
    }
    return result;
}

} // namespace sluice
