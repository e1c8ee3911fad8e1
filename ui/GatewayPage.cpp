#include "GatewayPage.h"

#include "ConsoleGateway.h"
#include "WorkspaceDocument.h"

#include <QCheckBox>
#include <QComboBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHostAddress>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QThread>
#include <QTimer>
#include <QVBoxLayout>

namespace sluice {

namespace {

constexpr int kMaxLogLines = 2000;

} // namespace

GatewayPage::GatewayPage(WorkspaceDocument *document, ConsoleGateway *gateway, QWidget *parent)
    : QWidget(parent)
    , m_document(document)
    , m_gateway(gateway)
    , m_location(new QComboBox(this))
    , m_address(new QLineEdit(QStringLiteral("127.0.0.1"), this))
    , m_port(new QSpinBox(this))
    , m_threads(new QSpinBox(this))
    , m_start(new QPushButton(tr("&Start"), this))
    , m_stop(new QPushButton(tr("St&op"), this))
    , m_restart(new QPushButton(tr("&Restart"), this))
    , m_state(new QLabel(this))
    , m_error(new QLabel(this))
    , m_reload(new QLabel(this))
    , m_level(new QComboBox(this))
    , m_api(new QComboBox(this))
    , m_pause(new QCheckBox(tr("&Pause"), this))
    , m_logView(new QPlainTextEdit(this))
    , m_logTimer(new QTimer(this))
{
    m_location->setObjectName(QStringLiteral("gatewayLocation"));
    m_location->setAccessibleName(tr("Location to run as"));
    m_address->setObjectName(QStringLiteral("gatewayAddress"));
    m_address->setAccessibleName(tr("Listen address"));
    m_port->setObjectName(QStringLiteral("gatewayPort"));
    m_port->setAccessibleName(tr("Listen port"));
    m_port->setRange(0, 65535);
    m_port->setValue(8080);
    m_port->setSpecialValueText(tr("any free port"));
    m_threads->setObjectName(QStringLiteral("gatewayThreads"));
    m_threads->setAccessibleName(tr("Worker threads"));
    m_threads->setRange(1, 64);
    m_threads->setValue(std::clamp(QThread::idealThreadCount(), 1, 4));
    m_start->setObjectName(QStringLiteral("gatewayStart"));
    m_start->setAccessibleName(tr("Start the gateway"));
    m_stop->setObjectName(QStringLiteral("gatewayStop"));
    m_stop->setAccessibleName(tr("Stop the gateway"));
    m_restart->setObjectName(QStringLiteral("gatewayRestart"));
    m_restart->setAccessibleName(tr("Restart the gateway"));
    m_state->setObjectName(QStringLiteral("gatewayState"));
    m_state->setTextFormat(Qt::PlainText);
    m_state->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_error->setObjectName(QStringLiteral("gatewayError"));
    m_error->setWordWrap(true);
    m_error->setForegroundRole(QPalette::BrightText);
    m_reload->setObjectName(QStringLiteral("gatewayReloadOutcome"));
    m_reload->setAccessibleName(tr("Outcome of the last reload"));
    m_reload->setWordWrap(true);
    m_reload->setTextFormat(Qt::PlainText);
    m_reload->setTextInteractionFlags(Qt::TextSelectableByMouse);

    m_level->setObjectName(QStringLiteral("logLevel"));
    m_level->setAccessibleName(tr("Lowest log level shown"));
    m_level->addItem(tr("Debug and above"), int(RequestLog::Level::Debug));
    m_level->addItem(tr("Info and above"), int(RequestLog::Level::Info));
    m_level->addItem(tr("Warnings and errors"), int(RequestLog::Level::Warn));
    m_level->addItem(tr("Errors only"), int(RequestLog::Level::Error));
    m_level->setCurrentIndex(1);
    m_api->setObjectName(QStringLiteral("logApi"));
    m_api->setAccessibleName(tr("API shown in the log"));
    m_pause->setObjectName(QStringLiteral("logPause"));
    m_pause->setAccessibleName(tr("Pause the log"));
    m_logView->setObjectName(QStringLiteral("logView"));
    m_logView->setAccessibleName(tr("Gateway log"));
    m_logView->setReadOnly(true);
    m_logView->setMaximumBlockCount(kMaxLogLines);
    m_logView->setLineWrapMode(QPlainTextEdit::NoWrap);
    m_logView->setFont(QFont(QStringLiteral("monospace")));

    auto *form = new QFormLayout;
    form->addRow(tr("&Location:"), m_location);
    form->addRow(tr("Listen &address:"), m_address);
    form->addRow(tr("P&ort:"), m_port);
    form->addRow(tr("&Threads:"), m_threads);
    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_start);
    buttons->addWidget(m_stop);
    buttons->addWidget(m_restart);
    buttons->addStretch();
    auto *filters = new QHBoxLayout;
    filters->addWidget(new QLabel(tr("Log:"), this));
    filters->addWidget(m_level);
    filters->addWidget(m_api);
    filters->addWidget(m_pause);
    filters->addStretch();
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addLayout(buttons);
    layout->addWidget(m_state);
    layout->addWidget(m_error);
    layout->addWidget(m_reload);
    layout->addLayout(filters);
    layout->addWidget(m_logView, 1);

