#include "ConsoleSettings.h"

namespace sluice {

namespace {

const QString kRecent = QStringLiteral("workspaces/recent");
const QString kGeometry = QStringLiteral("window/geometry");
const QString kState = QStringLiteral("window/state");
const QString kLastPage = QStringLiteral("window/lastPage");
const QString kLanguage = QStringLiteral("ui/language");

} // namespace

QStringList ConsoleSettings::recentWorkspaces() const
{
    return m_settings.value(kRecent).toStringList();
}

void ConsoleSettings::addRecentWorkspace(const QString &dir)
{
    QStringList recent = recentWorkspaces();
    recent.removeAll(dir);
    recent.prepend(dir);
    while (recent.size() > maxRecent())
        recent.removeLast();
    m_settings.setValue(kRecent, recent);
}

QByteArray ConsoleSettings::windowGeometry() const
{
    return m_settings.value(kGeometry).toByteArray();
}

void ConsoleSettings::setWindowGeometry(const QByteArray &geometry)
{
    m_settings.setValue(kGeometry, geometry);
}

QByteArray ConsoleSettings::windowState() const
{
    return m_settings.value(kState).toByteArray();
}

void ConsoleSettings::setWindowState(const QByteArray &state)
{
    m_settings.setValue(kState, state);
}

int ConsoleSettings::lastPage() const
{
    return m_settings.value(kLastPage, 0).toInt();
}

void ConsoleSettings::setLastPage(int page)
{
    m_settings.setValue(kLastPage, page);
}

QString ConsoleSettings::language() const
{
    return m_settings.value(kLanguage).toString();
}

void ConsoleSettings::setLanguage(const QString &language)
{
    m_settings.setValue(kLanguage, language);
}

} // namespace sluice
