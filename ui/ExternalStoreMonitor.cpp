#include "ExternalStoreMonitor.h"

#include "CacheTexts.h"
#include "ConnectionStringKeychain.h"
#include "RedisCacheSource.h"
#include "WorkspaceDocument.h"
#include "redis/RedisClient.h"
#include "redis/RedisConnectionString.h"

namespace sluice {

namespace {

// used_memory from the text of INFO memory.
double usedMemory(const QByteArray &info)
{
    for (const QByteArray &line : info.split('\n')) {
        if (line.startsWith("used_memory:"))
            return line.sliced(12).trimmed().toDouble();
    }
    return 0;
}

} // namespace

ExternalStoreMonitor::ExternalStoreMonitor(WorkspaceDocument *document, ConnectionStringKeychain *keychain,
                                           QObject *parent, int intervalMs)
    : QObject(parent)
    , m_document(document)
    , m_keychain(keychain)
{
    m_timer.setInterval(intervalMs);
    connect(&m_timer, &QTimer::timeout, this, &ExternalStoreMonitor::poll);
    connect(m_document, &WorkspaceDocument::loaded, this, &ExternalStoreMonitor::rebuild);
    connect(m_document, &WorkspaceDocument::workspaceEdited, this, &ExternalStoreMonitor::rebuild);
    rebuild();
}

ExternalStoreMonitor::~ExternalStoreMonitor()
{
    ++m_generation; // what the closing clients report is dropped
    m_clients.clear();
}

void ExternalStoreMonitor::rebuild()
{
    ++m_generation;
    m_clients.clear();
    m_stores.clear();
    const QList<ExternalCache> &caches = m_document->workspace().caches;
    for (const ExternalCache &cache : caches) {
        ExternalStoreStatus status;
        status.id = cache.id;
        status.useFrom = cache.useFrom;
        m_stores.append(status);
    }
    for (int i = 0; i < caches.size(); ++i) {
        const ExternalCache &cache = caches.at(i);
        if (!cache.connectionString.isEmpty() || cache.keychainKey.isEmpty()) {
            connectCache(i, cache.connectionString);
        } else if (!m_keychain) {
            m_stores[i].measured = true;
            m_stores[i].error = tr("the connection string is in the system keychain, which this console cannot use");
        } else {
            const quint64 generation = m_generation;
            m_keychain->load(cache.keychainKey, this,
                             [this, i, generation](std::optional<QString> secret, const QString &error) {
                                 if (generation != m_generation)
                                     return;
                                 if (secret) {
                                     connectCache(i, *secret);
                                     measure(i);
                                 } else {
                                     m_stores[i].measured = true;
                                     m_stores[i].error = error;
                                     report();
                                 }
                             });
        }
    }
    if (m_stores.isEmpty())
        m_timer.stop();
    else
        m_timer.start();
    poll();
}

void ExternalStoreMonitor::connectCache(int index, const QString &connectionString)
{
    const RedisConnectionStringResult parsed = RedisConnectionString::parse(connectionString);
    if (!parsed.options) {
        m_stores[index].measured = true;
        m_stores[index].error = tr("the connection string is not valid: %1").arg(CacheTexts::parseProblem(parsed));
        return;
    }
    auto client = std::make_unique<RedisClient>(*parsed.options);
    const quint64 generation = m_generation;
    // The first measurement as soon as the connection is up, instead of at the next interval.
    connect(client.get(), &RedisClient::stateChanged, this, [this, index, generation] {
        if (generation == m_generation && !m_stores.at(index).reachable)
            measure(index);
    });
    client->start();
    m_clients[m_stores.at(index).id] = std::move(client);
}

void ExternalStoreMonitor::poll()
{
    for (int i = 0; i < m_stores.size(); ++i)
        measure(i);
    report();
}

void ExternalStoreMonitor::measure(int index)
{
    const auto it = m_clients.find(m_stores.at(index).id);
    if (it == m_clients.end())
        return;
    RedisClient *client = it->second.get();
    if (!client->isConnected() && client->lastError().isEmpty())
        return; // the first connection attempt is still under way: "connecting..."
    const quint64 generation = m_generation;
    client->commandOnAllMasters({"DBSIZE"}, [this, client, index, generation](QList<RedisResult> sizes) {
        if (generation != m_generation)
            return;
        client->commandOnAllMasters({"INFO", "memory"}, [this, client, index, generation,
                                                         sizes = std::move(sizes)](QList<RedisResult> infos) {
            if (generation != m_generation)
                return;
            ExternalStoreStatus &status = m_stores[index];
            status.measured = true;
            status.error.clear();
            double keys = 0;
            double memory = 0;
            for (const RedisResult &r : sizes) {
                if (status.error.isEmpty())
                    status.error = RedisCacheSource::failureText(r);
                keys += double(r.reply.integer);
            }
            for (const RedisResult &r : infos) {
                if (status.error.isEmpty())
                    status.error = RedisCacheSource::failureText(r);
                memory += usedMemory(r.reply.string);
            }
            if (sizes.isEmpty() && status.error.isEmpty())
                status.error = client->lastError().isEmpty() ? tr("not connected") : client->lastError();
            status.reachable = status.error.isEmpty();
            if (status.reachable) {
                status.keys = keys;
                status.usedMemoryBytes = memory;
            }
            report();
        });
    });
}

void ExternalStoreMonitor::report()
{
    Q_EMIT measured(m_stores);
}

} // namespace sluice
