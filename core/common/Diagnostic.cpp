#include "Diagnostic.h"

namespace sluice {

QString SourceLocation::toString() const
{
    if (!jsonPath.isEmpty())
        return file.isEmpty() ? jsonPath : QStringLiteral("%1: %2").arg(file, jsonPath);
    if (line > 0)
        return QStringLiteral("%1:%2:%3").arg(file).arg(line).arg(column);
    return file;
}

QString Diagnostic::toString() const
{
    const QString kind = severity == Severity::Error ? QStringLiteral("error") : QStringLiteral("warning");
    const QString where = location.toString();
    if (where.isEmpty())
        return QStringLiteral("%1: %2").arg(kind, message);
    return QStringLiteral("%1: %2: %3").arg(where, kind, message);
}

Diagnostic Diagnostic::error(SourceLocation location, QString message)
{
    return Diagnostic{Severity::Error, std::move(location), std::move(message)};
}

Diagnostic Diagnostic::warning(SourceLocation location, QString message)
{
    return Diagnostic{Severity::Warning, std::move(location), std::move(message)};
}

bool hasErrors(const Diagnostics &diagnostics)
{
    for (const Diagnostic &d : diagnostics) {
        if (d.severity == Diagnostic::Severity::Error)
            return true;
    }
    return false;
}

} // namespace sluice
