#include "RedisCluster.h"
#include "RedisServer.h"
#include "WidgetTestSupport.h"

#include "CacheTexts.h"
#include "ConnectionStringKeychain.h"
#include "ExternalCacheDialog.h"

#include "redis/RedisConnectionProbe.h"
#include "redis/RedisConnectionString.h"

#include <QApplication>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QLabel>
#include <QLineEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QSignalSpy>
#include <QStandardItemModel>
#include <QTest>
#include <QToolButton>

using namespace sluice;
using sluice::test::childNamed;
using sluice::test::closedLoopbackPort;
using sluice::test::RedisCluster;
using sluice::test::RedisServer;

// The external cache dialog: Use-from uniqueness (a served location is
// disabled and names its cache), connection string problems shown inline
// with the parser's words, Save only for a valid form, the masked field,
// where the connection string is kept (and what happens without a keychain),
// and "Test connection" against real redis-servers (plain, AUTH, TLS) and a
// closed port.

namespace {

const QString kSecret = QStringLiteral("Sup3r-S3cret-Pa55");

Workspace twoLocations()
{
    Workspace ws;
    ws.name = QStringLiteral("t");
    ws.locations = {QStringLiteral("West"), QStringLiteral("East")};
    ExternalCache def;
    def.id = QStringLiteral("redis-default");
    def.connectionStringSource = def.connectionString = QStringLiteral("127.0.0.1:6379");
    ExternalCache west;
    west.id = QStringLiteral("redis-west");
    west.useFrom = QStringLiteral("West");
    west.connectionStringSource = west.connectionString =
        QStringLiteral("west.example:6380,password=%1,ssl=True").arg(kSecret);
    ws.caches = {def, west};
    return ws;
}

template<typename T> T *child(QWidget *parent, const char *name)
{
    T *widget = parent->findChild<T *>(QLatin1String(name));
    if (!widget)
        qFatal("no child %s", name);
    return widget;
}

QPushButton *saveButton(ExternalCacheDialog &dialog)
{
    return childNamed<QDialogButtonBox>(&dialog, "buttons")->button(QDialogButtonBox::Save);
}

void chooseStorage(ExternalCacheDialog &dialog, ExternalCacheDialog::Storage storage)
{
    auto *combo = childNamed<QComboBox>(&dialog, "storageCombo");
    combo->setCurrentIndex(combo->findData(int(storage)));
}

// Every text the dialog shows, except the masked field itself.
QStringList shownTexts(QWidget *root)
{
    QStringList texts;
    for (QWidget *w : root->findChildren<QWidget *>()) {
        texts << w->toolTip() << w->accessibleName();
        if (auto *label = qobject_cast<QLabel *>(w))
            texts << label->text();
        if (auto *edit = qobject_cast<QLineEdit *>(w); edit && edit->echoMode() == QLineEdit::Normal)
            texts << edit->text();
        if (auto *combo = qobject_cast<QComboBox *>(w)) {
            for (int i = 0; i < combo->count(); ++i)
                texts << combo->itemText(i) << combo->itemData(i, Qt::ToolTipRole).toString();
        }
    }
    return texts;
}

} // namespace

class TstUiExternalCacheDialog : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void useFromUniqueness();
    void connectionStringErrors_data();
    void connectionStringErrors();
    void saveEnabledOnlyWhenValid();
    void maskedWithShowHide();
    void storageChoices();
    void noKeychainOffersFileOrVariable();
    void editKeepsReferences();
    void testConnection_data();
    void testConnection();
    void testConnectionCluster();
    void testConnectionClosedPort();
    void testConnectionWrongPassword();
    void findsLocalServer();
    void keychainProbeWithoutSessionBus();
};

