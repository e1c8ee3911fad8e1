#pragma once

#include "WorkspaceItems.h"

#include <QCoreApplication>

class QWidget;

namespace sluice {

class ItemDialog;

// What the APIs page shows and asks for each kind of item: the table's
// columns, the dialog's fields, and the texts of its undoable edits.
class ItemForms
{
    Q_DECLARE_TR_FUNCTIONS(ItemForms)

public:
    using Kind = WorkspaceItems::Kind;
    using Ref = WorkspaceItems::Ref;
    enum class Edit { Add, Change, Remove };

    static QString title(Kind kind); // the tab: "APIs"
    static QStringList headers(Kind kind);
    static QStringList cells(const Workspace &workspace, Ref ref);

    // The dialog for the item at `ref`, or for a new one (ref.index < 0; for
    // an operation, ref.index may name the API it goes to). Ids are fixed
    // once made, as in APIM.
    static ItemDialog *create(const Workspace &workspace, Ref ref, QWidget *parent);
    // Puts the dialog's values into `workspace` at `ref`; a new item is
    // appended and `ref` then points at it.
    static void store(const ItemDialog &dialog, Workspace &workspace, Ref &ref);

    // "Add API echo", "Remove user bob": the text of the undo command.
    static QString editText(Edit edit, Kind kind, const QString &id);
};

} // namespace sluice
