#pragma once

#include "Workspace.h"
#include "WorkspaceLoader.h"

#include <QCoreApplication>
#include <QJsonObject>
#include <QString>

namespace sluice {

// Writes a Workspace back to workspace.json, the reader's format, so that
// read -> write -> read gives the same workspace. It updates the document it
// was read from rather than replacing it: keys it does not know (`$schema`)
// stay. Connection strings are written as their source (`${NAME}` references
// unresolved, or {"keychain": "<key>"}), never resolved. Named values are
// resolved secrets in the model, so they are kept as the original document has
// them and written from the model only when it has none. Subscriptions are
// written from the model; a key keeps the original's text (`${NAME}`) while it
// still resolves, through `env`, to the key the model holds, and is written
// from the model once the user changed or generated it.
class WorkspaceWriter
{
    Q_DECLARE_TR_FUNCTIONS(WorkspaceWriter)

public:
    using EnvLookup = WorkspaceLoader::EnvLookup;

    // `original`: the top-level object of the file being replaced (may be
    // empty); `env`: the lookup the workspace was read with.
    static QJsonObject toJson(const Workspace &workspace, const QJsonObject &original = {},
                              const EnvLookup &env = WorkspaceLoader::systemEnvironment());
    static QJsonObject cacheToJson(const ExternalCache &cache);

    // Replaces `dir`/workspace.json atomically (QSaveFile), keeping what the
    // current file holds beyond the model. False with `error` (no secret).
    static bool write(const Workspace &workspace, const QString &dir, QString *error = nullptr,
                      const EnvLookup &env = WorkspaceLoader::systemEnvironment());
};

} // namespace sluice
