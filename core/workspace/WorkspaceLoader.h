#pragma once

#include "Workspace.h"
#include "common/Diagnostic.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QString>

#include <functional>
#include <optional>

namespace sluice {

struct WorkspaceLoadResult
{
    Workspace workspace; // best effort when there are errors; use it only when ok()
    Diagnostics diagnostics;

    bool ok() const { return !hasErrors(diagnostics); }
};

// Loads WORKSPACE/workspace.json into a Workspace and validates it, reporting
// every problem at once: a JSON syntax error with line and column, everything
// else with a JSON path (`apis[0].operations[2].urlTemplate`). `${NAME}` in
// connection strings, subscription keys and named values is resolved through
// the injected environment lookup. Policies are not read here.
class WorkspaceLoader
{
    Q_DECLARE_TR_FUNCTIONS(WorkspaceLoader)

public:
    using EnvLookup = std::function<std::optional<QString>(const QString &)>;

    explicit WorkspaceLoader(EnvLookup env = systemEnvironment());

    // Reads `dir`/workspace.json; the workspace's rootDir is `dir` made absolute.
    WorkspaceLoadResult loadFolder(const QString &dir) const;
    WorkspaceLoadResult parse(const QByteArray &json, const QString &rootDir) const;

    // The process environment; an unset variable gives std::nullopt.
    static EnvLookup systemEnvironment();

    static QString fileName() { return QStringLiteral("workspace.json"); }

private:
    EnvLookup m_env;
};

} // namespace sluice
