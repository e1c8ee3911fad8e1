#pragma once

#include <QWidget>

#include <functional>

class QComboBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QPushButton;
class QTableView;

namespace sluice {

class CacheEntriesModel;
class ConnectionStringKeychain;
class ConsoleGateway;
class WorkspaceDocument;

// The Cache browser: the entries of one store (the running gateway's
// built-in cache, or an external cache of the workspace, which needs no
// gateway) in a CacheEntriesModel; the value of the selected entry; removing
// one entry, the entries under a prefix, or all of them (after asking).
class CacheBrowserPage : public QWidget
{
    Q_OBJECT

public:
    // Asked before removing by prefix or purging; true goes ahead. The default
    // asks with a message box; tests answer themselves.
    using Confirm = std::function<bool(const QString &title, const QString &question)>;

    // `keychain` may be null: caches whose connection string is in the
    // keychain then say so instead of listing.
    CacheBrowserPage(WorkspaceDocument *document, ConsoleGateway *gateway, ConnectionStringKeychain *keychain,
                     QWidget *parent = nullptr);

    void setConfirmation(Confirm confirm) { m_confirm = std::move(confirm); }
    CacheEntriesModel *model() const { return m_model; }

    void deleteSelected();
    void deleteByPrefix();
    void purgeAll();

private:
    void refreshStores();
    void openStore();
    void openExternal(const QString &cacheId, const QString &connectionString);
    void refreshState();
    void showSelected();
    QByteArray purgeAllPrefix() const;

    WorkspaceDocument *m_document;
    ConsoleGateway *m_gateway;
    ConnectionStringKeychain *m_keychain;
    CacheEntriesModel *m_model;
    Confirm m_confirm;
    QComboBox *m_store;
    QLineEdit *m_prefix;
    QLabel *m_status;
    QLabel *m_error;
    QTableView *m_view;
    QPlainTextEdit *m_value;
    QPushButton *m_loadMore;
    QPushButton *m_delete;
    QPushButton *m_deletePrefix;
    QPushButton *m_purge;
    quint64 m_valueRequest = 0;
    quint64 m_storeRequest = 0;
};

} // namespace sluice
