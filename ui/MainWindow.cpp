#include "MainWindow.h"

#include "ApisPage.h"
#include "CacheBrowserPage.h"
#include "ConnectionStringKeychain.h"
#include "ConsoleGateway.h"
#include "ConsoleSettings.h"
#include "DashboardModel.h"
#include "DashboardPage.h"
#include "ExternalCacheDialog.h"
#include "ExternalCachesPage.h"
#include "GatewayPage.h"
#include "PoliciesPage.h"
#include "ProblemsPanel.h"
#include "TestConsolePage.h"
#include "ThemedIcon.h"
#include "WorkspaceDocument.h"

#include <QAction>
#include <QApplication>
#include <QCloseEvent>
#include <QDir>
#include <QFileDialog>
#include <QHBoxLayout>
#include <QKeySequence>
#include <QLabel>
#include <QListWidget>
#include <QLocale>
#include <QMenuBar>
#include <QMessageBox>
#include <QSplitter>
#include <QStackedWidget>
#include <QStatusBar>
#include <QUndoStack>

namespace sluice {

MainWindow::MainWindow(QWidget *parent)
    : QMainWindow(parent)
    , m_document(new WorkspaceDocument(this))
    , m_gateway(new ConsoleGateway(this))
    , m_dashboard(new DashboardModel(this))
    , m_keychain(new ConnectionStringKeychain(this))
    , m_navigation(new QListWidget(this))
    , m_pages(new QStackedWidget(this))
    , m_problems(new ProblemsPanel(m_document, this))
    , m_gatewayStatus(new QLabel(this))
    , m_ratioStatus(new QLabel(this))
    , m_problemStatus(new QLabel(this))
{
    setObjectName(QStringLiteral("mainWindow"));
    m_dashboard->setObjectName(QStringLiteral("dashboardModel"));
    connect(m_gateway, &ConsoleGateway::snapshotTaken, m_dashboard, &DashboardModel::update);
    connect(m_gateway, &ConsoleGateway::started, m_dashboard, &DashboardModel::clear);
    connect(m_document, &WorkspaceDocument::saved, m_gateway, &ConsoleGateway::reload); // hot reload on save

    m_apisPage = new sluice::ApisPage(m_document, m_pages);
    m_cachesPage = new sluice::ExternalCachesPage(m_keychain, m_pages);
    m_cachesPage->setUndoStack(m_document->undoStack());
    connect(m_cachesPage, &sluice::ExternalCachesPage::edited, this, &MainWindow::takeCacheEdits);
    connect(m_document, &WorkspaceDocument::loaded, this, &MainWindow::showDocumentCaches);
    connect(m_document, &WorkspaceDocument::loaded, this, &MainWindow::refreshTitle);
    connect(m_document, &WorkspaceDocument::modifiedChanged, this, &MainWindow::refreshTitle);

    const QList<std::pair<QString, QWidget *>> pages = {
        {tr("APIs"), m_apisPage},
        {tr("Policies"), new sluice::PoliciesPage(m_document, m_pages)},
        {tr("External caches"), m_cachesPage},
        {tr("Gateway"), new GatewayPage(m_document, m_gateway, m_pages)},
        {tr("Dashboard"), new DashboardPage(m_dashboard, m_document, m_keychain, m_pages)},
        {tr("Test console"), new TestConsolePage(m_document, m_gateway, m_pages)},
        {tr("Cache browser"),
         new sluice::CacheBrowserPage(m_document, m_gateway, m_keychain, m_pages)},
    };
    const QStringList objectNames = {QStringLiteral("apisPage"),        QStringLiteral("policiesPage"),
                                     QStringLiteral("cachesPage"),      QStringLiteral("gatewayPage"),
                                     QStringLiteral("dashboardPage"),   QStringLiteral("testConsolePage"),
                                     QStringLiteral("cacheBrowserPage")};
    const QStringList iconNames = {QStringLiteral("apis"),         QStringLiteral("policies"),
                                   QStringLiteral("external-caches"), QStringLiteral("gateway"),
                                   QStringLiteral("dashboard"),    QStringLiteral("test-console"),
                                   QStringLiteral("cache-browser")};
    for (int i = 0; i < pages.size(); ++i) {
        pages[i].second->setObjectName(objectNames[i]);
        pages[i].second->setAccessibleName(pages[i].first);
        m_pages->addWidget(pages[i].second);
        m_navigation->addItem(new QListWidgetItem(themedIcon(iconNames[i]), pages[i].first));
    }
    m_navigation->setObjectName(QStringLiteral("navigation"));
    m_navigation->setAccessibleName(tr("Pages"));
    m_navigation->setMaximumWidth(200);
    connect(m_navigation, &QListWidget::currentRowChanged, m_pages, &QStackedWidget::setCurrentIndex);

    auto *splitter = new QSplitter(this);
    splitter->addWidget(m_navigation);
    splitter->addWidget(m_pages);
    splitter->setStretchFactor(1, 1);
    setCentralWidget(splitter);
    addDockWidget(Qt::BottomDockWidgetArea, m_problems);
    auto *policies = m_pages->findChild<sluice::PoliciesPage *>();
    connect(m_problems, &ProblemsPanel::policyLocationActivated, policies,
            [this, policies](const QString &file, int line, int column) {
                showPage(PoliciesPage);
                policies->showLocation(file, line, column);
            });

    m_gatewayStatus->setObjectName(QStringLiteral("statusGateway"));
    m_ratioStatus->setObjectName(QStringLiteral("statusHitRatio"));
    m_problemStatus->setObjectName(QStringLiteral("statusProblems"));
    statusBar()->addWidget(m_gatewayStatus, 1);
    statusBar()->addPermanentWidget(m_ratioStatus);
    statusBar()->addPermanentWidget(m_problemStatus);
    connect(m_gateway, &ConsoleGateway::stateChanged, this, &MainWindow::refreshStatus);
    connect(m_dashboard, &DashboardModel::updated, this, &MainWindow::refreshStatus);
    connect(m_document, &WorkspaceDocument::loaded, this, &MainWindow::refreshStatus);

    createMenus();
    const ConsoleSettings settings;
    if (!restoreGeometry(settings.windowGeometry()))
        resize(1200, 800);
    restoreState(settings.windowState());
    showPage(static_cast<Page>(std::clamp(settings.lastPage(), 0, PageCount - 1)));
    refreshStatus();
}

MainWindow::~MainWindow() = default;

void MainWindow::createMenus()
{
    QMenu *file = menuBar()->addMenu(tr("&File"));
    QAction *open = file->addAction(tr("&Open folder..."), this, &MainWindow::chooseFolder);
    open->setShortcut(QKeySequence::Open);
    open->setIcon(themedIcon(QStringLiteral("open")));
    m_recentMenu = file->addMenu(tr("Open &recent"));
    m_saveAction = file->addAction(tr("&Save"), this, &MainWindow::save);
    m_saveAction->setObjectName(QStringLiteral("saveAction"));
    m_saveAction->setShortcut(QKeySequence::Save);
    m_saveAction->setEnabled(false);
    QAction *reload = file->addAction(tr("Re&load workspace"), this, [this] {
        if (maybeSave())
            m_document->reload();
    });
    reload->setShortcut(QKeySequence::Refresh);
    reload->setIcon(themedIcon(QStringLiteral("reload")));
    file->addSeparator();
    QAction *quit = file->addAction(tr("&Quit"), this, &QWidget::close);
    quit->setShortcut(QKeySequence::Quit);
    refreshRecent();

    QMenu *edit = menuBar()->addMenu(tr("&Edit"));
    QAction *undo = m_document->undoStack()->createUndoAction(edit);
    undo->setObjectName(QStringLiteral("undoAction"));
    undo->setShortcut(QKeySequence::Undo);
    edit->addAction(undo);
    QAction *redo = m_document->undoStack()->createRedoAction(edit);
    redo->setObjectName(QStringLiteral("redoAction"));
    redo->setShortcut(QKeySequence::Redo);
    edit->addAction(redo);

    QMenu *view = menuBar()->addMenu(tr("&View"));
    for (int i = 0; i < m_navigation->count(); ++i) {
        QAction *page =
            view->addAction(m_navigation->item(i)->text(), this, [this, i] { showPage(static_cast<Page>(i)); });
        page->setShortcut(QKeySequence(Qt::CTRL | static_cast<Qt::Key>(Qt::Key_1 + i)));
    }
    view->addSeparator();
    view->addAction(m_problems->toggleViewAction());

    QMenu *gatewayMenu = menuBar()->addMenu(tr("&Gateway"));
    auto *gatewayPage = m_pages->findChild<GatewayPage *>();
    QAction *start = gatewayMenu->addAction(tr("&Start"), gatewayPage, &GatewayPage::start);
    start->setShortcut(QKeySequence(Qt::Key_F9));
    start->setIcon(themedIcon(QStringLiteral("start")));
    QAction *stop = gatewayMenu->addAction(tr("S&top"), m_gateway, &ConsoleGateway::stop);
    stop->setShortcut(QKeySequence(Qt::SHIFT | Qt::Key_F9));
    stop->setIcon(themedIcon(QStringLiteral("stop")));
    QAction *restart = gatewayMenu->addAction(tr("&Restart"), m_gateway, &ConsoleGateway::restart);
    restart->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_F9));
    restart->setIcon(themedIcon(QStringLiteral("restart")));
}

