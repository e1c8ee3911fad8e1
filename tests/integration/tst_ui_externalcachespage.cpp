#include "RedisServer.h"
#include "WidgetTestSupport.h"

#include "ExternalCacheDialog.h"
#include "ExternalCachesPage.h"

#include <QApplication>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QSignalSpy>
#include <QTableWidget>
#include <QTest>
#include <QUndoStack>

using namespace sluice;
using sluice::test::childNamed;
using sluice::test::closedLoopbackPort;
using sluice::test::RedisServer;

// The External caches page: the table (id, Use from, redacted endpoint,
// status, round trip), add / edit / remove through the dialog, each an undo
// command, "Test all" against a real redis-server and a closed port,
// locations added and renamed (renaming follows into Use from), and no
// secret in anything the page shows.

namespace {

const QString kSecret = QStringLiteral("Pag3-S3cret-Pa55");

template<typename T> T *child(QWidget *parent, const char *name)
{
    T *widget = parent->findChild<T *>(QLatin1String(name));
    if (!widget)
        qFatal("no child %s", name);
    return widget;
}

QString cell(ExternalCachesPage &page, int row, int column)
{
    QTableWidgetItem *item = childNamed<QTableWidget>(&page, "cachesTable")->item(row, column);
    return item ? item->text() : QString();
}

Workspace sample(const QString &reachable)
{
    Workspace ws;
    ws.name = QStringLiteral("t");
    ws.locations = {QStringLiteral("West")};
    ExternalCache def;
    def.id = QStringLiteral("redis-default");
    def.connectionStringSource = def.connectionString = reachable;
    ExternalCache west;
    west.id = QStringLiteral("redis-west");
    west.useFrom = QStringLiteral("West");
    west.connectionStringSource = west.connectionString =
        QStringLiteral("127.0.0.1:%1,password=%2").arg(closedLoopbackPort()).arg(kSecret);
    west.description = QStringLiteral("west");
    ws.caches = {def, west};
    return ws;
}

QString everythingShown(QWidget *root)
{
    QStringList texts;
    for (QWidget *w : root->findChildren<QWidget *>()) {
        texts << w->toolTip();
        if (auto *label = qobject_cast<QLabel *>(w))
            texts << label->text();
        if (auto *edit = qobject_cast<QLineEdit *>(w); edit && edit->echoMode() == QLineEdit::Normal)
            texts << edit->text();
    }
    auto *table = childNamed<QTableWidget>(root, "cachesTable");
    for (int r = 0; r < table->rowCount(); ++r) {
        for (int c = 0; c < table->columnCount(); ++c)
            texts << table->item(r, c)->text() << table->item(r, c)->toolTip();
    }
    return texts.join(QLatin1Char('\n'));
}

} // namespace

class TstUiExternalCachesPage : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void tableContents();
    void addEditRemoveWithUndo();
    void testAll();
    void locations();

private:
    std::unique_ptr<RedisServer> m_redis;
};

void TstUiExternalCachesPage::initTestCase()
{
    m_redis = std::make_unique<RedisServer>();
    QVERIFY2(m_redis->start(), qPrintable(m_redis->errorText()));
}

void TstUiExternalCachesPage::tableContents()
{
    ExternalCachesPage page(nullptr);
    page.setWorkspace(sample(m_redis->connectionString()));
    auto *table = childNamed<QTableWidget>(&page, "cachesTable");
    QCOMPARE(table->rowCount(), 2);
    QCOMPARE(table->columnCount(), int(ExternalCachesPage::ColumnCount));
    QCOMPARE(cell(page, 0, ExternalCachesPage::IdColumn), QStringLiteral("redis-default"));
    QCOMPARE(cell(page, 0, ExternalCachesPage::UseFromColumn), QStringLiteral("Default"));
    QCOMPARE(cell(page, 1, ExternalCachesPage::UseFromColumn), QStringLiteral("West"));
    QVERIFY(cell(page, 1, ExternalCachesPage::EndpointColumn).contains(QLatin1String("127.0.0.1")));
    QVERIFY(cell(page, 1, ExternalCachesPage::EndpointColumn).contains(QLatin1String("***")));
    QCOMPARE(cell(page, 0, ExternalCachesPage::StatusColumn), QStringLiteral("Not tested"));
    QVERIFY(cell(page, 0, ExternalCachesPage::LatencyColumn).isEmpty());
    QVERIFY(childNamed<QLabel>(&page, "resolutionNote")->text().contains(QLatin1String("overrides Default")));
    QVERIFY(!everythingShown(&page).contains(kSecret));

    // A keychain reference not read yet, and an unset variable.
    Workspace ws = sample(m_redis->connectionString());
    ws.caches[0].connectionString.clear();
    ws.caches[0].connectionStringSource.clear();
    ws.caches[0].keychainKey = QStringLiteral("caches/redis-default/x");
    ws.caches[1].connectionString.clear();
    ws.caches[1].connectionStringSource = QStringLiteral("${WEST_CS}");
    page.setWorkspace(ws);
    QCOMPARE(cell(page, 0, ExternalCachesPage::EndpointColumn), QStringLiteral("(in the system keychain)"));
    QVERIFY(cell(page, 1, ExternalCachesPage::EndpointColumn).contains(QLatin1String("${WEST_CS}")));
    QCOMPARE(page.workspace(), ws);
}

