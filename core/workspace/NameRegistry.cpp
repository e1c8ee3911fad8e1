#include "NameRegistry.h"

namespace sluice {

NameRegistry::NameRegistry(Qt::CaseSensitivity sensitivity)
    : m_sensitivity(sensitivity)
{
}

std::optional<QString> NameRegistry::insert(const QString &name, const QString &jsonPath)
{
    const QString key = fold(name);
    const auto it = m_firstSeen.constFind(key);
    if (it != m_firstSeen.constEnd())
        return it.value();
    m_firstSeen.insert(key, jsonPath);
    return std::nullopt;
}

bool NameRegistry::contains(const QString &name) const
{
    return m_firstSeen.contains(fold(name));
}

QString NameRegistry::fold(const QString &name) const
{
    return m_sensitivity == Qt::CaseSensitive ? name : name.toCaseFolded();
}

} // namespace sluice
