#include "RedisCluster.h"

#include <QDeadlineTimer>
#include <QFile>
#include <QProcessEnvironment>
#include <QStandardPaths>
#include <QTcpServer>
#include <QTest>

namespace sluice::test {

namespace {

constexpr int NodeCount = 3;
constexpr quint16 HighestPort = 55534; // the cluster bus listens on port + 10000

// Ports whose bus ports are free too, all different.
QList<quint16> freeClusterPorts(int count)
{
    QList<quint16> ports;
    std::vector<std::unique_ptr<QTcpServer>> held; // keeps the chosen ports taken while choosing
    for (int attempt = 0; attempt < 500 && ports.size() < count; ++attempt) {
        auto server = std::make_unique<QTcpServer>();
        if (!server->listen(QHostAddress::LocalHost, 0))
            continue;
        const quint16 port = server->serverPort();
        if (port > HighestPort || ports.contains(port + 10000) || ports.contains(port - 10000))
            continue;
        auto bus = std::make_unique<QTcpServer>();
        if (!bus->listen(QHostAddress::LocalHost, quint16(port + 10000)))
            continue;
        ports.append(port);
        held.push_back(std::move(server));
        held.push_back(std::move(bus));
    }
    return ports;
}

// One argument as redis-cli reads it from its standard input (sdssplitargs).
QByteArray quoted(const QByteArray &arg)
{
    QByteArray out = "\"";
    for (const char c : arg) {
        const auto u = quint8(c);
        if (c == '"' || c == '\\')
            out += '\\' + QByteArray(1, c);
        else if (u < 0x20 || u >= 0x7f)
            out += "\\x" + QByteArray::number(u, 16).rightJustified(2, '0');
        else
            out += c;
    }
    return out + '"';
}

QList<QByteArray> lines(const QByteArray &output)
{
    QList<QByteArray> result;
    for (const QByteArray &line : output.split('\n')) {
        const QByteArray trimmed = line.trimmed();
        if (!trimmed.isEmpty())
            result.append(trimmed);
    }
    return result;
}

QByteArray bytes(int value)
{
    return QByteArray::number(value);
}

} // namespace

RedisCluster::RedisCluster() = default;

RedisCluster::~RedisCluster()
{
    stop();
}

QList<quint16> RedisCluster::ports() const
{
    QList<quint16> result;
    for (const Node &node : m_nodes)
        result.append(node.port);
    return result;
}

RedisConnectionOptions RedisCluster::options() const
{
    RedisConnectionOptions options;
    if (!m_nodes.empty())
        options.endpoints.append(RedisEndpoint {QStringLiteral("127.0.0.1"), m_nodes.front().port});
    options.password = m_password;
    return options;
}

void RedisCluster::stopProcess(QProcess &process)
{
    if (process.state() == QProcess::NotRunning)
        return;
    process.terminate();
    if (!process.waitForFinished(10'000)) {
        process.kill();
        process.waitForFinished(5'000);
    }
}

void RedisCluster::stop()
{
    for (Node &node : m_nodes) {
        if (node.process)
            stopProcess(*node.process);
    }
    m_nodes.clear();
}

bool RedisCluster::start(const QString &password)
{
    stop();
    m_password = password;
    if (QStandardPaths::findExecutable(QStringLiteral("redis-server")).isEmpty()
        || QStandardPaths::findExecutable(QStringLiteral("redis-cli")).isEmpty()) {
        m_error = QStringLiteral("redis-server or redis-cli not found");
        return false;
    }
    const QList<quint16> ports = freeClusterPorts(NodeCount);
    if (ports.size() != NodeCount) {
        m_error = QStringLiteral("no free port pairs for the cluster");
        return false;
    }
    for (const quint16 port : ports) {
        m_nodes.push_back(Node {port, std::make_unique<QTemporaryDir>(), std::make_unique<QProcess>()});
        if (!startNode(m_nodes.back())) {
            stop();
            return false;
        }
    }

    QStringList args {QStringLiteral("--cluster"), QStringLiteral("create")};
    for (const quint16 port : ports)
        args.append(QStringLiteral("127.0.0.1:%1").arg(port));
    args += {QStringLiteral("--cluster-replicas"), QStringLiteral("0"), QStringLiteral("--cluster-yes")};
    QProcess create;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    if (!m_password.isEmpty())
        env.insert(QStringLiteral("REDISCLI_AUTH"), m_password);
    create.setProcessEnvironment(env);
    create.setProcessChannelMode(QProcess::MergedChannels);
    create.start(QStringLiteral("redis-cli"), args);
    if (!create.waitForFinished(60'000) || create.exitStatus() != QProcess::NormalExit || create.exitCode() != 0) {
        m_error = QStringLiteral("redis-cli --cluster create failed: %1").arg(QString::fromLocal8Bit(create.readAll()));
        stop();
        return false;
    }
    if (!waitUntilHealthy()) {
        stop();
        return false;
    }
    return true;
}

bool RedisCluster::startNode(Node &node)
{
    if (!node.dir->isValid()) {
        m_error = QStringLiteral("cannot create a temporary directory");
        return false;
    }
    const QByteArray dir = node.dir->path().toUtf8();
    QByteArray conf;
    conf += "port " + bytes(node.port) + '\n';
    conf += "bind 127.0.0.1\n";
    conf += "dir " + quoted(dir) + '\n';
    conf += "logfile " + quoted(dir + "/redis.log") + '\n';
    conf += "daemonize no\n";
    conf += "cluster-enabled yes\n";
    conf += "cluster-config-file nodes.conf\n";
    conf += "cluster-node-timeout 2000\n";
    conf += "save \"\"\n";
    conf += "appendonly no\n";
    if (!m_password.isEmpty()) {
        conf += "requirepass " + quoted(m_password.toUtf8()) + '\n';
        conf += "masterauth " + quoted(m_password.toUtf8()) + '\n';
    }
    const QString confPath = node.dir->filePath(QStringLiteral("redis.conf"));
    QFile file(confPath);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate) || file.write(conf) != conf.size()) {
        m_error = QStringLiteral("cannot write redis.conf");
        return false;
    }
    file.close();

    node.process->setProcessChannelMode(QProcess::MergedChannels);
    node.process->start(QStringLiteral("redis-server"), {confPath});
    if (!node.process->waitForStarted(10'000)) {
        m_error = QStringLiteral("redis-server did not start: %1").arg(node.process->errorString());
        return false;
    }
    const QDeadlineTimer deadline(10'000);
    while (!deadline.hasExpired() && node.process->state() == QProcess::Running) {
        if (cli(node.port, {QByteArrayLiteral("PING")}).trimmed() == "PONG")
            return true;
        QTest::qWait(50);
    }
    QFile log(node.dir->filePath(QStringLiteral("redis.log")));
    log.open(QIODevice::ReadOnly);
    m_error = QStringLiteral("redis-server on port %1 is not serving: %2")
                  .arg(node.port)
                  .arg(QString::fromLocal8Bit(log.readAll().right(2000)));
    return false;
}

QByteArray RedisCluster::cli(quint16 port, const QList<QByteArray> &args)
{
    return cliBatch(port, {args});
}

QByteArray RedisCluster::cliBatch(quint16 port, const QList<QList<QByteArray>> &commands)
{
    QByteArray input;
    for (const QList<QByteArray> &command : commands) {
        QList<QByteArray> words;
        for (const QByteArray &arg : command)
            words.append(quoted(arg));
        input += words.join(' ') + '\n';
    }
    QProcess process;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    if (!m_password.isEmpty())
        env.insert(QStringLiteral("REDISCLI_AUTH"), m_password);
    process.setProcessEnvironment(env);
    process.start(QStringLiteral("redis-cli"),
                  {QStringLiteral("-h"), QStringLiteral("127.0.0.1"), QStringLiteral("-p"), QString::number(port)});
    if (!process.waitForStarted(10'000)) {
        m_error = QStringLiteral("redis-cli did not start: %1").arg(process.errorString());
        return QByteArray();
    }
    process.write(input);
    process.closeWriteChannel();
    if (!process.waitForFinished(30'000) || process.exitStatus() != QProcess::NormalExit || process.exitCode() != 0) {
        m_error = QStringLiteral("redis-cli failed on port %1: %2")
                      .arg(port)
                      .arg(QString::fromLocal8Bit(process.readAllStandardError()));
        process.kill();
        process.waitForFinished(5'000);
        return QByteArray();
    }
    return process.readAllStandardOutput();
}

QByteArray RedisCluster::infoField(quint16 port, const QByteArray &section, const QByteArray &field)
{
    const QByteArray prefix = field + ':';
    for (const QByteArray &line : lines(cli(port, {QByteArrayLiteral("INFO"), section}))) {
        if (line.startsWith(prefix))
            return line.mid(prefix.size());
    }
    return QByteArray();
}

QByteArray RedisCluster::nodeId(quint16 port)
{
    return cli(port, {QByteArrayLiteral("CLUSTER"), QByteArrayLiteral("MYID")}).trimmed();
}

int RedisCluster::keySlot(const QByteArray &key)
{
    if (m_nodes.empty())
        return -1;
    bool ok = false;
    const int slot = cli(m_nodes.front().port, {QByteArrayLiteral("CLUSTER"), QByteArrayLiteral("KEYSLOT"), key})
                         .trimmed()
                         .toInt(&ok);
    return ok ? slot : -1;
}

quint16 RedisCluster::ownerOf(int slot, quint16 askedPort)
{
    if (askedPort == 0 && !m_nodes.empty())
        askedPort = m_nodes.front().port;
    // CLUSTER NODES: <id> <ip:port@bus> <flags> <master> <ping> <pong> <epoch> <link> <slots>...
    for (const QByteArray &line : lines(cli(askedPort, {QByteArrayLiteral("CLUSTER"), QByteArrayLiteral("NODES")}))) {
        const QList<QByteArray> fields = line.split(' ');
        if (fields.size() < 9 || !fields.at(2).contains("master"))
            continue;
        const QByteArray address = fields.at(1).split('@').first();
        const quint16 port = address.mid(address.lastIndexOf(':') + 1).toUShort();
        for (qsizetype i = 8; i < fields.size(); ++i) {
            const QByteArray &range = fields.at(i);
            if (range.startsWith('['))
                continue; // [slot->-id] / [slot-<-id]: a migration in progress
            const qsizetype dash = range.indexOf('-');
            const int first = (dash < 0 ? range : range.left(dash)).toInt();
            const int last = dash < 0 ? first : range.mid(dash + 1).toInt();
            if (slot >= first && slot <= last)
                return port;
        }
    }
    return 0;
}

QList<QByteArray> RedisCluster::keysInSlot(quint16 port, int slot)
{
    return lines(cli(
        port,
        {QByteArrayLiteral("CLUSTER"), QByteArrayLiteral("GETKEYSINSLOT"), bytes(slot), QByteArrayLiteral("1000")}));
}

bool RedisCluster::migrateKeys(quint16 fromPort, quint16 toPort, const QList<QByteArray> &keys)
{
    if (keys.isEmpty())
        return true;
    QList<QByteArray> migrate {
        QByteArrayLiteral("MIGRATE"), QByteArrayLiteral("127.0.0.1"), bytes(toPort), QByteArray(),
        QByteArrayLiteral("0"),       QByteArrayLiteral("5000")};
    if (!m_password.isEmpty())
        migrate += {QByteArrayLiteral("AUTH"), m_password.toUtf8()};
    migrate.append(QByteArrayLiteral("KEYS"));
    migrate += keys;
    const QByteArray reply = cli(fromPort, migrate).trimmed();
    if (reply != "OK" && reply != "NOKEY") {
        m_error = QStringLiteral("MIGRATE failed: %1").arg(QString::fromUtf8(reply));
        return false;
    }
    return true;
}

bool RedisCluster::beginMigration(int slot, quint16 toPort, const QList<QByteArray> &keys)
{
    const quint16 fromPort = ownerOf(slot);
    if (fromPort == 0 || fromPort == toPort) {
        m_error = QStringLiteral("slot %1 has no other owner than %2").arg(slot).arg(toPort);
        return false;
    }
    const QByteArray fromId = nodeId(fromPort);
    const QByteArray toId = nodeId(toPort);
    const QByteArray cluster = QByteArrayLiteral("CLUSTER");
    const QByteArray setSlot = QByteArrayLiteral("SETSLOT");
    const QByteArray importing =
        cli(toPort, {cluster, setSlot, bytes(slot), QByteArrayLiteral("IMPORTING"), fromId}).trimmed();
    const QByteArray migrating =
        cli(fromPort, {cluster, setSlot, bytes(slot), QByteArrayLiteral("MIGRATING"), toId}).trimmed();
    if (importing != "OK" || migrating != "OK") {
        m_error = QStringLiteral("CLUSTER SETSLOT failed: %1 / %2")
                      .arg(QString::fromUtf8(importing), QString::fromUtf8(migrating));
        return false;
    }
    return migrateKeys(fromPort, toPort, keys);
}

bool RedisCluster::finishMigration(int slot, quint16 toPort)
{
    const quint16 fromPort = ownerOf(slot);
    if (fromPort == 0) {
        m_error = QStringLiteral("slot %1 has no owner").arg(slot);
        return false;
    }
    for (QList<QByteArray> keys = keysInSlot(fromPort, slot); !keys.isEmpty(); keys = keysInSlot(fromPort, slot)) {
        if (!migrateKeys(fromPort, toPort, keys))
            return false;
    }
    // The importing node first, then the former owner, then the others.
    const QByteArray toId = nodeId(toPort);
    QList<quint16> order {toPort};
    if (fromPort != toPort)
        order.append(fromPort);
    for (const Node &node : m_nodes) {
        if (!order.contains(node.port))
            order.append(node.port);
    }
    for (const quint16 port : order) {
        const QByteArray reply = cli(port,
                                     {QByteArrayLiteral("CLUSTER"), QByteArrayLiteral("SETSLOT"), bytes(slot),
                                      QByteArrayLiteral("NODE"), toId})
                                     .trimmed();
        if (reply != "OK") {
            m_error = QStringLiteral("CLUSTER SETSLOT NODE failed on %1: %2").arg(port).arg(QString::fromUtf8(reply));
            return false;
        }
    }
    return waitUntilHealthy();
}

bool RedisCluster::moveSlot(int slot, quint16 toPort)
{
    const quint16 fromPort = ownerOf(slot);
    if (fromPort == toPort)
        return true;
    return beginMigration(slot, toPort, keysInSlot(fromPort, slot)) && finishMigration(slot, toPort);
}

bool RedisCluster::waitUntilHealthy(int timeoutMs)
{
    const QDeadlineTimer deadline(timeoutMs);
    QByteArray lastInfo;
    while (!deadline.hasExpired()) {
        bool healthy = true;
        QByteArray firstSlots;
        for (const Node &node : m_nodes) {
            lastInfo = cli(node.port, {QByteArrayLiteral("CLUSTER"), QByteArrayLiteral("INFO")});
            const QByteArray slots = cli(node.port, {QByteArrayLiteral("CLUSTER"), QByteArrayLiteral("SLOTS")});
            if (!lastInfo.contains("cluster_state:ok") || slots.isEmpty()) {
                healthy = false;
                break;
            }
            // Every node must see the same slot owners.
            if (firstSlots.isEmpty())
                firstSlots = slots;
            else if (slots != firstSlots)
                healthy = false;
        }
        if (healthy)
            return true;
        QTest::qWait(100);
    }
    m_error = QStringLiteral("the cluster is not healthy: %1").arg(QString::fromUtf8(lastInfo.left(200)));
    return false;
}

} // namespace sluice::test
