#include "CacheBrowserPage.h"

#include "AdminCacheSource.h"
#include "CacheEntriesModel.h"
#include "CacheEntryText.h"
#include "CacheTexts.h"
#include "ConnectionStringKeychain.h"
#include "ConsoleGateway.h"
#include "RedisCacheSource.h"
#include "WorkspaceDocument.h"
#include "redis/RedisConnectionString.h"

#include <QAction>
#include <QComboBox>
#include <QFontDatabase>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSortFilterProxyModel>
#include <QSplitter>
#include <QTableView>
#include <QVBoxLayout>

#include <algorithm>

namespace sluice {

namespace {

// The gateway's own keys in an external cache: what "Purge all" removes
// there, so that other data in a shared Redis stays.
const QByteArray kSluiceKeys = QByteArrayLiteral("sluice:");

QPushButton *button(const QString &text, const QString &objectName, const QString &accessibleName, QWidget *parent)
{
    auto *b = new QPushButton(text, parent);
    b->setObjectName(objectName);
    b->setAccessibleName(accessibleName);
    return b;
}

} // namespace

CacheBrowserPage::CacheBrowserPage(WorkspaceDocument *document, ConsoleGateway *gateway,
                                   ConnectionStringKeychain *keychain, QWidget *parent)
    : QWidget(parent)
    , m_document(document)
    , m_gateway(gateway)
    , m_keychain(keychain)
    , m_model(new CacheEntriesModel(this))
    , m_store(new QComboBox(this))
    , m_prefix(new QLineEdit(this))
    , m_status(new QLabel(this))
    , m_error(new QLabel(this))
    , m_view(new QTableView(this))
    , m_value(new QPlainTextEdit(this))
    , m_loadMore(button(tr("Load &more"), QStringLiteral("cacheBrowserLoadMore"), tr("Load more entries"), this))
    , m_delete(button(tr("&Delete"), QStringLiteral("cacheBrowserDelete"), tr("Delete the selected entry"), this))
    , m_deletePrefix(button(tr("Delete by prefi&x..."), QStringLiteral("cacheBrowserDeletePrefix"),
                            tr("Delete every entry whose key starts with the prefix"), this))
    , m_purge(button(tr("P&urge all..."), QStringLiteral("cacheBrowserPurge"), tr("Delete every entry of the store"),
                     this))
{
    m_confirm = [this](const QString &title, const QString &question) {
        return QMessageBox::question(this, title, question) == QMessageBox::Yes;
    };
    m_store->setObjectName(QStringLiteral("cacheBrowserStore"));
    m_store->setAccessibleName(tr("Store"));
    m_prefix->setObjectName(QStringLiteral("cacheBrowserPrefix"));
    m_prefix->setAccessibleName(tr("Key prefix"));
    m_prefix->setPlaceholderText(tr("every key, or a prefix such as sluice:r1:orders:"));
    m_prefix->setClearButtonEnabled(true);
    auto *refresh = button(tr("&Refresh"), QStringLiteral("cacheBrowserRefresh"), tr("List the entries again"), this);
    m_status->setObjectName(QStringLiteral("cacheBrowserStatus"));
    m_error->setObjectName(QStringLiteral("cacheBrowserError"));
    m_error->setWordWrap(true);
    m_error->setStyleSheet(QStringLiteral("color: palette(bright-text); background: #b00020; padding: 4px;"));
    m_error->hide();

    auto *storeLabel = new QLabel(tr("&Store:"), this);
    storeLabel->setBuddy(m_store);
    auto *prefixLabel = new QLabel(tr("Key &prefix:"), this);
    prefixLabel->setBuddy(m_prefix);
    auto *top = new QHBoxLayout;
    top->addWidget(storeLabel);
    top->addWidget(m_store);
    top->addWidget(prefixLabel);
    top->addWidget(m_prefix, 1);
    top->addWidget(refresh);

    auto *proxy = new QSortFilterProxyModel(this);
    proxy->setSourceModel(m_model);
    proxy->setSortRole(CacheEntriesModel::SortRole);
    m_view->setObjectName(QStringLiteral("cacheBrowserEntries"));
    m_view->setAccessibleName(tr("Cache entries"));
    m_view->setModel(proxy);
    m_view->setSortingEnabled(true);
    m_view->sortByColumn(-1, Qt::AscendingOrder); // the store's order until a header is clicked
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->verticalHeader()->hide();
    m_view->horizontalHeader()->setSectionResizeMode(CacheEntriesModel::Key, QHeaderView::Interactive);
    m_view->horizontalHeader()->setStretchLastSection(false);
    m_view->setColumnWidth(CacheEntriesModel::Key, 320);
    m_value->setObjectName(QStringLiteral("cacheBrowserValue"));
    m_value->setAccessibleName(tr("Value of the selected entry"));
    m_value->setReadOnly(true);
    m_value->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    auto *splitter = new QSplitter(Qt::Vertical, this);
    splitter->addWidget(m_view);
    splitter->addWidget(m_value);
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 2);

