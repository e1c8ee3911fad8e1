// The APIs page and the console's editing around it: add, edit and remove of
// every kind through the page's dialogs, inline problems from the core's
// reader with OK disabled, undo and redo, subscription keys, removal of what
// others refer to, the page -> save -> reload round trip through the real
// WorkspaceWriter and WorkspaceLoader, and MainWindow's Edit menu, title and
// question before unsaved changes are lost.
#include "ApisPage.h"
#include "ConsoleGateway.h"
#include "ExternalCacheDialog.h"
#include "ExternalCachesPage.h"
#include "ItemDialog.h"
#include "KeyField.h"
#include "MainWindow.h"
#include "TestWorkspace.h"
#include "WidgetTestSupport.h"
#include "WorkspaceDocument.h"

#include "workspace/UrlTemplateValidator.h"
#include "workspace/WorkspaceLoader.h"
#include "workspace/WorkspaceWriter.h"

#include <QAction>
#include <QApplication>
#include <QCheckBox>
#include <QClipboard>
#include <QComboBox>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QTableWidget>
#include <QTest>
#include <QUndoStack>

#include <memory>

using namespace sluice;
using namespace sluice::test;
using Kind = WorkspaceItems::Kind;

Q_DECLARE_METATYPE(sluice::WorkspaceItems::Kind)

namespace {

int countOf(const Workspace &ws, Kind kind)
{
    return int(WorkspaceItems::items(ws, kind).size());
}

void setText(ItemDialog *dialog, const QString &field, const QString &text)
{
    childNamed<QLineEdit>(dialog, qPrintable(field + QLatin1String("Edit")))->setText(text);
}

QString errorOf(ItemDialog *dialog, const char *field)
{
    auto *label = childNamed<QLabel>(dialog, qPrintable(QLatin1String(field) + QLatin1String("Error")));
    return label->isVisibleTo(dialog) ? label->text() : QString();
}

void checkItem(ItemDialog *dialog, const char *field, const QString &value)
{
    auto *list = childNamed<QListWidget>(dialog, qPrintable(QLatin1String(field) + QLatin1String("List")));
    for (int i = 0; i < list->count(); ++i) {
        if (list->item(i)->data(Qt::UserRole).toString() == value)
            list->item(i)->setCheckState(Qt::Checked);
    }
}

QByteArray readFile(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

} // namespace

class TestApisPage : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();

    void addEditRemoveEachKind_data();
    void addEditRemoveEachKind();
    void problemsShowInlineAndDisableOk();
    void subscriptionKeys();
    void removingWhatOthersReferTo();
    void saveAndReloadRoundTrip();
    void mainWindowEditMenuAndTitle();
    void unsavedChangesAreAskedAbout();
    void externalCachesPageEditsTheDocument();
    void gatewayGetsKeychainSecrets();

private:
    // Accepts the page's open dialog with OK, which must be enabled.
    void accept();

    std::unique_ptr<TestWorkspace> m_folder;
    std::unique_ptr<WorkspaceDocument> m_document;
    std::unique_ptr<ApisPage> m_page;
};

void TestApisPage::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true); // QSettings of the test, not the user's
}

void TestApisPage::init()
{
    m_folder = std::make_unique<TestWorkspace>();
    QVERIFY(m_folder->copyFrom(QStringLiteral(SLUICE_SOURCE_DIR "/resources/sample-workspace")));
    m_document = std::make_unique<WorkspaceDocument>();
    QVERIFY(m_document->open(m_folder->path()));
    QVERIFY(!hasErrors(m_document->diagnostics()));
    m_page = std::make_unique<ApisPage>(m_document.get());
}

void TestApisPage::cleanup()
{
    m_page.reset();
    m_document.reset();
    m_folder.reset();
}

