#pragma once

#include "common/Diagnostic.h"
#include "workspace/Workspace.h"

#include <QObject>
#include <QStringList>

namespace sluice {

// The open workspace folder for the console: the model as the core's loader
// reads it, every workspace and policy problem, and the policy files present.
class WorkspaceDocument : public QObject
{
    Q_OBJECT

public:
    explicit WorkspaceDocument(QObject *parent = nullptr);

    // Loads `dir`; false (and the document unchanged) when it holds no
    // readable workspace.json. A workspace with errors loads, with its diagnostics.
    bool open(const QString &dir);
    bool reload();
    void close();

    bool isOpen() const { return !m_dir.isEmpty(); }
    QString directory() const { return m_dir; }
    const Workspace &workspace() const { return m_workspace; }
    const Diagnostics &diagnostics() const { return m_diagnostics; }
    int errorCount() const;
    // Policy files below policies/, relative to the workspace folder.
    const QStringList &policyFiles() const { return m_policyFiles; }
    // A diagnostic's file as an absolute path.
    QString absolutePath(const QString &file) const;

Q_SIGNALS:
    void loaded();

private:
    QString m_dir;
    Workspace m_workspace;
    Diagnostics m_diagnostics;
    QStringList m_policyFiles;
};

} // namespace sluice
