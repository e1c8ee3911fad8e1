#include "ApisPage.h"

#include "ItemDialog.h"
#include "ItemForms.h"
#include "WorkspaceDocument.h"
#include "WorkspaceEditCommand.h"

#include <QAction>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QTabWidget>
#include <QTableWidget>
#include <QUndoStack>
#include <QVBoxLayout>

namespace sluice {

namespace {

using Kind = WorkspaceItems::Kind;

// The object names of a kind's widgets: "apisTable", "addApiButton", ...
const char *namePart(Kind kind)
{
    switch (kind) {
    case Kind::Api:
        return "Api";
    case Kind::Operation:
        return "Operation";
    case Kind::Product:
        return "Product";
    case Kind::User:
        return "User";
    case Kind::Group:
        return "Group";
    case Kind::Subscription:
        return "Subscription";
    }
    return "";
}

QString kindObjectName(const char *prefix, Kind kind, const char *suffix)
{
    QString name = QLatin1String(prefix) + QLatin1String(namePart(kind)) + QLatin1String(suffix);
    name[0] = name.at(0).toLower();
    return name;
}

} // namespace

ApisPage::ApisPage(WorkspaceDocument *document, QWidget *parent)
    : QWidget(parent)
    , m_document(document)
    , m_tabWidget(new QTabWidget(this))
{
    m_tabWidget->setObjectName(QStringLiteral("apisTabs"));
    m_tabWidget->setAccessibleName(tr("Workspace items"));
    for (int k = 0; k < WorkspaceItems::kindCount; ++k) {
        const auto kind = static_cast<Kind>(k);
        m_tabWidget->addTab(buildTab(kind), ItemForms::title(kind));
    }
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_tabWidget);
    connect(m_document, &WorkspaceDocument::workspaceEdited, this, &ApisPage::refresh);
    connect(m_document, &WorkspaceDocument::loaded, this, [this] {
        if (m_dialog)
            m_dialog->reject(); // it was made for the workspace that is gone
        refresh();
    });
    refresh();
}

ApisPage::~ApisPage() = default;

QWidget *ApisPage::buildTab(Kind kind)
{
    auto *page = new QWidget(m_tabWidget);
    page->setObjectName(kindObjectName("", kind, "Tab"));
    Tab &t = tab(kind);
    const QStringList headers = ItemForms::headers(kind);
    t.table = new QTableWidget(0, int(headers.size()), page);
    t.table->setObjectName(kindObjectName("", kind, "sTable"));
    t.table->setAccessibleName(ItemForms::title(kind));
    t.table->setHorizontalHeaderLabels(headers);
    t.table->setSelectionBehavior(QAbstractItemView::SelectRows);
    t.table->setSelectionMode(QAbstractItemView::SingleSelection);
    t.table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    t.table->horizontalHeader()->setStretchLastSection(true);
    t.table->verticalHeader()->hide();

    auto *add = new QPushButton(tr("+ &Add"), page);
    add->setObjectName(kindObjectName("add", kind, "Button"));
    t.edit = new QPushButton(tr("&Edit"), page);
    t.edit->setObjectName(kindObjectName("edit", kind, "Button"));
    t.remove = new QPushButton(tr("&Remove"), page);
    t.remove->setObjectName(kindObjectName("remove", kind, "Button"));
    auto *buttons = new QHBoxLayout;
    for (QPushButton *b : {add, t.edit, t.remove})
        buttons->addWidget(b);
    buttons->addStretch();

    t.notice = new QLabel(page);
    t.notice->setObjectName(kindObjectName("", kind, "Notice"));
    t.notice->setWordWrap(true);
    t.notice->hide();

    auto *layout = new QVBoxLayout(page);
    if (kind == Kind::Group) {
        auto *note = new QLabel(tr("The built-in groups %1 always exist and cannot be removed.")
                                    .arg(Group::builtInIds().join(QLatin1String(", "))),
                                page);
        note->setWordWrap(true);
        layout->addWidget(note);
    }
    layout->addWidget(t.table, 1);
    layout->addLayout(buttons);
    layout->addWidget(t.notice);

    // Keyboard: Insert adds, Return edits, Delete removes the selected item.
    const auto shortcut = [page](const QKeySequence &keys, auto slot) {
        auto *action = new QAction(page);
        action->setShortcut(keys);
        action->setShortcutContext(Qt::WidgetWithChildrenShortcut);
        page->addAction(action);
        QObject::connect(action, &QAction::triggered, page, slot);
    };
    shortcut(QKeySequence(Qt::Key_Insert), [this, kind] { addItem(kind); });
    shortcut(QKeySequence(Qt::Key_Delete), [this, kind] { removeItem(kind, selectedRow(kind)); });
    connect(add, &QPushButton::clicked, this, [this, kind] { addItem(kind); });
    connect(t.edit, &QPushButton::clicked, this, [this, kind] { editItem(kind, selectedRow(kind)); });
    connect(t.remove, &QPushButton::clicked, this, [this, kind] { removeItem(kind, selectedRow(kind)); });
    connect(t.table, &QTableWidget::activated, this, [this, kind](const QModelIndex &index) {
        editItem(kind, index.row());
    });
    connect(t.table, &QTableWidget::itemSelectionChanged, this, [this, kind] { refreshButtons(kind); });
    return page;
}

