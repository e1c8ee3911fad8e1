#pragma once

#include "Workspace.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonObject>

namespace sluice {

class JsonFieldReader;
class WorkspaceIssues;

// Reads the `apis` array of workspace.json: APIs and their operations, with
// duplicate ids, duplicate paths, URL templates and duplicate routes checked.
class ApiReader
{
    Q_DECLARE_TR_FUNCTIONS(WorkspaceLoader)

public:
    explicit ApiReader(WorkspaceIssues &issues);

    QList<Api> read(const QJsonArray &apis, const QString &path);

    // "http://host[:port][/path]" or https; what serviceUrl and backend urls must be.
    static bool isAbsoluteHttpUrl(const QString &url);
    // True when `method` is "*" or a token of upper-case ASCII letters.
    static bool isValidMethod(const QString &method);

private:
    Api readApi(const QJsonObject &object, const QString &path);
    QList<Operation> readOperations(const QJsonArray &operations, const QString &path);
    QString readApiPath(JsonFieldReader &fields);

    WorkspaceIssues &m_issues;
};

} // namespace sluice
