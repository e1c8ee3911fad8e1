#include "WorkspaceWriter.h"

#include "EnvReferenceResolver.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSaveFile>

namespace sluice {

namespace {

// A resolved value written where the reader resolves ${NAME}: "${" stays literal.
QString escapeReferences(const QString &value)
{
    QString escaped = value;
    return escaped.replace(QLatin1String("${"), QLatin1String("$${"));
}

QJsonArray stringArray(const QStringList &items)
{
    QJsonArray array;
    for (const QString &item : items)
        array.append(item);
    return array;
}

template<typename T, typename F> QJsonArray arrayOf(const QList<T> &items, F toJson)
{
    QJsonArray array;
    for (const T &item : items)
        array.append(toJson(item));
    return array;
}

QJsonObject apiToJson(const Api &api)
{
    QJsonObject o {{QStringLiteral("id"), api.id},
                   {QStringLiteral("name"), api.name},
                   {QStringLiteral("path"), api.path},
                   {QStringLiteral("subscriptionRequired"), api.subscriptionRequired}};
    if (!api.serviceUrl.isEmpty())
        o.insert(QStringLiteral("serviceUrl"), api.serviceUrl);
    o.insert(QStringLiteral("operations"), arrayOf(api.operations, [](const Operation &op) {
                 return QJsonObject {{QStringLiteral("id"), op.id},
                                     {QStringLiteral("name"), op.name},
                                     {QStringLiteral("method"), op.method},
                                     {QStringLiteral("urlTemplate"), op.urlTemplate}};
             }));
    return o;
}

QJsonObject userToJson(const User &user)
{
    QJsonObject o {{QStringLiteral("id"), user.id}};
    const auto optional = [&o](const char *key, const QString &value) {
        if (!value.isEmpty())
            o.insert(QLatin1String(key), value);
    };
    optional("email", user.email);
    optional("firstName", user.firstName);
    optional("lastName", user.lastName);
    if (!user.groups.isEmpty())
        o.insert(QStringLiteral("groups"), stringArray(user.groups));
    return o;
}

// A subscription from the model. `original`: the same subscription (by id) in
// the document being replaced, or empty; a key it holds is kept as written
// while it resolves to the model's key, so `${NAME}` references survive.
QJsonObject subscriptionToJson(const Subscription &sub, const QJsonObject &original,
                               const EnvReferenceResolver &env)
{
    QJsonObject o {{QStringLiteral("id"), sub.id},
                   {QStringLiteral("name"), sub.name},
                   {QStringLiteral("scope"), sub.scope},
                   {QStringLiteral("state"), sub.state}};
    if (!sub.user.isEmpty())
        o.insert(QStringLiteral("user"), sub.user);
    for (const auto &[name, key] : {std::pair {QLatin1String("primaryKey"), &sub.primaryKey},
                                    std::pair {QLatin1String("secondaryKey"), &sub.secondaryKey}}) {
        const QJsonValue written = original.value(name);
        if (written.isString() && env.resolve(written.toString()).value == *key)
            o.insert(name, written);
        else if (!key->isEmpty())
            o.insert(name, escapeReferences(*key));
    }
    return o;
}

QJsonArray subscriptionsToJson(const QList<Subscription> &subscriptions, const QJsonValue &original,
                               const EnvReferenceResolver &env)
{
    QHash<QString, QJsonObject> originalById;
    for (const QJsonValue &value : original.toArray()) {
        const QJsonObject object = value.toObject();
        originalById.insert(object.value(QLatin1String("id")).toString(), object);
    }
    return arrayOf(subscriptions, [&](const Subscription &sub) {
        return subscriptionToJson(sub, originalById.value(sub.id), env);
    });
}

} // namespace

QJsonObject WorkspaceWriter::cacheToJson(const ExternalCache &cache)
{
    QJsonObject o {{QStringLiteral("id"), cache.id}, {QStringLiteral("useFrom"), cache.useFrom}};
    if (!cache.keychainKey.isEmpty())
        o.insert(QStringLiteral("connectionString"), QJsonObject {{QStringLiteral("keychain"), cache.keychainKey}});
    else if (!cache.connectionStringSource.isEmpty() || cache.connectionString.isEmpty())
        o.insert(QStringLiteral("connectionString"), cache.connectionStringSource);
    else // a cache made without a source: its text as it is
        o.insert(QStringLiteral("connectionString"), escapeReferences(cache.connectionString));
    if (!cache.description.isEmpty())
        o.insert(QStringLiteral("description"), cache.description);
    return o;
}

QJsonObject WorkspaceWriter::toJson(const Workspace &ws, const QJsonObject &original, const EnvLookup &env)
{
    QJsonObject root = original;
    root.insert(QStringLiteral("name"), ws.name);
    root.insert(QStringLiteral("locations"), stringArray(ws.locations));
    root.insert(QStringLiteral("caches"), arrayOf(ws.caches, &WorkspaceWriter::cacheToJson));
    root.insert(QStringLiteral("apis"), arrayOf(ws.apis, &apiToJson));
    root.insert(QStringLiteral("backends"), arrayOf(ws.backends, [](const Backend &b) {
                    QJsonObject o {{QStringLiteral("id"), b.id}, {QStringLiteral("url"), b.url}};
                    if (!b.description.isEmpty())
                        o.insert(QStringLiteral("description"), b.description);
                    return o;
                }));
    root.insert(QStringLiteral("groups"), arrayOf(ws.groups, [](const Group &g) {
                    return QJsonObject {{QStringLiteral("id"), g.id}, {QStringLiteral("name"), g.name}};
                }));
    root.insert(QStringLiteral("users"), arrayOf(ws.users, &userToJson));
    root.insert(QStringLiteral("products"), arrayOf(ws.products, [](const Product &p) {
                    return QJsonObject {{QStringLiteral("id"), p.id},
                                        {QStringLiteral("name"), p.name},
                                        {QStringLiteral("apis"), stringArray(p.apis)},
                                        {QStringLiteral("subscriptionRequired"), p.subscriptionRequired}};
                }));
    root.insert(QStringLiteral("internalCache"),
                QJsonObject {{QStringLiteral("capacityMegabytes"), ws.internalCache.capacityMegabytes},
                             {QStringLiteral("maxEntryKilobytes"), ws.internalCache.maxEntryKilobytes}});
    // Named values the model holds resolved: the original's ${ENV} references win.
    if (!original.contains(QLatin1String("namedValues"))) {
        QJsonObject values;
        for (auto it = ws.namedValues.cbegin(); it != ws.namedValues.cend(); ++it)
            values.insert(it.key(), escapeReferences(it.value()));
        root.insert(QStringLiteral("namedValues"), values);
    }
    root.insert(QStringLiteral("subscriptions"),
                subscriptionsToJson(ws.subscriptions, original.value(QLatin1String("subscriptions")),
                                    EnvReferenceResolver(env)));
    return root;
}

bool WorkspaceWriter::write(const Workspace &workspace, const QString &dir, QString *error, const EnvLookup &env)
{
    const QString path = QDir(dir).filePath(WorkspaceLoader::fileName());
    QJsonObject original;
    {
        QFile current(path);
        if (current.open(QIODevice::ReadOnly))
            original = QJsonDocument::fromJson(current.readAll()).object(); // unreadable: written afresh
    }
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly)) {
        if (error)
            *error = tr("cannot write %1: %2").arg(QDir::toNativeSeparators(path), file.errorString());
        return false;
    }
    file.write(QJsonDocument(toJson(workspace, original, env)).toJson(QJsonDocument::Indented));
    if (!file.commit()) {
        if (error)
            *error = tr("cannot save %1: %2").arg(QDir::toNativeSeparators(path), file.errorString());
        return false;
    }
    return true;
}

} // namespace sluice
