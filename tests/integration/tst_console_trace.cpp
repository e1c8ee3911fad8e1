// The console's Trace tab and hot reload: MainWindow on a workspace, the
// gateway started from the Gateway page, requests from the Test console to a
// real origin; the policy steps of the last response in the Trace tab, and a
// save that changes (or breaks) a policy of the running gateway.
#include "ConsoleGateway.h"
#include "MainWindow.h"
#include "OriginServer.h"
#include "TestWorkspace.h"
#include "WorkspaceDocument.h"

#include <QCheckBox>
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

namespace {

const QString EchoPolicy = QStringLiteral("policies/apis/echo.xml");

QTreeWidgetItem *stepNamed(const QTreeWidget *tree, const QString &policy)
{
    const QList<QTreeWidgetItem *> found = tree->findItems(policy, Qt::MatchExactly | Qt::MatchRecursive, 2);
    return found.isEmpty() ? nullptr : found.constFirst();
}

QString responseHeader(const QTableWidget *table, const QString &name)
{
    for (int row = 0; row < table->rowCount(); ++row) {
        if (table->item(row, 0)->text().compare(name, Qt::CaseInsensitive) == 0)
            return table->item(row, 1)->text();
    }
    return {};
}

} // namespace

class TestConsoleTrace : public QObject
{
    Q_OBJECT

private:
    OriginServer m_origin;
    TestWorkspace m_workspace;
    std::unique_ptr<MainWindow> m_window;
    QWidget *m_console = nullptr;

    // Sends the prepared request once and waits for its answer.
    bool sendOnce()
    {
        auto *send = m_console->findChild<QPushButton *>(QStringLiteral("testSend"));
        auto *history = m_console->findChild<QListWidget *>(QStringLiteral("testHistory"));
        const int before = history->count();
        if (!QTest::qWaitFor([send] { return send->isEnabled(); }, 5000))
            return false;
        QTest::mouseClick(send, Qt::LeftButton);
        return QTest::qWaitFor([history, before] { return history->count() == before + 1; }, 10'000);
    }

    void setItem(const QString &id)
    {
        auto *parameters = m_console->findChild<QTableWidget *>(QStringLiteral("testParameters"));
        parameters->item(0, 1)->setText(id);
    }

    QString xPolicy() const
    {
        return responseHeader(m_console->findChild<QTableWidget *>(QStringLiteral("testResponseHeaders")),
                              QStringLiteral("X-Policy"));
    }

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true); // QSettings of the test, not the user's
        QVERIFY2(m_origin.listen(), qPrintable(m_origin.errorString()));
        QVERIFY(m_workspace.copyFrom(QStringLiteral(SLUICE_SOURCE_DIR "/tests/integration/data/trace-reload"),
                                     {{"ORIGIN", m_origin.url().toString().toUtf8()}}));
        m_window = std::make_unique<MainWindow>();
        m_window->show();
        QVERIFY(m_window->openWorkspace(m_workspace.path()));

        m_window->showPage(MainWindow::GatewayPageIndex);
        auto *gatewayPage = m_window->findChild<QWidget *>(QStringLiteral("gatewayPage"));
        gatewayPage->findChild<QSpinBox *>(QStringLiteral("gatewayPort"))->setValue(0);
        gatewayPage->findChild<QSpinBox *>(QStringLiteral("gatewayThreads"))->setValue(1);
        QTest::mouseClick(gatewayPage->findChild<QPushButton *>(QStringLiteral("gatewayStart")), Qt::LeftButton);
        QTRY_COMPARE_WITH_TIMEOUT(m_window->gateway()->state(), ConsoleGateway::State::Running, 5000);