void TstUiExternalCachesPage::addEditRemoveWithUndo()
{
    Workspace ws = sample(m_redis->connectionString());
    ws.locations.append(QStringLiteral("East"));
    ExternalCachesPage page(nullptr);
    QUndoStack undo;
    page.setUndoStack(&undo);
    page.setLocalServerPort(closedLoopbackPort());
    page.setWorkspace(ws);
    page.show();
    QSignalSpy edited(&page, &ExternalCachesPage::edited);

    childNamed<QPushButton>(&page, "addCacheButton")->click();
    ExternalCacheDialog *dialog = page.dialog();
    QVERIFY(dialog);
    QTRY_VERIFY(dialog->isVisible());
    childNamed<QLineEdit>(dialog, "cacheIdEdit")->setText(QStringLiteral("redis-east"));
    auto *storage = childNamed<QComboBox>(dialog, "storageCombo");
    storage->setCurrentIndex(storage->findData(int(ExternalCacheDialog::Storage::File)));
    childNamed<QLineEdit>(dialog, "connectionStringEdit")
        ->setText(QStringLiteral("127.0.0.1:6390,password=%1").arg(kSecret));
    QVERIFY(dialog->isValid());
    childNamed<QDialogButtonBox>(dialog, "buttons")->button(QDialogButtonBox::Save)->click();
    QTRY_VERIFY(!page.dialog());
    QCOMPARE(edited.count(), 1);
    QCOMPARE(page.workspace().caches.size(), 3);
    QCOMPARE(page.workspace().caches.last().useFrom, QStringLiteral("East"));
    QCOMPARE(cell(page, 2, ExternalCachesPage::IdColumn), QStringLiteral("redis-east"));
    QCOMPARE(undo.count(), 1);
    QVERIFY(!everythingShown(&page).contains(kSecret));

    // Edit the description of the second cache.
    childNamed<QTableWidget>(&page, "cachesTable")->selectRow(1);
    childNamed<QPushButton>(&page, "editCacheButton")->click();
    dialog = page.dialog();
    QVERIFY(dialog);
    QCOMPARE(childNamed<QLineEdit>(dialog, "cacheIdEdit")->text(), QStringLiteral("redis-west"));
    childNamed<QLineEdit>(dialog, "descriptionEdit")->setText(QStringLiteral("edited"));
    childNamed<QDialogButtonBox>(dialog, "buttons")->button(QDialogButtonBox::Save)->click();
    QTRY_VERIFY(!page.dialog());
    QCOMPARE(page.workspace().caches.at(1).description, QStringLiteral("edited"));
    QCOMPARE(page.workspace().caches.at(1).connectionStringSource, ws.caches.at(1).connectionStringSource);

    // Remove the first.
    childNamed<QTableWidget>(&page, "cachesTable")->selectRow(0);
    childNamed<QPushButton>(&page, "removeCacheButton")->click();
    QCOMPARE(page.workspace().caches.size(), 2);
    QCOMPARE(cell(page, 0, ExternalCachesPage::IdColumn), QStringLiteral("redis-west"));
    QCOMPARE(undo.count(), 3);
    QCOMPARE(edited.count(), 3);

    undo.undo();
    QCOMPARE(page.workspace().caches.size(), 3);
    undo.undo();
    QCOMPARE(page.workspace().caches.at(1).description, QStringLiteral("west"));
    undo.undo();
    QCOMPARE(page.workspace(), ws);
    QCOMPARE(childNamed<QTableWidget>(&page, "cachesTable")->rowCount(), 2);
    undo.redo();
    QCOMPARE(page.workspace().caches.size(), 3);
}