    connect(m_start, &QPushButton::clicked, this, &GatewayPage::start);
    connect(m_stop, &QPushButton::clicked, m_gateway, &ConsoleGateway::stop);
    connect(m_restart, &QPushButton::clicked, m_gateway, &ConsoleGateway::restart);
    connect(m_gateway, &ConsoleGateway::stateChanged, this, &GatewayPage::refreshState);
    connect(m_gateway, &ConsoleGateway::failed, m_error, &QLabel::setText);
    connect(m_gateway, &ConsoleGateway::reloaded, this, &GatewayPage::showReload);
    connect(m_gateway, &ConsoleGateway::started, m_reload, &QLabel::clear);
    connect(m_document, &WorkspaceDocument::loaded, this, &GatewayPage::refreshWorkspace);
    connect(m_level, &QComboBox::currentIndexChanged, this, &GatewayPage::rebuildLog);
    connect(m_api, &QComboBox::currentIndexChanged, this, &GatewayPage::rebuildLog);
    connect(m_pause, &QCheckBox::toggled, this, [this](bool paused) {
        if (!paused)
            pollLog();
    });
    connect(m_logTimer, &QTimer::timeout, this, &GatewayPage::pollLog);
    m_logTimer->start(250);
    refreshWorkspace();
    refreshState();
}

void GatewayPage::start()
{
    m_error->clear();
    const QHostAddress address(m_address->text().trimmed());
    if (address.isNull()) {
        m_error->setText(tr("'%1' is not an IP address.").arg(m_address->text()));
        return;
    }
    if (!m_document->isOpen()) {
        m_error->setText(tr("Open a workspace first."));
        return;
    }
    ConsoleGatewaySettings settings;
    settings.location = m_location->currentData().toString();
    settings.address = address;
    settings.port = static_cast<quint16>(m_port->value());
    settings.threads = m_threads->value();
    QString error;
    if (!m_gateway->start(m_document->directory(), settings, &error))
        m_error->setText(error);
}

void GatewayPage::refreshWorkspace()
{
    const QString location = m_location->currentData().toString();
    m_location->clear();
    m_location->addItem(tr("Default"), QStringLiteral("Default"));
    for (const QString &l : m_document->workspace().locations)
        m_location->addItem(l, l);
    m_location->setCurrentIndex(std::max(0, m_location->findData(location)));

    const QString api = m_api->currentData().toString();
    const QSignalBlocker blocker(m_api);
    m_api->clear();
    m_api->addItem(tr("All APIs"), QString());
    for (const Api &a : m_document->workspace().apis)
        m_api->addItem(a.name, a.id);
    m_api->setCurrentIndex(std::max(0, m_api->findData(api)));
    refreshState();
}

void GatewayPage::refreshState()
{
    const ConsoleGateway::State state = m_gateway->state();
    const bool running = state == ConsoleGateway::State::Running;
    const bool stopped = state == ConsoleGateway::State::Stopped;
    m_start->setEnabled(stopped && m_document->isOpen());
    m_stop->setEnabled(running);
    m_restart->setEnabled(running);
    for (QWidget *w : {static_cast<QWidget *>(m_location), static_cast<QWidget *>(m_address),
                       static_cast<QWidget *>(m_port), static_cast<QWidget *>(m_threads)})
        w->setEnabled(stopped);
    m_state->setText(m_gateway->stateText());
}

void GatewayPage::showReload(bool accepted, const QString &message)
{
    m_reload->setText(accepted ? tr("Saved changes are live: %1").arg(message)
                               : tr("Saved changes were not applied; the gateway keeps running the previous "
                                    "version: %1")
                                     .arg(message));
    m_reload->setForegroundRole(accepted ? QPalette::WindowText : QPalette::BrightText);
}

void GatewayPage::pollLog()
{
    if (m_pause->isChecked())
        return;
    const auto minimum = static_cast<RequestLog::Level>(m_level->currentData().toInt());
    const QString api = m_api->currentData().toString();
    const QList<LogEntry> entries = m_gateway->log().since(m_shownSequence);
    for (const LogEntry &e : entries) {
        m_shownSequence = e.sequence;
        if (e.level < minimum || (!api.isEmpty() && e.api != api))
            continue;
        m_logView->appendPlainText(e.text);
    }
}

void GatewayPage::rebuildLog()
{
    m_logView->clear();
    m_shownSequence = 0;
    pollLog();
}

} // namespace sluice