    auto *actions = new QHBoxLayout;
    actions->addWidget(m_status, 1);
    for (QPushButton *b : {m_loadMore, m_delete, m_deletePrefix, m_purge})
        actions->addWidget(b);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(top);
    layout->addWidget(m_error);
    layout->addWidget(splitter, 1);
    layout->addLayout(actions);

    auto *deleteKey = new QAction(tr("Delete entry"), this);
    deleteKey->setShortcut(QKeySequence::Delete);
    deleteKey->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    m_view->addAction(deleteKey);
    connect(deleteKey, &QAction::triggered, this, &CacheBrowserPage::deleteSelected);

    connect(m_store, &QComboBox::currentIndexChanged, this, &CacheBrowserPage::openStore);
    connect(m_prefix, &QLineEdit::returnPressed, this, [this] { m_model->setPrefix(m_prefix->text().toUtf8()); });
    connect(refresh, &QPushButton::clicked, this, [this] { m_model->setPrefix(m_prefix->text().toUtf8()); });
    connect(m_loadMore, &QPushButton::clicked, m_model, &CacheEntriesModel::loadMore);
    connect(m_delete, &QPushButton::clicked, this, &CacheBrowserPage::deleteSelected);
    connect(m_deletePrefix, &QPushButton::clicked, this, &CacheBrowserPage::deleteByPrefix);
    connect(m_purge, &QPushButton::clicked, this, &CacheBrowserPage::purgeAll);
    connect(m_model, &CacheEntriesModel::stateChanged, this, &CacheBrowserPage::refreshState);
    connect(m_model, &CacheEntriesModel::written, m_status, &QLabel::setText);
    connect(m_view->selectionModel(), &QItemSelectionModel::currentRowChanged, this, &CacheBrowserPage::showSelected);
    connect(m_document, &WorkspaceDocument::loaded, this, &CacheBrowserPage::refreshStores);
    connect(m_document, &WorkspaceDocument::workspaceEdited, this, &CacheBrowserPage::refreshStores);
    connect(m_gateway, &ConsoleGateway::stateChanged, this, [this] {
        if (m_store->currentData().toString().isEmpty()) // the built-in cache lives in the gateway
            openStore();
    });
    refreshStores();
}

void CacheBrowserPage::refreshStores()
{
    const QString current = m_store->currentData().toString();
    {
        const QSignalBlocker blocker(m_store);
        m_store->clear();
        m_store->addItem(tr("Built-in"), QString());
        for (const ExternalCache &cache : m_document->workspace().caches)
            m_store->addItem(tr("%1 (%2)").arg(cache.id, cache.useFrom), cache.id);
        m_store->setCurrentIndex(std::max(0, m_store->findData(current)));
    }
    openStore();
}

