#include "TestConsolePage.h"

#include "BodyFormatter.h"
#include "CacheStatusExplanation.h"
#include "ConsoleGateway.h"
#include "TracePanel.h"
#include "WorkspaceDocument.h"
#include "gateway/RequestTrace.h"

#include <QCheckBox>
#include <QComboBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QNetworkAccessManager>
#include <QNetworkProxy>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QSplitter>
#include <QTabWidget>
#include <QTableWidget>
#include <QVBoxLayout>

namespace sluice {

namespace {

const QByteArray kSubscriptionHeader = QByteArrayLiteral("Ocp-Apim-Subscription-Key");
const QByteArray kTraceHeader = QByteArrayLiteral("Ocp-Apim-Trace");

QTableWidget *keyValueTable(const QString &first, const QString &second, QWidget *parent)
{
    auto *table = new QTableWidget(0, 2, parent);
    table->setHorizontalHeaderLabels({first, second});
    table->horizontalHeader()->setStretchLastSection(true);
    table->verticalHeader()->hide();
    return table;
}

} // namespace

TestConsolePage::TestConsolePage(WorkspaceDocument *document, ConsoleGateway *gateway, QWidget *parent)
    : QWidget(parent)
    , m_document(document)
    , m_gateway(gateway)
    , m_network(new QNetworkAccessManager(this))
    , m_api(new QComboBox(this))
    , m_operation(new QComboBox(this))
    , m_parameters(keyValueTable(tr("Parameter"), tr("Value"), this))
    , m_query(new QLineEdit(this))
    , m_subscription(new QComboBox(this))
    , m_headers(new QPlainTextEdit(this))
    , m_body(new QPlainTextEdit(this))
    , m_times(new QSpinBox(this))
    , m_trace(new QCheckBox(tr("&Trace"), this))
    , m_send(new QPushButton(tr("Se&nd"), this))
    , m_status(new QLabel(this))
    , m_cacheStatus(new QLabel(this))
    , m_responseHeaders(keyValueTable(tr("Header"), tr("Value"), this))
    , m_responseBody(new QPlainTextEdit(this))
    , m_responseTabs(new QTabWidget(this))
    , m_tracePanel(new TracePanel(this))
    , m_history(new QListWidget(this))
{
    m_network->setProxy(QNetworkProxy::NoProxy); // the local gateway, never through a proxy
    m_api->setObjectName(QStringLiteral("testApi"));
    m_api->setAccessibleName(tr("API"));
    m_operation->setObjectName(QStringLiteral("testOperation"));
    m_operation->setAccessibleName(tr("Operation"));
    m_parameters->setObjectName(QStringLiteral("testParameters"));
    m_parameters->setAccessibleName(tr("Template parameters"));
    m_query->setObjectName(QStringLiteral("testQuery"));
    m_query->setAccessibleName(tr("Query string"));
    m_query->setPlaceholderText(tr("name=value&other=value"));
    m_subscription->setObjectName(QStringLiteral("testSubscription"));
    m_subscription->setAccessibleName(tr("Subscription key"));
    m_headers->setObjectName(QStringLiteral("testHeaders"));
    m_headers->setAccessibleName(tr("Request headers"));
    m_headers->setPlaceholderText(tr("One header per line: Name: value"));
    m_body->setObjectName(QStringLiteral("testBody"));
    m_body->setAccessibleName(tr("Request body"));
    m_times->setObjectName(QStringLiteral("testTimes"));
    m_times->setAccessibleName(tr("How many times to send"));
    m_times->setRange(1, 1000);
    // The unit after the count, in the count's plural form ("1 time", "5 times").
    const auto timesSuffix = [this](int n) { m_times->setSuffix(tr(" time(s)", "after the count of Send N times", n)); };
    timesSuffix(m_times->value());
    connect(m_times, &QSpinBox::valueChanged, this, timesSuffix);
    m_trace->setObjectName(QStringLiteral("testTrace"));
    m_trace->setAccessibleName(tr("Trace the request"));
    m_trace->setToolTip(tr("Sends Ocp-Apim-Trace: true; the Trace tab then shows every policy step the gateway ran."));
    m_trace->setChecked(true);
    m_send->setObjectName(QStringLiteral("testSend"));
    m_send->setAccessibleName(tr("Send the request"));
    m_send->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_Return));
    m_status->setObjectName(QStringLiteral("testStatus"));
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_cacheStatus->setObjectName(QStringLiteral("cacheStatusExplanation"));
    m_cacheStatus->setWordWrap(true);
    m_responseHeaders->setObjectName(QStringLiteral("testResponseHeaders"));
    m_responseHeaders->setAccessibleName(tr("Response headers"));
    m_responseHeaders->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_responseBody->setObjectName(QStringLiteral("testResponseBody"));
    m_responseBody->setAccessibleName(tr("Response body"));
    m_responseBody->setReadOnly(true);
    m_responseBody->setFont(QFont(QStringLiteral("monospace")));
    m_history->setObjectName(QStringLiteral("testHistory"));
    m_history->setAccessibleName(tr("Requests sent"));

    auto *form = new QFormLayout;
    form->addRow(tr("&API:"), m_api);
    form->addRow(tr("O&peration:"), m_operation);
    form->addRow(tr("Pa&rameters:"), m_parameters);
    form->addRow(tr("&Query:"), m_query);
    form->addRow(tr("Su&bscription key:"), m_subscription);
    form->addRow(tr("&Headers:"), m_headers);
    form->addRow(tr("B&ody:"), m_body);
    auto *sendRow = new QHBoxLayout;
    sendRow->addWidget(m_times);
    sendRow->addWidget(m_trace);
    sendRow->addWidget(m_send);
    sendRow->addStretch();
    form->addRow(sendRow);
    auto *requestSide = new QWidget(this);
    auto *requestLayout = new QVBoxLayout(requestSide);
    requestLayout->addLayout(form);
    requestLayout->addWidget(new QLabel(tr("History:"), requestSide));
    requestLayout->addWidget(m_history);

    auto *responsePage = new QWidget(this);
    auto *responsePageLayout = new QVBoxLayout(responsePage);
    responsePageLayout->setContentsMargins(0, 0, 0, 0);
    responsePageLayout->addWidget(m_responseHeaders, 1);
    responsePageLayout->addWidget(m_responseBody, 2);
    m_responseTabs->setObjectName(QStringLiteral("testResponseTabs"));
    m_responseTabs->addTab(responsePage, tr("Respon&se"));
    m_responseTabs->addTab(m_tracePanel, tr("Tra&ce"));
    auto *responseSide = new QWidget(this);
    auto *responseLayout = new QVBoxLayout(responseSide);
    responseLayout->addWidget(m_status);
    responseLayout->addWidget(m_cacheStatus);
    responseLayout->addWidget(m_responseTabs, 1);

    auto *splitter = new QSplitter(Qt::Horizontal, this);
    splitter->addWidget(requestSide);
    splitter->addWidget(responseSide);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(splitter);

    connect(m_api, &QComboBox::currentIndexChanged, this, &TestConsolePage::refreshOperations);
    connect(m_operation, &QComboBox::currentIndexChanged, this, &TestConsolePage::refreshParameters);
    connect(m_send, &QPushButton::clicked, this, &TestConsolePage::send);
    connect(m_document, &WorkspaceDocument::loaded, this, &TestConsolePage::refreshWorkspace);
    connect(m_gateway, &ConsoleGateway::stateChanged, this, &TestConsolePage::refreshSendable);
    refreshWorkspace();
}