void TstUiExternalCacheDialog::useFromUniqueness()
{
    const Workspace ws = twoLocations();
    ExternalCacheDialog add(ws, -1, nullptr);
    auto *combo = childNamed<QComboBox>(&add, "useFromCombo");
    auto *model = qobject_cast<QStandardItemModel *>(combo->model());
    QVERIFY(model);
    QCOMPARE(model->rowCount(), 3);
    QCOMPARE(model->item(0)->text(), QStringLiteral("Default"));
    QVERIFY(!model->item(0)->isEnabled());
    QVERIFY(model->item(0)->toolTip().contains(QLatin1String("redis-default")));
    QVERIFY(!model->item(1)->isEnabled());
    QVERIFY(model->item(1)->toolTip().contains(QLatin1String("redis-west")));
    QVERIFY(model->item(2)->isEnabled());
    QVERIFY(model->item(2)->toolTip().isEmpty());
    QCOMPARE(combo->currentText(), QStringLiteral("East")); // the first free one

    // Forcing a served location makes the form invalid.
    childNamed<QLineEdit>(&add, "cacheIdEdit")->setText(QStringLiteral("redis-east"));
    chooseStorage(add, ExternalCacheDialog::Storage::File);
    childNamed<QLineEdit>(&add, "connectionStringEdit")->setText(QStringLiteral("127.0.0.1:6380"));
    QVERIFY(saveButton(add)->isEnabled());
    combo->setCurrentIndex(1);
    QVERIFY(!saveButton(add)->isEnabled());
    QVERIFY(combo->toolTip().contains(QLatin1String("redis-west")));

    // Editing a cache: its own location is free for it.
    ExternalCacheDialog edit(ws, 1, nullptr);
    auto *editModel = qobject_cast<QStandardItemModel *>(childNamed<QComboBox>(&edit, "useFromCombo")->model());
    QVERIFY(!editModel->item(0)->isEnabled());
    QVERIFY(editModel->item(1)->isEnabled());
    QCOMPARE(childNamed<QComboBox>(&edit, "useFromCombo")->currentText(), QStringLiteral("West"));
    QVERIFY(edit.isValid());
}

void TstUiExternalCacheDialog::connectionStringErrors_data()
{
    QTest::addColumn<QString>("text");
    QTest::newRow("bad port") << QStringLiteral("cache.example:notaport");
    QTest::newRow("bad ssl") << QStringLiteral("cache.example:6380,password=%1,ssl=maybe").arg(kSecret);
    QTest::newRow("empty uri host") << QStringLiteral("rediss://");
    QTest::newRow("no endpoint") << QStringLiteral("password=%1").arg(kSecret);
}

void TstUiExternalCacheDialog::connectionStringErrors()
{
    QFETCH(QString, text);
    const RedisConnectionStringResult parsed = RedisConnectionString::parse(text);
    QVERIFY(!parsed.options);
    ExternalCacheDialog dialog(twoLocations(), -1, nullptr);
    dialog.show();
    childNamed<QLineEdit>(&dialog, "cacheIdEdit")->setText(QStringLiteral("redis-east"));
    chooseStorage(dialog, ExternalCacheDialog::Storage::File);
    auto *edit = childNamed<QLineEdit>(&dialog, "connectionStringEdit");
    edit->setFocus();
    QTest::keyClicks(edit, text);
    auto *error = childNamed<QLabel>(&dialog, "connectionStringError");
    QVERIFY(error->isVisible());
    QCOMPARE(error->text(), CacheTexts::parseProblem(parsed));
    QVERIFY(error->text().contains(parsed.error));
    QVERIFY(!saveButton(dialog)->isEnabled());
    QVERIFY(!childNamed<QPushButton>(&dialog, "testConnectionButton")->isEnabled());
    QVERIFY(!shownTexts(&dialog).join(QLatin1Char('\n')).contains(kSecret));

    // Fixed: the message goes and Save comes.
    edit->setText(QStringLiteral("cache.example:6380,password=%1,ssl=True").arg(kSecret));
    QVERIFY(!error->isVisible());
    QVERIFY(saveButton(dialog)->isEnabled());
}

void TstUiExternalCacheDialog::saveEnabledOnlyWhenValid()
{
    ExternalCacheDialog dialog(twoLocations(), -1, nullptr);
    dialog.show();
    chooseStorage(dialog, ExternalCacheDialog::Storage::File);
    QVERIFY(!saveButton(dialog)->isEnabled()); // nothing entered
    auto *id = childNamed<QLineEdit>(&dialog, "cacheIdEdit");
    auto *connection = childNamed<QLineEdit>(&dialog, "connectionStringEdit");
    connection->setText(QStringLiteral("127.0.0.1:6380"));
    QVERIFY(!saveButton(dialog)->isEnabled()); // no id
    id->setText(QStringLiteral("redis-west"));
    QVERIFY(!saveButton(dialog)->isEnabled()); // taken
    QVERIFY(childNamed<QLabel>(&dialog, "cacheIdError")->text().contains(QLatin1String("redis-west")));
    id->setText(QStringLiteral("bad id!"));
    QVERIFY(!saveButton(dialog)->isEnabled());
    id->setText(QStringLiteral("redis-east"));
    QVERIFY(saveButton(dialog)->isEnabled());
    QVERIFY(!childNamed<QLabel>(&dialog, "cacheIdError")->isVisible());
    connection->clear();
    QVERIFY(!saveButton(dialog)->isEnabled());
}

