#include "ItemForms.h"

#include "ItemDialog.h"

#include <QLineEdit>

namespace sluice {

namespace {

using Choices = QList<std::pair<QString, QString>>;

template<typename T> Choices choicesOf(const QList<T> &items)
{
    Choices choices;
    for (const T &item : items)
        choices.append({item.name.isEmpty() || item.name == item.id
                            ? item.id
                            : ItemForms::tr("%1 (%2)").arg(item.name, item.id),
                        item.id});
    return choices;
}

QString orId(const QString &name, const QString &id)
{
    return name.isEmpty() ? id : name;
}

QString yesNo(bool value)
{
    return value ? ItemForms::tr("Yes") : ItemForms::tr("No");
}

const QStringList &subscriptionStates()
{
    static const QStringList states = {QStringLiteral("active"),    QStringLiteral("suspended"),
                                       QStringLiteral("submitted"), QStringLiteral("rejected"),
                                       QStringLiteral("cancelled"), QStringLiteral("expired")};
    return states;
}

QString stateText(const QString &state)
{
    static const QHash<QString, const char *> texts = {
        {QStringLiteral("active"), QT_TRANSLATE_NOOP("ItemForms", "Active")},
        {QStringLiteral("suspended"), QT_TRANSLATE_NOOP("ItemForms", "Suspended")},
        {QStringLiteral("submitted"), QT_TRANSLATE_NOOP("ItemForms", "Submitted")},
        {QStringLiteral("rejected"), QT_TRANSLATE_NOOP("ItemForms", "Rejected")},
        {QStringLiteral("cancelled"), QT_TRANSLATE_NOOP("ItemForms", "Cancelled")},
        {QStringLiteral("expired"), QT_TRANSLATE_NOOP("ItemForms", "Expired")}};
    const char *text = texts.value(state);
    return text ? ItemForms::tr(text) : state;
}

Choices scopeChoices(const Workspace &ws)
{
    Choices choices = {{ItemForms::tr("All APIs"), QStringLiteral("all")}};
    for (const Product &product : ws.products)
        choices.append({ItemForms::tr("Product %1").arg(orId(product.name, product.id)),
                        QLatin1String("product:") + product.id});
    for (const Api &api : ws.apis)
        choices.append({ItemForms::tr("API %1").arg(orId(api.name, api.id)), QLatin1String("api:") + api.id});
    return choices;
}

QString scopeText(const Workspace &ws, const QString &scope)
{
    for (const auto &[text, value] : scopeChoices(ws)) {
        if (value == scope)
            return text;
    }
    return scope;
}

// The id field: editable for a new item only.
void addId(ItemDialog *dialog, const QString &id, bool isNew)
{
    QLineEdit *edit = dialog->addText(QStringLiteral("id"), ItemForms::tr("&Id:"), id);
    edit->setReadOnly(!isNew);
    if (isNew)
        edit->setPlaceholderText(ItemForms::tr("letters, digits, '.', '_' and '-'"));
}

template<typename T> T &slot(QList<T> &list, int &index)
{
    if (index < 0) {
        list.append(T());
        index = int(list.size()) - 1;
    }
    return list[index];
}

} // namespace

QString ItemForms::title(Kind kind)
{
    switch (kind) {
    case Kind::Api:
        return tr("APIs");
    case Kind::Operation:
        return tr("Operations");
    case Kind::Product:
        return tr("Products");
    case Kind::User:
        return tr("Users");
    case Kind::Group:
        return tr("Groups");
    case Kind::Subscription:
        return tr("Subscriptions");
    }
    return {};
}

QStringList ItemForms::headers(Kind kind)
{
    switch (kind) {
    case Kind::Api:
        return {tr("Id"), tr("Name"), tr("URL suffix"), tr("Backend service URL"), tr("Subscription required")};
    case Kind::Operation:
        return {tr("API"), tr("Id"), tr("Name"), tr("Method"), tr("URL template")};
    case Kind::Product:
        return {tr("Id"), tr("Name"), tr("APIs"), tr("Subscription required")};
    case Kind::User:
        return {tr("Id"), tr("Email"), tr("First name"), tr("Last name"), tr("Groups")};
    case Kind::Group:
        return {tr("Id"), tr("Name")};
    case Kind::Subscription:
        return {tr("Id"), tr("Name"), tr("Scope"), tr("User"), tr("State")};
    }
    return {};
}

QStringList ItemForms::cells(const Workspace &ws, Ref ref)
{
    const QString list = QStringLiteral(", ");
    switch (ref.kind) {
    case Kind::Api: {
        const Api &api = ws.apis.at(ref.index);
        return {api.id, api.name, api.path, api.serviceUrl, yesNo(api.subscriptionRequired)};
    }
    case Kind::Operation: {
        const Api &api = ws.apis.at(ref.index);
        const Operation &op = api.operations.at(ref.operation);
        return {api.id, op.id, op.name, op.method, op.urlTemplate};
    }
    case Kind::Product: {
        const Product &p = ws.products.at(ref.index);
        return {p.id, p.name, p.apis.join(list), yesNo(p.subscriptionRequired)};
    }
    case Kind::User: {
        const User &u = ws.users.at(ref.index);
        return {u.id, u.email, u.firstName, u.lastName, u.groups.join(list)};
    }
    case Kind::Group: {
        const Group &g = ws.groups.at(ref.index);
        return {g.id, g.name};
    }
    case Kind::Subscription: {
        const Subscription &s = ws.subscriptions.at(ref.index);
        return {s.id, s.name, scopeText(ws, s.scope), s.user, stateText(s.state)};
    }
    }
    return {};
}

ItemDialog *ItemForms::create(const Workspace &ws, Ref ref, QWidget *parent)
{
    const bool isNew = ref.index < 0 || (ref.kind == Kind::Operation && ref.operation < 0);
    auto *dialog = new ItemDialog(editText(isNew ? Edit::Add : Edit::Change, ref.kind,
                                           isNew ? QString() : WorkspaceItems::id(ws, ref)).trimmed(),
                                  parent);
    switch (ref.kind) {
    case Kind::Api: {
        const Api api = isNew ? Api() : ws.apis.at(ref.index);
        addId(dialog, api.id, isNew);
        dialog->addText(QStringLiteral("name"), tr("Display &name:"), api.name);
        dialog->addText(QStringLiteral("path"), tr("API URL &suffix:"), api.path);
        dialog->addText(QStringLiteral("serviceUrl"), tr("&Backend service URL:"), api.serviceUrl)
            ->setPlaceholderText(QStringLiteral("https://backend.example.com/api"));
        dialog->addCheck(QStringLiteral("subscriptionRequired"), tr("Subscription &required:"),
                         api.subscriptionRequired);
        break;
    }
    case Kind::Operation: {
        const Operation op = isNew ? Operation() : ws.apis.at(ref.index).operations.at(ref.operation);
        if (isNew)
            dialog->addChoice(QStringLiteral("api"), tr("&API:"), choicesOf(ws.apis),
                              ref.index >= 0 ? ws.apis.at(ref.index).id : QString());
        addId(dialog, op.id, isNew);
        dialog->addText(QStringLiteral("name"), tr("Display &name:"), op.name);
        dialog->addText(QStringLiteral("method"), tr("&Method:"), isNew ? QStringLiteral("GET") : op.method)
            ->setPlaceholderText(tr("GET, POST, ... or * for any"));
        dialog->addText(QStringLiteral("urlTemplate"), tr("&URL template:"), op.urlTemplate)
            ->setPlaceholderText(QStringLiteral("/items/{id}"));
        break;
    }
    case Kind::Product: {
        const Product p = isNew ? Product() : ws.products.at(ref.index);
        addId(dialog, p.id, isNew);
        dialog->addText(QStringLiteral("name"), tr("Display &name:"), p.name);
        dialog->addChecklist(QStringLiteral("apis"), tr("&APIs:"), choicesOf(ws.apis), p.apis);
        dialog->addCheck(QStringLiteral("subscriptionRequired"), tr("Subscription &required:"), p.subscriptionRequired);
        break;
    }
    case Kind::User: {
        const User u = isNew ? User() : ws.users.at(ref.index);
        addId(dialog, u.id, isNew);
        dialog->addText(QStringLiteral("email"), tr("&Email:"), u.email);
        dialog->addText(QStringLiteral("firstName"), tr("&First name:"), u.firstName);
        dialog->addText(QStringLiteral("lastName"), tr("&Last name:"), u.lastName);
        Choices groups;
        for (const QString &id : Group::builtInIds())
            groups.append({tr("%1 (built-in)").arg(id), id});
        groups += choicesOf(ws.groups);
        dialog->addChecklist(QStringLiteral("groups"), tr("&Groups:"), groups, u.groups);
        break;
    }
    case Kind::Group: {
        const Group g = isNew ? Group() : ws.groups.at(ref.index);
        addId(dialog, g.id, isNew);
        dialog->addText(QStringLiteral("name"), tr("Display &name:"), g.name);
        break;
    }
    case Kind::Subscription: {
        Subscription s = isNew ? Subscription() : ws.subscriptions.at(ref.index);
        if (isNew) {
            s.scope = QStringLiteral("all");
            s.primaryKey = WorkspaceItems::newSubscriptionKey();
            s.secondaryKey = WorkspaceItems::newSubscriptionKey();
        }
        addId(dialog, s.id, isNew);
        dialog->addText(QStringLiteral("name"), tr("Display &name:"), s.name);
        dialog->addChoice(QStringLiteral("scope"), tr("&Scope:"), scopeChoices(ws), s.scope);
        dialog->addChoice(QStringLiteral("user"), tr("&User:"), Choices {{tr("(none)"), QString()}} + [&ws] {
            Choices users;
            for (const User &u : ws.users)
                users.append({u.email.isEmpty() ? u.id : tr("%1 (%2)").arg(u.id, u.email), u.id});
            return users;
        }(), s.user);
        Choices states;
        for (const QString &state : subscriptionStates())
            states.append({stateText(state), state});
        dialog->addChoice(QStringLiteral("state"), tr("S&tate:"), states, s.state);
        dialog->addKey(QStringLiteral("primaryKey"), tr("&Primary key:"), s.primaryKey);
        dialog->addKey(QStringLiteral("secondaryKey"), tr("Se&condary key:"), s.secondaryKey);
        break;
    }
    }
    return dialog;
}

void ItemForms::store(const ItemDialog &d, Workspace &ws, Ref &ref)
{
    const auto text = [&d](const char *field) { return d.text(QLatin1String(field)); };
    const QString id = text("id");
    const QString name = text("name").isEmpty() ? id : text("name");
    switch (ref.kind) {
    case Kind::Api: {
        Api &api = slot(ws.apis, ref.index);
        api.id = id;
        api.name = name;
        api.path = text("path");
        api.serviceUrl = text("serviceUrl");
        api.subscriptionRequired = d.isChecked(QStringLiteral("subscriptionRequired"));
        break;
    }
    case Kind::Operation: {
        if (ref.operation < 0) {
            const QString apiId = d.choice(QStringLiteral("api"));
            ref.index = -1;
            for (int i = 0; i < ws.apis.size(); ++i) {
                if (ws.apis.at(i).id == apiId)
                    ref.index = i;
            }
            if (ref.index < 0)
                return; // no API to add it to
        }
        Operation &op = slot(ws.apis[ref.index].operations, ref.operation);
        op.id = id;
        op.name = name;
        op.method = text("method");
        op.urlTemplate = text("urlTemplate");
        break;
    }
    case Kind::Product: {
        Product &p = slot(ws.products, ref.index);
        p.id = id;
        p.name = name;
        p.apis = d.checkedItems(QStringLiteral("apis"));
        p.subscriptionRequired = d.isChecked(QStringLiteral("subscriptionRequired"));
        break;
    }
    case Kind::User: {
        User &u = slot(ws.users, ref.index);
        u.id = id;
        u.email = text("email");
        u.firstName = text("firstName");
        u.lastName = text("lastName");
        u.groups = d.checkedItems(QStringLiteral("groups"));
        break;
    }
    case Kind::Group: {
        Group &g = slot(ws.groups, ref.index);
        g.id = id;
        g.name = name;
        break;
    }
    case Kind::Subscription: {
        Subscription &s = slot(ws.subscriptions, ref.index);
        s.id = id;
        s.name = name;
        s.scope = d.choice(QStringLiteral("scope"));
        s.user = d.choice(QStringLiteral("user"));
        s.state = d.choice(QStringLiteral("state"));
        s.primaryKey = d.key(QStringLiteral("primaryKey"));
        s.secondaryKey = d.key(QStringLiteral("secondaryKey"));
        break;
    }
    }
}

QString ItemForms::editText(Edit edit, Kind kind, const QString &id)
{
    // By kind (as WorkspaceItems::Kind), then Add, Change, Remove.
    static const char *const texts[WorkspaceItems::kindCount][3] = {
        {QT_TR_NOOP("Add API %1"), QT_TR_NOOP("Edit API %1"), QT_TR_NOOP("Remove API %1")},
        {QT_TR_NOOP("Add operation %1"), QT_TR_NOOP("Edit operation %1"), QT_TR_NOOP("Remove operation %1")},
        {QT_TR_NOOP("Add product %1"), QT_TR_NOOP("Edit product %1"), QT_TR_NOOP("Remove product %1")},
        {QT_TR_NOOP("Add user %1"), QT_TR_NOOP("Edit user %1"), QT_TR_NOOP("Remove user %1")},
        {QT_TR_NOOP("Add group %1"), QT_TR_NOOP("Edit group %1"), QT_TR_NOOP("Remove group %1")},
        {QT_TR_NOOP("Add subscription %1"), QT_TR_NOOP("Edit subscription %1"),
         QT_TR_NOOP("Remove subscription %1")},
    };
    return tr(texts[int(kind)][int(edit)]).arg(id);
}

} // namespace sluice
