#pragma once

#include <QByteArray>
#include <QProcess>
#include <QString>
#include <QTemporaryDir>

namespace sluice::test {

// A real nginx for tests, on a free loopback port, with a generated
// configuration in a temporary prefix directory. Stopped (by its own process
// handle) when destroyed.
class NginxProcess
{
public:
    NginxProcess();
    ~NginxProcess();
    NginxProcess(const NginxProcess &) = delete;
    NginxProcess &operator=(const NginxProcess &) = delete;

    // Starts nginx with `serverBlocks` inside `http { }`. Every `@PORT@` in
    // them is replaced by the chosen port and `@PREFIX@` by the prefix
    // directory. Waits until the port accepts connections.
    bool start(const QByteArray &serverBlocks);
    void stop();

    quint16 port() const { return m_port; }
    QString prefix() const { return m_dir.path(); }
    QString errorText() const { return m_error; }

    static bool isAvailable();

private:
    bool startOnce(const QByteArray &serverBlocks);

    QTemporaryDir m_dir;
    QProcess m_process;
    QString m_error;
    quint16 m_port = 0;
};

} // namespace sluice::test