void ApisPage::showKind(Kind kind)
{
    m_tabWidget->setCurrentIndex(int(kind));
}

ItemDialog *ApisPage::dialog() const
{
    return m_dialog;
}

QTableWidget *ApisPage::table(Kind kind) const
{
    return tab(kind).table;
}

QString ApisPage::notice(Kind kind) const
{
    return tab(kind).notice->text();
}

int ApisPage::selectedRow(Kind kind) const
{
    const QList<QTableWidgetItem *> selected = tab(kind).table->selectedItems();
    return selected.isEmpty() ? -1 : selected.first()->row();
}

void ApisPage::refresh()
{
    const Workspace &ws = m_document->workspace();
    for (int k = 0; k < WorkspaceItems::kindCount; ++k) {
        const auto kind = static_cast<Kind>(k);
        Tab &t = tab(kind);
        const int selected = selectedRow(kind);
        t.rows = WorkspaceItems::items(ws, kind);
        t.table->setRowCount(int(t.rows.size()));
        for (int row = 0; row < t.rows.size(); ++row) {
            const QStringList cells = ItemForms::cells(ws, t.rows.at(row));
            for (int column = 0; column < cells.size(); ++column)
                t.table->setItem(row, column, new QTableWidgetItem(cells.at(column)));
        }
        if (selected >= 0 && selected < t.table->rowCount())
            t.table->selectRow(selected);
        refreshButtons(kind);
    }
}

void ApisPage::refreshButtons(Kind kind)
{
    Tab &t = tab(kind);
    const bool any = selectedRow(kind) >= 0;
    t.edit->setEnabled(any);
    t.remove->setEnabled(any);
}

void ApisPage::addItem(Kind kind)
{
    if (!m_document->isOpen())
        return;
    if (kind == Kind::Operation && m_document->workspace().apis.isEmpty()) {
        tab(kind).notice->setText(tr("Add an API first: every operation belongs to one."));
        tab(kind).notice->show();
        return;
    }
    WorkspaceItems::Ref ref {kind, -1, -1};
    const int row = selectedRow(kind);
    if (kind == Kind::Operation && row >= 0)
        ref.index = tab(kind).rows.at(row).index; // beside the selected one
    openDialog(ref);
}

void ApisPage::editItem(Kind kind, int row)
{
    if (row >= 0 && row < tab(kind).rows.size())
        openDialog(tab(kind).rows.at(row));
}

void ApisPage::openDialog(WorkspaceItems::Ref ref)
{
    if (m_dialog)
        return;
    const Workspace base = m_document->workspace();
    m_dialog = ItemForms::create(base, ref, this);
    m_dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(m_dialog, &QDialog::finished, this, [this] { m_dialog = nullptr; }); // deleted later
    ItemDialog *dialog = m_dialog;
    const auto candidate = [dialog, base, ref](WorkspaceItems::Ref *at) {
        Workspace ws = base;
        *at = ref;
        ItemForms::store(*dialog, ws, *at);
        return ws;
    };
    m_dialog->setChecker([candidate] {
        WorkspaceItems::Ref at;
        const Workspace ws = candidate(&at);
        return at.index < 0 ? QMap<QString, QString>() : WorkspaceItems::check(ws, at);
    });
    connect(m_dialog, &QDialog::accepted, this, [this, candidate, ref] {
        WorkspaceItems::Ref at;
        Workspace ws = candidate(&at);
        if (ws == m_document->workspace())
            return; // nothing changed
        const bool isNew = ref.index < 0 || (ref.kind == Kind::Operation && ref.operation < 0);
        const QString text = ItemForms::editText(isNew ? ItemForms::Edit::Add : ItemForms::Edit::Change, ref.kind,
                                                 WorkspaceItems::id(ws, at));
        m_document->undoStack()->push(new WorkspaceEditCommand(m_document, text, std::move(ws)));
        tab(ref.kind).table->selectRow(tab(ref.kind).rows.indexOf(at));
    });
    m_dialog->open();
}

void ApisPage::removeItem(Kind kind, int row)
{
    Tab &t = tab(kind);
    if (row < 0 || row >= t.rows.size())
        return;
    const Workspace &ws = m_document->workspace();
    const WorkspaceItems::Ref ref = t.rows.at(row);
    const QString id = WorkspaceItems::id(ws, ref);
    WorkspaceItems::Removal removal = WorkspaceItems::remove(ws, ref);
    if (!removal.refusal.isEmpty()) {
        t.notice->setText(removal.refusal);
    } else {
        t.notice->setText(removal.unlinked.isEmpty()
                              ? QString()
                              : tr("Removed '%1'; it was also taken out of %2.")
                                    .arg(id, removal.unlinked.join(QLatin1String(", "))));
        m_document->undoStack()->push(new WorkspaceEditCommand(
            m_document, ItemForms::editText(ItemForms::Edit::Remove, kind, id), removal.result));
    }
    t.notice->setVisible(!t.notice->text().isEmpty());
}

} // namespace sluice
