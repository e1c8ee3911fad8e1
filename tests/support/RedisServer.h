#pragma once

#include "TlsFixture.h"

#include "redis/RedisConnectionOptions.h"

#include <QByteArray>
#include <QProcess>
#include <QString>
#include <QStringList>
#include <QTemporaryDir>

#include <memory>

namespace sluice::test {

// A real redis-server for tests: on a free loopback port (or the one asked
// for), in a temporary directory, without persistence, with DEBUG enabled.
// Optionally with a password (requirepass), an ACL user, TLS (a generated CA
// and server certificate; the plain port is then closed) and extra
// command-line arguments (e.g. {"--cluster-enabled", "yes"}). Stopped by its
// own process handle, also when destroyed.
class RedisServer
{
public:
    struct Options
    {
        QString password;     // requirepass: the default user's password
        QString aclUser;      // an extra ACL user with every permission...
        QString aclPassword;  // ...and this password
        bool tls = false;
        quint16 port = 0;     // 0: a free port
        QStringList extraArgs;
    };

    RedisServer();
    explicit RedisServer(Options options);
    ~RedisServer();
    RedisServer(const RedisServer &) = delete;
    RedisServer &operator=(const RedisServer &) = delete;

    // Starts and waits until it answers PING. False with errorText() when not.
    bool start();
    // SIGTERM, then SIGKILL when it does not exit.
    void stop();
    // SIGKILL: an abrupt crash.
    void kill();
    // Starts again on the same port with the same settings.
    bool restart();
    bool isRunning() const;

    // Stops the server from answering any client for `ms` (CLIENT PAUSE ms
    // ALL, sent with redis-cli): returns once the pause is in effect, so the
    // next command of a test is certain to wait. (DEBUG SLEEP from another
    // client would race with the test's own command.)
    bool pause(int ms);

    // Runs redis-cli against this server (with its credentials and TLS) and
    // returns its output, trimmed; errorText() on failure.
    QByteArray cli(const QStringList &arguments);

    QString host() const { return QStringLiteral("127.0.0.1"); }
    quint16 port() const { return m_port; }
    QString tlsCaFile() const;           // the CA that signed the server certificate; empty without TLS
    QString connectionString() const;    // StackExchange form (with caFile= when TLS)
    RedisConnectionOptions connectionOptions() const;
    QString directory() const { return m_dir.path(); }
    QString errorText() const { return m_error; }
    qint64 processId() const { return m_process.processId(); }

private:
    bool startOnce();
    bool writeConfig();
    bool waitUntilReady();
    QStringList cliBaseArguments() const;
    QProcessEnvironment cliEnvironment() const;

    Options m_options;
    QTemporaryDir m_dir;
    std::unique_ptr<TlsFixture> m_tls;
    QProcess m_process;
    quint16 m_port = 0;
    QString m_error;
};

} // namespace sluice::test
