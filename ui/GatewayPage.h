#pragma once

#include <QWidget>

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QPushButton;
class QSpinBox;
class QTimer;

namespace sluice {

class ConsoleGateway;
class WorkspaceDocument;

// Runs the gateway for the open workspace: location, listen address, port,
// threads; Start / Stop / Restart; state and URL; the outcome of the last hot
// reload (after a save); the live log, filtered by level and API, pausable,
// bounded.
class GatewayPage : public QWidget
{
    Q_OBJECT

public:
    GatewayPage(WorkspaceDocument *document, ConsoleGateway *gateway, QWidget *parent = nullptr);

    void start();

private:
    void refreshWorkspace();
    void refreshState();
    void pollLog();
    void rebuildLog();
    void showReload(bool accepted, const QString &message);

    WorkspaceDocument *m_document;
    ConsoleGateway *m_gateway;
    QComboBox *m_location;
    QLineEdit *m_address;
    QSpinBox *m_port;
    QSpinBox *m_threads;
    QPushButton *m_start;
    QPushButton *m_stop;
    QPushButton *m_restart;
    QLabel *m_state;
    QLabel *m_error;
    QLabel *m_reload; // the outcome of the last hot reload
    QComboBox *m_level;
    QComboBox *m_api;
    QCheckBox *m_pause;
    QPlainTextEdit *m_logView;
    QTimer *m_logTimer;
    quint64 m_shownSequence = 0;
};

} // namespace sluice
