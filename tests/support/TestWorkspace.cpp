#include "TestWorkspace.h"

#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>

namespace sluice {

TestWorkspace::TestWorkspace() = default;

void TestWorkspace::writeWorkspaceJson(const QByteArray &json)
{
    writeFile(QStringLiteral("workspace.json"), json);
}

void TestWorkspace::writePolicy(const QString &relative, const QByteArray &xml)
{
    writeFile(QStringLiteral("policies/") + relative, xml);
}

void TestWorkspace::writeFile(const QString &relative, const QByteArray &content)
{
    const QString path = QDir(m_dir.path()).filePath(relative);
    QDir().mkpath(QFileInfo(path).absolutePath());
    QFile file(path);
    if (file.open(QIODevice::WriteOnly | QIODevice::Truncate))
        file.write(content);
}

bool TestWorkspace::copyFrom(const QString &sourceDir, const QList<std::pair<QByteArray, QByteArray>> &substitutions)
{
    QDirIterator it(sourceDir, QDir::Files, QDirIterator::Subdirectories);
    int copied = 0;
    while (it.hasNext()) {
        const QString source = it.next();
        QFile in(source);
        if (!in.open(QIODevice::ReadOnly))
            return false;
        QByteArray content = in.readAll();
        for (const auto &[from, to] : substitutions)
            content.replace(from, to);
        writeFile(QDir(sourceDir).relativeFilePath(source), content);
        ++copied;
    }
    return copied > 0;
}

} // namespace sluice
