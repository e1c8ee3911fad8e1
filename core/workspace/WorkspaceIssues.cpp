#include "WorkspaceIssues.h"

namespace sluice {

namespace {
bool isIdentifier(const QString &key)
{
    if (key.isEmpty())
        return false;
    for (qsizetype i = 0; i < key.size(); ++i) {
        const char16_t c = key.at(i).unicode();
        const bool letter = (c >= u'a' && c <= u'z') || (c >= u'A' && c <= u'Z') || c == u'_';
        const bool digit = c >= u'0' && c <= u'9';
        if (!letter && !(digit && i > 0))
            return false;
    }
    return true;
}
} // namespace

WorkspaceIssues::WorkspaceIssues(QString file)
    : m_file(std::move(file))
{
}

void WorkspaceIssues::error(const QString &jsonPath, const QString &message)
{
    m_diagnostics.append(Diagnostic::error(locationOf(jsonPath), message));
}

void WorkspaceIssues::warning(const QString &jsonPath, const QString &message)
{
    m_diagnostics.append(Diagnostic::warning(locationOf(jsonPath), message));
}

void WorkspaceIssues::errorAt(int line, int column, const QString &message)
{
    SourceLocation location;
    location.file = m_file;
    location.line = line;
    location.column = column;
    m_diagnostics.append(Diagnostic::error(location, message));
}

QString WorkspaceIssues::key(const QString &parent, const QString &key)
{
    if (isIdentifier(key))
        return parent.isEmpty() ? key : parent + QLatin1Char('.') + key;
    QString escaped = key;
    escaped.replace(QLatin1Char('\\'), QLatin1String("\\\\"))
        .replace(QLatin1Char('"'), QLatin1String("\\\""));
    return parent + QLatin1String("[\"") + escaped + QLatin1String("\"]");
}

QString WorkspaceIssues::index(const QString &parent, qsizetype index)
{
    return parent + QLatin1Char('[') + QString::number(index) + QLatin1Char(']');
}

SourceLocation WorkspaceIssues::locationOf(const QString &jsonPath) const
{
    SourceLocation location;
    location.file = m_file;
    location.jsonPath = jsonPath;
    return location;
}

} // namespace sluice
