#pragma once

#include "TestRequest.h"

#include <QElapsedTimer>
#include <QWidget>

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QListWidget;
class QNetworkAccessManager;
class QNetworkReply;
class QPlainTextEdit;
class QPushButton;
class QSpinBox;
class QTableWidget;
class QTabWidget;

namespace sluice {

class ConsoleGateway;
class TracePanel;
class WorkspaceDocument;

// Sends requests to the local gateway: an API and operation of the workspace,
// template parameters, query, headers (a subscription key offered from the
// workspace), body; shows status, time, headers (Cache-Status highlighted and
// explained), the body pretty-printed; "Send N times"; the history; with
// Trace checked, the policy steps of the response in the Trace tab.
class TestConsolePage : public QWidget
{
    Q_OBJECT

public:
    TestConsolePage(WorkspaceDocument *document, ConsoleGateway *gateway, QWidget *parent = nullptr);

    void send();

Q_SIGNALS:
    void responseShown();

private:
    void refreshWorkspace();
    void refreshOperations();
    void refreshParameters();
    void refreshSendable();
    TestRequest request() const;
    void sendOne();
    void showReply(QNetworkReply *reply, qint64 elapsedMs);
    void showTrace(const QByteArray &traceId);

    WorkspaceDocument *m_document;
    ConsoleGateway *m_gateway;
    QNetworkAccessManager *m_network;
    QComboBox *m_api;
    QComboBox *m_operation;
    QTableWidget *m_parameters;
    QLineEdit *m_query;
    QComboBox *m_subscription;
    QPlainTextEdit *m_headers;
    QPlainTextEdit *m_body;
    QSpinBox *m_times;
    QCheckBox *m_trace;
    QPushButton *m_send;
    QLabel *m_status;
    QLabel *m_cacheStatus;
    QTableWidget *m_responseHeaders;
    QPlainTextEdit *m_responseBody;
    QTabWidget *m_responseTabs;
    TracePanel *m_tracePanel;
    QListWidget *m_history;
    int m_remaining = 0;
    TestRequest m_pending;
    QElapsedTimer m_timer;
};

} // namespace sluice
