#pragma once

#include "redis/RedisConnectionOptions.h"
#include "workspace/Workspace.h"

#include <QDialog>
#include <QPointer>

class QComboBox;
class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QProgressBar;
class QPushButton;
class QStandardItemModel;
class QToolButton;

namespace sluice {

class ConnectionStringKeychain;
class RedisConnectionProbe;
struct RedisProbeResult;

// "+ Add" / "Edit" of an external cache, as APIM's "External cache" blade:
// cache instance (Custom, or the redis-server found on localhost), Use from
// (Default and the workspace's locations; one already served by another cache
// is disabled and says which), connection string (masked, validated as typed
// with the parser's exact problem shown inline), where the connection string
// is kept (system keychain, the workspace file, or an environment variable),
// description and a background "Test connection". Save is enabled only while
// the form is valid. The connection string is never shown anywhere but in its
// own (masked) field.
class ExternalCacheDialog : public QDialog
{
    Q_OBJECT
public:
    enum class Storage { Keychain, File, Environment };

    // `editedIndex`: the cache of `workspace` being edited, or -1 to add one.
    ExternalCacheDialog(const Workspace &workspace, int editedIndex, ConnectionStringKeychain *keychain,
                        QWidget *parent = nullptr);
    ~ExternalCacheDialog() override;

    // The cache as edited: connectionString resolved, connectionStringSource
    // and keychainKey as workspace.json will reference it.
    ExternalCache cache() const;
    Storage storage() const;
    bool isValid() const;

    // Looks for a redis-server at `endpoint` (in the background) and offers it
    // as a cache instance when it answers.
    void probeLocalServer(const RedisEndpoint &endpoint);

Q_SIGNALS:
    void connectionTested(bool ok);

private:
    void buildForm();
    void fillUseFrom(const QString &current);
    void setCache(const ExternalCache &cache);
    void updateKeychainAvailability();
    void onInstanceChosen();
    void validate();
    // The connection string the form describes, resolved; nullopt with `problem`.
    std::optional<RedisConnectionOptions> connectionOptions(QString *problem, bool *warning) const;
    QString resolvedConnectionString() const;
    void testConnection();
    void showTestResult(const RedisProbeResult &result);

    const Workspace m_workspace;
    const int m_editedIndex;
    QString m_keychainKey; // the edited cache's entry, kept on edit
    QPointer<ConnectionStringKeychain> m_keychain;

    QLineEdit *m_id = nullptr;
    QLabel *m_idError = nullptr;
    QComboBox *m_instance = nullptr;
    QComboBox *m_useFrom = nullptr;
    QStandardItemModel *m_useFromModel = nullptr;
    QComboBox *m_storage = nullptr;
    QLabel *m_storageNote = nullptr;
    QLineEdit *m_connection = nullptr;
    QToolButton *m_showConnection = nullptr;
    QLineEdit *m_variable = nullptr;
    QLabel *m_connectionError = nullptr;
    QLineEdit *m_description = nullptr;
    QPushButton *m_test = nullptr;
    QProgressBar *m_busy = nullptr;
    QLabel *m_testResult = nullptr;
    QDialogButtonBox *m_buttons = nullptr;
    RedisConnectionProbe *m_probe = nullptr;
    RedisConnectionProbe *m_localProbe = nullptr;
};

} // namespace sluice