void TestConsolePage::refreshWorkspace()
{
    const QString api = m_api->currentData().toString();
    {
        const QSignalBlocker blocker(m_api);
        m_api->clear();
        for (const Api &a : m_document->workspace().apis)
            m_api->addItem(tr("%1 (/%2)").arg(a.name, a.path), a.id);
        m_api->setCurrentIndex(std::max(0, m_api->findData(api)));
    }
    m_subscription->clear();
    m_subscription->addItem(tr("(none)"), QString());
    for (const Subscription &s : m_document->workspace().subscriptions) {
        if (s.isActive())
            m_subscription->addItem(s.name.isEmpty() ? s.id : s.name, s.id);
    }
    refreshOperations();
    refreshSendable();
}

void TestConsolePage::refreshOperations()
{
    const QSignalBlocker blocker(m_operation);
    m_operation->clear();
    if (const Api *api = m_document->workspace().api(m_api->currentData().toString())) {
        for (const Operation &op : api->operations)
            m_operation->addItem(tr("%1 %2 (%3)").arg(op.method, op.urlTemplate, op.name), op.id);
    }
    refreshParameters();
}

void TestConsolePage::refreshParameters()
{
    m_parameters->setRowCount(0);
    const Api *api = m_document->workspace().api(m_api->currentData().toString());
    const Operation *op = api ? api->operation(m_operation->currentData().toString()) : nullptr;
    if (!op)
        return;
    const QStringList names = TestRequest::templateParameters(op->urlTemplate);
    m_parameters->setRowCount(static_cast<int>(names.size()));
    for (int row = 0; row < names.size(); ++row) {
        auto *name = new QTableWidgetItem(names[row]);
        name->setFlags(name->flags() & ~Qt::ItemIsEditable);
        m_parameters->setItem(row, 0, name);
        m_parameters->setItem(row, 1, new QTableWidgetItem);
    }
}