void MainWindow::refreshRecent()
{
    m_recentMenu->clear();
    const QStringList recent = ConsoleSettings().recentWorkspaces();
    for (const QString &dir : recent)
        m_recentMenu->addAction(QDir::toNativeSeparators(dir), this, [this, dir] { openWorkspace(dir); });
    m_recentMenu->setEnabled(!recent.isEmpty());
}

void MainWindow::chooseFolder()
{
    if (!maybeSave())
        return;
    const QString dir = QFileDialog::getExistingDirectory(this, tr("Open workspace folder"), m_document->directory());
    if (!dir.isEmpty() && !openWithoutAsking(dir))
        QMessageBox::warning(this, tr("Open workspace"),
                             tr("%1 holds no readable workspace.json.").arg(QDir::toNativeSeparators(dir)));
}

bool MainWindow::openWorkspace(const QString &dir)
{
    return maybeSave() && openWithoutAsking(dir);
}

bool MainWindow::openWithoutAsking(const QString &dir)
{
    if (m_gateway->state() != ConsoleGateway::State::Stopped)
        m_gateway->stop();
    if (!m_document->open(dir))
        return false;
    ConsoleSettings().addRecentWorkspace(m_document->directory());
    refreshRecent();
    return true;
}

void MainWindow::refreshTitle()
{
    const QString name = m_document->workspace().name;
    if (m_document->isOpen())
        setWindowTitle(
            tr("%1[*] — Sluice").arg(name.isEmpty() ? QDir::toNativeSeparators(m_document->directory()) : name));
    setWindowModified(m_document->isModified());
    if (m_saveAction)
        m_saveAction->setEnabled(m_document->isModified());
}

