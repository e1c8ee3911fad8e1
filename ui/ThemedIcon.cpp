#include "ThemedIcon.h"

#include <QFile>
#include <QGuiApplication>
#include <QIconEngine>
#include <QPainter>
#include <QPalette>
#include <QPixmap>
#include <QPixmapCache>
#include <QSvgRenderer>

// The icons are a resource of the static sluice_ui: initialised by name, or
// the linker leaves them out.
static void initIconResources()
{
    static const bool once = [] {
        Q_INIT_RESOURCE(icons);
        return true;
    }();
    Q_UNUSED(once);
}

namespace sluice {

namespace {

class ThemedIconEngine : public QIconEngine
{
public:
    explicit ThemedIconEngine(const QString &name)
        : m_name(name)
    {
        QFile file(QStringLiteral(":/icons/%1.svg").arg(name));
        if (file.open(QIODevice::ReadOnly))
            m_svg = file.readAll();
    }

    void paint(QPainter *painter, const QRect &rect, QIcon::Mode mode, QIcon::State) override
    {
        QSvgRenderer renderer(coloured(mode));
        renderer.render(painter, rect);
    }

    QPixmap pixmap(const QSize &size, QIcon::Mode mode, QIcon::State state) override
    {
        const QByteArray svg = coloured(mode);
        const QString key =
            QStringLiteral("sluice-icon:%1:%2x%3:%4").arg(m_name).arg(size.width()).arg(size.height()).arg(qHash(svg));
        QPixmap pixmap;
        if (QPixmapCache::find(key, &pixmap))
            return pixmap;
        pixmap = QPixmap(size);
        pixmap.fill(Qt::transparent);
        QPainter painter(&pixmap);
        paint(&painter, QRect(QPoint(0, 0), size), mode, state);
        painter.end();
        QPixmapCache::insert(key, pixmap);
        return pixmap;
    }

    QIconEngine *clone() const override { return new ThemedIconEngine(*this); }
    QString key() const override { return QStringLiteral("sluice-themed"); }
    bool isNull() override { return m_svg.isEmpty(); }

private:
    QByteArray coloured(QIcon::Mode mode) const
    {
        const QPalette palette = QGuiApplication::palette();
        const QColor colour = mode == QIcon::Disabled ? palette.color(QPalette::Disabled, QPalette::WindowText)
                              : mode == QIcon::Selected ? palette.color(QPalette::HighlightedText)
                                                        : palette.color(QPalette::WindowText);
        QByteArray svg = m_svg;
        return svg.replace("currentColor", colour.name().toLatin1());
    }

    QString m_name;
    QByteArray m_svg;
};

} // namespace

QIcon themedIcon(const QString &name)
{
    initIconResources();
    return QIcon(new ThemedIconEngine(name));
}

} // namespace sluice
