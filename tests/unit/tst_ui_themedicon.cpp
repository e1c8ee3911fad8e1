// ThemedIcon: the console's SVG icons drawn in the palette's text colour, so
// that they follow a light or a dark palette; every icon the window uses exists.
#include "ThemedIcon.h"

#include <QApplication>
#include <QImage>
#include <QPalette>
#include <QTest>

using namespace sluice;

namespace {

// The colour of the icon's most opaque pixel: the stroke.
QColor strokeColour(const QIcon &icon, int size)
{
    const QImage image = icon.pixmap(size, size).toImage().convertToFormat(QImage::Format_ARGB32);
    QColor best(Qt::transparent);
    for (int y = 0; y < image.height(); ++y)
        for (int x = 0; x < image.width(); ++x)
            if (image.pixelColor(x, y).alpha() > best.alpha())
                best = image.pixelColor(x, y);
    return best;
}

} // namespace

class TestThemedIcon : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void everyIconExists_data()
    {
        QTest::addColumn<QString>("name");
        for (const char *name : {"apis", "policies", "external-caches", "gateway", "dashboard", "test-console",
                                 "cache-browser", "open", "reload", "start", "stop", "restart", "save", "undo", "redo"})
            QTest::newRow(name) << QString::fromLatin1(name);
    }

    void everyIconExists()
    {
        QFETCH(QString, name);
        const QIcon icon = themedIcon(name);
        QVERIFY(!icon.isNull());
        QCOMPARE(strokeColour(icon, 24).alpha(), 255);
    }

    void anUnknownIconIsNull() { QVERIFY(themedIcon(QStringLiteral("no-such-icon")).isNull()); }

    void followsThePalette_data()
    {
        QTest::addColumn<QColor>("text");
        QTest::newRow("light palette") << QColor(Qt::black);
        QTest::newRow("dark palette") << QColor(0xee, 0xee, 0xee);
    }

    void followsThePalette()
    {
        QFETCH(QColor, text);
        const QPalette original = QApplication::palette();
        QPalette palette = original;
        palette.setColor(QPalette::WindowText, text);
        QApplication::setPalette(palette);
        const QColor drawn = strokeColour(themedIcon(QStringLiteral("gateway")), 48);
        QApplication::setPalette(original);
        QCOMPARE(drawn.rgb(), text.rgb());
    }

    void scalesWithoutBlur()
    {
        // Rendered from the SVG at the asked size, not scaled from a small bitmap.
        const QIcon icon = themedIcon(QStringLiteral("stop"));
        for (int size : {16, 32, 64, 128})
            QCOMPARE(icon.pixmap(size, size).size(), QSize(size, size));
        QCOMPARE(strokeColour(icon, 128).alpha(), 255);
    }
};

QTEST_MAIN(TestThemedIcon)
#include "tst_ui_themedicon.moc"
