#pragma once

#include <QByteArray>
#include <QSettings>
#include <QString>
#include <QStringList>

namespace sluice {

// The console's own settings (not the workspace's): typed keys with defaults
// over QSettings.
class ConsoleSettings
{
public:
    ConsoleSettings() = default;

    QStringList recentWorkspaces() const;
    // Puts `dir` first, keeping at most maxRecent() entries.
    void addRecentWorkspace(const QString &dir);
    static int maxRecent() { return 8; }

    QByteArray windowGeometry() const;
    void setWindowGeometry(const QByteArray &geometry);
    QByteArray windowState() const;
    void setWindowState(const QByteArray &state);
    int lastPage() const;
    void setLastPage(int page);

    // The console's language (a locale name such as "de"); empty: the system's.
    QString language() const;
    void setLanguage(const QString &language);

private:
    QSettings m_settings;
};

} // namespace sluice
