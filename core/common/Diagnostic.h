#pragma once

#include <QCoreApplication>
#include <QList>
#include <QString>

namespace sluice {

// Where a problem is: a file with line and column (1-based; 0 = unknown), or a
// JSON path inside a file such as `apis[0].operations[2].urlTemplate`.
struct SourceLocation
{
    QString file;     // path as the user should see it, relative to the workspace when possible
    int line = 0;
    int column = 0;
    QString jsonPath; // set for JSON documents instead of line/column

    // "file:line:col", "file: json.path" or "file".
    QString toString() const;
};

// One problem found while loading or checking. Messages are user-facing and
// translatable; they never contain a secret.
struct Diagnostic
{
    enum class Severity { Error, Warning };

    Severity severity = Severity::Error;
    SourceLocation location;
    QString message;

    // "path:line:col: error: message" (the format of `sluice-gateway --check`).
    QString toString() const;

    static Diagnostic error(SourceLocation location, QString message);
    static Diagnostic warning(SourceLocation location, QString message);
};

using Diagnostics = QList<Diagnostic>;

bool hasErrors(const Diagnostics &diagnostics);

} // namespace sluice
