#include "WorkspaceLoader.h"

#include "EnvReferenceResolver.h"
#include "WorkspaceIssues.h"
#include "WorkspaceReader.h"

#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QJsonParseError>

namespace sluice {

namespace {
// 1-based line and column (in characters) of a byte offset into UTF-8 text.
std::pair<int, int> lineAndColumn(const QByteArray &data, qsizetype offset)
{
    offset = std::clamp<qsizetype>(offset, 0, data.size());
    int line = 1;
    qsizetype lineStart = 0;
    for (qsizetype i = 0; i < offset; ++i) {
        if (data.at(i) == '\n') {
            ++line;
            lineStart = i + 1;
        }
    }
    int column = 1;
    for (qsizetype i = lineStart; i < offset; ++i) {
        if ((static_cast<unsigned char>(data.at(i)) & 0xC0) != 0x80) // count code points, not bytes
            ++column;
    }
    return {line, column};
}
} // namespace

WorkspaceLoader::WorkspaceLoader(EnvLookup env)
    : m_env(std::move(env))
{
}

WorkspaceLoadResult WorkspaceLoader::loadFolder(const QString &dir) const
{
    const QString rootDir = QDir(dir).absolutePath();
    QFile file(QDir(rootDir).filePath(fileName()));
    if (!file.open(QIODevice::ReadOnly)) {
        WorkspaceLoadResult result;
        result.workspace.rootDir = rootDir;
        SourceLocation location;
        location.file = fileName();
        result.diagnostics.append(Diagnostic::error(
            location, tr("cannot read %1 in %2: %3")
                          .arg(fileName(), QDir::toNativeSeparators(rootDir), file.errorString())));
        return result;
    }
    return parse(file.readAll(), rootDir);
}

WorkspaceLoadResult WorkspaceLoader::parse(const QByteArray &json, const QString &rootDir) const
{
    WorkspaceLoadResult result;
    WorkspaceIssues issues(fileName());

    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(json, &parseError);
    if (parseError.error != QJsonParseError::NoError) {
        // Qt reports the offset just past the token it could not accept (except
        // for trailing garbage, where it points at the garbage itself).
        qsizetype offset = parseError.offset;
        if (offset > 0 && parseError.error != QJsonParseError::GarbageAtEnd)
            --offset;
        const auto [line, column] = lineAndColumn(json, offset);
        issues.errorAt(line, column, tr("invalid JSON: %1").arg(parseError.errorString()));
    } else if (!document.isObject()) {
        issues.error(QString(), tr("the top level must be a JSON object"));
    } else {
        WorkspaceReader reader(issues, EnvReferenceResolver(m_env));
        result.workspace = reader.read(document.object());
    }
    result.workspace.rootDir = rootDir;
    result.diagnostics = issues.take();
    return result;
}

WorkspaceLoader::EnvLookup WorkspaceLoader::systemEnvironment()
{
    return [](const QString &name) -> std::optional<QString> {
        const QByteArray key = name.toLocal8Bit();
        if (!qEnvironmentVariableIsSet(key.constData()))
            return std::nullopt;
        return qEnvironmentVariable(key.constData());
    };
}

} // namespace sluice