void TestApisPage::accept()
{
    ItemDialog *dialog = m_page->dialog();
    QVERIFY(dialog);
    QVERIFY2(dialog->okButton()->isEnabled(),
             qPrintable(QStringList(dialog->problems().values()).join(QLatin1Char('\n'))));
    QTest::mouseClick(dialog->okButton(), Qt::LeftButton);
    QTRY_VERIFY(!m_page->dialog());
}

void TestApisPage::addEditRemoveEachKind_data()
{
    QTest::addColumn<Kind>("kind");
    QTest::addColumn<QVariantMap>("fields"); // text fields of the new item
    QTest::addColumn<QString>("editField");  // the one changed by Edit, shown in column 2
    QTest::newRow("api") << Kind::Api
                         << QVariantMap {{QStringLiteral("id"), QStringLiteral("orders")},
                                         {QStringLiteral("name"), QStringLiteral("Orders")},
                                         {QStringLiteral("path"), QStringLiteral("orders")},
                                         {QStringLiteral("serviceUrl"), QStringLiteral("https://orders.example.com")}}
                         << QStringLiteral("path");
    QTest::newRow("operation") << Kind::Operation
                               << QVariantMap {{QStringLiteral("id"), QStringLiteral("delete-item")},
                                               {QStringLiteral("method"), QStringLiteral("DELETE")},
                                               {QStringLiteral("urlTemplate"), QStringLiteral("/items/{id}")}}
                               << QStringLiteral("name");
    QTest::newRow("product") << Kind::Product
                             << QVariantMap {{QStringLiteral("id"), QStringLiteral("gold")},
                                             {QStringLiteral("name"), QStringLiteral("Gold")}}
                             << QStringLiteral("name");
    QTest::newRow("user") << Kind::User
                          << QVariantMap {{QStringLiteral("id"), QStringLiteral("carol")},
                                          {QStringLiteral("email"), QStringLiteral("carol@example.com")}}
                          << QStringLiteral("email");
    QTest::newRow("group") << Kind::Group
                           << QVariantMap {{QStringLiteral("id"), QStringLiteral("partners")},
                                           {QStringLiteral("name"), QStringLiteral("Partners")}}
                           << QStringLiteral("name");
    QTest::newRow("subscription") << Kind::Subscription
                                  << QVariantMap {{QStringLiteral("id"), QStringLiteral("carol-all")},
                                                  {QStringLiteral("name"), QStringLiteral("Carol")}}
                                  << QStringLiteral("name");
}

void TestApisPage::addEditRemoveEachKind()
{
    QFETCH(Kind, kind);
    QFETCH(QVariantMap, fields);
    QFETCH(QString, editField);
    QUndoStack *stack = m_document->undoStack();
    const Workspace before = m_document->workspace();
    const int count = countOf(before, kind);
    QTableWidget *table = m_page->table(kind);
    QCOMPARE(table->rowCount(), count);

    // Add: OK is disabled until the id is there.
    m_page->addItem(kind);
    QVERIFY(m_page->dialog());
    QVERIFY(!m_page->dialog()->okButton()->isEnabled());
    for (auto it = fields.cbegin(); it != fields.cend(); ++it)
        setText(m_page->dialog(), it.key(), it.value().toString());
    accept();
    QCOMPARE(countOf(m_document->workspace(), kind), count + 1);
    QCOMPARE(table->rowCount(), count + 1);
    const QString id = fields.value(QStringLiteral("id")).toString();
    const QList<WorkspaceItems::Ref> refs = WorkspaceItems::items(m_document->workspace(), kind);
    int added = -1;
    for (int i = 0; i < refs.size(); ++i) {
        if (WorkspaceItems::id(m_document->workspace(), refs.at(i)) == id)
            added = i;
    }
    QVERIFY(added >= 0);
    QVERIFY(stack->undoText().contains(id));
    QVERIFY(m_document->isModified());

    // Edit: the id is fixed, the other field changes.
    m_page->editItem(kind, added);
    QVERIFY(m_page->dialog());
    QVERIFY(childNamed<QLineEdit>(m_page->dialog(), "idEdit")->isReadOnly());
    setText(m_page->dialog(), editField, QStringLiteral("changed"));
    accept();
    QCOMPARE(stack->count(), 2);
    bool shown = false;
    for (int column = 0; column < table->columnCount(); ++column)
        shown = shown || table->item(added, column)->text() == QLatin1String("changed");
    QVERIFY(shown);

    // Remove, then undo and redo each step.
    m_page->removeItem(kind, added);
    QCOMPARE(countOf(m_document->workspace(), kind), count);
    QCOMPARE(stack->count(), 3);
    stack->undo();
    QCOMPARE(countOf(m_document->workspace(), kind), count + 1);
    QCOMPARE(table->rowCount(), count + 1);
    stack->undo();
    stack->undo();
    QVERIFY(m_document->workspace() == before);
    QVERIFY(!m_document->isModified());
    QCOMPARE(table->rowCount(), count);
    stack->redo();
    QCOMPARE(countOf(m_document->workspace(), kind), count + 1);
}