bool MainWindow::save()
{
    QString error;
    if (m_document->save(&error))
        return true;
    QMessageBox::warning(this, tr("Save workspace"), tr("The workspace was not saved: %1").arg(error));
    return false;
}

bool MainWindow::maybeSave()
{
    if (!m_document->isModified())
        return true;
    UnsavedChoice choice = UnsavedChoice::Cancel;
    if (m_unsavedPrompt) {
        choice = m_unsavedPrompt();
    } else {
        const QMessageBox::StandardButton answer = QMessageBox::warning(
            this, tr("Unsaved changes"), tr("The workspace has unsaved changes. Save them?"),
            QMessageBox::Save | QMessageBox::Discard | QMessageBox::Cancel, QMessageBox::Save);
        choice = answer == QMessageBox::Save      ? UnsavedChoice::Save
               : answer == QMessageBox::Discard ? UnsavedChoice::Discard
                                                : UnsavedChoice::Cancel;
    }
    switch (choice) {
    case UnsavedChoice::Save:
        return save();
    case UnsavedChoice::Discard:
        return true;
    case UnsavedChoice::Cancel:
        break;
    }
    return false;
}

void MainWindow::takeCacheEdits()
{
    // The page's own undo command changed its caches and locations.
    Workspace ws = m_document->workspace();
    ws.locations = m_cachesPage->workspace().locations;
    ws.caches = m_cachesPage->workspace().caches;
    for (const ExternalCache &cache : std::as_const(ws.caches)) {
        if (!cache.keychainKey.isEmpty() && !cache.connectionString.isEmpty())
            m_keychainSecrets.insert(cache.keychainKey, cache.connectionString);
    }
    m_gateway->setKeychainSecrets(m_keychainSecrets);
    m_document->setWorkspace(ws);
}

void MainWindow::showDocumentCaches()
{
    m_cachesPage->setWorkspace(m_document->workspace());
    loadKeychainSecrets();
}

void MainWindow::loadKeychainSecrets()
{
    for (const ExternalCache &cache : m_document->workspace().caches) {
        if (cache.keychainKey.isEmpty() || m_keychainSecrets.contains(cache.keychainKey))
            continue;
        m_keychain->load(cache.keychainKey, this, [this, key = cache.keychainKey](std::optional<QString> secret,
                                                                                   const QString &) {
            if (!secret)
                return; // the External caches page shows why
            m_keychainSecrets.insert(key, *secret);
            m_gateway->setKeychainSecrets(m_keychainSecrets);
        });
    }
}

void MainWindow::showPage(Page page)
{
    m_navigation->setCurrentRow(page);
}

void MainWindow::refreshStatus()
{
    m_gatewayStatus->setText(tr("Gateway: %1").arg(m_gateway->stateText()));
    const DashboardTotals &t = m_dashboard->totals();
    m_ratioStatus->setText(t.hits + t.misses > 0
                               ? tr("Hit ratio %1 %").arg(QLocale().toString(t.hitRatio() * 100.0, 'f', 1))
                               : tr("Hit ratio –"));
    const int errors = m_document->errorCount();
    const int count = static_cast<int>(m_document->diagnostics().size());
    m_problemStatus->setText(errors ? tr("Problems: %1, with errors").arg(count) : tr("Problems: %1").arg(count));
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    if (!maybeSave()) {
        event->ignore();
        return;
    }
    ConsoleSettings settings;
    settings.setWindowGeometry(saveGeometry());
    settings.setWindowState(saveState());
    settings.setLastPage(m_navigation->currentRow());
    QMainWindow::closeEvent(event);
}

} // namespace sluice
