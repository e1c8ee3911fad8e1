#include "Workspace.h"

namespace sluice {

namespace {
template<typename T>
const T *findById(const QList<T> &items, const QString &id)
{
    for (const T &item : items) {
        if (item.id == id)
            return &item;
    }
    return nullptr;
}
} // namespace

const Operation *Api::operation(const QString &operationId) const
{
    return findById(operations, operationId);
}

QStringList Group::builtInIds()
{
    return {QStringLiteral("administrators"), QStringLiteral("developers"), QStringLiteral("guests")};
}

Subscription::ScopeKind Subscription::scopeKind() const
{
    if (scope.startsWith(QLatin1String("product:")))
        return ScopeKind::Product;
    if (scope.startsWith(QLatin1String("api:")))
        return ScopeKind::Api;
    return ScopeKind::All;
}

QString Subscription::scopeTarget() const
{
    const qsizetype colon = scope.indexOf(QLatin1Char(':'));
    return colon < 0 ? QString() : scope.mid(colon + 1);
}

const Api *Workspace::api(const QString &id) const { return findById(apis, id); }
const Product *Workspace::product(const QString &id) const { return findById(products, id); }
const User *Workspace::user(const QString &id) const { return findById(users, id); }
const Backend *Workspace::backend(const QString &id) const { return findById(backends, id); }

QList<const Product *> Workspace::productsOf(const QString &apiId) const
{
    QList<const Product *> result;
    for (const Product &p : products) {
        if (p.apis.contains(apiId))
            result.append(&p);
    }
    return result;
}

const ExternalCache *Workspace::cacheFor(const QString &location) const
{
    const ExternalCache *fallback = nullptr;
    for (const ExternalCache &c : caches) {
        if (c.useFrom.compare(location, Qt::CaseInsensitive) == 0
            && location.compare(QLatin1String("default"), Qt::CaseInsensitive) != 0)
            return &c;
        if (c.useFrom.compare(QLatin1String("default"), Qt::CaseInsensitive) == 0)
            fallback = &c;
    }
    return fallback;
}

} // namespace sluice