void TestApisPage::problemsShowInlineAndDisableOk()
{
    // A URL template with an unclosed parameter: the validator's own words, inline.
    m_page->addItem(Kind::Operation);
    ItemDialog *dialog = m_page->dialog();
    setText(dialog, QStringLiteral("id"), QStringLiteral("broken"));
    setText(dialog, QStringLiteral("urlTemplate"), QStringLiteral("/items/{id"));
    QCOMPARE(errorOf(dialog, "urlTemplate"), UrlTemplateValidator::check(QStringLiteral("/items/{id")).error);
    QVERIFY(!dialog->okButton()->isEnabled());
    setText(dialog, QStringLiteral("urlTemplate"), QStringLiteral("/items/{id}/{id}"));
    QVERIFY(!errorOf(dialog, "urlTemplate").isEmpty());
    QVERIFY(!dialog->okButton()->isEnabled());
    // The same method and template as get-item of the echo API.
    setText(dialog, QStringLiteral("urlTemplate"), QStringLiteral("/items/{key}"));
    QVERIFY(errorOf(dialog, "urlTemplate").isEmpty());
    QVERIFY(dialog->problems().value(QString()).contains(QLatin1String("get-item")));
    QVERIFY(!dialog->okButton()->isEnabled());
    QVERIFY(childNamed<QLabel>(dialog, "itemError")->isVisibleTo(dialog));
    setText(dialog, QStringLiteral("urlTemplate"), QStringLiteral("/items/{id}/parts"));
    setText(dialog, QStringLiteral("method"), QStringLiteral("get"));
    QVERIFY(!errorOf(dialog, "method").isEmpty());
    setText(dialog, QStringLiteral("method"), QStringLiteral("GET"));
    QVERIFY(dialog->okButton()->isEnabled());
    // An operation id the API has already.
    setText(dialog, QStringLiteral("id"), QStringLiteral("list"));
    QVERIFY(errorOf(dialog, "id").contains(QLatin1String("duplicate id 'list'")));
    QVERIFY(!dialog->okButton()->isEnabled());
    dialog->reject();
    QTRY_VERIFY(!m_page->dialog());

    // A duplicate API id, bad characters, a bad backend URL, a path in use.
    m_page->addItem(Kind::Api);
    dialog = m_page->dialog();
    setText(dialog, QStringLiteral("id"), QStringLiteral("echo"));
    QVERIFY(errorOf(dialog, "id").contains(QLatin1String("duplicate id 'echo'")));
    setText(dialog, QStringLiteral("id"), QStringLiteral("my api"));
    QVERIFY(errorOf(dialog, "id").contains(QLatin1String("invalid id")));
    setText(dialog, QStringLiteral("id"), QStringLiteral(".."));
    QVERIFY(!errorOf(dialog, "id").isEmpty());
    setText(dialog, QStringLiteral("id"), QStringLiteral("orders"));
    QVERIFY(errorOf(dialog, "id").isEmpty());
    setText(dialog, QStringLiteral("path"), QStringLiteral("orders"));
    setText(dialog, QStringLiteral("serviceUrl"), QStringLiteral("ftp://files.example.com"));
    QVERIFY(errorOf(dialog, "serviceUrl").contains(QLatin1String("http://")));
    QVERIFY(!dialog->okButton()->isEnabled());
    setText(dialog, QStringLiteral("serviceUrl"), QStringLiteral("https://orders.example.com"));
    setText(dialog, QStringLiteral("path"), QStringLiteral("echo"));
    QVERIFY(errorOf(dialog, "path").contains(QLatin1String("echo")));
    QVERIFY(!dialog->okButton()->isEnabled());
    setText(dialog, QStringLiteral("path"), QStringLiteral("orders"));
    QVERIFY(dialog->okButton()->isEnabled());
    dialog->reject();
    QTRY_VERIFY(!m_page->dialog());

    // Editing an API to repeat another's path is caught as well (it is the earlier one).
    m_page->editItem(Kind::Api, 0);
    setText(m_page->dialog(), QStringLiteral("path"), QStringLiteral("mock"));
    QVERIFY(!errorOf(m_page->dialog(), "path").isEmpty());
    QVERIFY(!m_page->dialog()->okButton()->isEnabled());
    m_page->dialog()->reject();
    QTRY_VERIFY(!m_page->dialog());

    // A built-in group id is not a new group.
    m_page->addItem(Kind::Group);
    setText(m_page->dialog(), QStringLiteral("id"), QStringLiteral("developers"));
    QVERIFY(!errorOf(m_page->dialog(), "id").isEmpty());
    QVERIFY(!m_page->dialog()->okButton()->isEnabled());
    m_page->dialog()->reject();
    QTRY_VERIFY(!m_page->dialog());
    QCOMPARE(m_document->undoStack()->count(), 0);
}

