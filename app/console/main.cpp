#include <QApplication>
#include <QLabel>

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    QLabel label(QObject::tr("Sluice console: coming with the console issue."));
    label.show();
    return app.exec();
}
