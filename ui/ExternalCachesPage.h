#pragma once

#include "workspace/Workspace.h"

#include <QHash>
#include <QPointer>
#include <QWidget>

class QLabel;
class QLineEdit;
class QListWidget;
class QListWidgetItem;
class QPushButton;
class QTableWidget;
class QUndoStack;

namespace sluice {

class ConnectionStringKeychain;
class ExternalCacheDialog;
struct RedisProbeResult;

// The "External caches" page (APIM's "External cache" blade): the caches of
// the workspace with their Use from, redacted endpoint, last test status and
// round trip; add, edit, remove, test all; the workspace's locations, added
// and renamed here; and the rule that picks a cache. Every edit is one
// QUndoCommand on the stack given (or applied at once without one) and
// signals edited().
class ExternalCachesPage : public QWidget
{
    Q_OBJECT
public:
    enum Column { IdColumn, UseFromColumn, EndpointColumn, StatusColumn, LatencyColumn, ColumnCount };

    // `keychain` may be null: no keychain (the dialog offers the file or a variable).
    explicit ExternalCachesPage(ConnectionStringKeychain *keychain, QWidget *parent = nullptr);
    ~ExternalCachesPage() override;

    void setWorkspace(const Workspace &workspace);
    Workspace workspace() const { return m_workspace; }
    void setUndoStack(QUndoStack *stack);
    // Where "+ Add" looks for a local redis-server (localhost:6379).
    void setLocalServerPort(quint16 port) { m_localPort = port; }

    // The dialog "+ Add" or "Edit" opened, while it is open.
    ExternalCacheDialog *dialog() const { return m_dialog; }

    void addCache();
    void editCache(int row);
    void removeCache(int row);
    void testAll();
    void addLocation(const QString &name);
    void renameLocation(int row, const QString &name);

Q_SIGNALS:
    void edited();
    void testsFinished();

private:
    struct Status
    {
        enum class State { NotTested, Testing, Connected, Failed };
        State state = State::NotTested;
        QString error;
        double roundTripMs = -1;
    };
    class EditCommand;

    void buildUi();
    // Replaces caches and locations as one undoable edit named `text`.
    void apply(const QString &text, const QStringList &locations, const QList<ExternalCache> &caches);
    void restore(const QStringList &locations, const QList<ExternalCache> &caches);
    void refresh();
    void openDialog(int row);
    void onDialogAccepted(int row);
    void loadKeychainSecrets();
    void storeInKeychain(const ExternalCache &cache);
    void setStatus(const QString &cacheId, Status status);
    QString locationProblem(const QString &name, int exceptRow) const;
    int selectedRow() const;

    Workspace m_workspace;
    QPointer<ConnectionStringKeychain> m_keychain;
    QPointer<QUndoStack> m_undo;
    QPointer<ExternalCacheDialog> m_dialog;
    QHash<QString, Status> m_status; // by cache id
    quint16 m_localPort = 6379;
    int m_testsRunning = 0;
    bool m_refreshing = false;

    QTableWidget *m_table = nullptr;
    QPushButton *m_add = nullptr;
    QPushButton *m_edit = nullptr;
    QPushButton *m_remove = nullptr;
    QPushButton *m_testAll = nullptr;
    QListWidget *m_locations = nullptr;
    QLineEdit *m_newLocation = nullptr;
    QPushButton *m_addLocation = nullptr;
    QLabel *m_locationError = nullptr;
    QLabel *m_keychainError = nullptr;
};

} // namespace sluice
