#include "WorkspaceEditCommand.h"

#include "WorkspaceDocument.h"

namespace sluice {

WorkspaceEditCommand::WorkspaceEditCommand(WorkspaceDocument *document, const QString &text, Workspace after)
    : QUndoCommand(text)
    , m_document(document)
    , m_before(document->workspace())
    , m_after(std::move(after))
{ }

void WorkspaceEditCommand::redo()
{
    if (m_document)
        m_document->setWorkspace(m_after);
}

void WorkspaceEditCommand::undo()
{
    if (m_document)
        m_document->setWorkspace(m_before);
}

} // namespace sluice
