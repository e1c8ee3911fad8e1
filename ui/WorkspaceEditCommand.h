#pragma once

#include "workspace/Workspace.h"

#include <QPointer>
#include <QUndoCommand>

namespace sluice {

class WorkspaceDocument;

// One edit of the workspace model: the whole model before and after it, put
// into the document by redo() and undo().
class WorkspaceEditCommand : public QUndoCommand
{
public:
    WorkspaceEditCommand(WorkspaceDocument *document, const QString &text, Workspace after);

    void redo() override;
    void undo() override;

private:
    QPointer<WorkspaceDocument> m_document;
    Workspace m_before;
    Workspace m_after;
};

} // namespace sluice
