#include "PolicyTextCommand.h"

#include "WorkspaceDocument.h"

namespace sluice {

namespace {
constexpr int TypingId = 0x706f6c; // any id unique among the console's commands
}

PolicyTextCommand::PolicyTextCommand(WorkspaceDocument *document, const QString &relativePath, const QByteArray &text,
                                     const QString &description, Kind kind)
    : QUndoCommand(description)
    , m_document(document)
    , m_path(relativePath)
    , m_before(document->policyText(relativePath))
    , m_after(text)
    , m_kind(kind)
{ }

void PolicyTextCommand::redo()
{
    m_document->setPolicyText(m_path, m_after);
}

void PolicyTextCommand::undo()
{
    m_document->setPolicyText(m_path, m_before);
}

int PolicyTextCommand::id() const
{
    return m_kind == Kind::Typing ? TypingId : -1;
}

bool PolicyTextCommand::mergeWith(const QUndoCommand *other)
{
    const auto *next = static_cast<const PolicyTextCommand *>(other);
    if (next->m_path != m_path || next->m_document != m_document)
        return false;
    m_after = next->m_after;
    return true;
}

} // namespace sluice
