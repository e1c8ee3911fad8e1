#pragma once

#include <QMainWindow>

class QLabel;
class QListWidget;
class QMenu;
class QStackedWidget;

namespace sluice {

class ConsoleGateway;
class DashboardModel;
class GatewayPage;
class ProblemsPanel;
class TestConsolePage;
class WorkspaceDocument;

// The console's window: the navigation sidebar and its pages, the Problems
// panel, the status bar and the menus. It assembles; the pages do the work.
class MainWindow : public QMainWindow
{
    Q_OBJECT

public:
    enum Page {
        ApisPage,
        PoliciesPage,
        ExternalCachesPage,
        GatewayPageIndex,
        DashboardPageIndex,
        TestConsolePageIndex,
        CacheBrowserPage,
        PageCount
    };

    explicit MainWindow(QWidget *parent = nullptr);
    ~MainWindow() override;

    bool openWorkspace(const QString &dir);
    void showPage(Page page);

    WorkspaceDocument *document() const { return m_document; }
    ConsoleGateway *gateway() const { return m_gateway; }
    DashboardModel *dashboard() const { return m_dashboard; }

protected:
    void closeEvent(QCloseEvent *event) override;

private:
    void createMenus();
    void refreshRecent();
    void refreshStatus();
    void chooseFolder();

    WorkspaceDocument *m_document;
    ConsoleGateway *m_gateway;
    DashboardModel *m_dashboard;
    QListWidget *m_navigation;
    QStackedWidget *m_pages;
    ProblemsPanel *m_problems;
    QMenu *m_recentMenu = nullptr;
    QLabel *m_gatewayStatus;
    QLabel *m_ratioStatus;
    QLabel *m_problemStatus;
};

} // namespace sluice