void TstUiExternalCacheDialog::maskedWithShowHide()
{
    ExternalCacheDialog dialog(twoLocations(), 1, nullptr);
    auto *edit = childNamed<QLineEdit>(&dialog, "connectionStringEdit");
    QCOMPARE(edit->echoMode(), QLineEdit::Password);
    QCOMPARE(edit->text(), twoLocations().caches.at(1).connectionStringSource);
    auto *toggle = childNamed<QToolButton>(&dialog, "showConnectionStringButton");
    toggle->click();
    QCOMPARE(edit->echoMode(), QLineEdit::Normal);
    toggle->click();
    QCOMPARE(edit->echoMode(), QLineEdit::Password);
    QVERIFY(!shownTexts(&dialog).join(QLatin1Char('\n')).contains(kSecret));
}

void TstUiExternalCacheDialog::storageChoices()
{
    ConnectionStringKeychain keychain; // never asked: availability unknown counts as usable
    ExternalCacheDialog dialog(twoLocations(), -1, &keychain);
    QCOMPARE(dialog.storage(), ExternalCacheDialog::Storage::Keychain); // the default
    childNamed<QLineEdit>(&dialog, "cacheIdEdit")->setText(QStringLiteral("redis-east"));
    const QString connection = QStringLiteral("east.example:6380,password=%1,ssl=True").arg(kSecret);
    childNamed<QLineEdit>(&dialog, "connectionStringEdit")->setText(connection);
    QVERIFY(dialog.isValid());
    ExternalCache cache = dialog.cache();
    QVERIFY(cache.keychainKey.startsWith(QLatin1String("caches/redis-east/")));
    QVERIFY(cache.connectionStringSource.isEmpty());
    QCOMPARE(cache.connectionString, connection);
    QCOMPARE(cache.useFrom, QStringLiteral("East"));

    chooseStorage(dialog, ExternalCacheDialog::Storage::File);
    cache = dialog.cache();
    QVERIFY(cache.keychainKey.isEmpty());
    QCOMPARE(cache.connectionStringSource, connection);

    chooseStorage(dialog, ExternalCacheDialog::Storage::Environment);
    QVERIFY(!childNamed<QLineEdit>(&dialog, "connectionStringEdit")->isEnabled());
    auto *variable = childNamed<QLineEdit>(&dialog, "variableEdit");
    variable->setText(QStringLiteral("1BAD"));
    QVERIFY(!dialog.isValid());
    qputenv("SLUICE_TEST_CACHE_CS", "127.0.0.1:6381");
    variable->setText(QStringLiteral("SLUICE_TEST_CACHE_CS"));
    QVERIFY(dialog.isValid());
    cache = dialog.cache();
    QCOMPARE(cache.connectionStringSource, QStringLiteral("${SLUICE_TEST_CACHE_CS}"));
    QCOMPARE(cache.connectionString, QStringLiteral("127.0.0.1:6381"));
    // Unset here, the gateway may still have it: said, but not refused.
    variable->setText(QStringLiteral("SLUICE_TEST_UNSET_VARIABLE"));
    QVERIFY(dialog.isValid());
    QVERIFY(childNamed<QLabel>(&dialog, "connectionStringError")->text().contains(QLatin1String("SLUICE_TEST_UNSET")));
}

void TstUiExternalCacheDialog::noKeychainOffersFileOrVariable()
{
    ConnectionStringKeychain keychain;
    keychain.setUnavailable(QStringLiteral("no secret service on the session bus"));
    ExternalCacheDialog dialog(twoLocations(), -1, &keychain);
    auto *storage = childNamed<QComboBox>(&dialog, "storageCombo");
    auto *model = qobject_cast<QStandardItemModel *>(storage->model());
    QVERIFY(!model->item(storage->findData(int(ExternalCacheDialog::Storage::Keychain)))->isEnabled());
    QCOMPARE(dialog.storage(), ExternalCacheDialog::Storage::Environment);
    const QString note = childNamed<QLabel>(&dialog, "storageNote")->text();
    QVERIFY(note.contains(QLatin1String("No system keychain")));
    QVERIFY(note.contains(QLatin1String("no secret service on the session bus")));

    // Without any keychain object it says the same.
    ExternalCacheDialog none(twoLocations(), -1, nullptr);
    QCOMPARE(none.storage(), ExternalCacheDialog::Storage::Environment);
    QVERIFY(childNamed<QLabel>(&none, "storageNote")->text().contains(QLatin1String("No system keychain")));
}

