#include "ExternalCacheDialog.h"

#include "CacheTexts.h"
#include "ConnectionStringKeychain.h"

#include "redis/RedisConnectionProbe.h"
#include "redis/RedisConnectionString.h"
#include "workspace/EnvReferenceResolver.h"
#include "workspace/JsonFieldReader.h"
#include "workspace/WorkspaceLoader.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QStandardItemModel>
#include <QToolButton>
#include <QVBoxLayout>

namespace sluice {

namespace {

const QString kDefault = QStringLiteral("default");

QLabel *errorLabel(const QString &objectName, QWidget *parent)
{
    auto *label = new QLabel(parent);
    label->setObjectName(objectName);
    label->setWordWrap(true);
    label->hide();
    return label;
}

void showMessage(QLabel *label, const QString &text)
{
    label->setText(text);
    label->setVisible(!text.isEmpty());
}

// "${NAME}" exactly: an environment variable reference.
QString variableOf(const QString &source)
{
    if (source.startsWith(QLatin1String("${")) && source.endsWith(QLatin1Char('}'))) {
        const QString name = source.mid(2, source.size() - 3);
        if (EnvReferenceResolver::isValidVariableName(name))
            return name;
    }
    return QString();
}

} // namespace

ExternalCacheDialog::ExternalCacheDialog(const Workspace &workspace, int editedIndex,
                                         ConnectionStringKeychain *keychain, QWidget *parent)
    : QDialog(parent)
    , m_workspace(workspace)
    , m_editedIndex(editedIndex >= 0 && editedIndex < workspace.caches.size() ? editedIndex : -1)
    , m_keychain(keychain)
{
    setObjectName(QStringLiteral("externalCacheDialog"));
    setWindowTitle(m_editedIndex < 0 ? tr("Add external cache") : tr("Edit external cache"));
    buildForm();
    ExternalCache initial;
    if (m_editedIndex >= 0)
        initial = m_workspace.caches.at(m_editedIndex);
    setCache(initial);
    if (m_keychain)
        connect(m_keychain, &ConnectionStringKeychain::availabilityChanged, this,
                &ExternalCacheDialog::updateKeychainAvailability);
    updateKeychainAvailability();
    validate();
}

ExternalCacheDialog::~ExternalCacheDialog() = default;

void ExternalCacheDialog::buildForm()
{
    auto *form = new QFormLayout;

    m_id = new QLineEdit(this);
    m_id->setObjectName(QStringLiteral("cacheIdEdit"));
    m_id->setAccessibleName(tr("Cache id"));
    m_id->setPlaceholderText(tr("e.g. redis-west"));
    m_idError = errorLabel(QStringLiteral("cacheIdError"), this);
    form->addRow(tr("Cache &id:"), m_id);
    form->addRow(QString(), m_idError);

    m_instance = new QComboBox(this);
    m_instance->setObjectName(QStringLiteral("cacheInstanceCombo"));
    m_instance->setAccessibleName(tr("Cache instance"));
    m_instance->addItem(tr("Custom"));
    form->addRow(tr("Cache i&nstance:"), m_instance);

    m_useFrom = new QComboBox(this);
    m_useFrom->setObjectName(QStringLiteral("useFromCombo"));
    m_useFrom->setAccessibleName(tr("Use from"));
    m_useFromModel = new QStandardItemModel(m_useFrom);
    m_useFrom->setModel(m_useFromModel);
    form->addRow(tr("&Use from:"), m_useFrom);

    m_storage = new QComboBox(this);
    m_storage->setObjectName(QStringLiteral("storageCombo"));
    m_storage->setAccessibleName(tr("Keep the connection string in"));
    m_storage->addItem(tr("The system keychain"), int(Storage::Keychain));
    m_storage->addItem(tr("The workspace file (readable by anyone who can read it)"), int(Storage::File));
    m_storage->addItem(tr("An environment variable"), int(Storage::Environment));
    m_storageNote = new QLabel(this);
    m_storageNote->setObjectName(QStringLiteral("storageNote"));
    m_storageNote->setWordWrap(true);
    m_storageNote->hide();
    form->addRow(tr("&Keep it in:"), m_storage);
    form->addRow(QString(), m_storageNote);

    m_connection = new QLineEdit(this);
    m_connection->setObjectName(QStringLiteral("connectionStringEdit"));
    m_connection->setAccessibleName(tr("Connection string"));
    m_connection->setEchoMode(QLineEdit::Password);
    m_connection->setPlaceholderText(tr("host:6380,password=...,ssl=True,abortConnect=False"));
    m_showConnection = new QToolButton(this);
    m_showConnection->setObjectName(QStringLiteral("showConnectionStringButton"));
    m_showConnection->setCheckable(true);
    m_showConnection->setText(tr("Show"));
    m_showConnection->setAccessibleName(tr("Show the connection string"));
    auto *connectionRow = new QHBoxLayout;
    connectionRow->addWidget(m_connection, 1);
    connectionRow->addWidget(m_showConnection);
    form->addRow(tr("&Connection string:"), connectionRow);

    m_variable = new QLineEdit(this);
    m_variable->setObjectName(QStringLiteral("variableEdit"));
    m_variable->setAccessibleName(tr("Environment variable"));
    m_variable->setPlaceholderText(tr("e.g. REDIS_CONNECTION_STRING"));
    form->addRow(tr("Environment &variable:"), m_variable);
    m_connectionError = errorLabel(QStringLiteral("connectionStringError"), this);
    form->addRow(QString(), m_connectionError);

    m_description = new QLineEdit(this);
    m_description->setObjectName(QStringLiteral("descriptionEdit"));
    m_description->setAccessibleName(tr("Description"));
    form->addRow(tr("&Description:"), m_description);

    m_test = new QPushButton(tr("&Test connection"), this);
    m_test->setObjectName(QStringLiteral("testConnectionButton"));
    m_busy = new QProgressBar(this);
    m_busy->setObjectName(QStringLiteral("testBusyIndicator"));
    m_busy->setRange(0, 0);
    m_busy->setMaximumWidth(80);
    m_busy->setTextVisible(false);
    m_busy->hide();
    m_testResult = new QLabel(this);
    m_testResult->setObjectName(QStringLiteral("testResultLabel"));
    m_testResult->setWordWrap(true);
    m_testResult->setTextInteractionFlags(Qt::TextSelectableByMouse);
    auto *testRow = new QHBoxLayout;
    testRow->addWidget(m_test);
    testRow->addWidget(m_busy);
    testRow->addWidget(m_testResult, 1);

    m_buttons = new QDialogButtonBox(QDialogButtonBox::Save | QDialogButtonBox::Cancel, this);
    m_buttons->setObjectName(QStringLiteral("buttons"));

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addLayout(testRow);
    layout->addStretch();
    layout->addWidget(m_buttons);

    connect(m_buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_showConnection, &QToolButton::toggled, this, [this](bool shown) {
        m_connection->setEchoMode(shown ? QLineEdit::Normal : QLineEdit::Password);
        m_showConnection->setText(shown ? tr("Hide") : tr("Show"));
    });
    for (QLineEdit *edit : {m_id, m_connection, m_variable})
        connect(edit, &QLineEdit::textChanged, this, &ExternalCacheDialog::validate);
    connect(m_connection, &QLineEdit::textEdited, this, [this] { m_instance->setCurrentIndex(0); });
    connect(m_useFrom, &QComboBox::currentIndexChanged, this, &ExternalCacheDialog::validate);
    connect(m_storage, &QComboBox::currentIndexChanged, this, &ExternalCacheDialog::validate);
    connect(m_instance, &QComboBox::activated, this, &ExternalCacheDialog::onInstanceChosen);
    connect(m_test, &QPushButton::clicked, this, &ExternalCacheDialog::testConnection);
}

void ExternalCacheDialog::fillUseFrom(const QString &current)
{
    m_useFromModel->clear();
    QStringList choices {kDefault};
    choices += m_workspace.locations;
    int currentRow = 0;
    for (const QString &location : choices) {
        auto *item = new QStandardItem(location == kDefault ? tr("Default") : location);
        item->setData(location, Qt::UserRole);
        for (qsizetype i = 0; i < m_workspace.caches.size(); ++i) {
            const ExternalCache &other = m_workspace.caches.at(i);
            if (i != m_editedIndex && other.useFrom.compare(location, Qt::CaseInsensitive) == 0) {
                item->setEnabled(false);
                item->setToolTip(tr("Already served by the cache '%1'").arg(other.id));
            }
        }
        if (location.compare(current, Qt::CaseInsensitive) == 0)
            currentRow = m_useFromModel->rowCount();
        m_useFromModel->appendRow(item);
    }
    // A new cache starts on the first location that is still free.
    if (m_editedIndex < 0) {
        for (int row = 0; row < m_useFromModel->rowCount(); ++row) {
            if (m_useFromModel->item(row)->isEnabled()) {
                currentRow = row;
                break;
            }
        }
    }
    m_useFrom->setCurrentIndex(currentRow);
}

void ExternalCacheDialog::setCache(const ExternalCache &cache)
{
    m_id->setText(cache.id);
    fillUseFrom(cache.useFrom);
    m_description->setText(cache.description);
    m_keychainKey = cache.keychainKey;
    Storage storage = Storage::Keychain;
    if (!cache.keychainKey.isEmpty()) {
        m_connection->setText(cache.connectionString);
    } else if (const QString variable = variableOf(cache.connectionStringSource); !variable.isEmpty()) {
        storage = Storage::Environment;
        m_variable->setText(variable);
    } else if (m_editedIndex >= 0) {
        storage = Storage::File;
        m_connection->setText(cache.connectionStringSource);
    }
    m_storage->setCurrentIndex(m_storage->findData(int(storage)));
}

void ExternalCacheDialog::updateKeychainAvailability()
{
    const bool available =
        m_keychain && m_keychain->availability() != ConnectionStringKeychain::Availability::Unavailable;
    auto *model = qobject_cast<QStandardItemModel *>(m_storage->model());
    const int row = m_storage->findData(int(Storage::Keychain));
    model->item(row)->setEnabled(available);
    if (available) {
        m_storageNote->hide();
    } else {
        const QString reason = m_keychain ? m_keychain->unavailableReason() : QString();
        m_storageNote->setText(
            reason.isEmpty()
                ? tr("No system keychain is available here. Keep the connection string in the workspace "
                     "file, or reference an environment variable that the gateway reads when it starts.")
                : tr("No system keychain is available here (%1). Keep the connection string in the workspace "
                     "file, or reference an environment variable that the gateway reads when it starts.")
                      .arg(reason));
        m_storageNote->show();
        if (storage() == Storage::Keychain)
            m_storage->setCurrentIndex(m_storage->findData(int(Storage::Environment)));
    }
    validate();
}

void ExternalCacheDialog::probeLocalServer(const RedisEndpoint &endpoint)
{
    delete m_localProbe;
    RedisConnectionOptions options;
    options.endpoints = {endpoint};
    m_localProbe = new RedisConnectionProbe(options, this);
    connect(m_localProbe, &RedisConnectionProbe::finished, this, [this, endpoint](const RedisProbeResult &result) {
        if (!result.ok)
            return;
        const QString connection = QStringLiteral("%1:%2").arg(endpoint.host).arg(endpoint.port);
        if (m_instance->findData(connection) < 0)
            m_instance->addItem(tr("redis-server on %1 (Redis %2)").arg(connection, result.serverVersion), connection);
    });
    m_localProbe->start(1000);
}

void ExternalCacheDialog::onInstanceChosen()
{
    const QString connection = m_instance->currentData().toString();
    if (connection.isEmpty())
        return;
    if (storage() == Storage::Environment)
        m_storage->setCurrentIndex(m_storage->findData(int(Storage::File)));
    m_connection->setText(connection);
}

ExternalCacheDialog::Storage ExternalCacheDialog::storage() const
{
    return Storage(m_storage->currentData().toInt());
}

QString ExternalCacheDialog::resolvedConnectionString() const
{
    switch (storage()) {
    case Storage::Keychain:
        return m_connection->text();
    case Storage::File:
        return EnvReferenceResolver(WorkspaceLoader::systemEnvironment()).resolve(m_connection->text()).value;
    case Storage::Environment:
        return qEnvironmentVariable(m_variable->text().toLocal8Bit().constData());
    }
    return QString();
}

std::optional<RedisConnectionOptions> ExternalCacheDialog::connectionOptions(QString *problem, bool *warning) const
{
    *warning = false;
    if (storage() == Storage::Environment) {
        const QString name = m_variable->text();
        if (name.isEmpty()) {
            *problem = tr("Enter the name of the environment variable that holds the connection string.");
            return std::nullopt;
        }
        if (!EnvReferenceResolver::isValidVariableName(name)) {
            *problem =
                tr("'%1' is not a variable name: use letters, digits and '_', not starting with a digit.").arg(name);
            return std::nullopt;
        }
        if (!qEnvironmentVariableIsSet(name.toLocal8Bit().constData())) {
            *warning = true;
            *problem = tr("%1 is not set in the console's environment: set it where the gateway runs.").arg(name);
            return std::nullopt;
        }
    } else if (m_connection->text().isEmpty()) {
        *problem = tr("Enter the connection string, e.g. host:6380,password=...,ssl=True.");
        return std::nullopt;
    } else if (storage() == Storage::File) {
        const EnvReferenceResolver::Result resolved =
            EnvReferenceResolver(WorkspaceLoader::systemEnvironment()).resolve(m_connection->text());
        if (!resolved.syntaxError.isEmpty()) {
            *problem = resolved.syntaxError;
            return std::nullopt;
        }
        if (!resolved.unsetVariables.isEmpty()) {
            *warning = true;
            *problem = tr("Environment variable %1 is not set in the console's environment.")
                           .arg(resolved.unsetVariables.join(QLatin1String(", ")));
            return std::nullopt;
        }
    }
    const RedisConnectionStringResult parsed = RedisConnectionString::parse(resolvedConnectionString());
    *problem = CacheTexts::parseProblem(parsed);
    return parsed.options;
}

bool ExternalCacheDialog::isValid() const
{
    return m_buttons->button(QDialogButtonBox::Save)->isEnabled();
}

void ExternalCacheDialog::validate()
{
    const Storage kind = storage();
    m_connection->setEnabled(kind != Storage::Environment);
    m_showConnection->setEnabled(kind != Storage::Environment);
    m_variable->setEnabled(kind == Storage::Environment);

    QString idProblem;
    const QString id = m_id->text();
    if (id.isEmpty())
        idProblem = tr("Enter an id for the cache.");
    else if (!JsonFieldReader::isValidId(id))
        idProblem = tr("Use only letters, digits, '.', '_' and '-' in the id.");
    for (qsizetype i = 0; i < m_workspace.caches.size() && idProblem.isEmpty(); ++i) {
        if (i != m_editedIndex && m_workspace.caches.at(i).id == id)
            idProblem = tr("Another cache already has the id '%1'.").arg(id);
    }
    showMessage(m_idError, id.isEmpty() ? QString() : idProblem);

    QStandardItem *useFrom = m_useFromModel->item(m_useFrom->currentIndex());
    const bool useFromOk = useFrom && useFrom->isEnabled();
    m_useFrom->setToolTip(useFrom ? useFrom->toolTip() : QString());

    QString problem;
    bool warning = false;
    const bool connectionOk = connectionOptions(&problem, &warning).has_value();
    const bool empty = kind != Storage::Environment && m_connection->text().isEmpty();
    showMessage(m_connectionError, empty ? QString() : problem);
    m_test->setEnabled(connectionOk && (!m_probe || !m_probe->isRunning()));

    const bool keychainOk = kind != Storage::Keychain || m_keychain;
    m_buttons->button(QDialogButtonBox::Save)
        ->setEnabled(idProblem.isEmpty() && useFromOk && (connectionOk || warning) && keychainOk);
}

ExternalCache ExternalCacheDialog::cache() const
{
    ExternalCache cache;
    cache.id = m_id->text();
    cache.useFrom = m_useFrom->currentData(Qt::UserRole).toString();
    cache.description = m_description->text();
    cache.connectionString = resolvedConnectionString();
    switch (storage()) {
    case Storage::Keychain:
        cache.keychainKey = m_keychainKey.isEmpty() ? ConnectionStringKeychain::newKey(cache.id) : m_keychainKey;
        break;
    case Storage::File:
        cache.connectionStringSource = m_connection->text();
        break;
    case Storage::Environment:
        cache.connectionStringSource = QStringLiteral("${%1}").arg(m_variable->text());
        break;
    }
    return cache;
}

void ExternalCacheDialog::testConnection()
{
    QString problem;
    bool warning = false;
    const std::optional<RedisConnectionOptions> options = connectionOptions(&problem, &warning);
    if (!options)
        return;
    delete m_probe;
    m_probe = new RedisConnectionProbe(*options, this);
    connect(m_probe, &RedisConnectionProbe::finished, this, &ExternalCacheDialog::showTestResult);
    m_busy->show();
    m_testResult->setText(tr("Testing..."));
    m_probe->start();
    validate();
}

void ExternalCacheDialog::showTestResult(const RedisProbeResult &result)
{
    m_busy->hide();
    m_testResult->setText(CacheTexts::probeSummary(result));
    validate();
    Q_EMIT connectionTested(result.ok);
}

} // namespace sluice
