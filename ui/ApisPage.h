#pragma once

#include "WorkspaceItems.h"

#include <QPointer>
#include <QWidget>

class QLabel;
class QPushButton;
class QTabWidget;
class QTableWidget;

namespace sluice {

class ItemDialog;
class WorkspaceDocument;

// The "APIs" page: a tab per kind (APIs, operations, products, users, groups,
// subscriptions), each a table with Add, Edit and Remove; a dialog per item
// whose problems, as the core's reader finds them, show inline and keep OK
// disabled. Every edit is one WorkspaceEditCommand on the document's stack.
// Removing an item others refer to unlinks them in the same edit, or is
// refused with what refers to it.
class ApisPage : public QWidget
{
    Q_OBJECT

public:
    using Kind = WorkspaceItems::Kind;

    explicit ApisPage(WorkspaceDocument *document, QWidget *parent = nullptr);
    ~ApisPage() override;

    void showKind(Kind kind);
    QTableWidget *table(Kind kind) const;
    // What the last removal of `kind` unlinked or why it was refused.
    QString notice(Kind kind) const;

    // Open the item's dialog (the dialog() while open); OK applies it.
    void addItem(Kind kind);
    void editItem(Kind kind, int row);
    void removeItem(Kind kind, int row);
    ItemDialog *dialog() const;

private:
    struct Tab
    {
        QTableWidget *table = nullptr;
        QPushButton *edit = nullptr;
        QPushButton *remove = nullptr;
        QLabel *notice = nullptr;
        QList<WorkspaceItems::Ref> rows;
    };

    QWidget *buildTab(Kind kind);
    void refresh();
    void refreshButtons(Kind kind);
    void openDialog(WorkspaceItems::Ref ref);
    int selectedRow(Kind kind) const;
    Tab &tab(Kind kind) { return m_tabs[int(kind)]; }
    const Tab &tab(Kind kind) const { return m_tabs[int(kind)]; }

    WorkspaceDocument *m_document;
    QTabWidget *m_tabWidget;
    Tab m_tabs[WorkspaceItems::kindCount];
    QPointer<ItemDialog> m_dialog;
};

} // namespace sluice
