#pragma once

#include <QHash>
#include <QString>

#include <optional>

namespace sluice {

// Remembers where each name (an id, a path, a key) was first seen, to report a
// repeat with a pointer to the first one.
class NameRegistry
{
public:
    explicit NameRegistry(Qt::CaseSensitivity sensitivity = Qt::CaseSensitive);

    // Records `name` at `jsonPath`; returns the earlier path when already known.
    std::optional<QString> insert(const QString &name, const QString &jsonPath);
    bool contains(const QString &name) const;

private:
    QString fold(const QString &name) const;

    Qt::CaseSensitivity m_sensitivity;
    QHash<QString, QString> m_firstSeen;
};

} // namespace sluice