void TestApisPage::subscriptionKeys()
{
    m_page->addItem(Kind::Subscription);
    ItemDialog *dialog = m_page->dialog();
    auto *primary = childNamed<QLineEdit>(dialog, "primaryKeyEdit");
    auto *secondary = childNamed<QLineEdit>(dialog, "secondaryKeyEdit");
    const QRegularExpression hex(QStringLiteral("^[0-9a-f]{32}$"));
    QVERIFY2(hex.match(primary->text()).hasMatch(), qPrintable(primary->text()));
    QVERIFY(hex.match(secondary->text()).hasMatch());
    QVERIFY(primary->text() != secondary->text());
    // Masked, shown on request.
    QCOMPARE(primary->echoMode(), QLineEdit::Password);
    QTest::mouseClick(childNamed<QWidget>(dialog, "primaryKeyShow"), Qt::LeftButton);
    QCOMPARE(primary->echoMode(), QLineEdit::Normal);
    QCOMPARE(secondary->echoMode(), QLineEdit::Password);
    QTest::mouseClick(childNamed<QWidget>(dialog, "primaryKeyShow"), Qt::LeftButton);
    QCOMPARE(primary->echoMode(), QLineEdit::Password);
    // Copied to the clipboard.
    QTest::mouseClick(childNamed<QWidget>(dialog, "secondaryKeyCopy"), Qt::LeftButton);
    QCOMPARE(QApplication::clipboard()->text(), secondary->text());
    // Regenerated.
    const QString old = primary->text();
    QTest::mouseClick(childNamed<QWidget>(dialog, "primaryKeyRegenerate"), Qt::LeftButton);
    QVERIFY(hex.match(primary->text()).hasMatch());
    QVERIFY(primary->text() != old);
    // A key another subscription uses is refused.
    setText(dialog, QStringLiteral("id"), QStringLiteral("bob-mock"));
    primary->setText(m_document->workspace().subscriptions.first().primaryKey);
    QVERIFY(errorOf(dialog, "primaryKey").contains(QLatin1String("same key")));
    QVERIFY(errorOf(dialog, "primaryKey").contains(QLatin1String("subscriptions[0].primaryKey")));
    QVERIFY(!dialog->okButton()->isEnabled());
    QTest::mouseClick(childNamed<QWidget>(dialog, "primaryKeyRegenerate"), Qt::LeftButton);
    auto *scope = childNamed<QComboBox>(dialog, "scopeChoice");
    scope->setCurrentIndex(scope->findData(QStringLiteral("api:mock")));
    auto *user = childNamed<QComboBox>(dialog, "userChoice");
    user->setCurrentIndex(user->findData(QStringLiteral("bob")));
    const QString key = primary->text();
    accept();
    const Subscription &added = m_document->workspace().subscriptions.last();
    QCOMPARE(added.id, QStringLiteral("bob-mock"));
    QCOMPARE(added.scope, QStringLiteral("api:mock"));
    QCOMPARE(added.user, QStringLiteral("bob"));
    QCOMPARE(added.primaryKey, key);
    QCOMPARE(added.state, QStringLiteral("active"));

    // The message names the other subscription by its place in workspace.json.
    m_page->editItem(Kind::Subscription, 0);
    childNamed<QLineEdit>(m_page->dialog(), "secondaryKeyEdit")
        ->setText(m_document->workspace().subscriptions.at(1).primaryKey);
    QVERIFY2(errorOf(m_page->dialog(), "secondaryKey").contains(QLatin1String("subscriptions[1].primaryKey")),
             qPrintable(errorOf(m_page->dialog(), "secondaryKey")));
    m_page->dialog()->reject();

    // Editing: the keys come back masked; a regenerated key is one undoable edit.
    m_page->editItem(Kind::Subscription, 2);
    QCOMPARE(childNamed<QLineEdit>(m_page->dialog(), "primaryKeyEdit")->text(), key);
    QCOMPARE(childNamed<QLineEdit>(m_page->dialog(), "primaryKeyEdit")->echoMode(), QLineEdit::Password);
    QTest::mouseClick(childNamed<QWidget>(m_page->dialog(), "primaryKeyRegenerate"), Qt::LeftButton);
    accept();
    QVERIFY(m_document->workspace().subscriptions.last().primaryKey != key);
    m_document->undoStack()->undo();
    QCOMPARE(m_document->workspace().subscriptions.last().primaryKey, key);
}

