#include "RedisClient.h"

#include "RedisClusterNode.h"
#include "RedisClusterRedirect.h"
#include "RedisConnection.h"
#include "RedisSlotMap.h"

#include <QCoreApplication>
#include <QHash>
#include <QPointer>
#include <QTimer>

#include <algorithm>
#include <memory>

namespace sluice {

namespace {

constexpr int MaxRedirections = 5;
constexpr int ClusterRetryDelayMs = 100;
constexpr int SeedBackoffMinMs = 100;
constexpr int SeedBackoffMaxMs = 1000;

RedisResult notConnected(const QString &error)
{
    RedisResult result;
    result.failure = RedisResult::Failure::NotConnected;
    result.error = error;
    return result;
}

bool isRetryLater(const RedisReply &reply)
{
    return reply.isError() && (reply.string.startsWith("TRYAGAIN") || reply.string.startsWith("CLUSTERDOWN"));
}

} // namespace

class RedisClient::Private
{
public:
    struct Request
    {
        QByteArray key;
        QList<QByteArray> args;
        Callback done;
        int redirections = 0;
        bool retried = false;
    };
    using RequestPtr = std::shared_ptr<Request>;

    Private(RedisClient *client, RedisConnectionOptions connectionOptions)
        : q(client)
        , options(std::move(connectionOptions))
    { }

    ~Private()
    {
        closing = true;
        // Delete the nodes (and their connections) while this is still whole.
        const QList<RedisClusterNode *> children = q->findChildren<RedisClusterNode *>(Qt::FindDirectChildrenOnly);
        qDeleteAll(children);
    }

    void startSeed();
    void onSeedConnectFailed(RedisClusterNode *node, const QString &reason);
    void onNodeConnected(RedisClusterNode *node);
    void onNodeDisconnected(RedisClusterNode *node, const QString &reason);

    RedisClusterNode *node(const QString &host, quint16 port);
    RedisClusterNode *seed() const { return nodes.value(seedName); }
    RedisClusterNode *nodeForSlot(quint16 slot);
    bool routesBySlot() const { return cluster && !slots.isEmpty(); }

    void route(const RequestPtr &request);
    void send(const RequestPtr &request, RedisClusterNode *target, bool asking);
    void onReply(const RequestPtr &request, RedisClusterNode *from, RedisResult result,
                 const std::shared_ptr<RedisResult> &askingFailure);

    // The nodes commandOnAllMasters() and commandOnMaster() address, sorted.
    QList<RedisClusterNode *> masterNodes();
    // True when a command for the masters must wait for the map being loaded.
    bool mustWaitForSlots() const { return cluster && slots.isEmpty() && refreshing; }

    void refreshSlots();
    void onSlots(const QString &answeringHost, const RedisResult &result);
    void retireUnusedNodes();

    void noteFailure(const QString &error);
    void reportState(bool mapChanged);

    RedisClient *q;
    RedisConnectionOptions options;
    QHash<QString, RedisClusterNode *> nodes; // by "host:port"; children of q
    QString seedName;
    int seedIndex = 0;
    int seedBackoffMs = SeedBackoffMinMs;
    bool started = false;
    bool closing = false;

    bool cluster = false;
    RedisSlotMap slots;
    bool slotsStale = false;
    bool refreshing = false;
    QList<std::function<void()>> waitingForSlots;

