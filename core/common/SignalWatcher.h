#pragma once

#include <QObject>

class QSocketNotifier;

namespace sluice {

// Turns SIGINT and SIGTERM into a Qt signal on the thread that created the
// watcher (self-pipe trick: the handler only writes one byte). One per process.
class SignalWatcher : public QObject
{
    Q_OBJECT
public:
    explicit SignalWatcher(QObject *parent = nullptr);
    ~SignalWatcher() override;

Q_SIGNALS:
    void terminationRequested(int signalNumber);

private:
    void onReadable();

    QSocketNotifier *m_notifier = nullptr;
};

} // namespace sluice
