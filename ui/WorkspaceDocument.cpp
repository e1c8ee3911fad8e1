#include "WorkspaceDocument.h"

#include "gateway/GatewayConfig.h"
#include "workspace/WorkspaceLoader.h"
#include "workspace/WorkspaceWriter.h"

#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>
#include <QSaveFile>
#include <QUndoStack>

#include <algorithm>

namespace sluice {

namespace {

// A policy path the document accepts: relative, below policies/, an .xml file.
bool isPolicyPath(const QString &relativePath)
{
    const QString clean = QDir::cleanPath(relativePath);
    return clean == relativePath && QDir::isRelativePath(clean) && clean.startsWith(QLatin1String("policies/"))
        && clean.endsWith(QLatin1String(".xml")) && !clean.contains(QLatin1String("/../"));
}

bool writeAtomically(const QString &path, const QByteArray &bytes, QString *error)
{
    if (!QDir().mkpath(QFileInfo(path).absolutePath())) {
        *error = WorkspaceDocument::tr("Cannot create the folder of %1.").arg(QDir::toNativeSeparators(path));
        return false;
    }
    QSaveFile file(path);
    if (file.open(QIODevice::WriteOnly) && file.write(bytes) == bytes.size() && file.commit())
        return true;
    *error = WorkspaceDocument::tr("Cannot write %1: %2").arg(QDir::toNativeSeparators(path), file.errorString());
    return false;
}

} // namespace

WorkspaceDocument::WorkspaceDocument(QObject *parent)
    : QObject(parent)
    , m_undo(new QUndoStack(this))
{
    connect(m_undo, &QUndoStack::cleanChanged, this, [this](bool clean) { Q_EMIT modifiedChanged(!clean); });
}

bool WorkspaceDocument::open(const QString &dir)
{
    const QString absolute = QFileInfo(dir).absoluteFilePath();
    if (!QFileInfo(QDir(absolute).filePath(WorkspaceLoader::fileName())).isReadable())
        return false;
    m_policyTexts.clear();
    m_undo->clear();
    return load(absolute);
}

bool WorkspaceDocument::load(const QString &absoluteDir)
{
    m_dir = absoluteDir;
    WorkspaceLoadResult result = WorkspaceLoader().loadFolder(m_dir);
    m_workspace = std::move(result.workspace);
    m_savedWorkspace = m_workspace;
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
    m_undo->clear();
    m_policyTexts.clear();
    m_dir.clear();
    m_workspace = {};
    m_savedWorkspace = {};
    m_diagnostics.clear();
    m_policyFiles.clear();
    Q_EMIT loaded();
}

void WorkspaceDocument::setWorkspace(const Workspace &workspace)
{
    m_workspace = workspace;
    Q_EMIT workspaceEdited();
}

QByteArray WorkspaceDocument::policyText(const QString &relativePath) const
{
    const auto edited = m_policyTexts.constFind(relativePath);
    if (edited != m_policyTexts.cend())
        return *edited;
    if (!isOpen() || !isPolicyPath(relativePath))
        return {};
    QFile file(absolutePath(relativePath));
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

void WorkspaceDocument::setPolicyText(const QString &relativePath, const QByteArray &text)
{
    if (!isPolicyPath(relativePath)) {
        qWarning("WorkspaceDocument::setPolicyText: %s is not a policy file below policies/", qPrintable(relativePath));
        return;
    }
    m_policyTexts.insert(relativePath, text);
    Q_EMIT policyTextEdited(relativePath);
}

bool WorkspaceDocument::isModified() const
{
    return !m_undo->isClean();
}

bool WorkspaceDocument::save(QString *error)
{
    QString problem;
    if (!isOpen()) {
        problem = tr("No workspace is open.");
    } else if (m_workspace != m_savedWorkspace && !WorkspaceWriter::write(m_workspace, m_dir, &problem)) {
        // The writer's message names the file.
    } else {
        for (auto it = m_policyTexts.cbegin(); it != m_policyTexts.cend() && problem.isEmpty(); ++it) {
            const QString path = absolutePath(it.key());
            QFile current(path);
            const bool exists = current.exists();
            if (it.value().isEmpty()) {
                if (exists && !current.remove())
                    problem = tr("Cannot remove %1: %2").arg(QDir::toNativeSeparators(path), current.errorString());
            } else if (!exists || !current.open(QIODevice::ReadOnly) || current.readAll() != it.value()) {
                current.close();
                writeAtomically(path, it.value(), &problem);
            }
        }
    }
    if (!problem.isEmpty()) {
        if (error)
            *error = problem;
        return false;
    }
    m_policyTexts.clear();
    m_undo->setClean();
    load(m_dir);
    Q_EMIT saved();
    return true;
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
