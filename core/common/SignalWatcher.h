#pragma once

#include <QObject>

class QSocketNotifier;

namespace sluice {

// Turns SIGINT and SIGTERM (terminationRequested) and SIGHUP (reloadRequested)
// into Qt signals on the thread that created the watcher (self-pipe trick: the
// handler only writes one byte). One per process.
class SignalWatcher : public QObject
{
    Q_OBJECT
public:
    explicit SignalWatcher(QObject *parent = nullptr);
    ~SignalWatcher() override;

Q_SIGNALS:
    void terminationRequested(int signalNumber);
    void reloadRequested();

private:
    void onReadable();

    QSocketNotifier *m_notifier = nullptr;
};

} // namespace sluice
