#include "HttpHeaders.h"

#include <algorithm>

namespace sluice {

bool HttpHeaders::nameEquals(QByteArrayView a, QByteArrayView b)
{
    return a.size() == b.size() && qstrnicmp(a.data(), a.size(), b.data(), b.size()) == 0;
}

void HttpHeaders::add(const QByteArray &name, const QByteArray &value)
{
    m_fields.emplace_back(name, value);
}

void HttpHeaders::set(const QByteArray &name, const QByteArray &value)
{
    auto first = std::find_if(m_fields.begin(), m_fields.end(),
                              [&](const Field &f) { return nameEquals(f.first, name); });
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
    const auto before = m_fields.size();
    m_fields.erase(std::remove_if(m_fields.begin(), m_fields.end(),
                                  [&](const Field &f) { return nameEquals(f.first, name); }),
                   m_fields.end());
    return static_cast<int>(before - m_fields.size());
}

bool HttpHeaders::contains(QByteArrayView name) const
{
    return std::any_of(m_fields.begin(), m_fields.end(),
                       [&](const Field &f) { return nameEquals(f.first, name); });
}

QByteArray HttpHeaders::value(QByteArrayView name) const
{
    for (const Field &f : m_fields) {
        if (nameEquals(f.first, name))
            return f.second;
    }
    return {};
}

QList<QByteArray> HttpHeaders::values(QByteArrayView name) const
{
    QList<QByteArray> result;
    for (const Field &f : m_fields) {
        if (nameEquals(f.first, name))
            result.append(f.second);
    }
    return result;
}

QByteArray HttpHeaders::combined(QByteArrayView name) const
{
    QByteArray result;
    for (const Field &f : m_fields) {
        if (!nameEquals(f.first, name))
            continue;
        if (!result.isEmpty())
            result += ", ";
        result += f.second;
    }
    return result;
}

} // namespace sluice
