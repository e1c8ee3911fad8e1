// sluice [PATH]: the console on the workspace folder PATH, or on the bundled
// sample workspace. Wiring only; see ui/.
#include "ConsoleLanguage.h"
#include "ConsoleSettings.h"
#include "MainWindow.h"
#include "SampleWorkspace.h"
#include "ScreenshotTour.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QMessageBox>

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    QApplication::setApplicationName(QStringLiteral("sluice"));
    QApplication::setOrganizationName(QStringLiteral("Sluice"));
    QApplication::setApplicationVersion(QStringLiteral(SLUICE_VERSION));
    QApplication::setDesktopFileName(QStringLiteral("io.github.sluice.Sluice"));

    // The language comes before the parser, whose help text is translated too.
    QString language = sluice::ConsoleSettings().language();
    const QStringList arguments = QApplication::arguments();
    for (qsizetype i = 1; i < arguments.size(); ++i) {
        if (arguments[i] == QLatin1String("--lang"))
            language = arguments.value(i + 1);
        else if (arguments[i].startsWith(QLatin1String("--lang=")))
            language = arguments[i].mid(7);
    }
    sluice::installTranslations(&app, language);

    QCommandLineParser parser;
    parser.setApplicationDescription(QApplication::translate("main", "Sluice console"));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption lang(QStringLiteral("lang"),
                                  QApplication::translate("main", "Show the console in LANGUAGE (for example de or en)."),
                                  QApplication::translate("main", "LANGUAGE"));
    const QCommandLineOption screenshots(
        QStringLiteral("screenshots"),
        QApplication::translate("main", "Start the gateway, send two requests, save each page to DIR and quit."),
        QApplication::translate("main", "DIR"));
    parser.addOptions({lang, screenshots});
    parser.addPositionalArgument(QStringLiteral("path"),
                                 QApplication::translate("main", "Workspace folder (default: the sample workspace)."));
    parser.process(app);

    const QStringList paths = parser.positionalArguments();
    sluice::MainWindow window;
    QString error;
    const QString dir = paths.isEmpty() ? sluice::sampleWorkspace(&error) : paths.first();
    if (!dir.isEmpty())
        window.openWorkspace(dir);
    window.show();
    if (!error.isEmpty())
        QMessageBox::information(&window, QApplication::translate("main", "Sample workspace"), error);

    if (parser.isSet(screenshots)) {
        auto *tour = new sluice::ScreenshotTour(&window, parser.value(screenshots), &app);
        QObject::connect(tour, &sluice::ScreenshotTour::finished, &app, &QCoreApplication::exit);
        tour->start();
    }
    return app.exec();
}
