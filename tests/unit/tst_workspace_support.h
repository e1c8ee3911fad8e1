#pragma once

// Helpers shared by tst_workspace.cpp and tst_workspace_validation.cpp.

#include "workspace/WorkspaceLoader.h"

#include <QDir>
#include <QHash>
#include <QStringList>

#include <tuple>

namespace sluice::workspacetest {

using Env = QHash<QString, QString>;

inline WorkspaceLoader::EnvLookup fakeEnv(const Env &values)
{
    return [values](const QString &name) -> std::optional<QString> {
        const auto it = values.constFind(name);
        if (it == values.constEnd())
            return std::nullopt;
        return it.value();
    };
}

inline const Env &testEnv()
{
    static const Env env = {
        {QStringLiteral("REDIS_HOST"), QStringLiteral("cache.internal")},
        {QStringLiteral("REDIS_PASSWORD"), QStringLiteral("s3cr3t-PW")},
        {QStringLiteral("TOKEN"), QStringLiteral("tok-123")},
        {QStringLiteral("ALICE_KEY"), QStringLiteral("alice-primary-from-env")},
        {QStringLiteral("EMPTY"), QString()},
        {QStringLiteral("SECRET_KEY"), QStringLiteral("ENVSECRET-9876")},
    };
    return env;
}

inline WorkspaceLoadResult parse(const QByteArray &json, const Env &env = testEnv())
{
    return WorkspaceLoader(fakeEnv(env)).parse(json, QStringLiteral("/ws"));
}

// A workspace whose name is "t", with `fragment` as further top-level members.
inline QByteArray doc(const char *fragment)
{
    return QByteArrayLiteral("{\"name\": \"t\", ") + QByteArray(fragment) + QByteArrayLiteral("}");
}

inline QString describe(const Diagnostics &diagnostics)
{
    QStringList lines;
    for (const Diagnostic &d : diagnostics)
        lines.append(d.toString());
    return lines.join(QLatin1Char('\n'));
}

using Triple = std::tuple<Diagnostic::Severity, QString, QString>; // severity, jsonPath, message

inline QList<Triple> triples(const Diagnostics &diagnostics)
{
    QList<Triple> result;
    for (const Diagnostic &d : diagnostics)
        result.append({d.severity, d.location.jsonPath, d.message});
    return result;
}

inline QString sourceDir()
{
    return QStringLiteral(SLUICE_SOURCE_DIR);
}

} // namespace sluice::workspacetest