void TestConsolePage::refreshSendable()
{
    const bool running = m_gateway->state() == ConsoleGateway::State::Running;
    m_send->setEnabled(running && m_remaining == 0);
    m_send->setToolTip(running ? QString() : tr("Start the gateway on the Gateway page first."));
}

TestRequest TestConsolePage::request() const
{
    TestRequest r;
    const Api *api = m_document->workspace().api(m_api->currentData().toString());
    const Operation *op = api ? api->operation(m_operation->currentData().toString()) : nullptr;
    if (api)
        r.apiPath = api->path;
    if (op) {
        r.urlTemplate = op->urlTemplate;
        r.method = op->method == QLatin1String("*") ? QStringLiteral("GET") : op->method;
    }
    for (int row = 0; row < m_parameters->rowCount(); ++row) {
        const QTableWidgetItem *value = m_parameters->item(row, 1);
        r.parameters.append({m_parameters->item(row, 0)->text(), value ? value->text() : QString()});
    }
    r.query = m_query->text();
    const QStringList lines = m_headers->toPlainText().split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    for (const QString &line : lines) {
        const qsizetype colon = line.indexOf(QLatin1Char(':'));
        if (colon > 0)
            r.headers.append({line.left(colon).trimmed().toLatin1(), line.mid(colon + 1).trimmed().toUtf8()});
    }
    const QString subscriptionId = m_subscription->currentData().toString();
    for (const Subscription &s : m_document->workspace().subscriptions) {
        if (!subscriptionId.isEmpty() && s.id == subscriptionId)
            r.headers.append({kSubscriptionHeader, s.primaryKey.toUtf8()});
    }
    if (m_trace->isChecked())
        r.headers.append({kTraceHeader, QByteArrayLiteral("true")});
    r.body = m_body->toPlainText().toUtf8();
    return r;
}

void TestConsolePage::send()
{
    if (m_gateway->state() != ConsoleGateway::State::Running || m_remaining > 0)
        return;
    m_pending = request();
    m_remaining = m_times->value();
    refreshSendable();
    sendOne();
}