    QString lastError;
    bool reportedConnected = false;
};

void RedisClient::Private::startSeed()
{
    const RedisEndpoint &endpoint = options.endpoints.at(seedIndex);
    RedisClusterNode *seedNode = node(endpoint.host, endpoint.port);
    seedName = seedNode->name();
    if (seedNode->hasConnected())
        onNodeConnected(seedNode);
}

void RedisClient::Private::onSeedConnectFailed(RedisClusterNode *failed, const QString &reason)
{
    noteFailure(reason);
    // With one endpoint the connection keeps retrying by itself (with backoff).
    if (failed->name() != seedName || failed->hasConnected() || options.endpoints.size() < 2)
        return;
    if (!slots.masters().contains(failed->name())) {
        nodes.remove(failed->name());
        failed->retire();
    }
    seedName.clear();
    seedIndex = (seedIndex + 1) % int(options.endpoints.size());
    if (seedIndex != 0) {
        startSeed();
        return;
    }
    // Every endpoint failed: start over after a while.
    const int delay = seedBackoffMs;
    seedBackoffMs = std::min(seedBackoffMs * 2, SeedBackoffMaxMs);
    QTimer::singleShot(delay, q, [this] {
        if (!closing && seedName.isEmpty())
            startSeed();
    });
}

void RedisClient::Private::onNodeConnected(RedisClusterNode *connected)
{
    if (connected->name() == seedName) {
        seedBackoffMs = SeedBackoffMinMs;
        if (connected->connection().clusterEnabled())
            cluster = true;
    }
    if (cluster && (slots.isEmpty() || slotsStale))
        refreshSlots();
    reportState(false);
}

void RedisClient::Private::onNodeDisconnected(RedisClusterNode *disconnected, const QString &reason)
{
    Q_UNUSED(disconnected);
    noteFailure(reason);
    reportState(false);
}

RedisClusterNode *RedisClient::Private::node(const QString &host, quint16 port)
{
    const QString name = RedisSlotMap::nodeName(host, port);
    if (RedisClusterNode *existing = nodes.value(name))
        return existing;
    auto *created = new RedisClusterNode(name, RedisEndpoint {host, port}, options, q);
    nodes.insert(name, created);
    QObject::connect(created, &RedisClusterNode::connected, q, [this, created] { onNodeConnected(created); });
    QObject::connect(created, &RedisClusterNode::disconnected, q,
                     [this, created](const QString &reason) { onNodeDisconnected(created, reason); });
    QObject::connect(created, &RedisClusterNode::connectFailed, q,
                     [this, created](const QString &reason) { onSeedConnectFailed(created, reason); });
    created->start();
    return created;
}

RedisClusterNode *RedisClient::Private::nodeForSlot(quint16 slot)
{
    const int master = slots.masterOf(slot);
    if (master < 0)
        return seed(); // not covered: let the seed answer (MOVED or CLUSTERDOWN)
    return node(slots.hostOf(master), slots.portOf(master));
}

void RedisClient::Private::route(const RequestPtr &request)
{
    if (closing)
        return;
    if (cluster && slotsStale)
        refreshSlots();
    RedisClusterNode *target = routesBySlot() ? nodeForSlot(RedisSlotMap::slotOf(request->key)) : seed();
    if (!target) {
        request->done(notConnected(
            lastError.isEmpty() ? QCoreApplication::translate("RedisClient", "Not connected to Redis") : lastError));
        return;
    }
    send(request, target, false);
}

void RedisClient::Private::send(const RequestPtr &request, RedisClusterNode *target, bool asking)
{
    std::shared_ptr<RedisResult> askingFailure;
    if (asking) {
        // Pipelined just before the command on the same connection; its reply
        // matters only when it is an error.
        askingFailure = std::make_shared<RedisResult>();
        target->command({QByteArrayLiteral("ASKING")}, [askingFailure](RedisResult result) {
            if (result.ok() && result.reply.isError())
                *askingFailure = std::move(result);
        });
    }
    QPointer<RedisClusterNode> from(target);
    target->command(request->args, [this, request, from, askingFailure](RedisResult result) {
        onReply(request, from, std::move(result), askingFailure);
    });
}

void RedisClient::Private::onReply(const RequestPtr &request, RedisClusterNode *from, RedisResult result,
                                   const std::shared_ptr<RedisResult> &askingFailure)
{
    if (!result.ok()) {
        // Transport failure: returned as is (a cache miss); the map may be out of date.
        noteFailure(result.error);
        if (cluster)
            slotsStale = true;
        request->done(std::move(result));
        return;
    }
    if (!result.reply.isError()) {
        request->done(std::move(result));
        return;
    }
    if (askingFailure && askingFailure->reply.isError()) {
        request->done(*askingFailure);
        return;
    }
    if (const std::optional<RedisClusterRedirect> redirect = RedisClusterRedirect::parse(result.reply.string)) {
        if (request->redirections >= MaxRedirections || closing) {
            request->done(std::move(result));
            return;
        }
        ++request->redirections;
        const QString host = !redirect->host.isEmpty() ? redirect->host : from ? from->endpoint().host : QString();
        if (host.isEmpty()) {
            request->done(std::move(result));
            return;
        }
        if (redirect->kind == RedisClusterRedirect::Kind::Moved) {
            cluster = true;
            const int before = slots.masterOf(redirect->slot);
            const QString target = RedisSlotMap::nodeName(host, redirect->port);
            if (before < 0 || slots.masters().at(before) != target) {
                slots.assign(redirect->slot, host, redirect->port);
                reportState(true);
            }
            refreshSlots(); // a full refresh, unless one is in flight
        }
        send(request, node(host, redirect->port), redirect->kind == RedisClusterRedirect::Kind::Ask);
        return;
    }
    if (isRetryLater(result.reply) && !request->retried && !closing) {
        request->retried = true;
        QTimer::singleShot(ClusterRetryDelayMs, q, [this, request] { route(request); });
        return;
    }
    request->done(std::move(result));
}

QList<RedisClusterNode *> RedisClient::Private::masterNodes()
{
    if (cluster && slotsStale)
        refreshSlots();
    QList<RedisClusterNode *> targets;
    if (routesBySlot()) {
        for (int i = 0; i < slots.masters().size(); ++i)
            targets.append(node(slots.hostOf(i), slots.portOf(i)));
    } else if (RedisClusterNode *seedNode = seed()) {
        targets.append(seedNode);
    }
    return targets;
}

void RedisClient::Private::refreshSlots()
{
    if (refreshing || closing)
        return;
    // Ask the seed, else any connected master, else any connected node.
    RedisClusterNode *asked = seed();
    if (!asked || !asked->isConnected()) {
        asked = nullptr;
        for (const QString &name : slots.masters()) {
            RedisClusterNode *candidate = nodes.value(name);
            if (candidate && candidate->isConnected()) {
                asked = candidate;
                break;
            }
        }
    }
    if (!asked) {
        for (RedisClusterNode *candidate : std::as_const(nodes)) {
            if (candidate->isConnected()) {
                asked = candidate;
                break;
            }
        }
    }
    if (!asked) {
        slotsStale = true; // refreshed when a node connects
        return;
    }
    refreshing = true;
    slotsStale = false;
    const QString host = asked->endpoint().host;
    asked->command({QByteArrayLiteral("CLUSTER"), QByteArrayLiteral("SLOTS")},
                   [this, host](RedisResult result) { onSlots(host, result); });
}

void RedisClient::Private::onSlots(const QString &answeringHost, const RedisResult &result)
{
    refreshing = false;
    bool changed = false;
    if (!result.ok()) {
        noteFailure(result.error);
        slotsStale = true;
    } else if (result.reply.isError()) {
        // A single node answers "ERR This instance has cluster support disabled".
        if (cluster)
            slotsStale = true;
    } else if (std::optional<RedisSlotMap> loaded = RedisSlotMap::fromClusterSlots(result.reply, answeringHost)) {
        if (!loaded->isEmpty()) {
            changed = !cluster || !(*loaded == slots);
            cluster = true;
            slots = std::move(*loaded);
            for (int i = 0; i < slots.masters().size(); ++i)
                node(slots.hostOf(i), slots.portOf(i));
            retireUnusedNodes();
        }
    } else {
        lastError = QCoreApplication::translate("RedisClient", "Unexpected reply to CLUSTER SLOTS");
        slotsStale = true;
    }
    const QList<std::function<void()>> waiting = std::exchange(waitingForSlots, {});
    for (const std::function<void()> &resume : waiting)
        resume();
    reportState(changed);
}

void RedisClient::Private::retireUnusedNodes()
{
    const QList<QString> names = nodes.keys();
    for (const QString &name : names) {
        if (name == seedName || slots.masters().contains(name))
            continue;
        nodes.take(name)->retire();
    }
}

void RedisClient::Private::noteFailure(const QString &error)
{
    if (!error.isEmpty())
        lastError = error;
}

void RedisClient::Private::reportState(bool mapChanged)
{
    const bool connected = q->isConnected();
    if (!mapChanged && connected == reportedConnected)
        return;
    reportedConnected = connected;
    Q_EMIT q->stateChanged();
}

RedisClient::RedisClient(RedisConnectionOptions options, QObject *parent)
    : QObject(parent)
    , d(std::make_unique<Private>(this, std::move(options)))
{ }

RedisClient::~RedisClient() = default;

void RedisClient::start()
{
    if (d->started)
        return;
    d->started = true;
    if (d->options.endpoints.isEmpty()) {
        d->lastError = tr("No Redis endpoint is configured");
        return;
    }
    d->startSeed();
}

void RedisClient::command(const QByteArray &key, const QList<QByteArray> &args, Callback done)
{
    auto request = std::make_shared<Private::Request>();
    request->key = key;
    request->args = args;
    request->done = std::move(done);
    d->route(request);
}

void RedisClient::commandOnAllMasters(const QList<QByteArray> &args, std::function<void(QList<RedisResult>)> done)
{
    if (d->closing)
        return;
    if (d->mustWaitForSlots()) {
        // The map is being loaded: fan out once it is known.
        d->waitingForSlots.append([this, args, done = std::move(done)] { commandOnAllMasters(args, done); });
        return;
    }
    const QList<RedisClusterNode *> targets = d->masterNodes();
    if (targets.isEmpty()) {
        done({notConnected(d->lastError.isEmpty() ? tr("Not connected to Redis") : d->lastError)});
        return;
    }
    auto results = std::make_shared<QList<RedisResult>>(targets.size());
    auto remaining = std::make_shared<qsizetype>(targets.size());
    auto finish = std::make_shared<std::function<void(QList<RedisResult>)>>(std::move(done));
    for (qsizetype i = 0; i < targets.size(); ++i) {
        targets.at(i)->command(args, [this, i, results, remaining, finish](RedisResult result) {
            if (!result.ok()) {
                d->noteFailure(result.error);
                if (d->cluster)
                    d->slotsStale = true;
            }
            (*results)[i] = std::move(result);
            if (--*remaining == 0)
                (*finish)(std::move(*results));
        });
    }
}

int RedisClient::masterCount() const
{
    if (d->routesBySlot())
        return int(d->slots.masters().size());
    return d->seed() ? 1 : 0;
}

void RedisClient::commandOnMaster(int master, const QList<QByteArray> &args, Callback done)
{
    if (d->closing)
        return;
    if (d->mustWaitForSlots()) {
        d->waitingForSlots.append(
            [this, master, args, done = std::move(done)] { commandOnMaster(master, args, done); });
        return;
    }
    const QList<RedisClusterNode *> targets = d->masterNodes();
    if (master < 0 || master >= targets.size()) {
        done(notConnected(
            tr("No Redis master %1 (the cluster has %n master(s))", nullptr, int(targets.size())).arg(master)));
        return;
    }
    targets.at(master)->command(args, [this, done = std::move(done)](RedisResult result) {
        if (!result.ok()) {
            d->noteFailure(result.error);
            if (d->cluster)
                d->slotsStale = true;
        }
        done(std::move(result));
    });
}

bool RedisClient::isConnected() const
{
    if (d->cluster && d->slots.isEmpty())
        return false; // which nodes are needed is known once the map is loaded
    if (!d->routesBySlot()) {
        const RedisClusterNode *seed = d->seed();
        return seed && seed->isConnected();
    }
    for (const QString &name : d->slots.masters()) {
        const RedisClusterNode *master = d->nodes.value(name);
        if (!master || !master->isConnected())
            return false;
    }
    return true;
}

bool RedisClient::isCluster() const
{
    return d->cluster;
}

QString RedisClient::lastError() const
{
    return d->lastError;
}

double RedisClient::roundTripMs() const
{
    if (!d->routesBySlot()) {
        const RedisClusterNode *seed = d->seed();
        return seed ? seed->connection().roundTripMs() : -1.0;
    }
    // The slowest master: a command is as fast as the node it lands on.
    double slowest = -1.0;
    for (const QString &name : d->slots.masters()) {
        if (const RedisClusterNode *master = d->nodes.value(name))
            slowest = std::max(slowest, master->connection().roundTripMs());
    }
    return slowest;
}

QString RedisClient::serverVersion() const
{
    if (const RedisClusterNode *seed = d->seed(); seed && !seed->connection().serverVersion().isEmpty())
        return seed->connection().serverVersion();
    for (const RedisClusterNode *node : std::as_const(d->nodes)) {
        if (!node->connection().serverVersion().isEmpty())
            return node->connection().serverVersion();
    }
    return QString();
}

quint16 RedisClient::slotOf(const QByteArray &key)
{
    return RedisSlotMap::slotOf(key);
}

} // namespace sluice