void TestApisPage::removingWhatOthersReferTo()
{
    QUndoStack *stack = m_document->undoStack();
    const Workspace before = m_document->workspace();

    // The echo API is in both products: removed from them in the same edit.
    m_page->removeItem(Kind::Api, 0);
    const Workspace &ws = m_document->workspace();
    QVERIFY(!ws.api(QStringLiteral("echo")));
    QCOMPARE(ws.product(QStringLiteral("starter"))->apis, QStringList());
    QCOMPARE(ws.product(QStringLiteral("unlimited"))->apis, QStringList {QStringLiteral("mock")});
    QVERIFY(m_page->notice(Kind::Api).contains(QLatin1String("product 'starter'")));
    QVERIFY(m_page->notice(Kind::Api).contains(QLatin1String("product 'unlimited'")));
    QCOMPARE(stack->count(), 1);
    stack->undo();
    QVERIFY(m_document->workspace() == before);

    // A product that a subscription is scoped to is not removed; the notice names it.
    m_page->removeItem(Kind::Product, 0);
    QVERIFY(m_document->workspace().product(QStringLiteral("starter")));
    QVERIFY(m_page->notice(Kind::Product).contains(QLatin1String("alice-starter")));
    QCOMPARE(stack->index(), 0); // nothing pushed: the undone removal can still be redone
    QVERIFY(stack->canRedo());
    // Nor an API that one is scoped to.
    Workspace scoped = before;
    scoped.subscriptions[1].scope = QStringLiteral("api:mock");
    m_document->setWorkspace(scoped);
    m_page->removeItem(Kind::Api, 1);
    QVERIFY(m_document->workspace().api(QStringLiteral("mock")));
    QVERIFY(m_page->notice(Kind::Api).contains(QLatin1String("all-access")));
    m_document->setWorkspace(before);

    // A user's subscriptions lose their user.
    m_page->removeItem(Kind::User, 0);
    QVERIFY(!m_document->workspace().user(QStringLiteral("alice")));
    QVERIFY(m_document->workspace().subscriptions.first().user.isEmpty());
    QVERIFY(m_page->notice(Kind::User).contains(QLatin1String("alice-starter")));
    stack->undo();
    QCOMPARE(m_document->workspace().subscriptions.first().user, QStringLiteral("alice"));

    // A group's users lose it; built-in groups are never in the list to remove.
    m_page->addItem(Kind::Group);
    setText(m_page->dialog(), QStringLiteral("id"), QStringLiteral("partners"));
    accept();
    m_page->editItem(Kind::User, 1);
    checkItem(m_page->dialog(), "groups", QStringLiteral("partners"));
    accept();
    QCOMPARE(m_document->workspace().user(QStringLiteral("bob"))->groups, QStringList {QStringLiteral("partners")});
    m_page->removeItem(Kind::Group, 0);
    QVERIFY(m_document->workspace().groups.isEmpty());
    QVERIFY(m_document->workspace().user(QStringLiteral("bob"))->groups.isEmpty());
    QVERIFY(m_page->notice(Kind::Group).contains(QLatin1String("user 'bob'")));
    stack->undo();
    QCOMPARE(m_document->workspace().user(QStringLiteral("bob"))->groups, QStringList {QStringLiteral("partners")});
    Workspace builtIn = m_document->workspace();
    builtIn.groups.append(Group {QStringLiteral("developers"), QStringLiteral("Developers")});
    m_document->setWorkspace(builtIn);
    m_page->removeItem(Kind::Group, 1);
    QCOMPARE(m_document->workspace().groups.size(), 2);
    QVERIFY(m_page->notice(Kind::Group).contains(QLatin1String("built-in")));
}

