// The console end to end: the sample workspace in MainWindow, the gateway
// started from the Gateway page, the same cacheable GET sent twice from the
// Test console to a real origin; a Cache-Status hit in the second response and
// one miss and one hit on the Dashboard.
#include "ConsoleGateway.h"
#include "DashboardModel.h"
#include "MainWindow.h"
#include "OriginServer.h"
#include "TestWorkspace.h"
#include "WorkspaceDocument.h"

#include <QComboBox>
#include <QLabel>
#include <QListWidget>
#include <QPushButton>
#include <QSpinBox>
#include <QStandardPaths>
#include <QTableWidget>
#include <QTest>
#include <QTreeWidget>

using namespace sluice;

class TestConsoleEndToEnd : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true); // QSettings of the test, not the user's
    }

    void problemsPanelListsPolicyErrorsWithTheirPlace()
    {
        MainWindow window;
        QVERIFY(window.openWorkspace(QFINDTESTDATA("data/bad-element")));
        auto *problems = window.findChild<QTreeWidget *>(QStringLiteral("problemsList"));
        QVERIFY(problems);
        QVERIFY(problems->topLevelItemCount() >= 2);
        QStringList locations;
        for (int i = 0; i < problems->topLevelItemCount(); ++i)
            locations.append(problems->topLevelItem(i)->text(1));
        QVERIFY2(locations.contains(QStringLiteral("policies/apis/echo.xml:4:9")), qPrintable(locations.join(u' ')));
        QVERIFY(
            window.findChild<QLabel *>(QStringLiteral("statusProblems"))->text().contains(QStringLiteral("errors")));

        // Starting refuses the workspace and says so; the gateway stays stopped.
        auto *gatewayPage = window.findChild<QWidget *>(QStringLiteral("gatewayPage"));
        gatewayPage->findChild<QSpinBox *>(QStringLiteral("gatewayPort"))->setValue(0);
        QTest::mouseClick(gatewayPage->findChild<QPushButton *>(QStringLiteral("gatewayStart")), Qt::LeftButton);
        QCOMPARE(window.gateway()->state(), ConsoleGateway::State::Stopped);
        QVERIFY(gatewayPage->findChild<QLabel *>(QStringLiteral("gatewayError"))
                    ->text()
                    .contains(QStringLiteral("echo.xml:4:9")));

        // A folder without workspace.json leaves the open workspace as it was.
        QVERIFY(!window.openWorkspace(QStringLiteral(SLUICE_SOURCE_DIR "/docs")));
        QVERIFY(window.document()->directory().endsWith(QStringLiteral("bad-element")));
    }

    void missThenHitFromTheTestConsole()
    {
        OriginServer origin;
        QVERIFY2(origin.listen(), qPrintable(origin.errorString()));
        TestWorkspace workspace;
        QVERIFY(workspace.copyFrom(QStringLiteral(SLUICE_SOURCE_DIR "/resources/sample-workspace"),
                                   {{"http://127.0.0.1:8090", origin.url().toString().toUtf8()}}));

        MainWindow window;
        window.show();
        QVERIFY(window.openWorkspace(workspace.path()));
        QVERIFY(window.document()->diagnostics().isEmpty());

        window.showPage(MainWindow::GatewayPageIndex);
        auto *gatewayPage = window.findChild<QWidget *>(QStringLiteral("gatewayPage"));
        QVERIFY(gatewayPage);
        gatewayPage->findChild<QSpinBox *>(QStringLiteral("gatewayPort"))->setValue(0); // any free port
        gatewayPage->findChild<QSpinBox *>(QStringLiteral("gatewayThreads"))->setValue(1);
        QTest::mouseClick(gatewayPage->findChild<QPushButton *>(QStringLiteral("gatewayStart")), Qt::LeftButton);
        QTRY_COMPARE_WITH_TIMEOUT(window.gateway()->state(), ConsoleGateway::State::Running, 5000);
        QVERIFY(gatewayPage->findChild<QLabel *>(QStringLiteral("gatewayState"))
                    ->text()
                    .contains(window.gateway()->url().toString()));

        window.showPage(MainWindow::TestConsolePageIndex);
        auto *console = window.findChild<QWidget *>(QStringLiteral("testConsolePage"));
        auto *api = console->findChild<QComboBox *>(QStringLiteral("testApi"));
        api->setCurrentIndex(api->findData(QStringLiteral("echo")));
        auto *operation = console->findChild<QComboBox *>(QStringLiteral("testOperation"));
        operation->setCurrentIndex(operation->findData(QStringLiteral("get-item")));
        auto *parameters = console->findChild<QTableWidget *>(QStringLiteral("testParameters"));
        QCOMPARE(parameters->rowCount(), 1);
        QCOMPARE(parameters->item(0, 0)->text(), QStringLiteral("id"));
        parameters->item(0, 1)->setText(QStringLiteral("42"));

        auto *send = console->findChild<QPushButton *>(QStringLiteral("testSend"));
        auto *history = console->findChild<QListWidget *>(QStringLiteral("testHistory"));
        auto *explanation = console->findChild<QLabel *>(QStringLiteral("cacheStatusExplanation"));
        QVERIFY(send->isEnabled());
        QTest::mouseClick(send, Qt::LeftButton);
        QTRY_COMPARE_WITH_TIMEOUT(history->count(), 1, 10000);
        QVERIFY2(explanation->text().startsWith(QStringLiteral("Miss:")), qPrintable(explanation->text()));
        QTRY_VERIFY_WITH_TIMEOUT(send->isEnabled(), 5000);
        QTest::mouseClick(send, Qt::LeftButton);
        QTRY_COMPARE_WITH_TIMEOUT(history->count(), 2, 10000);

        QVERIFY2(history->item(0)->data(Qt::UserRole).toString().startsWith(QStringLiteral("sluice; hit; ttl=")),
                 qPrintable(history->item(0)->text()));
        QVERIFY2(explanation->text().startsWith(QStringLiteral("Hit: served from the gateway's cache")),
                 qPrintable(explanation->text()));
        QCOMPARE(console->findChild<QLabel *>(QStringLiteral("testStatus"))->text().left(3), QStringLiteral("200"));
        QCOMPARE(origin.requestCount("/items/42"), 1);

        DashboardModel *dashboard = window.dashboard();
        QTRY_COMPARE_WITH_TIMEOUT(dashboard->totals().hits, 1.0, 5000);
        QCOMPARE(dashboard->totals().misses, 1.0);
        QCOMPARE(dashboard->totals().hitRatio(), 0.5);
        QCOMPARE(window.findChild<QLabel *>(QStringLiteral("dashboardHits"))->text(), QStringLiteral("1"));
        QCOMPARE(window.findChild<QLabel *>(QStringLiteral("dashboardMisses"))->text(), QStringLiteral("1"));

        // The log saw both requests; Stop returns at once and the gateway stops.
        QTRY_VERIFY_WITH_TIMEOUT(window.gateway()->log().since(0).size() >= 3, 2000);
        QTest::mouseClick(gatewayPage->findChild<QPushButton *>(QStringLiteral("gatewayStop")), Qt::LeftButton);
        QTRY_COMPARE_WITH_TIMEOUT(window.gateway()->state(), ConsoleGateway::State::Stopped, 5000);
    }
};

QTEST_MAIN(TestConsoleEndToEnd)
#include "tst_console_endtoend.moc"