void TstUiExternalCachesPage::testAll()
{
    ExternalCachesPage page(nullptr);
    page.setWorkspace(sample(m_redis->connectionString()));
    QSignalSpy finished(&page, &ExternalCachesPage::testsFinished);
    childNamed<QPushButton>(&page, "testAllButton")->click();
    QVERIFY(!childNamed<QPushButton>(&page, "testAllButton")->isEnabled());
    QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, 8000);
    QCOMPARE(cell(page, 0, ExternalCachesPage::StatusColumn), QStringLiteral("Connected"));
    QVERIFY(cell(page, 0, ExternalCachesPage::LatencyColumn).endsWith(QLatin1String(" ms")));
    const QString failed = cell(page, 1, ExternalCachesPage::StatusColumn);
    QVERIFY2(failed.startsWith(QLatin1String("Error: ")), qPrintable(failed));
    QVERIFY2(failed.contains(QLatin1String("refused"), Qt::CaseInsensitive), qPrintable(failed));
    QVERIFY(cell(page, 1, ExternalCachesPage::LatencyColumn).isEmpty());
    QVERIFY(childNamed<QPushButton>(&page, "testAllButton")->isEnabled());
    QVERIFY(!everythingShown(&page).contains(kSecret));
}

void TstUiExternalCachesPage::locations()
{
    ExternalCachesPage page(nullptr);
    QUndoStack undo;
    page.setUndoStack(&undo);
    page.setWorkspace(sample(m_redis->connectionString()));
    auto *list = childNamed<QListWidget>(&page, "locationsList");
    auto *name = childNamed<QLineEdit>(&page, "newLocationEdit");
    auto *add = childNamed<QPushButton>(&page, "addLocationButton");
    QCOMPARE(list->count(), 1);
    auto *addCache = childNamed<QPushButton>(&page, "addCacheButton");
    QVERIFY(!addCache->isEnabled()); // Default and West are both served
    QVERIFY(addCache->toolTip().contains(QLatin1String("add a location")));

    name->setText(QStringLiteral("default"));
    QVERIFY(!add->isEnabled());
    name->setText(QStringLiteral("west"));
    QVERIFY(!add->isEnabled());
    QVERIFY(childNamed<QLabel>(&page, "locationError")->text().contains(QLatin1String("West")));
    name->setText(QStringLiteral("North Europe"));
    QVERIFY(add->isEnabled());
    add->click();
    QCOMPARE(page.workspace().locations, QStringList({QStringLiteral("West"), QStringLiteral("North Europe")}));
    QCOMPARE(list->count(), 2);
    QVERIFY(name->text().isEmpty());
    QVERIFY(addCache->isEnabled());

    // Renaming in the list follows into the cache's Use from.
    list->item(0)->setText(QStringLiteral("West Europe"));
    QTRY_COMPARE(page.workspace().locations.first(), QStringLiteral("West Europe"));
    QCOMPARE(page.workspace().caches.at(1).useFrom, QStringLiteral("West Europe"));
    QCOMPARE(cell(page, 1, ExternalCachesPage::UseFromColumn), QStringLiteral("West Europe"));
    // A taken name is refused and the old one stays.
    list->item(0)->setText(QStringLiteral("north europe"));
    QTRY_VERIFY(childNamed<QLabel>(&page, "locationError")->isVisibleTo(&page));
    QCOMPARE(page.workspace().locations.first(), QStringLiteral("West Europe"));
    QCOMPARE(list->item(0)->text(), QStringLiteral("West Europe"));
    QCOMPARE(undo.count(), 2);
    undo.undo();
    QCOMPARE(page.workspace().caches.at(1).useFrom, QStringLiteral("West"));
}

QTEST_MAIN(TstUiExternalCachesPage)
#include "tst_ui_externalcachespage.moc"