void TestApisPage::saveAndReloadRoundTrip()
{
    m_page->addItem(Kind::Api);
    setText(m_page->dialog(), QStringLiteral("id"), QStringLiteral("orders"));
    setText(m_page->dialog(), QStringLiteral("path"), QStringLiteral("shop/orders"));
    setText(m_page->dialog(), QStringLiteral("serviceUrl"), QStringLiteral("https://orders.example.com/v1"));
    childNamed<QCheckBox>(m_page->dialog(), "subscriptionRequiredCheck")->setChecked(false);
    accept();
    m_page->addItem(Kind::Operation);
    auto *api = childNamed<QComboBox>(m_page->dialog(), "apiChoice");
    api->setCurrentIndex(api->findData(QStringLiteral("orders")));
    setText(m_page->dialog(), QStringLiteral("id"), QStringLiteral("get-order"));
    setText(m_page->dialog(), QStringLiteral("urlTemplate"), QStringLiteral("/orders/{orderId}"));
    accept();
    m_page->addItem(Kind::Product);
    setText(m_page->dialog(), QStringLiteral("id"), QStringLiteral("shop"));
    checkItem(m_page->dialog(), "apis", QStringLiteral("orders"));
    accept();
    m_page->addItem(Kind::Group);
    setText(m_page->dialog(), QStringLiteral("id"), QStringLiteral("partners"));
    accept();
    m_page->addItem(Kind::User);
    setText(m_page->dialog(), QStringLiteral("id"), QStringLiteral("carol"));
    setText(m_page->dialog(), QStringLiteral("lastName"), QStringLiteral("Durand"));
    checkItem(m_page->dialog(), "groups", QStringLiteral("partners"));
    checkItem(m_page->dialog(), "groups", QStringLiteral("guests"));
    accept();
    m_page->addItem(Kind::Subscription);
    setText(m_page->dialog(), QStringLiteral("id"), QStringLiteral("carol-shop"));
    auto *scope = childNamed<QComboBox>(m_page->dialog(), "scopeChoice");
    scope->setCurrentIndex(scope->findData(QStringLiteral("product:shop")));
    auto *user = childNamed<QComboBox>(m_page->dialog(), "userChoice");
    user->setCurrentIndex(user->findData(QStringLiteral("carol")));
    auto *state = childNamed<QComboBox>(m_page->dialog(), "stateChoice");
    state->setCurrentIndex(state->findData(QStringLiteral("suspended")));
    const QString key = childNamed<QLineEdit>(m_page->dialog(), "primaryKeyEdit")->text();
    accept();
    m_page->removeItem(Kind::Operation, 3); // echo's "any"

    const Workspace edited = m_document->workspace();
    QString error;
    QVERIFY2(m_document->save(&error), qPrintable(error));
    QVERIFY(!m_document->isModified());
    QVERIFY(readFile(m_folder->path() + QStringLiteral("/workspace.json")).contains(key.toLatin1()));

    const WorkspaceLoadResult reread = WorkspaceLoader().loadFolder(m_folder->path());
    QVERIFY(reread.ok());
    QCOMPARE(reread.workspace.apis, edited.apis);
    QCOMPARE(reread.workspace.products, edited.products);
    QCOMPARE(reread.workspace.groups, edited.groups);
    QCOMPARE(reread.workspace.users, edited.users);
    QCOMPARE(reread.workspace.subscriptions, edited.subscriptions);
    QVERIFY(reread.workspace == m_document->workspace());
    QCOMPARE(m_document->errorCount(), 0);
    // The page shows what was read back.
    QCOMPARE(m_page->table(Kind::Subscription)->rowCount(), 3);
    QCOMPARE(m_page->table(Kind::Operation)->rowCount(), 5);
}

