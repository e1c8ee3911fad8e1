#pragma once

#include "common/Diagnostic.h"

#include <QString>

namespace sluice {

// Collects the diagnostics of one JSON document; every entry is located by a
// JSON path (`apis[0].operations[2].urlTemplate`) or by line and column.
class WorkspaceIssues
{
public:
    explicit WorkspaceIssues(QString file);

    void error(const QString &jsonPath, const QString &message);
    void warning(const QString &jsonPath, const QString &message);
    void errorAt(int line, int column, const QString &message);

    const Diagnostics &diagnostics() const { return m_diagnostics; }
    Diagnostics take() { return std::move(m_diagnostics); }

    // Paths: `key(parent, "apis")` -> "apis", `index("apis", 2)` -> "apis[2]".
    // Keys that are not identifiers are quoted: `namedValues["my.value"]`.
    static QString key(const QString &parent, const QString &key);
    static QString index(const QString &parent, qsizetype index);

private:
    SourceLocation locationOf(const QString &jsonPath) const;

    QString m_file;
    Diagnostics m_diagnostics;
};

} // namespace sluice
