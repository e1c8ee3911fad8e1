#include "WorkspaceReader.h"

#include "ApiReader.h"
#include "JsonFieldReader.h"
#include "NameRegistry.h"
#include "WorkspaceIssues.h"

namespace sluice {

namespace {
const QLatin1String kId("id");
const QLatin1String kName("name");

QStringList idsOf(const auto &items)
{
    QStringList ids;
    ids.reserve(items.size());
    for (const auto &item : items)
        ids.append(item.id);
    return ids;
}

bool isValidNamedValueName(const QString &name)
{
    return JsonFieldReader::isValidId(name);
}
} // namespace

WorkspaceReader::WorkspaceReader(WorkspaceIssues &issues, EnvReferenceResolver env)
    : m_issues(issues)
    , m_env(std::move(env))
{
}

Workspace WorkspaceReader::read(const QJsonObject &root)
{
    Workspace ws;
    JsonFieldReader fields(root, QString(), m_issues);
    fields.has(QLatin1String("$schema")); // editors' schema hint: allowed, ignored
    ws.name = fields.requiredString(kName).value_or(QString());
    readLocations(fields.array(QLatin1String("locations")), fields.pathOf(QLatin1String("locations")), ws);
    if (const std::optional<QJsonObject> values = fields.object(QLatin1String("namedValues")))
        readNamedValues(*values, fields.pathOf(QLatin1String("namedValues")), ws);
    readGroups(fields.array(QLatin1String("groups")), fields.pathOf(QLatin1String("groups")), ws);
    readUsers(fields.array(QLatin1String("users")), fields.pathOf(QLatin1String("users")), ws);
    ws.apis =
        ApiReader(m_issues).read(fields.array(QLatin1String("apis")), fields.pathOf(QLatin1String("apis")));
    readBackends(fields.array(QLatin1String("backends")), fields.pathOf(QLatin1String("backends")), ws);
    readProducts(fields.array(QLatin1String("products")), fields.pathOf(QLatin1String("products")), ws);
    readSubscriptions(fields.array(QLatin1String("subscriptions")),
                      fields.pathOf(QLatin1String("subscriptions")), ws);
    readCaches(fields.array(QLatin1String("caches")), fields.pathOf(QLatin1String("caches")), ws);
    if (const std::optional<QJsonObject> cache = fields.object(QLatin1String("internalCache"))) {
        JsonFieldReader settings(*cache, fields.pathOf(QLatin1String("internalCache")), m_issues);
        ws.internalCache.capacityMegabytes =
            settings.integer(QLatin1String("capacityMegabytes"), ws.internalCache.capacityMegabytes, 1, 1024 * 1024);
        ws.internalCache.maxEntryKilobytes =
            settings.integer(QLatin1String("maxEntryKilobytes"), ws.internalCache.maxEntryKilobytes, 1, 1024 * 1024);
        settings.finish();
    }
    fields.finish();
    return ws;
}

void WorkspaceReader::readLocations(const QJsonArray &array, const QString &path, Workspace &ws)
{
    NameRegistry seen(Qt::CaseInsensitive);
    for (qsizetype i = 0; i < array.size(); ++i) {
        const QString itemPath = WorkspaceIssues::index(path, i);
        const std::optional<QString> name = JsonFieldReader::stringAt(array.at(i), itemPath, m_issues);
        if (!name)
            continue;
        if (name->trimmed().isEmpty()) {
            m_issues.error(itemPath, tr("must not be empty"));
            continue;
        }
        if (name->compare(QLatin1String("default"), Qt::CaseInsensitive) == 0) {
            m_issues.error(itemPath, tr("'Default' is implicit and must not be listed"));
            continue;
        }
        if (const std::optional<QString> first = seen.insert(*name, itemPath)) {
            m_issues.error(itemPath, tr("duplicate location '%1' (first listed at %2)").arg(*name, *first));
            continue;
        }
        ws.locations.append(*name);
    }
}

void WorkspaceReader::readCaches(const QJsonArray &array, const QString &path, Workspace &ws)
{
    NameRegistry ids;
    QHash<QString, QString> cacheByUseFrom; // folded location -> cache id
    for (qsizetype i = 0; i < array.size(); ++i) {
        const QString itemPath = WorkspaceIssues::index(path, i);
        const std::optional<QJsonObject> object = JsonFieldReader::objectAt(array.at(i), itemPath, m_issues);
        if (!object)
            continue;
        JsonFieldReader fields(*object, itemPath, m_issues);
        ExternalCache cache;
        cache.id = fields.id();
        checkUniqueId(ids, cache.id, fields.pathOf(kId));

        const QString useFromPath = fields.pathOf(QLatin1String("useFrom"));
        bool useFromKnown = true;
        if (const std::optional<QString> useFrom = fields.optionalString(QLatin1String("useFrom"))) {
            if (useFrom->compare(QLatin1String("default"), Qt::CaseInsensitive) == 0) {
                cache.useFrom = QStringLiteral("default");
            } else {
                const auto match =
                    std::find_if(ws.locations.cbegin(), ws.locations.cend(), [&](const QString &l) {
                        return l.compare(*useFrom, Qt::CaseInsensitive) == 0;
                    });
                useFromKnown = match != ws.locations.cend();
                cache.useFrom = useFromKnown ? *match : *useFrom;
                if (!useFromKnown)
                    m_issues.error(useFromPath,
                                   tr("unknown location '%1': use 'default' or a name listed in 'locations'")
                                       .arg(*useFrom));
            }
        }
        if (useFromKnown) {
            const QString folded = cache.useFrom.toCaseFolded();
            const auto other = cacheByUseFrom.constFind(folded);
            if (other != cacheByUseFrom.constEnd())
                m_issues.error(
                    useFromPath,
                    tr("location '%1' already has a cache ('%2')").arg(cache.useFrom, other.value()));
            else
                cacheByUseFrom.insert(folded, cache.id);
        }

        const QLatin1String connectionKey("connectionString");
        if (object->value(connectionKey).isObject()) {
            cache.keychainKey = readKeychainReference(*fields.object(connectionKey), fields.pathOf(connectionKey));
        } else if (const std::optional<QString> connection = fields.requiredString(connectionKey)) {
            cache.connectionStringSource = *connection;
            bool resolved = false;
            cache.connectionString = resolveSecret(*connection, fields.pathOf(connectionKey), &resolved);
            if (resolved && cache.connectionString.isEmpty())
                m_issues.error(fields.pathOf(connectionKey),
                               tr("is empty after resolving environment variables"));
        }
        cache.description = fields.optionalString(QLatin1String("description")).value_or(QString());
        fields.finish();
        ws.caches.append(std::move(cache));
    }
}

void WorkspaceReader::readNamedValues(const QJsonObject &object, const QString &path, Workspace &ws)
{
    for (auto it = object.constBegin(); it != object.constEnd(); ++it) {
        const QString name = it.key();
        const QString itemPath = WorkspaceIssues::key(path, name);
        if (name.size() > 256) {
            m_issues.error(itemPath, tr("named value name is longer than 256 characters"));
            continue;
        }
        if (!isValidNamedValueName(name)) {
            m_issues.error(
                itemPath,
                tr("invalid named value name '%1': use only letters, digits, '.', '_' and '-'").arg(name));
            continue;
        }
        const std::optional<QString> value = JsonFieldReader::stringAt(it.value(), itemPath, m_issues);
        if (!value)
            continue;
        ws.namedValues.insert(name, resolveSecret(*value, itemPath));
    }
}

void WorkspaceReader::readGroups(const QJsonArray &array, const QString &path, Workspace &ws)
{
    NameRegistry ids;
    for (qsizetype i = 0; i < array.size(); ++i) {
        const QString itemPath = WorkspaceIssues::index(path, i);
        const std::optional<QJsonObject> object = JsonFieldReader::objectAt(array.at(i), itemPath, m_issues);
        if (!object)
            continue;
        JsonFieldReader fields(*object, itemPath, m_issues);
        Group group;
        group.id = fields.id();
        checkUniqueId(ids, group.id, fields.pathOf(kId));
        group.name = fields.optionalString(kName).value_or(group.id);
        fields.finish();
        ws.groups.append(std::move(group));
    }
}

void WorkspaceReader::readUsers(const QJsonArray &array, const QString &path, Workspace &ws)
{
    const QStringList knownGroups = Group::builtInIds() + idsOf(ws.groups);
    NameRegistry ids;
    for (qsizetype i = 0; i < array.size(); ++i) {
        const QString itemPath = WorkspaceIssues::index(path, i);
        const std::optional<QJsonObject> object = JsonFieldReader::objectAt(array.at(i), itemPath, m_issues);
        if (!object)
            continue;
        JsonFieldReader fields(*object, itemPath, m_issues);
        User user;
        user.id = fields.id();
        checkUniqueId(ids, user.id, fields.pathOf(kId));
        user.email = fields.optionalString(QLatin1String("email")).value_or(QString());
        user.firstName = fields.optionalString(QLatin1String("firstName")).value_or(QString());
        user.lastName = fields.optionalString(QLatin1String("lastName")).value_or(QString());
        user.groups = readReferences(fields, QLatin1String("groups"), knownGroups, tr("unknown group '%1'"));
        fields.finish();
        ws.users.append(std::move(user));
    }
}

void WorkspaceReader::readProducts(const QJsonArray &array, const QString &path, Workspace &ws)
{
    const QStringList knownApis = idsOf(ws.apis);
    NameRegistry ids;
    for (qsizetype i = 0; i < array.size(); ++i) {
        const QString itemPath = WorkspaceIssues::index(path, i);
        const std::optional<QJsonObject> object = JsonFieldReader::objectAt(array.at(i), itemPath, m_issues);
        if (!object)
            continue;
        JsonFieldReader fields(*object, itemPath, m_issues);
        Product product;
        product.id = fields.id();
        checkUniqueId(ids, product.id, fields.pathOf(kId));
        product.name = fields.optionalString(kName).value_or(product.id);
        product.apis = readReferences(fields, QLatin1String("apis"), knownApis, tr("unknown API '%1'"));
        product.subscriptionRequired = fields.boolean(QLatin1String("subscriptionRequired"), true);
        fields.finish();
        ws.products.append(std::move(product));
    }
}

void WorkspaceReader::readSubscriptions(const QJsonArray &array, const QString &path, Workspace &ws)
{
    static const QStringList states = {QStringLiteral("active"),    QStringLiteral("suspended"),
                                       QStringLiteral("submitted"), QStringLiteral("rejected"),
                                       QStringLiteral("cancelled"), QStringLiteral("expired")};
    NameRegistry ids;
    NameRegistry keys;
    for (qsizetype i = 0; i < array.size(); ++i) {
        const QString itemPath = WorkspaceIssues::index(path, i);
        const std::optional<QJsonObject> object = JsonFieldReader::objectAt(array.at(i), itemPath, m_issues);
        if (!object)
            continue;
        JsonFieldReader fields(*object, itemPath, m_issues);
        Subscription sub;
        sub.id = fields.id();
        checkUniqueId(ids, sub.id, fields.pathOf(kId));
        sub.name = fields.optionalString(kName).value_or(sub.id);

        const QLatin1String scopeKey("scope");
        if (const std::optional<QString> scope = fields.requiredString(scopeKey)) {
            sub.scope = *scope;
            const QString target = sub.scopeTarget();
            const bool isAll = *scope == QLatin1String("all");
            const bool isProduct = scope->startsWith(QLatin1String("product:")) && !target.isEmpty();
            const bool isApi = scope->startsWith(QLatin1String("api:")) && !target.isEmpty();
            if (!isAll && !isProduct && !isApi)
                m_issues.error(
                    fields.pathOf(scopeKey),
                    tr("malformed scope '%1': expected 'all', 'product:<id>' or 'api:<id>'").arg(*scope));
            else if (isProduct && !ws.product(target))
                m_issues.error(fields.pathOf(scopeKey), tr("unknown product '%1'").arg(target));
            else if (isApi && !ws.api(target))
                m_issues.error(fields.pathOf(scopeKey), tr("unknown API '%1'").arg(target));
        }

        const QLatin1String userKey("user");
        sub.user = fields.optionalString(userKey).value_or(QString());
        if (!sub.user.isEmpty() && !ws.user(sub.user))
            m_issues.error(fields.pathOf(userKey), tr("unknown user '%1'").arg(sub.user));

        for (const QLatin1String keyName : {QLatin1String("primaryKey"), QLatin1String("secondaryKey")}) {
            const std::optional<QString> raw = fields.optionalString(keyName);
            if (!raw)
                continue;
            const QString keyPath = fields.pathOf(keyName);
            const QString key = resolveSecret(*raw, keyPath);
            if (!key.isEmpty()) {
                if (const std::optional<QString> first = keys.insert(key, keyPath))
                    m_issues.error(keyPath, tr("the same key is already used at %1").arg(*first));
            }
            (keyName == QLatin1String("primaryKey") ? sub.primaryKey : sub.secondaryKey) = key;
        }

        const QLatin1String stateKey("state");
        if (const std::optional<QString> state = fields.optionalString(stateKey)) {
            if (states.contains(*state))
                sub.state = *state;
            else
                m_issues.error(fields.pathOf(stateKey), tr("invalid state '%1': expected one of %2")
                                                            .arg(*state, states.join(QLatin1String(", "))));
        }
        fields.finish();
        ws.subscriptions.append(std::move(sub));
    }
}

void WorkspaceReader::readBackends(const QJsonArray &array, const QString &path, Workspace &ws)
{
    NameRegistry ids;
    for (qsizetype i = 0; i < array.size(); ++i) {
        const QString itemPath = WorkspaceIssues::index(path, i);
        const std::optional<QJsonObject> object = JsonFieldReader::objectAt(array.at(i), itemPath, m_issues);
        if (!object)
            continue;
        JsonFieldReader fields(*object, itemPath, m_issues);
        Backend backend;
        backend.id = fields.id();
        checkUniqueId(ids, backend.id, fields.pathOf(kId));
        const QLatin1String urlKey("url");
        if (const std::optional<QString> url = fields.requiredString(urlKey)) {
            backend.url = *url;
            if (!ApiReader::isAbsoluteHttpUrl(*url))
                m_issues.error(fields.pathOf(urlKey), tr("must be an absolute http:// or https:// URL"));
        }
        backend.description = fields.optionalString(QLatin1String("description")).value_or(QString());
        fields.finish();
        ws.backends.append(std::move(backend));
    }
}

QString WorkspaceReader::readKeychainReference(const QJsonObject &object, const QString &path)
{
    JsonFieldReader fields(object, path, m_issues);
    const QString key = fields.requiredString(QLatin1String("keychain")).value_or(QString());
    fields.finish();
    return key;
}

QString WorkspaceReader::resolveSecret(const QString &text, const QString &path, bool *ok)
{
    const EnvReferenceResolver::Result resolved = m_env.resolve(text);
    if (ok)
        *ok = resolved.ok();
    if (!resolved.syntaxError.isEmpty())
        m_issues.error(path, resolved.syntaxError);
    for (const QString &name : resolved.unsetVariables)
        m_issues.error(path, tr("environment variable '%1' is not set").arg(name));
    return resolved.value;
}

void WorkspaceReader::checkUniqueId(NameRegistry &ids, const QString &id, const QString &idPath)
{
    if (id.isEmpty())
        return;
    if (const std::optional<QString> first = ids.insert(id, idPath))
        m_issues.error(idPath, tr("duplicate id '%1' (first used at %2)").arg(id, *first));
}

QStringList WorkspaceReader::readReferences(JsonFieldReader &fields, QLatin1String key,
                                            const QStringList &known, const QString &unknownMessage)
{
    QStringList result;
    const QJsonArray array = fields.array(key);
    const QString path = fields.pathOf(key);
    for (qsizetype i = 0; i < array.size(); ++i) {
        const QString itemPath = WorkspaceIssues::index(path, i);
        const std::optional<QString> id = JsonFieldReader::stringAt(array.at(i), itemPath, m_issues);
        if (!id)
            continue;
        if (!known.contains(*id))
            m_issues.error(itemPath, unknownMessage.arg(*id));
        if (result.contains(*id))
            m_issues.warning(itemPath, tr("'%1' is listed twice").arg(*id));
        else
            result.append(*id);
    }
    return result;
}

} // namespace sluice