void TestApisPage::mainWindowEditMenuAndTitle()
{
    MainWindow window;
    QVERIFY(window.openWorkspace(m_folder->path()));
    QVERIFY(window.windowTitle().contains(QLatin1String("Sluice sample")));
    QVERIFY(!window.isWindowModified());
    auto *save = childNamed<QAction>(&window, "saveAction");
    auto *undo = childNamed<QAction>(&window, "undoAction");
    auto *redo = childNamed<QAction>(&window, "redoAction");
    QVERIFY(!save->isEnabled());
    QVERIFY(!undo->isEnabled());
    QCOMPARE(save->shortcut(), QKeySequence(QKeySequence::Save));
    QCOMPARE(undo->shortcut(), QKeySequence(QKeySequence::Undo));

    auto *page = childNamed<ApisPage>(&window, "apisPage");
    page->addItem(Kind::Group);
    setText(page->dialog(), QStringLiteral("id"), QStringLiteral("partners"));
    QTest::mouseClick(page->dialog()->okButton(), Qt::LeftButton);
    QTRY_VERIFY(!page->dialog());
    QVERIFY(window.isWindowModified());
    QVERIFY(save->isEnabled());
    QVERIFY(undo->isEnabled());
    QVERIFY2(undo->text().contains(QLatin1String("Add group partners")), qPrintable(undo->text()));

    undo->trigger();
    QVERIFY(window.document()->workspace().groups.isEmpty());
    QVERIFY(!window.isWindowModified());
    QVERIFY(!save->isEnabled());
    QVERIFY(redo->isEnabled());
    redo->trigger();
    QCOMPARE(window.document()->workspace().groups.size(), 1);
    save->trigger();
    QVERIFY(!window.isWindowModified());
    QVERIFY(readFile(m_folder->path() + QStringLiteral("/workspace.json")).contains("partners"));
}

