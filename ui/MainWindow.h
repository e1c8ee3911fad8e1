#pragma once

#include <QHash>
#include <QMainWindow>

#include <functional>

class QLabel;
class QListWidget;
class QMenu;
class QStackedWidget;

namespace sluice {

class ApisPage;
class ConnectionStringKeychain;
class ConsoleGateway;
class DashboardModel;
class ExternalCachesPage;
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

    // Asks first when there are unsaved changes; false when cancelled or
    // when `dir` holds no readable workspace.json.
    bool openWorkspace(const QString &dir);
    void showPage(Page page);
    // Saves the document; a failure is shown to the user. False when not saved.
    bool save();

    // What to do with unsaved changes before they would be lost (closing,
    // opening another workspace, reloading). The default asks with a
    // QMessageBox; tests answer through setUnsavedChangesPrompt().
    enum class UnsavedChoice { Save, Discard, Cancel };
    using UnsavedChangesPrompt = std::function<UnsavedChoice()>;
    void setUnsavedChangesPrompt(UnsavedChangesPrompt prompt) { m_unsavedPrompt = std::move(prompt); }
    // True when nothing is unsaved any more or the user let it go.
    bool maybeSave();

    WorkspaceDocument *document() const { return m_document; }
    ConsoleGateway *gateway() const { return m_gateway; }
    DashboardModel *dashboard() const { return m_dashboard; }
    ConnectionStringKeychain *keychain() const { return m_keychain; }

protected:
    void closeEvent(QCloseEvent *event) override;

private:
    void createMenus();
    void refreshRecent();
    void refreshStatus();
    void chooseFolder();
    bool openWithoutAsking(const QString &dir);
    void refreshTitle();
    // The External caches page's edit, put into the document.
    void takeCacheEdits();
    // The document's caches (after open, reload, save) onto the External caches page.
    void showDocumentCaches();
    // The keychain's connection strings, for the gateway's next start.
    void loadKeychainSecrets();

    WorkspaceDocument *m_document;
    ConsoleGateway *m_gateway;
    DashboardModel *m_dashboard;
    ConnectionStringKeychain *m_keychain;
    QHash<QString, QString> m_keychainSecrets;
    UnsavedChangesPrompt m_unsavedPrompt;
    // sluice::: the Page enumerators bear the same names.
    sluice::ApisPage *m_apisPage = nullptr;
    sluice::ExternalCachesPage *m_cachesPage = nullptr;
    QListWidget *m_navigation;
    QStackedWidget *m_pages;
    ProblemsPanel *m_problems;
    QMenu *m_recentMenu = nullptr;
    QAction *m_saveAction = nullptr;
    QLabel *m_gatewayStatus;
    QLabel *m_ratioStatus;
    QLabel *m_problemStatus;
};

} // namespace sluice
