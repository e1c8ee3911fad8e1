#include "ExternalCachesPage.h"

#include "CacheTexts.h"
#include "ConnectionStringKeychain.h"
#include "ExternalCacheDialog.h"

#include "common/Redaction.h"
#include "redis/RedisConnectionProbe.h"
#include "redis/RedisConnectionString.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QTableWidget>
#include <QUndoCommand>
#include <QUndoStack>
#include <QVBoxLayout>

namespace sluice {

// One edit of the page: the caches and locations before and after it.
class ExternalCachesPage::EditCommand : public QUndoCommand
{
public:
    EditCommand(ExternalCachesPage *page, const QString &text, QStringList locations, QList<ExternalCache> caches)
        : QUndoCommand(text)
        , m_page(page)
        , m_oldLocations(page->m_workspace.locations)
        , m_oldCaches(page->m_workspace.caches)
        , m_newLocations(std::move(locations))
        , m_newCaches(std::move(caches))
    { }

    void redo() override
    {
        if (m_page)
            m_page->restore(m_newLocations, m_newCaches);
    }
    void undo() override
    {
        if (m_page)
            m_page->restore(m_oldLocations, m_oldCaches);
    }

private:
    QPointer<ExternalCachesPage> m_page;
    QStringList m_oldLocations;
    QList<ExternalCache> m_oldCaches;
    QStringList m_newLocations;
    QList<ExternalCache> m_newCaches;
};

ExternalCachesPage::ExternalCachesPage(ConnectionStringKeychain *keychain, QWidget *parent)
    : QWidget(parent)
    , m_keychain(keychain)
{
    setObjectName(QStringLiteral("externalCachesPage"));
    buildUi();
    refresh();
}

ExternalCachesPage::~ExternalCachesPage() = default;

void ExternalCachesPage::buildUi()
{
    auto *note = new QLabel(
        tr("A gateway uses the cache whose \"Use from\" is its own location; a location without one uses the "
           "Default cache. A location-specific cache overrides Default. Each location has at most one cache."),
        this);
    note->setObjectName(QStringLiteral("resolutionNote"));
    note->setWordWrap(true);

    m_table = new QTableWidget(0, ColumnCount, this);
    m_table->setObjectName(QStringLiteral("cachesTable"));
    m_table->setAccessibleName(tr("External caches"));
    m_table->setHorizontalHeaderLabels(
        {tr("Cache id"), tr("Use from"), tr("Endpoint"), tr("Status"), tr("Round trip")});
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->horizontalHeader()->setSectionResizeMode(EndpointColumn, QHeaderView::Stretch);
    m_table->verticalHeader()->hide();

    const auto button = [this](const QString &text, const char *name) {
        auto *b = new QPushButton(text, this);
        b->setObjectName(QLatin1String(name));
        return b;
    };
    m_add = button(tr("+ &Add"), "addCacheButton");
    m_edit = button(tr("&Edit"), "editCacheButton");
    m_remove = button(tr("&Remove"), "removeCacheButton");
    m_testAll = button(tr("&Test all"), "testAllButton");
    auto *buttons = new QHBoxLayout;
    for (QPushButton *b : {m_add, m_edit, m_remove, m_testAll})
        buttons->addWidget(b);
    buttons->addStretch();

    m_keychainError = new QLabel(this);
    m_keychainError->setObjectName(QStringLiteral("keychainError"));
    m_keychainError->setWordWrap(true);
    m_keychainError->hide();

    auto *locationsTitle = new QLabel(tr("Locations (besides Default); double-click one to rename it:"), this);
    m_locations = new QListWidget(this);
    m_locations->setObjectName(QStringLiteral("locationsList"));
    m_locations->setAccessibleName(tr("Locations"));
    m_locations->setMaximumHeight(120);
    m_newLocation = new QLineEdit(this);
    m_newLocation->setObjectName(QStringLiteral("newLocationEdit"));
    m_newLocation->setAccessibleName(tr("New location"));
    m_newLocation->setPlaceholderText(tr("e.g. West Europe"));
    m_addLocation = button(tr("Add &location"), "addLocationButton");
    m_locationError = new QLabel(this);
    m_locationError->setObjectName(QStringLiteral("locationError"));
    m_locationError->hide();
    auto *locationRow = new QHBoxLayout;
    locationRow->addWidget(m_newLocation, 1);
    locationRow->addWidget(m_addLocation);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(note);
    layout->addWidget(m_table, 1);
    layout->addLayout(buttons);
    layout->addWidget(m_keychainError);
    layout->addWidget(locationsTitle);
    layout->addWidget(m_locations);
    layout->addLayout(locationRow);
    layout->addWidget(m_locationError);

    connect(m_add, &QPushButton::clicked, this, &ExternalCachesPage::addCache);
    connect(m_edit, &QPushButton::clicked, this, [this] { editCache(selectedRow()); });
    connect(m_remove, &QPushButton::clicked, this, [this] { removeCache(selectedRow()); });
    connect(m_testAll, &QPushButton::clicked, this, &ExternalCachesPage::testAll);
    connect(m_table, &QTableWidget::cellDoubleClicked, this, [this](int row) { editCache(row); });
    connect(m_table, &QTableWidget::itemSelectionChanged, this, [this] {
        m_edit->setEnabled(selectedRow() >= 0);
        m_remove->setEnabled(selectedRow() >= 0);
    });
    const auto addTypedLocation = [this] { addLocation(m_newLocation->text().trimmed()); };
    connect(m_addLocation, &QPushButton::clicked, this, addTypedLocation);
    connect(m_newLocation, &QLineEdit::returnPressed, this, addTypedLocation);
    connect(m_newLocation, &QLineEdit::textChanged, this, [this](const QString &text) {
        const QString problem = text.trimmed().isEmpty() ? QString() : locationProblem(text.trimmed(), -1);
        m_locationError->setText(problem);
        m_locationError->setVisible(!problem.isEmpty());
        m_addLocation->setEnabled(!text.trimmed().isEmpty() && problem.isEmpty());
    });
    connect(m_locations, &QListWidget::itemChanged, this, [this](QListWidgetItem *item) {
        if (m_refreshing)
            return;
        // After the item's own signal: the rename rebuilds the list.
        QMetaObject::invokeMethod(
            this, [this, row = m_locations->row(item), name = item->text().trimmed()] { renameLocation(row, name); },
            Qt::QueuedConnection);
    });
    m_addLocation->setEnabled(false);
}

void ExternalCachesPage::setUndoStack(QUndoStack *stack)
{
    m_undo = stack;
}

void ExternalCachesPage::setWorkspace(const Workspace &workspace)
{
    m_workspace = workspace;
    m_status.clear();
    refresh();
    loadKeychainSecrets();
}

int ExternalCachesPage::selectedRow() const
{
    const QList<QTableWidgetItem *> selected = m_table->selectedItems();
    return selected.isEmpty() ? -1 : selected.first()->row();
}

void ExternalCachesPage::apply(const QString &text, const QStringList &locations, const QList<ExternalCache> &caches)
{
    if (m_undo)
        m_undo->push(new EditCommand(this, text, locations, caches)); // redo() applies it
    else
        restore(locations, caches);
}

void ExternalCachesPage::restore(const QStringList &locations, const QList<ExternalCache> &caches)
{
    m_workspace.locations = locations;
    m_workspace.caches = caches;
    refresh();
    Q_EMIT edited();
}

void ExternalCachesPage::refresh()
{
    m_refreshing = true;
    const int selected = selectedRow();
    m_table->setRowCount(int(m_workspace.caches.size()));
    for (int row = 0; row < m_workspace.caches.size(); ++row) {
        const ExternalCache &cache = m_workspace.caches.at(row);
        const Status status = m_status.value(cache.id);
        QString endpoint;
        if (!cache.connectionString.isEmpty())
            endpoint = redactConnectionString(cache.connectionString);
        else if (!cache.keychainKey.isEmpty())
            endpoint = tr("(in the system keychain)");
        else
            endpoint = tr("(environment variable %1 is not set)").arg(cache.connectionStringSource);
        QString state;
        switch (status.state) {
        case Status::State::NotTested:
            state = tr("Not tested");
            break;
        case Status::State::Testing:
            state = tr("Testing...");
            break;
        case Status::State::Connected:
            state = tr("Connected");
            break;
        case Status::State::Failed:
            state = tr("Error: %1").arg(status.error);
            break;
        }
        const QStringList cells {
            cache.id,
            cache.useFrom.compare(QLatin1String("default"), Qt::CaseInsensitive) == 0 ? tr("Default") : cache.useFrom,
            endpoint, state, CacheTexts::latency(status.roundTripMs)};
        for (int column = 0; column < ColumnCount; ++column) {
            auto *item = new QTableWidgetItem(cells.at(column));
            if (column == StatusColumn || column == EndpointColumn)
                item->setToolTip(cells.at(column));
            m_table->setItem(row, column, item);
        }
    }
    if (selected >= 0 && selected < m_table->rowCount())
        m_table->selectRow(selected);
    m_edit->setEnabled(selectedRow() >= 0);
    m_remove->setEnabled(selectedRow() >= 0);
    m_testAll->setEnabled(!m_workspace.caches.isEmpty() && m_testsRunning == 0);
    // At most one cache per location (Default included).
    const bool locationFree = m_workspace.caches.size() < m_workspace.locations.size() + 1;
    m_add->setEnabled(locationFree);
    m_add->setToolTip(locationFree ? QString() : tr("Every location already has a cache: add a location first."));

    m_locations->clear();
    for (const QString &location : m_workspace.locations) {
        auto *item = new QListWidgetItem(location, m_locations);
        item->setFlags(item->flags() | Qt::ItemIsEditable);
    }
    m_refreshing = false;
}

void ExternalCachesPage::addCache()
{
    openDialog(-1);
}

void ExternalCachesPage::editCache(int row)
{
    if (row >= 0 && row < m_workspace.caches.size())
        openDialog(row);
}

void ExternalCachesPage::openDialog(int row)
{
    if (m_dialog)
        return;
    m_dialog = new ExternalCacheDialog(m_workspace, row, m_keychain, this);
    m_dialog->setAttribute(Qt::WA_DeleteOnClose);
    if (row < 0)
        m_dialog->probeLocalServer(RedisEndpoint {QStringLiteral("localhost"), m_localPort});
    connect(m_dialog, &QDialog::accepted, this, [this, row] { onDialogAccepted(row); });
    m_dialog->open();
}

void ExternalCachesPage::onDialogAccepted(int row)
{
    const ExternalCache cache = m_dialog->cache();
    QList<ExternalCache> caches = m_workspace.caches;
    if (row < 0) {
        caches.append(cache);
    } else {
        if (caches.at(row).connectionString != cache.connectionString || caches.at(row).id != cache.id)
            m_status.remove(caches.at(row).id);
        caches[row] = cache;
    }
    if (!cache.keychainKey.isEmpty())
        storeInKeychain(cache);
    apply(row < 0 ? tr("Add cache %1").arg(cache.id) : tr("Edit cache %1").arg(cache.id), m_workspace.locations,
          caches);
}

void ExternalCachesPage::removeCache(int row)
{
    if (row < 0 || row >= m_workspace.caches.size())
        return;
    QList<ExternalCache> caches = m_workspace.caches;
    const ExternalCache removed = caches.takeAt(row);
    apply(tr("Remove cache %1").arg(removed.id), m_workspace.locations, caches);
}

QString ExternalCachesPage::locationProblem(const QString &name, int exceptRow) const
{
    if (name.isEmpty())
        return tr("A location needs a name.");
    if (name.compare(QLatin1String("default"), Qt::CaseInsensitive) == 0)
        return tr("Default is always there; choose another name.");
    for (int i = 0; i < m_workspace.locations.size(); ++i) {
        if (i != exceptRow && m_workspace.locations.at(i).compare(name, Qt::CaseInsensitive) == 0)
            return tr("The location '%1' already exists.").arg(m_workspace.locations.at(i));
    }
    return QString();
}

void ExternalCachesPage::addLocation(const QString &name)
{
    if (!locationProblem(name, -1).isEmpty())
        return;
    m_newLocation->clear();
    apply(tr("Add location %1").arg(name), m_workspace.locations + QStringList {name}, m_workspace.caches);
}

void ExternalCachesPage::renameLocation(int row, const QString &name)
{
    if (row < 0 || row >= m_workspace.locations.size())
        return;
    const QString old = m_workspace.locations.at(row);
    const QString problem = locationProblem(name, row);
    m_locationError->setText(problem);
    m_locationError->setVisible(!problem.isEmpty());
    if (!problem.isEmpty() || name == old) {
        refresh(); // puts the old name back
        return;
    }
    QStringList locations = m_workspace.locations;
    locations[row] = name;
    QList<ExternalCache> caches = m_workspace.caches;
    for (ExternalCache &cache : caches) {
        if (cache.useFrom.compare(old, Qt::CaseInsensitive) == 0)
            cache.useFrom = name;
    }
    apply(tr("Rename location %1 to %2").arg(old, name), locations, caches);
}

void ExternalCachesPage::testAll()
{
    for (const ExternalCache &cache : std::as_const(m_workspace.caches)) {
        const RedisConnectionStringResult parsed = RedisConnectionString::parse(cache.connectionString);
        if (!parsed.options) {
            setStatus(cache.id, {Status::State::Failed, CacheTexts::parseProblem(parsed), -1});
            continue;
        }
        setStatus(cache.id, {Status::State::Testing, QString(), -1});
        auto *probe = new RedisConnectionProbe(*parsed.options, this);
        ++m_testsRunning;
        connect(probe, &RedisConnectionProbe::finished, this, [this, probe, id = cache.id](const RedisProbeResult &r) {
            probe->deleteLater();
            --m_testsRunning;
            setStatus(id,
                      r.ok ? Status {Status::State::Connected, QString(), r.roundTripMs}
                           : Status {Status::State::Failed, r.error, -1});
            if (m_testsRunning == 0)
                Q_EMIT testsFinished();
        });
        probe->start();
    }
    refresh();
    if (m_testsRunning == 0)
        Q_EMIT testsFinished();
}

void ExternalCachesPage::setStatus(const QString &cacheId, Status status)
{
    m_status.insert(cacheId, std::move(status));
    refresh();
}

void ExternalCachesPage::loadKeychainSecrets()
{
    if (!m_keychain)
        return;
    for (const ExternalCache &cache : std::as_const(m_workspace.caches)) {
        if (cache.keychainKey.isEmpty() || !cache.connectionString.isEmpty())
            continue;
        m_keychain->load(cache.keychainKey, this,
                         [this, key = cache.keychainKey](std::optional<QString> secret, const QString &error) {
                             for (ExternalCache &c : m_workspace.caches) {
                                 if (c.keychainKey != key)
                                     continue;
                                 if (secret)
                                     c.connectionString = *secret;
                                 else
                                     m_status.insert(c.id, {Status::State::Failed, error, -1});
                             }
                             refresh();
                         });
    }
}

void ExternalCachesPage::storeInKeychain(const ExternalCache &cache)
{
    if (!m_keychain)
        return;
    m_keychain->store(cache.keychainKey, cache.connectionString, this, [this, id = cache.id](const QString &error) {
        m_keychainError->setText(
            error.isEmpty()
                ? QString()
                : tr("The connection string of '%1' could not be stored in the system keychain: %2").arg(id, error));
        m_keychainError->setVisible(!error.isEmpty());
    });
}

} // namespace sluice
