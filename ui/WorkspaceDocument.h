#pragma once

#include "common/Diagnostic.h"
#include "workspace/Workspace.h"

#include <QHash>
#include <QObject>
#include <QStringList>

class QUndoStack;

namespace sluice {

// The open workspace folder for the console: the model as the core's loader
// reads it, every workspace and policy problem, and the policy files present.
// It is also the document every page edits: the model and the policy texts
// change only through setWorkspace() and setPolicyText(), called from the
// QUndoCommands the pages push onto undoStack(), and save() writes them back.
class WorkspaceDocument : public QObject
{
    Q_OBJECT

public:
    explicit WorkspaceDocument(QObject *parent = nullptr);

    // Loads `dir`; false (and the document unchanged) when it holds no
    // readable workspace.json. A workspace with errors loads, with its
    // diagnostics. Open, reload and close drop unsaved edits and clear the undo
    // stack: MainWindow asks first.
    bool open(const QString &dir);
    bool reload();
    void close();

    // One stack for every edit of the console.
    QUndoStack *undoStack() const { return m_undo; }
    // Replaces the model; for QUndoCommand::redo()/undo(). Emits workspaceEdited().
    void setWorkspace(const Workspace &workspace);
    // The text of a policy file, by its path relative to the workspace folder
    // ("policies/apis/echo.xml"): as edited, else as on disk, else empty.
    QByteArray policyText(const QString &relativePath) const;
    // For QUndoCommand::redo()/undo(). An empty text removes the file on save.
    // Emits policyTextEdited().
    void setPolicyText(const QString &relativePath, const QByteArray &text);
    // The undo stack is not at its clean (last saved or opened) state.
    bool isModified() const;
    // Writes workspace.json (when the model changed) and every edited policy
    // file, each atomically; marks the stack clean, re-reads the folder (its
    // diagnostics; emits loaded()) and emits saved(). False with a message
    // naming the file that could not be written.
    bool save(QString *error);

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
    void workspaceEdited();
    void policyTextEdited(const QString &relativePath);
    void modifiedChanged(bool modified);
    void saved();

private:
    bool load(const QString &absoluteDir);

    QString m_dir;
    Workspace m_workspace;
    Workspace m_savedWorkspace; // as last read from disk
    QHash<QString, QByteArray> m_policyTexts; // edited, by relative path
    QUndoStack *m_undo;
    Diagnostics m_diagnostics;
    QStringList m_policyFiles;
};

} // namespace sluice