void TestApisPage::unsavedChangesAreAskedAbout()
{
    MainWindow window;
    QVERIFY(window.openWorkspace(m_folder->path()));
    window.show();
    int asked = 0;
    MainWindow::UnsavedChoice answer = MainWindow::UnsavedChoice::Cancel;
    window.setUnsavedChangesPrompt([&] {
        ++asked;
        return answer;
    });
    // Nothing unsaved: nobody is asked.
    QVERIFY(window.openWorkspace(m_folder->path()));
    QCOMPARE(asked, 0);

    auto *page = childNamed<ApisPage>(&window, "apisPage");
    page->removeItem(Kind::Subscription, 1);
    QVERIFY(window.document()->isModified());

    // Cancel keeps the window, the workspace and the edit.
    QVERIFY(!window.close());
    QCOMPARE(asked, 1);
    QVERIFY(window.isVisible());
    QVERIFY(!window.openWorkspace(m_folder->path()));
    QCOMPARE(asked, 2);
    QVERIFY(window.document()->isModified());
    QCOMPARE(window.document()->workspace().subscriptions.size(), 1);

    // Discard: the workspace opens again as it is on disk.
    answer = MainWindow::UnsavedChoice::Discard;
    QVERIFY(window.openWorkspace(m_folder->path()));
    QCOMPARE(asked, 3);
    QCOMPARE(window.document()->workspace().subscriptions.size(), 2);
    QVERIFY(!window.document()->isModified());

    // Save, then close.
    page->removeItem(Kind::Subscription, 1);
    answer = MainWindow::UnsavedChoice::Save;
    QVERIFY(window.close());
    QCOMPARE(asked, 4);
    QVERIFY(!readFile(m_folder->path() + QStringLiteral("/workspace.json")).contains("all-access"));
}

void TestApisPage::externalCachesPageEditsTheDocument()
{
    MainWindow window;
    QVERIFY(window.openWorkspace(m_folder->path()));
    auto *caches = childNamed<ExternalCachesPage>(&window, "cachesPage");
    QCOMPARE(caches->workspace().locations, window.document()->workspace().locations);
    caches->addLocation(QStringLiteral("North"));
    QVERIFY(window.document()->workspace().locations.contains(QStringLiteral("North")));
    QVERIFY(window.document()->isModified());
    QVERIFY(window.document()->undoStack()->undoText().contains(QLatin1String("North")));
    window.document()->undoStack()->undo();
    QVERIFY(!window.document()->workspace().locations.contains(QStringLiteral("North")));
    QVERIFY(!window.document()->isModified());
    window.document()->undoStack()->redo();
    QString error;
    QVERIFY2(window.document()->save(&error), qPrintable(error));
    QVERIFY(readFile(m_folder->path() + QStringLiteral("/workspace.json")).contains("North"));
    QVERIFY(caches->workspace().locations.contains(QStringLiteral("North")));
}

void TestApisPage::gatewayGetsKeychainSecrets()
{
    // A cache kept in the keychain: the gateway starts only with its secret.
    Workspace ws = m_document->workspace();
    ExternalCache cache;
    cache.id = QStringLiteral("redis-main");
    cache.keychainKey = QStringLiteral("caches/redis-main/1");
    ws.caches = {cache};
    QString error;
    QVERIFY(WorkspaceWriter::write(ws, m_folder->path(), &error));
    ConsoleGateway gateway;
    ConsoleGatewaySettings settings;
    settings.port = 0;
    settings.threads = 1;
    QVERIFY(!gateway.start(m_folder->path(), settings, &error));
    QVERIFY2(error.contains(QLatin1String("keychain")), qPrintable(error));
    gateway.setKeychainSecrets(
        {{cache.keychainKey, QStringLiteral("127.0.0.1:%1").arg(closedLoopbackPort())}});
    QVERIFY2(gateway.start(m_folder->path(), settings, &error), qPrintable(error));
    QCOMPARE(gateway.state(), ConsoleGateway::State::Running);
    gateway.stop();
    QTRY_COMPARE(gateway.state(), ConsoleGateway::State::Stopped);
}

QTEST_MAIN(TestApisPage)
#include "tst_ui_apispage.moc"
