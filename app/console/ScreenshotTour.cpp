#include "ScreenshotTour.h"

#include "ConsoleGateway.h"
#include "DashboardModel.h"
#include "MainWindow.h"

#include <QComboBox>
#include <QDeadlineTimer>
#include <QListWidget>
#include <QPushButton>
#include <QSpinBox>
#include <QTableWidget>
#include <QTimer>

#include <cstdio>
#include <iterator>

namespace sluice {

ScreenshotTour::ScreenshotTour(MainWindow *window, const QString &dir, QObject *parent)
    : QObject(parent)
    , m_window(window)
    , m_dir(dir)
{
}

void ScreenshotTour::start()
{
    if (!m_dir.mkpath(QStringLiteral("."))) {
        fail(tr("cannot create %1").arg(m_dir.path()));
        return;
    }
    m_window->resize(1200, 760);
    QTimer::singleShot(0, this, &ScreenshotTour::startGateway);
}

void ScreenshotTour::waitFor(const QString &what, Condition condition, std::function<void()> next, int timeoutMs)
{
    auto *timer = new QTimer(this);
    const QDeadlineTimer deadline(timeoutMs);
    connect(timer, &QTimer::timeout, this, [=, this] {
        if (condition()) {
            timer->deleteLater();
            next();
        } else if (deadline.hasExpired()) {
            timer->deleteLater();
            fail(tr("timed out waiting for %1").arg(what));
        }
    });
    timer->start(50);
}

void ScreenshotTour::startGateway()
{
    m_window->showPage(MainWindow::GatewayPageIndex);
    auto *page = m_window->findChild<QWidget *>(QStringLiteral("gatewayPage"));
    page->findChild<QSpinBox *>(QStringLiteral("gatewayPort"))->setValue(0); // any free port
    page->findChild<QSpinBox *>(QStringLiteral("gatewayThreads"))->setValue(1);
    page->findChild<QPushButton *>(QStringLiteral("gatewayStart"))->click();
    waitFor(
        tr("the gateway to start"), [this] { return m_window->gateway()->state() == ConsoleGateway::State::Running; },
        [this] {
            m_window->showPage(MainWindow::TestConsolePageIndex);
            auto *console = m_window->findChild<QWidget *>(QStringLiteral("testConsolePage"));
            auto *api = console->findChild<QComboBox *>(QStringLiteral("testApi"));
            api->setCurrentIndex(api->findData(QStringLiteral("echo")));
            auto *operation = console->findChild<QComboBox *>(QStringLiteral("testOperation"));
            operation->setCurrentIndex(operation->findData(QStringLiteral("get-item")));
            auto *parameters = console->findChild<QTableWidget *>(QStringLiteral("testParameters"));
            if (parameters->rowCount() > 0 && parameters->item(0, 1))
                parameters->item(0, 1)->setText(QStringLiteral("42"));
            sendRequests(2);
        });
}

void ScreenshotTour::sendRequests(int remaining)
{
    if (remaining == 0) {
        waitFor(
            tr("the dashboard to count both requests"),
            [this] {
                const DashboardTotals &t = m_window->dashboard()->totals();
                return t.hits + t.misses >= 2;
            },
            [this] { grabPage(0); });
        return;
    }
    auto *console = m_window->findChild<QWidget *>(QStringLiteral("testConsolePage"));
    auto *send = console->findChild<QPushButton *>(QStringLiteral("testSend"));
    auto *history = console->findChild<QListWidget *>(QStringLiteral("testHistory"));
    const int before = history->count();
    waitFor(
        tr("the Send button"), [send] { return send->isEnabled(); },
        [=, this] {
            send->click();
            waitFor(
                tr("a response in the Test console"), [=] { return history->count() > before && send->isEnabled(); },
                [=, this] { sendRequests(remaining - 1); });
        });
}

void ScreenshotTour::grabPage(int index)
{
    static const char *const names[] = {"apis",      "policies",     "external-caches", "gateway",
                                        "dashboard", "test-console", "cache-browser"};
    static_assert(std::size(names) == MainWindow::PageCount);
    if (index == MainWindow::PageCount) {
        m_window->gateway()->stop();
        Q_EMIT finished(0);
        return;
    }
    m_window->showPage(static_cast<MainWindow::Page>(index));
    // The page lays itself out and paints its first data before it is grabbed.
    QTimer::singleShot(300, this, [this, index] {
        const QString file = m_dir.filePath(QLatin1String(names[index]) + QStringLiteral(".png"));
        if (!m_window->grab().save(file)) {
            fail(tr("cannot write %1").arg(file));
            return;
        }
        std::fprintf(stdout, "%s\n", qPrintable(file));
        grabPage(index + 1);
    });
}

void ScreenshotTour::fail(const QString &message)
{
    std::fprintf(stderr, "sluice --screenshots: %s\n", qPrintable(message));
    m_window->gateway()->stop();
    Q_EMIT finished(1);
}

} // namespace sluice