void TstUiExternalCacheDialog::editKeepsReferences()
{
    Workspace ws = twoLocations();
    ws.caches[0].connectionStringSource = QStringLiteral("${REDIS_CS}");
    ws.caches[1].keychainKey = QStringLiteral("caches/redis-west/abc");
    ws.caches[1].connectionStringSource.clear();
    ConnectionStringKeychain keychain;
    ExternalCacheDialog env(ws, 0, &keychain);
    QCOMPARE(env.storage(), ExternalCacheDialog::Storage::Environment);
    QCOMPARE(childNamed<QLineEdit>(&env, "variableEdit")->text(), QStringLiteral("REDIS_CS"));
    QCOMPARE(env.cache().connectionStringSource, QStringLiteral("${REDIS_CS}"));
    ExternalCacheDialog inKeychain(ws, 1, &keychain);
    QCOMPARE(inKeychain.storage(), ExternalCacheDialog::Storage::Keychain);
    QCOMPARE(inKeychain.cache().keychainKey, QStringLiteral("caches/redis-west/abc"));
    QCOMPARE(inKeychain.cache().connectionString, ws.caches[1].connectionString);
}

void TstUiExternalCacheDialog::testConnection_data()
{
    QTest::addColumn<bool>("tls");
    QTest::addColumn<QString>("password");
    QTest::newRow("plain") << false << QString();
    QTest::newRow("AUTH") << false << kSecret;
    QTest::newRow("TLS and AUTH") << true << kSecret;
}

void TstUiExternalCacheDialog::testConnection()
{
    QFETCH(bool, tls);
    QFETCH(QString, password);
    RedisServer::Options options;
    options.tls = tls;
    options.password = password;
    RedisServer server(options);
    QVERIFY2(server.start(), qPrintable(server.errorText()));
    const QByteArray version = server.cli({QStringLiteral("INFO"), QStringLiteral("server")});

    ExternalCacheDialog dialog(twoLocations(), -1, nullptr);
    dialog.show();
    chooseStorage(dialog, ExternalCacheDialog::Storage::File);
    childNamed<QLineEdit>(&dialog, "connectionStringEdit")->setText(server.connectionString());
    auto *button = childNamed<QPushButton>(&dialog, "testConnectionButton");
    auto *busy = childNamed<QProgressBar>(&dialog, "testBusyIndicator");
    auto *result = childNamed<QLabel>(&dialog, "testResultLabel");
    QVERIFY(button->isEnabled());
    button->click();
    QVERIFY(busy->isVisible());
    QVERIFY(!button->isEnabled());
    QTRY_VERIFY_WITH_TIMEOUT(!busy->isVisible(), 5000);
    const QString text = result->text();
    QVERIFY2(text.startsWith(QLatin1String("Connected: PING ")), qPrintable(text));
    QVERIFY2(text.contains(QLatin1String(" ms")), qPrintable(text));
    const qsizetype at = version.indexOf("redis_version:");
    QVERIFY(at >= 0);
    const QByteArray number = version.mid(at + 14, version.indexOf('\n', at) - at - 14).trimmed();
    QVERIFY2(text.contains(QString::fromLatin1(number)), qPrintable(text));
    QVERIFY(text.contains(tls ? QLatin1String("TLS on") : QLatin1String("TLS off")));
    QVERIFY(text.contains(QLatin1String("single node")));
    QVERIFY(button->isEnabled());
    if (!password.isEmpty())
        QVERIFY(!shownTexts(&dialog).join(QLatin1Char('\n')).contains(password));
}

void TstUiExternalCacheDialog::testConnectionCluster()
{
    RedisCluster cluster;
    QVERIFY2(cluster.start(), qPrintable(cluster.errorText()));
    ExternalCacheDialog dialog(twoLocations(), -1, nullptr);
    dialog.show();
    chooseStorage(dialog, ExternalCacheDialog::Storage::File);
    childNamed<QLineEdit>(&dialog, "connectionStringEdit")
        ->setText(QStringLiteral("127.0.0.1:%1").arg(cluster.ports().first()));
    childNamed<QPushButton>(&dialog, "testConnectionButton")->click();
    auto *result = childNamed<QLabel>(&dialog, "testResultLabel");
    QTRY_VERIFY_WITH_TIMEOUT(result->text().startsWith(QLatin1String("Conn")), 5000);
    QVERIFY2(result->text().contains(QLatin1String("cluster mode")), qPrintable(result->text()));
}