        m_window->showPage(MainWindow::TestConsolePageIndex);
        m_console = m_window->findChild<QWidget *>(QStringLiteral("testConsolePage"));
        QVERIFY(m_console);
        auto *api = m_console->findChild<QComboBox *>(QStringLiteral("testApi"));
        api->setCurrentIndex(api->findData(QStringLiteral("echo")));
        auto *operation = m_console->findChild<QComboBox *>(QStringLiteral("testOperation"));
        operation->setCurrentIndex(operation->findData(QStringLiteral("get-item")));
    }

    void cleanupTestCase() { m_window.reset(); }

    // A miss then a hit: the Trace tab lists the steps of the last response
    // with their scope, section and what the cache lookup decided.
    void traceTabShowsTheSteps()
    {
        setItem(QStringLiteral("7"));
        auto *trace = m_console->findChild<QCheckBox *>(QStringLiteral("testTrace"));
        QVERIFY(trace->isChecked()); // on by default
        auto *steps = m_console->findChild<QTreeWidget *>(QStringLiteral("traceSteps"));
        QVERIFY(sendOnce());
        QTreeWidgetItem *lookup = stepNamed(steps, QStringLiteral("cache-lookup"));
        QVERIFY(lookup);
        QCOMPARE(lookup->text(0), QStringLiteral("api"));
        QCOMPARE(lookup->text(1), QStringLiteral("inbound"));
        QVERIFY2(lookup->text(4).contains(QLatin1String("outcome=miss")), qPrintable(lookup->text(4)));
        QVERIFY(lookup->text(4).contains(QLatin1String("store=internal")));
        QVERIFY(lookup->toolTip(2).startsWith(QLatin1String("policies/apis/echo.xml:")));
        QVERIFY(stepNamed(steps, QStringLiteral("forward-request")));

        QVERIFY(sendOnce());
        lookup = stepNamed(steps, QStringLiteral("cache-lookup"));
        QVERIFY(lookup);
        QVERIFY2(lookup->text(4).contains(QLatin1String("outcome=hit")), qPrintable(lookup->text(4)));
        QVERIFY(lookup->text(4).contains(QLatin1String("ttl=")));
        QVERIFY(!stepNamed(steps, QStringLiteral("forward-request")));
        QTreeWidgetItem *variable = stepNamed(steps, QStringLiteral("set-variable"));
        QVERIFY(variable);
        QCOMPARE(variable->text(0), QStringLiteral("global"));

        // Unchecked: the request is not traced and the tab says so.
        trace->setChecked(false);
        QVERIFY(sendOnce());
        QCOMPARE(steps->topLevelItemCount(), 0);
        QVERIFY(!m_console->findChild<QLabel *>(QStringLiteral("traceSummary"))->text().isEmpty());
        trace->setChecked(true);
    }

    // Saving applies the change to the running gateway; a save that breaks
    // the policy is refused there and the previous policy keeps answering.
    void saveReloadsTheRunningGateway()
    {
        setItem(QStringLiteral("8"));
        QVERIFY(sendOnce());
        QCOMPARE(xPolicy(), QStringLiteral("v1"));
        auto *outcome = m_window->findChild<QLabel *>(QStringLiteral("gatewayReloadOutcome"));
        QVERIFY(outcome);

        WorkspaceDocument *document = m_window->document();
        QByteArray policy = document->policyText(EchoPolicy);
        QVERIFY(policy.contains("<value>v1</value>"));
        document->setPolicyText(EchoPolicy, QByteArray(policy).replace("v1", "v2"));
        QString error;
        QVERIFY2(document->save(&error), qPrintable(error));
        QTRY_VERIFY_WITH_TIMEOUT(outcome->text().contains(QLatin1String("reloaded")), 10'000);
        QVERIFY(sendOnce());
        QCOMPARE(xPolicy(), QStringLiteral("v2"));

        outcome->clear();
        document->setPolicyText(EchoPolicy, QByteArray(policy).replace("<outbound>", "<outbound><set-header>"));
        QVERIFY2(document->save(&error), qPrintable(error));
        QTRY_VERIFY_WITH_TIMEOUT(outcome->text().contains(QLatin1String("refused")), 10'000);
        QVERIFY2(outcome->text().contains(QLatin1String("echo.xml")), qPrintable(outcome->text()));
        QVERIFY(sendOnce());
        QCOMPARE(xPolicy(), QStringLiteral("v2"));
        QCOMPARE(m_window->gateway()->state(), ConsoleGateway::State::Running);
    }
};

QTEST_MAIN(TestConsoleTrace)
#include "tst_console_trace.moc"
