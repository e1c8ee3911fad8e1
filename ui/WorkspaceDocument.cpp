#include "WorkspaceDocument.h"

#include "gateway/GatewayConfig.h"
#include "workspace/WorkspaceLoader.h"

#include <QDir>
#include <QDirIterator>
#include <QFileInfo>

#include <algorithm>

namespace sluice {

WorkspaceDocument::WorkspaceDocument(QObject *parent)
    : QObject(parent)
{ }

bool WorkspaceDocument::open(const QString &dir)
{
    const QString absolute = QFileInfo(dir).absoluteFilePath();
    if (!QFileInfo(QDir(absolute).filePath(WorkspaceLoader::fileName())).isReadable())
        return false;
    m_dir = absolute;
    WorkspaceLoadResult result = WorkspaceLoader().loadFolder(m_dir);
    m_workspace = std::move(result.workspace);
    m_diagnostics = std::move(result.diagnostics);
    if (!hasErrors(m_diagnostics)) {
        // The policies: GatewayConfig reports the workspace's own problems as well.
        Diagnostics all;
        GatewayConfig::load(m_dir, {}, &all);
        m_diagnostics = all;
    }
    m_policyFiles.clear();
    const QDir root(m_dir);
    QDirIterator it(root.filePath(QStringLiteral("policies")), {QStringLiteral("*.xml")}, QDir::Files,
                    QDirIterator::Subdirectories);
    while (it.hasNext())
        m_policyFiles.append(root.relativeFilePath(it.next()));
    std::sort(m_policyFiles.begin(), m_policyFiles.end());
    Q_EMIT loaded();
    return true;
}

bool WorkspaceDocument::reload()
{
    return isOpen() && open(m_dir);
}

void WorkspaceDocument::close()
{
    m_dir.clear();
    m_workspace = {};
    m_diagnostics.clear();
    m_policyFiles.clear();
    Q_EMIT loaded();
}

int WorkspaceDocument::errorCount() const
{
    return static_cast<int>(std::count_if(m_diagnostics.begin(), m_diagnostics.end(), [](const Diagnostic &d) {
        return d.severity == Diagnostic::Severity::Error;
    }));
}

QString WorkspaceDocument::absolutePath(const QString &file) const
{
    return QDir(m_dir).absoluteFilePath(file);
}

} // namespace sluice
