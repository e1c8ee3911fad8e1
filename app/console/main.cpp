// sluice [PATH]: the console on the workspace folder PATH, or on the bundled
// sample workspace. Wiring only; see ui/.
#include "MainWindow.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QDir>
#include <QFileInfo>

namespace {

// The sample workspace: installed beside the program, or in the source tree
// (a build directory's bin/ two levels below it).
QString sampleWorkspace()
{
    const QDir bin(QCoreApplication::applicationDirPath());
    for (const QString &candidate : {bin.filePath(QStringLiteral("../share/sluice/sample-workspace")),
                                     bin.filePath(QStringLiteral("../../resources/sample-workspace")),
                                     QStringLiteral(SLUICE_SOURCE_DIR "/resources/sample-workspace")}) {
        if (QFileInfo::exists(QDir(candidate).filePath(QStringLiteral("workspace.json"))))
            return QDir(candidate).absolutePath();
    }
    return {};
}

} // namespace

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    QApplication::setApplicationName(QStringLiteral("sluice"));
    QApplication::setOrganizationName(QStringLiteral("Sluice"));
    QApplication::setApplicationVersion(QStringLiteral(SLUICE_VERSION));

    QCommandLineParser parser;
    parser.setApplicationDescription(QApplication::translate("main", "Sluice console"));
    parser.addHelpOption();
    parser.addVersionOption();
    parser.addPositionalArgument(QStringLiteral("path"),
                                 QApplication::translate("main", "Workspace folder (default: the sample workspace)."));
    parser.process(app);

    const QStringList paths = parser.positionalArguments();
    sluice::MainWindow window;
    const QString dir = paths.isEmpty() ? sampleWorkspace() : paths.first();
    if (!dir.isEmpty())
        window.openWorkspace(dir);
    window.show();
    return app.exec();
}
