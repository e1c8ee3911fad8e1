#include "RedisServer.h"

#include "FreePort.h"

#include <QDeadlineTimer>
#include <QFile>
#include <QStandardPaths>
#include <QTcpServer>

#include <csignal>
#include <sys/prctl.h>

namespace sluice::test {

namespace {

QString findProgram(const QString &name)
{
    QString path = QStandardPaths::findExecutable(name);
    if (path.isEmpty())
        path = QStandardPaths::findExecutable(name, {QStringLiteral("/usr/bin"), QStringLiteral("/usr/sbin")});
    return path;
}

// A redis.conf string argument: double-quoted with escapes.
QByteArray quoted(const QString &value)
{
    QByteArray out = "\"";
    for (char c : value.toUtf8()) {
        if (c == '"' || c == '\\')
            out += '\\';
        out += c;
    }
    out += '"';
    return out;
}

} // namespace

RedisServer::RedisServer()
    : RedisServer(Options{})
{
}

RedisServer::RedisServer(Options options)
    : m_options(std::move(options))
{
    m_process.setProcessChannelMode(QProcess::MergedChannels);
    // A test that crashes must not leave its server behind.
    m_process.setChildProcessModifier([] { ::prctl(PR_SET_PDEATHSIG, SIGKILL); });
}

RedisServer::~RedisServer()
{
    stop();
}

bool RedisServer::isRunning() const
{
    return m_process.state() != QProcess::NotRunning;
}

void RedisServer::stop()
{
    if (m_process.state() == QProcess::NotRunning)
        return;
    m_process.terminate();
    if (!m_process.waitForFinished(10'000)) {
        m_process.kill();
        m_process.waitForFinished(5'000);
    }
}

void RedisServer::kill()
{
    if (m_process.state() == QProcess::NotRunning)
        return;
    m_process.kill();
    m_process.waitForFinished(5'000);
}

QString RedisServer::tlsCaFile() const
{
    return m_tls ? m_tls->caCertificateFile() : QString();
}

bool RedisServer::start()
{
    stop();
    if (!m_dir.isValid()) {
        m_error = QStringLiteral("cannot create a temporary directory");
        return false;
    }
    if (m_options.tls && !m_tls) {
        m_tls = std::make_unique<TlsFixture>();
        if (!m_tls->generate({QStringLiteral("DNS:localhost"), QStringLiteral("IP:127.0.0.1")})) {
            m_error = m_tls->errorText();
            m_tls.reset();
            return false;
        }
    }
    // A free port may be taken between probing and binding: try a few.
    const int attempts = m_options.port != 0 ? 1 : 5;
    for (int attempt = 0; attempt < attempts; ++attempt) {
        m_port = m_options.port != 0 ? m_options.port : freeLoopbackPort();
        if (startOnce())
            return true;
    }
    return false;
}

bool RedisServer::restart()
{
    stop();
    if (m_port == 0)
        return start();
    return startOnce();
}

bool RedisServer::writeConfig()
{
    QByteArray conf;
    conf += "bind 127.0.0.1\n";
    conf += "protected-mode no\n";
    conf += "daemonize no\n";
    conf += "dir " + quoted(m_dir.path()) + '\n';
    conf += "logfile " + quoted(m_dir.filePath(QStringLiteral("redis.log"))) + '\n';
    conf += "save \"\"\n";
    conf += "appendonly no\n";
    conf += "enable-debug-command yes\n";
    if (m_options.tls) {
        conf += "port 0\n";
        conf += "tls-port " + QByteArray::number(m_port) + '\n';
        conf += "tls-cert-file " + quoted(m_tls->serverCertificateFile()) + '\n';
        conf += "tls-key-file " + quoted(m_tls->serverKeyFile()) + '\n';
        conf += "tls-ca-cert-file " + quoted(m_tls->caCertificateFile()) + '\n';
        conf += "tls-auth-clients no\n";
    } else {
        conf += "port " + QByteArray::number(m_port) + '\n';
    }
    if (!m_options.password.isEmpty())
        conf += "requirepass " + quoted(m_options.password) + '\n';
    if (!m_options.aclUser.isEmpty())
        conf += "user " + m_options.aclUser.toUtf8() + " on >" + m_options.aclPassword.toUtf8() + " ~* &* +@all\n";
    QFile file(m_dir.filePath(QStringLiteral("redis.conf")));
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate) || file.write(conf) != conf.size()) {
        m_error = QStringLiteral("cannot write redis.conf");
        return false;
    }
    return true;
}

bool RedisServer::startOnce()
{
    const QString binary = findProgram(QStringLiteral("redis-server"));
    if (binary.isEmpty()) {
        m_error = QStringLiteral("redis-server not found");
        return false;
    }
    if (!writeConfig())
        return false;
    QFile::remove(m_dir.filePath(QStringLiteral("redis.log")));
    m_process.start(binary, QStringList{m_dir.filePath(QStringLiteral("redis.conf"))} + m_options.extraArgs);
    if (!m_process.waitForStarted(10'000)) {
        m_error = QStringLiteral("redis-server did not start: %1").arg(m_process.errorString());
        return false;
    }
    if (waitUntilReady())
        return true;
    QFile log(m_dir.filePath(QStringLiteral("redis.log")));
    log.open(QIODevice::ReadOnly);
    m_error = QStringLiteral("redis-server is not serving on port %1: %2 %3")
                  .arg(m_port)
                  .arg(m_error, QString::fromLocal8Bit(m_process.readAll() + log.readAll().right(2000)));
    stop();
    return false;
}

bool RedisServer::waitUntilReady()
{
    const QDeadlineTimer deadline(15'000);
    while (!deadline.hasExpired()) {
        if (m_process.state() == QProcess::NotRunning) {
            m_error = QStringLiteral("it exited");
            return false;
        }
        if (cli({QStringLiteral("PING")}) == "PONG")
            return true;
        m_process.waitForFinished(50); // returns early when it exits
    }
    return false;
}

QStringList RedisServer::cliBaseArguments() const
{
    QStringList args{QStringLiteral("-h"), host(), QStringLiteral("-p"), QString::number(m_port)};
    if (m_options.tls)
        args << QStringLiteral("--tls") << QStringLiteral("--cacert") << tlsCaFile();
    if (m_options.password.isEmpty() && !m_options.aclUser.isEmpty())
        args << QStringLiteral("--user") << m_options.aclUser;
    return args;
}

QProcessEnvironment RedisServer::cliEnvironment() const
{
    // The password goes through the environment, never the command line.
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    if (!m_options.password.isEmpty())
        environment.insert(QStringLiteral("REDISCLI_AUTH"), m_options.password);
    else if (!m_options.aclUser.isEmpty())
        environment.insert(QStringLiteral("REDISCLI_AUTH"), m_options.aclPassword);
    return environment;
}

QByteArray RedisServer::cli(const QStringList &arguments)
{
    const QString binary = findProgram(QStringLiteral("redis-cli"));
    if (binary.isEmpty()) {
        m_error = QStringLiteral("redis-cli not found");
        return {};
    }
    QProcess process;
    process.setProcessEnvironment(cliEnvironment());
    process.setProcessChannelMode(QProcess::MergedChannels);
    process.start(binary, cliBaseArguments() + arguments);
    if (!process.waitForFinished(10'000)) {
        process.kill();
        process.waitForFinished(5'000);
        m_error = QStringLiteral("redis-cli did not finish");
        return {};
    }
    return process.readAll().trimmed();
}

bool RedisServer::pause(int ms)
{
    const QByteArray answer =
        cli({QStringLiteral("CLIENT"), QStringLiteral("PAUSE"), QString::number(ms), QStringLiteral("ALL")});
    if (answer != "OK") {
        m_error = QStringLiteral("CLIENT PAUSE failed: %1").arg(QString::fromUtf8(answer));
        return false;
    }
    return true;
}

QString RedisServer::connectionString() const
{
    QString text = host() + QLatin1Char(':') + QString::number(m_port);
    if (!m_options.password.isEmpty()) {
        text += QLatin1String(",password=") + m_options.password;
    } else if (!m_options.aclUser.isEmpty()) {
        text += QLatin1String(",user=") + m_options.aclUser + QLatin1String(",password=") + m_options.aclPassword;
    }
    text += m_options.tls ? QLatin1String(",ssl=True") : QLatin1String(",ssl=False");
    text += QLatin1String(",abortConnect=False");
    if (m_options.tls)
        text += QLatin1String(",caFile=") + tlsCaFile();
    return text;
}

RedisConnectionOptions RedisServer::connectionOptions() const
{
    RedisConnectionOptions options;
    options.endpoints.append(RedisEndpoint{host(), m_port});
    if (!m_options.password.isEmpty()) {
        options.password = m_options.password;
    } else if (!m_options.aclUser.isEmpty()) {
        options.user = m_options.aclUser;
        options.password = m_options.aclPassword;
    }
    options.tls = m_options.tls;
    options.caFile = tlsCaFile();
    options.abortConnect = false;
    return options;
}

} // namespace sluice::test
