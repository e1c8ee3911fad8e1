#include "ApiReader.h"

#include "JsonFieldReader.h"
#include "NameRegistry.h"
#include "UrlTemplateValidator.h"
#include "WorkspaceIssues.h"

#include <QUrl>

namespace sluice {

ApiReader::ApiReader(WorkspaceIssues &issues)
    : m_issues(issues)
{
}

QList<Api> ApiReader::read(const QJsonArray &apis, const QString &path)
{
    QList<Api> result;
    NameRegistry ids;
    QHash<QString, QString> apiIdByPath; // folded path -> id of the API using it
    for (qsizetype i = 0; i < apis.size(); ++i) {
        const QString itemPath = WorkspaceIssues::index(path, i);
        const std::optional<QJsonObject> object = JsonFieldReader::objectAt(apis.at(i), itemPath, m_issues);
        if (!object)
            continue;
        Api api = readApi(*object, itemPath);
        if (!api.id.isEmpty()) {
            if (const std::optional<QString> first =
                    ids.insert(api.id, WorkspaceIssues::key(itemPath, QStringLiteral("id"))))
                m_issues.error(WorkspaceIssues::key(itemPath, QStringLiteral("id")),
                               tr("duplicate id '%1' (first used at %2)").arg(api.id, *first));
        }
        const QString pathPath = WorkspaceIssues::key(itemPath, QStringLiteral("path"));
        const QString folded = api.path.toCaseFolded();
        const auto used = apiIdByPath.constFind(folded);
        if (used != apiIdByPath.constEnd()) {
            m_issues.error(pathPath,
                           api.path.isEmpty()
                               ? tr("the empty path is already used by API '%1'").arg(used.value())
                               : tr("path '%1' is already used by API '%2'").arg(api.path, used.value()));
        } else {
            apiIdByPath.insert(folded, api.id);
        }
        result.append(std::move(api));
    }
    return result;
}

Api ApiReader::readApi(const QJsonObject &object, const QString &path)
{
    JsonFieldReader fields(object, path, m_issues);
    Api api;
    api.id = fields.id();
    api.name = fields.optionalString(QLatin1String("name")).value_or(api.id);
    api.path = readApiPath(fields);
    if (const std::optional<QString> url = fields.optionalString(QLatin1String("serviceUrl"))) {
        if (!url->isEmpty() && !isAbsoluteHttpUrl(*url))
            m_issues.error(fields.pathOf(QLatin1String("serviceUrl")),
                           tr("must be an absolute http:// or https:// URL"));
        api.serviceUrl = *url;
    }
    api.subscriptionRequired = fields.boolean(QLatin1String("subscriptionRequired"), true);
    api.operations =
        readOperations(fields.array(QLatin1String("operations")), fields.pathOf(QLatin1String("operations")));
    fields.finish();
    return api;
}

QString ApiReader::readApiPath(JsonFieldReader &fields)
{
    const QLatin1String key("path");
    QString apiPath = fields.optionalString(key).value_or(QString());
    while (apiPath.startsWith(QLatin1Char('/')))
        apiPath.remove(0, 1);
    while (apiPath.endsWith(QLatin1Char('/')))
        apiPath.chop(1);
    for (const QChar c : std::as_const(apiPath)) {
        if (c.isSpace()) {
            m_issues.error(fields.pathOf(key), tr("whitespace is not allowed in a path"));
            break;
        }
        if (c == QLatin1Char('?') || c == QLatin1Char('#') || c == QLatin1Char('{') || c == QLatin1Char('}')
            || c == QLatin1Char('*')) {
            m_issues.error(fields.pathOf(key), tr("'%1' is not allowed in a path").arg(c));
            break;
        }
    }
    if (apiPath.contains(QLatin1String("//")))
        m_issues.error(fields.pathOf(key), tr("empty path segment ('//')"));
    return apiPath;
}

QList<Operation> ApiReader::readOperations(const QJsonArray &operations, const QString &path)
{
    QList<Operation> result;
    NameRegistry ids;
    QHash<QString, QString> operationByRoute; // "GET /items/{}" -> operation id
    for (qsizetype i = 0; i < operations.size(); ++i) {
        const QString itemPath = WorkspaceIssues::index(path, i);
        const std::optional<QJsonObject> object =
            JsonFieldReader::objectAt(operations.at(i), itemPath, m_issues);
        if (!object)
            continue;
        JsonFieldReader fields(*object, itemPath, m_issues);
        Operation operation;
        operation.id = fields.id();
        operation.name = fields.optionalString(QLatin1String("name")).value_or(operation.id);
        const std::optional<QString> method = fields.requiredString(QLatin1String("method"));
        if (method) {
            operation.method = *method;
            if (!isValidMethod(*method))
                m_issues.error(fields.pathOf(QLatin1String("method")),
                               tr("invalid method '%1': use an upper-case HTTP method such as GET, or '*'")
                                   .arg(*method));
        }
        const std::optional<QString> urlTemplate = fields.requiredString(QLatin1String("urlTemplate"));
        UrlTemplateValidator::Result check;
        if (urlTemplate) {
            operation.urlTemplate = *urlTemplate;
            check = UrlTemplateValidator::check(*urlTemplate);
            if (!check.ok())
                m_issues.error(fields.pathOf(QLatin1String("urlTemplate")), check.error);
        }
        fields.finish();

        if (!operation.id.isEmpty()) {
            const QString idPath = fields.pathOf(QLatin1String("id"));
            if (const std::optional<QString> first = ids.insert(operation.id, idPath))
                m_issues.error(idPath, tr("duplicate id '%1' (first used at %2)").arg(operation.id, *first));
        }
        if (method && urlTemplate && isValidMethod(*method) && check.ok()) {
            const QString route = *method + QLatin1Char(' ') + check.routeKey;
            const auto it = operationByRoute.constFind(route);
            if (it != operationByRoute.constEnd())
                m_issues.error(itemPath,
                               tr("duplicates operation '%1': same method and URL template").arg(it.value()));
            else
                operationByRoute.insert(route, operation.id);
        }
        result.append(std::move(operation));
    }
    return result;
}

bool ApiReader::isAbsoluteHttpUrl(const QString &url)
{
    const QUrl parsed(url, QUrl::StrictMode);
    if (!parsed.isValid() || parsed.isRelative() || parsed.host().isEmpty())
        return false;
    const QString scheme = parsed.scheme();
    return scheme == QLatin1String("http") || scheme == QLatin1String("https");
}

bool ApiReader::isValidMethod(const QString &method)
{
    if (method == QLatin1String("*"))
        return true;
    if (method.isEmpty())
        return false;
    for (const QChar c : method) {
        if (c.unicode() < u'A' || c.unicode() > u'Z')
            return false;
    }
    return true;
}

} // namespace sluice
