#pragma once

#include <QByteArray>
#include <QList>
#include <QString>
#include <QTemporaryDir>

namespace sluice {

// A workspace folder in a temporary directory, removed with the object.
class TestWorkspace
{
public:
    TestWorkspace();

    bool isValid() const { return m_dir.isValid(); }
    QString path() const { return m_dir.path(); }

    void writeWorkspaceJson(const QByteArray &json);
    // `relative` below policies/, e.g. "apis/echo.xml".
    void writePolicy(const QString &relative, const QByteArray &xml);
    void writeFile(const QString &relative, const QByteArray &content);
    // Copies a fixture folder in, replacing each key of `substitutions` by its
    // value in every file (e.g. "ORIGIN" -> the origin's URL).
    bool copyFrom(const QString &sourceDir, const QList<std::pair<QByteArray, QByteArray>> &substitutions = {});

private:
    QTemporaryDir m_dir;
};

} // namespace sluice