void TstUiExternalCacheDialog::testConnectionClosedPort()
{
    ExternalCacheDialog dialog(twoLocations(), -1, nullptr);
    dialog.show();
    chooseStorage(dialog, ExternalCacheDialog::Storage::File);
    const quint16 port = closedLoopbackPort();
    childNamed<QLineEdit>(&dialog, "connectionStringEdit")->setText(QStringLiteral("127.0.0.1:%1").arg(port));
    childNamed<QPushButton>(&dialog, "testConnectionButton")->click();
    auto *result = childNamed<QLabel>(&dialog, "testResultLabel");
    QTRY_VERIFY_WITH_TIMEOUT(result->text().startsWith(QLatin1String("Connection failed: ")), 5000);
    QVERIFY2(result->text().contains(QLatin1String("refused"), Qt::CaseInsensitive), qPrintable(result->text()));
}

void TstUiExternalCacheDialog::testConnectionWrongPassword()
{
    RedisServer::Options options;
    options.password = kSecret;
    RedisServer server(options);
    QVERIFY2(server.start(), qPrintable(server.errorText()));
    const QString wrong = QStringLiteral("Wr0ng-Pa55word-123");
    ExternalCacheDialog dialog(twoLocations(), -1, nullptr);
    dialog.show();
    chooseStorage(dialog, ExternalCacheDialog::Storage::File);
    childNamed<QLineEdit>(&dialog, "connectionStringEdit")
        ->setText(QStringLiteral("127.0.0.1:%1,password=%2").arg(server.port()).arg(wrong));
    childNamed<QPushButton>(&dialog, "testConnectionButton")->click();
    auto *result = childNamed<QLabel>(&dialog, "testResultLabel");
    QTRY_VERIFY_WITH_TIMEOUT(result->text().startsWith(QLatin1String("Connection failed: ")), 5000);
    QVERIFY2(result->text().contains(QLatin1String("WRONGPASS"), Qt::CaseInsensitive)
                 || result->text().contains(QLatin1String("password"), Qt::CaseInsensitive),
             qPrintable(result->text()));
    const QString shown = shownTexts(&dialog).join(QLatin1Char('\n'));
    QVERIFY(!shown.contains(wrong));
    QVERIFY(!shown.contains(kSecret));
}

void TstUiExternalCacheDialog::findsLocalServer()
{
    RedisServer server;
    QVERIFY2(server.start(), qPrintable(server.errorText()));
    ExternalCacheDialog dialog(twoLocations(), -1, nullptr);
    auto *instance = childNamed<QComboBox>(&dialog, "cacheInstanceCombo");
    QCOMPARE(instance->count(), 1);
    QCOMPARE(instance->itemText(0), QStringLiteral("Custom"));
    dialog.probeLocalServer(RedisEndpoint {server.host(), server.port()});
    QTRY_COMPARE_WITH_TIMEOUT(instance->count(), 2, 5000);
    QVERIFY(instance->itemText(1).contains(QString::number(server.port())));
    instance->setCurrentIndex(1);
    Q_EMIT instance->activated(1);
    QCOMPARE(dialog.storage(), ExternalCacheDialog::Storage::File);
    QCOMPARE(childNamed<QLineEdit>(&dialog, "connectionStringEdit")->text(),
             QStringLiteral("%1:%2").arg(server.host()).arg(server.port()));

    // Nothing listening: nothing offered.
    ExternalCacheDialog other(twoLocations(), -1, nullptr);
    other.probeLocalServer(RedisEndpoint {QStringLiteral("127.0.0.1"), closedLoopbackPort()});
    auto *probe = other.findChild<RedisConnectionProbe *>();
    QVERIFY(probe);
    QSignalSpy finished(probe, &RedisConnectionProbe::finished);
    QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, 5000);
    QCOMPARE(childNamed<QComboBox>(&other, "cacheInstanceCombo")->count(), 1);
}

void TstUiExternalCacheDialog::keychainProbeWithoutSessionBus()
{
    // No secret service reachable (as on a headless CI machine): the real
    // probe says so, and the dialog offers the file or a variable.
    qputenv("DBUS_SESSION_BUS_ADDRESS", "unix:path=/nonexistent/sluice-test-bus");
    ConnectionStringKeychain keychain;
    ExternalCacheDialog dialog(twoLocations(), -1, &keychain);
    QCOMPARE(dialog.storage(), ExternalCacheDialog::Storage::Keychain);
    keychain.probe();
    QTRY_VERIFY_WITH_TIMEOUT(keychain.availability() != ConnectionStringKeychain::Availability::Unknown, 10000);
    QCOMPARE(keychain.availability(), ConnectionStringKeychain::Availability::Unavailable);
    QCOMPARE(dialog.storage(), ExternalCacheDialog::Storage::Environment);
    QVERIFY(childNamed<QLabel>(&dialog, "storageNote")->text().contains(QLatin1String("No system keychain")));
}

QTEST_MAIN(TstUiExternalCacheDialog)
#include "tst_ui_externalcachedialog.moc"
