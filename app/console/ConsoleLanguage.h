#pragma once

#include <QString>

class QCoreApplication;

namespace sluice {

// Installs the console's translation and Qt's own (qtbase) for `language`
// (a locale name such as "de" or "de_DE"; empty: the system's UI languages).
// The console's .qm files are resources under :/i18n; Qt's come from
// QLibraryInfo::TranslationsPath. Returns the language that was loaded, or an
// empty string when the console runs untranslated (English).
QString installTranslations(QCoreApplication *app, const QString &language);

} // namespace sluice
