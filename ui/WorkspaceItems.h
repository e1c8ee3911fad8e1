#pragma once

#include "workspace/Workspace.h"

#include <QCoreApplication>
#include <QMap>
#include <QString>
#include <QStringList>

namespace sluice {

// What the APIs page edits, without widgets: the items of each kind in a
// workspace, their checks (by the core's own reader) and their removal with
// what refers to them.
class WorkspaceItems
{
    Q_DECLARE_TR_FUNCTIONS(WorkspaceItems)

public:
    enum class Kind { Api, Operation, Product, User, Group, Subscription };
    static constexpr int kindCount = 6;

    // An item: `index` in its list (for an operation, of its API), `operation`
    // in that API's operations.
    struct Ref
    {
        Kind kind = Kind::Api;
        int index = -1;
        int operation = -1;

        friend bool operator==(const Ref &, const Ref &) = default;
    };

    // Every item of `kind`, in the order of workspace.json (operations API by API).
    static QList<Ref> items(const Workspace &workspace, Kind kind);
    static QString id(const Workspace &workspace, Ref ref);

    // The problems of one item of `candidate` as WorkspaceReader reports them
    // when it reads the candidate back, by field ("id", "urlTemplate", ...).
    // The item is checked as the last of its list, so that a repeated id or
    // path is reported at the item rather than at the one it repeats.
    static QMap<QString, QString> check(Workspace candidate, Ref ref);

    struct Removal
    {
        Workspace result;      // the workspace without the item (and its references)
        QString refusal;       // set when the item cannot be removed; result is then unchanged
        QStringList unlinked;  // the items that referred to it and no longer do: "product 'starter'"
    };
    static Removal remove(const Workspace &workspace, Ref ref);

    // A fresh subscription key: 32 random hexadecimal digits, as APIM makes them.
    static QString newSubscriptionKey();
};

} // namespace sluice
