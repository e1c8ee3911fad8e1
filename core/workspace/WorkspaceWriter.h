#pragma once

#include "Workspace.h"

#include <QCoreApplication>
#include <QJsonObject>
#include <QString>

namespace sluice {

// Writes a Workspace back to workspace.json, the reader's format, so that
// read -> write -> read gives the same workspace. It updates the document it
// was read from rather than replacing it: keys it does not know (`$schema`)
// stay. Connection strings are written as their source (`${NAME}` references
// unresolved, or {"keychain": "<key>"}), never resolved. Named values and
// subscription keys are resolved secrets in the model, so they are kept as the
// original document has them and written from the model only when it has none.
class WorkspaceWriter
{
    Q_DECLARE_TR_FUNCTIONS(WorkspaceWriter)

public:
    // `original`: the top-level object of the file being replaced (may be empty).
    static QJsonObject toJson(const Workspace &workspace, const QJsonObject &original = {});
    static QJsonObject cacheToJson(const ExternalCache &cache);

    // Replaces `dir`/workspace.json atomically (QSaveFile), keeping what the
    // current file holds beyond the model. False with `error` (no secret).
    static bool write(const Workspace &workspace, const QString &dir, QString *error = nullptr);
};

} // namespace sluice
