#pragma once

#include "EnvReferenceResolver.h"
#include "Workspace.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonObject>

namespace sluice {

class JsonFieldReader;
class NameRegistry;
class WorkspaceIssues;

// Turns the top-level object of workspace.json into a Workspace, reporting
// every schema and cross-reference problem to `issues` (and never a secret).
class WorkspaceReader
{
    Q_DECLARE_TR_FUNCTIONS(WorkspaceLoader)

public:
    WorkspaceReader(WorkspaceIssues &issues, EnvReferenceResolver env);

    Workspace read(const QJsonObject &root);

private:
    void readLocations(const QJsonArray &array, const QString &path, Workspace &ws);
    void readCaches(const QJsonArray &array, const QString &path, Workspace &ws);
    void readNamedValues(const QJsonObject &object, const QString &path, Workspace &ws);
    void readGroups(const QJsonArray &array, const QString &path, Workspace &ws);
    void readUsers(const QJsonArray &array, const QString &path, Workspace &ws);
    void readProducts(const QJsonArray &array, const QString &path, Workspace &ws);
    void readSubscriptions(const QJsonArray &array, const QString &path, Workspace &ws);
    void readBackends(const QJsonArray &array, const QString &path, Workspace &ws);

    // {"keychain": "<key>"}: a connection string kept in the system keychain.
    QString readKeychainReference(const QJsonObject &object, const QString &path);
    // Resolves ${ENV} references of a secret at `path`; reports unset
    // variables by name and never the value.
    QString resolveSecret(const QString &text, const QString &path, bool *ok = nullptr);
    // Reports a repeated id of one collection.
    void checkUniqueId(NameRegistry &ids, const QString &id, const QString &idPath);
    // Reads an array of ids that must each be in `known`; `unknownMessage` has one %1.
    QStringList readReferences(JsonFieldReader &fields, QLatin1String key, const QStringList &known,
                               const QString &unknownMessage);

    WorkspaceIssues &m_issues;
    EnvReferenceResolver m_env;
};

} // namespace sluice
