#pragma once

#include <QByteArray>
#include <QString>
#include <QUndoCommand>

namespace sluice {

class WorkspaceDocument;

// One edit of a policy file: its whole text before and after. Typing in the
// XML view merges into the previous typing command of the same file.
class PolicyTextCommand : public QUndoCommand
{
public:
    enum class Kind { Form, Typing };

    PolicyTextCommand(WorkspaceDocument *document, const QString &relativePath, const QByteArray &text,
                      const QString &description, Kind kind = Kind::Form);

    void redo() override;
    void undo() override;
    int id() const override;
    bool mergeWith(const QUndoCommand *other) override;

private:
    WorkspaceDocument *m_document;
    QString m_path;
    QByteArray m_before;
    QByteArray m_after;
    Kind m_kind;
};

} // namespace sluice
