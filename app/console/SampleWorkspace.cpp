#include "SampleWorkspace.h"

#include <QCoreApplication>
#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>
#include <QStandardPaths>

namespace sluice {

namespace {

bool isWorkspace(const QString &dir)
{
    return QFileInfo::exists(QDir(dir).filePath(QStringLiteral("workspace.json")));
}

bool copyTree(const QString &from, const QString &to, QString *error)
{
    QDirIterator it(from, QDir::Files | QDir::NoDotAndDotDot, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString source = it.next();
        const QString target = QDir(to).filePath(QDir(from).relativeFilePath(source));
        if (!QDir().mkpath(QFileInfo(target).absolutePath()) || !QFile::copy(source, target)) {
            *error = QCoreApplication::translate("SampleWorkspace", "Cannot copy the sample workspace to %1.")
                         .arg(QDir::toNativeSeparators(to));
            return false;
        }
        QFile::setPermissions(target, QFile::ReadOwner | QFile::WriteOwner | QFile::ReadGroup | QFile::ReadOther);
    }
    return true;
}

} // namespace

QString sampleWorkspace(QString *error)
{
    const QDir bin(QCoreApplication::applicationDirPath());
    const QString installed = bin.filePath(QStringLiteral("../share/sluice/sample-workspace"));
    if (isWorkspace(installed)) {
        const QString copy =
            QDir(QStandardPaths::writableLocation(QStandardPaths::AppDataLocation)).filePath(QStringLiteral("sample-workspace"));
        if (!isWorkspace(copy) && !copyTree(installed, copy, error))
            return {};
        return QDir(copy).absolutePath();
    }
    for (const QString &candidate :
         {bin.filePath(QStringLiteral("../../resources/sample-workspace")), QStringLiteral(SLUICE_SOURCE_DIR "/resources/sample-workspace")}) {
        if (isWorkspace(candidate))
            return QDir(candidate).absolutePath();
    }
    *error = QCoreApplication::translate("SampleWorkspace", "The sample workspace is not installed.");
    return {};
}

} // namespace sluice
