#include "WorkspaceItems.h"

#include "workspace/WorkspaceLoader.h"
#include "workspace/WorkspaceWriter.h"

#include <QJsonDocument>
#include <QRandomGenerator>
#include <QRegularExpression>

#include <array>

namespace sluice {

namespace {

template<typename T> QList<WorkspaceItems::Ref> refsOf(const QList<T> &list, WorkspaceItems::Kind kind)
{
    QList<WorkspaceItems::Ref> refs;
    for (int i = 0; i < list.size(); ++i)
        refs.append({kind, i, -1});
    return refs;
}

// Moves item `index` to the end; returns the JSON path of it there.
template<typename T> QString moveLast(QList<T> &list, int index, const QString &parent, const char *key)
{
    list.move(index, list.size() - 1);
    const QString listPath = parent.isEmpty() ? QLatin1String(key) : parent + QLatin1Char('.') + QLatin1String(key);
    return listPath + QLatin1Char('[') + QString::number(list.size() - 1) + QLatin1Char(']');
}

// No variable is set while checking: secrets are checked where they are read.
std::optional<QString> noEnvironment(const QString &)
{
    return std::nullopt;
}

// The reader's messages name other items by path ("first used at
// apis[0].id") in the order check() read them, with the item moved last: put
// `key[i]` back into the workspace's own order.
QString unmovePaths(QString text, const char *key, int from, int last)
{
    const QRegularExpression index(QLatin1String("\\b") + QLatin1String(key) + QLatin1String("\\[(\\d+)\\]"));
    QString result;
    qsizetype done = 0;
    for (const QRegularExpressionMatch &m : index.globalMatch(text)) {
        const int i = m.captured(1).toInt();
        const int original = i == last ? from : i >= from ? i + 1 : i;
        result += text.mid(done, m.capturedStart() - done);
        result += QLatin1String(key) + QLatin1Char('[') + QString::number(original) + QLatin1Char(']');
        done = m.capturedEnd();
    }
    return result + text.mid(done);
}

QString quoted(const QString &text)
{
    return QLatin1Char('\'') + text + QLatin1Char('\'');
}

} // namespace

QList<WorkspaceItems::Ref> WorkspaceItems::items(const Workspace &ws, Kind kind)
{
    switch (kind) {
    case Kind::Api:
        return refsOf(ws.apis, kind);
    case Kind::Operation: {
        QList<Ref> refs;
        for (int a = 0; a < ws.apis.size(); ++a) {
            for (int o = 0; o < ws.apis.at(a).operations.size(); ++o)
                refs.append({kind, a, o});
        }
        return refs;
    }
    case Kind::Product:
        return refsOf(ws.products, kind);
    case Kind::User:
        return refsOf(ws.users, kind);
    case Kind::Group:
        return refsOf(ws.groups, kind);
    case Kind::Subscription:
        return refsOf(ws.subscriptions, kind);
    }
    return {};
}

QString WorkspaceItems::id(const Workspace &ws, Ref ref)
{
    switch (ref.kind) {
    case Kind::Api:
        return ws.apis.at(ref.index).id;
    case Kind::Operation:
        return ws.apis.at(ref.index).operations.at(ref.operation).id;
    case Kind::Product:
        return ws.products.at(ref.index).id;
    case Kind::User:
        return ws.users.at(ref.index).id;
    case Kind::Group:
        return ws.groups.at(ref.index).id;
    case Kind::Subscription:
        return ws.subscriptions.at(ref.index).id;
    }
    return {};
}

QMap<QString, QString> WorkspaceItems::check(Workspace ws, Ref ref)
{
    QString path;
    const char *listKey = "";
    qsizetype listSize = 0;
    const auto move = [&](auto &list, const char *key) {
        listKey = key;
        listSize = list.size();
        path = moveLast(list, ref.index, QString(), key);
    };
    switch (ref.kind) {
    case Kind::Api:
        move(ws.apis, "apis");
        break;
    case Kind::Operation:
        move(ws.apis, "apis");
        path = moveLast(ws.apis.last().operations, ref.operation, path, "operations");
        break;
    case Kind::Product:
        move(ws.products, "products");
        break;
    case Kind::User:
        move(ws.users, "users");
        break;
    case Kind::Group:
        move(ws.groups, "groups");
        break;
    case Kind::Subscription:
        move(ws.subscriptions, "subscriptions");
        break;
    }
    QMap<QString, QString> problems;
    if (ref.kind == Kind::Group && Group::builtInIds().contains(ws.groups.last().id))
        problems.insert(QStringLiteral("id"), tr("'%1' is a built-in group.").arg(ws.groups.last().id));

    const QByteArray json = QJsonDocument(WorkspaceWriter::toJson(ws, {}, &noEnvironment)).toJson();
    const Diagnostics diagnostics = WorkspaceLoader(&noEnvironment).parse(json, ws.rootDir).diagnostics;
    for (const Diagnostic &d : diagnostics) {
        const QString &at = d.location.jsonPath;
        if (d.severity != Diagnostic::Severity::Error || !at.startsWith(path))
            continue;
        QString field = at.mid(path.size());
        if (!field.isEmpty() && !field.startsWith(QLatin1Char('.')))
            continue; // apis[1] is not apis[10]
        field = field.mid(1).section(QLatin1Char('.'), 0, 0).section(QLatin1Char('['), 0, 0);
        if (ref.kind == Kind::Api && field == QLatin1String("operations"))
            continue; // the operations' own problems
        QString message = unmovePaths(d.message, listKey, ref.index, int(listSize) - 1);
        if (ref.kind == Kind::Operation)
            message = unmovePaths(message, "operations", ref.operation, int(ws.apis.last().operations.size()) - 1);
        QString &text = problems[field];
        text = text.isEmpty() ? message : text + QLatin1Char('\n') + message;
    }
    return problems;
}

WorkspaceItems::Removal WorkspaceItems::remove(const Workspace &ws, Ref ref)
{
    Removal removal {ws, {}, {}};
    Workspace &result = removal.result;
    const QString itemId = id(ws, ref);
    // Subscriptions scoped to the item: removing it would leave them without a scope.
    const auto refuseForScopes = [&](const QString &scope, const QString &message) {
        QStringList scoped;
        for (const Subscription &sub : ws.subscriptions) {
            if (sub.scope == scope)
                scoped.append(quoted(sub.id));
        }
        if (!scoped.isEmpty())
            removal.refusal = message.arg(itemId, scoped.join(QLatin1String(", ")));
        return !scoped.isEmpty();
    };
    switch (ref.kind) {
    case Kind::Api:
        if (refuseForScopes(QLatin1String("api:") + itemId,
                            tr("API '%1' is the scope of the subscriptions %2: change their scope or remove "
                               "them first.")))
            return removal;
        for (Product &product : result.products) {
            if (product.apis.removeAll(itemId) > 0)
                removal.unlinked.append(tr("product '%1'").arg(product.id));
        }
        result.apis.removeAt(ref.index);
        break;
    case Kind::Operation:
        result.apis[ref.index].operations.removeAt(ref.operation);
        break;
    case Kind::Product:
        if (refuseForScopes(QLatin1String("product:") + itemId,
                            tr("Product '%1' is the scope of the subscriptions %2: change their scope or "
                               "remove them first.")))
            return removal;
        result.products.removeAt(ref.index);
        break;
    case Kind::User:
        for (Subscription &sub : result.subscriptions) {
            if (sub.user == itemId) {
                sub.user.clear();
                removal.unlinked.append(tr("subscription '%1'").arg(sub.id));
            }
        }
        result.users.removeAt(ref.index);
        break;
    case Kind::Group:
        if (Group::builtInIds().contains(itemId)) {
            removal.refusal = tr("'%1' is a built-in group and cannot be removed.").arg(itemId);
            return removal;
        }
        for (User &user : result.users) {
            if (user.groups.removeAll(itemId) > 0)
                removal.unlinked.append(tr("user '%1'").arg(user.id));
        }
        result.groups.removeAt(ref.index);
        break;
    case Kind::Subscription:
        result.subscriptions.removeAt(ref.index);
        break;
    }
    return removal;
}

QString WorkspaceItems::newSubscriptionKey()
{
    std::array<quint32, 4> words;
    QRandomGenerator::system()->fillRange(words.data(), words.size());
    return QString::fromLatin1(QByteArray(reinterpret_cast<const char *>(words.data()), sizeof(words)).toHex());
}

} // namespace sluice