void TestConsolePage::sendOne()
{
    QNetworkRequest networkRequest(m_pending.url(m_gateway->url()));
    networkRequest.setTransferTimeout(30'000);
    for (const auto &[name, value] : std::as_const(m_pending.headers))
        networkRequest.setRawHeader(name, value);
    m_timer.start();
    QNetworkReply *reply = m_pending.body.isEmpty()
        ? m_network->sendCustomRequest(networkRequest, m_pending.method.toLatin1())
        : m_network->sendCustomRequest(networkRequest, m_pending.method.toLatin1(), m_pending.body);
    connect(reply, &QNetworkReply::finished, this, [this, reply] {
        reply->deleteLater();
        showReply(reply, m_timer.elapsed());
        if (--m_remaining > 0 && m_gateway->state() == ConsoleGateway::State::Running) {
            sendOne();
            return;
        }
        m_remaining = 0;
        refreshSendable();
    });
}

void TestConsolePage::showTrace(const QByteArray &traceId)
{
    if (!m_pending.headers.contains({kTraceHeader, QByteArrayLiteral("true")})) {
        m_tracePanel->showNone(tr("Trace was not checked for the last request."));
        return;
    }
    const std::shared_ptr<const RequestTrace> trace =
        traceId.isEmpty() ? nullptr : m_gateway->trace(QString::fromLatin1(traceId));
    if (trace)
        m_tracePanel->showTrace(*trace);
    else
        m_tracePanel->showNone(tr("The gateway traced nothing for the last response (no API operation "
                                  "answered it, or the trace is gone)."));
}

void TestConsolePage::showReply(QNetworkReply *reply, qint64 elapsedMs)
{
    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    const QByteArray body = reply->readAll();
    const QString cacheStatus = QString::fromLatin1(reply->rawHeader("Cache-Status"));
    const CacheStatusExplanation explanation = CacheStatusExplanation::parse(cacheStatus);
    if (status == 0)
        m_status->setText(tr("No response: %1 (%2 ms)").arg(reply->errorString()).arg(elapsedMs));
    else
        m_status->setText(tr("%1 %2 in %3 ms")
                              .arg(status)
                              .arg(reply->attribute(QNetworkRequest::HttpReasonPhraseAttribute).toString())
                              .arg(elapsedMs));
    m_cacheStatus->setText(explanation.text());

    const QList<QNetworkReply::RawHeaderPair> headers = reply->rawHeaderPairs();
    m_responseHeaders->setRowCount(static_cast<int>(headers.size()));
    for (int row = 0; row < headers.size(); ++row) {
        auto *name = new QTableWidgetItem(QString::fromLatin1(headers[row].first));
        auto *value = new QTableWidgetItem(QString::fromLatin1(headers[row].second));
        if (headers[row].first.compare("Cache-Status", Qt::CaseInsensitive) == 0) {
            QFont bold = name->font();
            bold.setBold(true);
            for (QTableWidgetItem *item : {name, value}) {
                item->setFont(bold);
                item->setBackground(palette().highlight());
                item->setForeground(palette().highlightedText());
                item->setToolTip(explanation.text());
            }
        }
        m_responseHeaders->setItem(row, 0, name);
        m_responseHeaders->setItem(row, 1, value);
    }
    m_responseBody->setPlainText(
        BodyFormatter::pretty(reply->header(QNetworkRequest::ContentTypeHeader).toByteArray(), body));
    showTrace(reply->rawHeader("Sluice-Trace-Id"));

    const QString outcome = status == 0 ? tr("failed") : QString::number(status);
    auto *item = new QListWidgetItem(tr("%1 %2 → %3, %4 ms, %5")
                                         .arg(m_pending.method, m_pending.path(), outcome)
                                         .arg(elapsedMs)
                                         .arg(cacheStatus.isEmpty() ? tr("no Cache-Status") : cacheStatus));
    item->setData(Qt::UserRole, cacheStatus);
    m_history->insertItem(0, item);
    Q_EMIT responseShown();
}

} // namespace sluice
