#pragma once

#include <QDir>
#include <QObject>

#include <functional>

namespace sluice {

class MainWindow;

// `sluice --screenshots DIR`: drives the real window like a user would (start
// the gateway on a free port, send the same request twice from the Test
// console), then grabs every page to DIR/<page>.png and quits. Each step waits
// for its condition on the event loop, never by sleeping; a step that does not
// come true within its time fails the tour.
class ScreenshotTour : public QObject
{
    Q_OBJECT

public:
    ScreenshotTour(MainWindow *window, const QString &dir, QObject *parent = nullptr);

    void start();

Q_SIGNALS:
    void finished(int exitCode);

private:
    using Condition = std::function<bool()>;
    void waitFor(const QString &what, Condition condition, std::function<void()> next, int timeoutMs = 10000);
    void startGateway();
    void sendRequests(int remaining);
    void grabPage(int index);
    void fail(const QString &message);

    MainWindow *m_window;
    QDir m_dir;
};

} // namespace sluice