void CacheBrowserPage::openStore()
{
    ++m_storeRequest;
    m_value->clear();
    const QString id = m_store->currentData().toString();
    if (id.isEmpty()) {
        if (m_gateway->state() == ConsoleGateway::State::Running)
            m_model->setSource(std::make_unique<AdminCacheSource>(m_gateway->adminUrl()));
        else
            m_model->setSource(nullptr, tr("The gateway is stopped. The built-in cache lives in the running "
                                           "gateway's memory: start the gateway to browse it."));
        return;
    }
    const QList<ExternalCache> &caches = m_document->workspace().caches;
    const auto it = std::find_if(caches.begin(), caches.end(), [&](const ExternalCache &c) { return c.id == id; });
    if (it == caches.end())
        return;
    if (!it->connectionString.isEmpty() || it->keychainKey.isEmpty()) {
        openExternal(id, it->connectionString);
        return;
    }
    if (!m_keychain) {
        m_model->setSource(nullptr, tr("The connection string of %1 is in the system keychain, which this console "
                                       "cannot use.").arg(id));
        return;
    }
    m_model->setSource(nullptr, tr("Reading the connection string of %1 from the system keychain...").arg(id));
    const quint64 request = m_storeRequest;
    m_keychain->load(it->keychainKey, this, [this, id, request](std::optional<QString> secret, const QString &error) {
        if (request != m_storeRequest)
            return; // another store was chosen meanwhile
        if (secret)
            openExternal(id, *secret);
        else
            m_model->setSource(nullptr, tr("The connection string of %1 could not be read from the system keychain: "
                                           "%2").arg(id, error));
    });
}

void CacheBrowserPage::openExternal(const QString &cacheId, const QString &connectionString)
{
    const RedisConnectionStringResult parsed = RedisConnectionString::parse(connectionString);
    if (!parsed.options) {
        m_model->setSource(nullptr, tr("The connection string of %1 is not valid: %2")
                                        .arg(cacheId, CacheTexts::parseProblem(parsed)));
        return;
    }
    m_model->setSource(std::make_unique<RedisCacheSource>(cacheId, *parsed.options));
}

void CacheBrowserPage::refreshState()
{
    m_status->setText(m_model->statusText());
    m_error->setText(m_model->error().isEmpty()
                         ? QString()
                         : tr("%1: %2").arg(m_store->currentText(), m_model->error()));
    m_error->setVisible(!m_model->error().isEmpty());
    const bool open = m_model->source() != nullptr;
    m_loadMore->setEnabled(open && m_model->hasMore() && !m_model->isLoading());
    m_delete->setEnabled(open && m_view->currentIndex().isValid());
    m_deletePrefix->setEnabled(open);
    m_purge->setEnabled(open);
}

void CacheBrowserPage::showSelected()
{
    const QByteArray key = m_view->currentIndex().data(CacheEntriesModel::KeyRole).toByteArray();
    m_delete->setEnabled(m_model->source() && !key.isEmpty());
    const quint64 request = ++m_valueRequest;
    m_value->clear();
    if (key.isEmpty() || !m_model->source())
        return;
    m_value->setPlainText(tr("Reading the entry..."));
    m_model->source()->details(key, [this, request](CacheEntryDetails details) {
        if (request != m_valueRequest)
            return;
        m_value->setPlainText(details.ok ? CacheEntryText::describe(details.description)
                                         : tr("The entry could not be read: %1").arg(details.error));
    });
}

void CacheBrowserPage::deleteSelected()
{
    const QByteArray key = m_view->currentIndex().data(CacheEntriesModel::KeyRole).toByteArray();
    if (!key.isEmpty())
        m_model->remove(key);
}

void CacheBrowserPage::deleteByPrefix()
{
    const QByteArray prefix = m_prefix->text().toUtf8();
    if (prefix.isEmpty()) {
        m_status->setText(tr("Type the prefix of the keys to delete in Key prefix first."));
        m_prefix->setFocus();
        return;
    }
    if (m_confirm(tr("Delete by prefix"), tr("Delete every entry of %1 whose key starts with \"%2\"?")
                                              .arg(m_store->currentText(), m_prefix->text())))
        m_model->purge(prefix);
}

QByteArray CacheBrowserPage::purgeAllPrefix() const
{
    return m_store->currentData().toString().isEmpty() ? QByteArray() : kSluiceKeys;
}

void CacheBrowserPage::purgeAll()
{
    const QString question = m_store->currentData().toString().isEmpty()
        ? tr("Delete every entry of the built-in cache?")
        : tr("Delete every Sluice entry (keys starting with sluice:) of %1? Other data in that Redis stays.")
              .arg(m_store->currentText());
    if (m_confirm(tr("Purge all"), question))
        m_model->purge(purgeAllPrefix());
}

} // namespace sluice
