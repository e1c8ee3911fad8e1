#include "tst_workspace_support.h"

#include "gateway/GatewayConfig.h"
#include "workspace/WorkspaceWriter.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTemporaryDir>
#include <QTest>

using namespace sluice;
using namespace sluice::workspacetest;

// Writing workspace.json back: read -> write -> read gives the same
// workspace, ${ENV} references and unknown keys survive, secrets are never
// written resolved, keychain references round-trip.

class TstWorkspaceWriter : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void roundTripsFullWorkspace();
    void keepsReferencesAndUnknownKeys();
    void keychainReference();
    void editedCachesAndLocations();
    void editedSubscriptionsAndKeys();
    void reportsUnwritableFolder();
    void gatewayRefusesKeychainReference();

private:
    static QByteArray readFile(const QString &path);
    static QString copyFull(const QTemporaryDir &dir);
};

QByteArray TstWorkspaceWriter::readFile(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

QString TstWorkspaceWriter::copyFull(const QTemporaryDir &dir)
{
    const QString source = QFINDTESTDATA("data/workspace/full/workspace.json");
    const QString target = dir.filePath(WorkspaceLoader::fileName());
    QFile::copy(source, target);
    QFile::setPermissions(target, QFile::ReadOwner | QFile::WriteOwner);
    return dir.path();
}

void TstWorkspaceWriter::roundTripsFullWorkspace()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const WorkspaceLoader loader(fakeEnv(testEnv()));
    const WorkspaceLoadResult first = loader.loadFolder(copyFull(dir));
    QVERIFY2(first.ok(), qPrintable(describe(first.diagnostics)));

    QString error;
    QVERIFY2(WorkspaceWriter::write(first.workspace, dir.path(), &error, fakeEnv(testEnv())), qPrintable(error));
    const WorkspaceLoadResult second = loader.loadFolder(dir.path());
    QVERIFY2(second.diagnostics.isEmpty(), qPrintable(describe(second.diagnostics)));
    QVERIFY(second.workspace == first.workspace);

    // Written afresh (no original document) it still reads back the same.
    QTemporaryDir fresh;
    QVERIFY(WorkspaceWriter::write(first.workspace, fresh.path(), &error));
    WorkspaceLoadResult third = loader.loadFolder(fresh.path());
    QVERIFY2(third.ok(), qPrintable(describe(third.diagnostics)));
    third.workspace.rootDir = first.workspace.rootDir;
    QCOMPARE(third.workspace.caches, first.workspace.caches);
    QCOMPARE(third.workspace.locations, first.workspace.locations);
    QCOMPARE(third.workspace.apis, first.workspace.apis);
    QCOMPARE(third.workspace.products, first.workspace.products);
}

void TstWorkspaceWriter::keepsReferencesAndUnknownKeys()
{
    QTemporaryDir dir;
    const WorkspaceLoadResult loaded = WorkspaceLoader(fakeEnv(testEnv())).loadFolder(copyFull(dir));
    QVERIFY(loaded.ok());
    QVERIFY(WorkspaceWriter::write(loaded.workspace, dir.path(), nullptr, fakeEnv(testEnv())));
    const QByteArray text = readFile(dir.filePath(WorkspaceLoader::fileName()));
    QVERIFY(text.contains("${REDIS_HOST}:6380,password=${REDIS_PASSWORD},ssl=True"));
    QVERIFY(text.contains("Bearer ${TOKEN}"));
    QVERIFY(text.contains("$${NOT_ENV} costs $5"));
    QVERIFY(text.contains("\"$schema\""));
    for (const QString &value : testEnv()) {
        if (!value.isEmpty())
            QVERIFY2(!text.contains(value.toUtf8()), qPrintable(QStringLiteral("a resolved secret was written")));
    }
}

void TstWorkspaceWriter::keychainReference()
{
    const QByteArray json = R"({"name": "k", "locations": ["edge"], "caches": [
        {"id": "c1", "useFrom": "edge", "connectionString": {"keychain": "caches/c1/1a2b"}}]})";
    const WorkspaceLoadResult loaded = parse(json);
    QVERIFY2(loaded.ok(), qPrintable(describe(loaded.diagnostics)));
    QCOMPARE(loaded.workspace.caches.size(), 1);
    const ExternalCache &cache = loaded.workspace.caches.first();
    QCOMPARE(cache.keychainKey, QStringLiteral("caches/c1/1a2b"));
    QVERIFY(cache.connectionString.isEmpty());
    QVERIFY(cache.connectionStringSource.isEmpty());

    const QJsonObject written = WorkspaceWriter::cacheToJson(cache);
    QCOMPARE(written.value(QLatin1String("connectionString")).toObject().value(QLatin1String("keychain")).toString(),
             QStringLiteral("caches/c1/1a2b"));

    // A malformed reference is reported at its path.
    const WorkspaceLoadResult bad =
        parse(R"({"name": "k", "caches": [{"id": "c1", "connectionString": {"keychain": 3}}]})");
    QVERIFY(!bad.ok());
    QVERIFY(describe(bad.diagnostics).contains(QLatin1String("caches[0].connectionString.keychain")));
}

void TstWorkspaceWriter::editedCachesAndLocations()
{
    QTemporaryDir dir;
    const WorkspaceLoader loader(fakeEnv(testEnv()));
    WorkspaceLoadResult loaded = loader.loadFolder(copyFull(dir));
    QVERIFY(loaded.ok());
    Workspace ws = loaded.workspace;
    ws.locations.append(QStringLiteral("North"));
    ExternalCache added;
    added.id = QStringLiteral("north");
    added.useFrom = QStringLiteral("North");
    added.connectionStringSource = QStringLiteral("${REDIS_HOST}:6379");
    added.connectionString = QStringLiteral("cache.internal:6379");
    added.description = QStringLiteral("new");
    ws.caches.append(added);
    ws.caches.removeFirst();
    QVERIFY(WorkspaceWriter::write(ws, dir.path()));
    const WorkspaceLoadResult again = loader.loadFolder(dir.path());
    QVERIFY2(again.ok(), qPrintable(describe(again.diagnostics)));
    QCOMPARE(again.workspace.locations.last(), QStringLiteral("North"));
    QCOMPARE(again.workspace.caches, ws.caches);
}

void TstWorkspaceWriter::editedSubscriptionsAndKeys()
{
    QTemporaryDir dir;
    const WorkspaceLoader loader(fakeEnv(testEnv()));
    const WorkspaceLoadResult loaded = loader.loadFolder(copyFull(dir));
    QVERIFY(loaded.ok());
    Workspace ws = loaded.workspace;
    QCOMPARE(ws.subscriptions.size(), 3);
    // alice-starter: primary from ${ALICE_KEY} unchanged, secondary regenerated, state edited.
    ws.subscriptions[0].secondaryKey = QStringLiteral("0123456789abcdef0123456789abcdef");
    ws.subscriptions[0].state = QStringLiteral("active");
    // master: a key with "${" in it stays literal.
    ws.subscriptions[1].primaryKey = QStringLiteral("new-${master}-key");
    ws.subscriptions.removeAt(2);
    Subscription added;
    added.id = QStringLiteral("bob-all");
    added.name = QStringLiteral("Bob on everything");
    added.scope = QStringLiteral("all");
    added.user = QStringLiteral("bob");
    added.primaryKey = QStringLiteral("fedcba9876543210fedcba9876543210");
    ws.subscriptions.append(added);

    QString error;
    QVERIFY2(WorkspaceWriter::write(ws, dir.path(), &error, fakeEnv(testEnv())), qPrintable(error));
    const QByteArray text = readFile(dir.filePath(WorkspaceLoader::fileName()));
    QVERIFY(text.contains("\"${ALICE_KEY}\""));
    QVERIFY(!text.contains("alice-primary-from-env"));
    QVERIFY(!text.contains("alice-secondary"));
    QVERIFY(!text.contains("orders-only"));
    const WorkspaceLoadResult again = loader.loadFolder(dir.path());
    QVERIFY2(again.ok(), qPrintable(describe(again.diagnostics)));
    QCOMPARE(again.workspace.subscriptions, ws.subscriptions);

    // Once the user changes a key read from ${ALICE_KEY}, the new key is written.
    Workspace changed = again.workspace;
    changed.subscriptions[0].primaryKey = QStringLiteral("aaaabbbbccccddddaaaabbbbccccdddd");
    QVERIFY(WorkspaceWriter::write(changed, dir.path(), &error, fakeEnv(testEnv())));
    QVERIFY(!readFile(dir.filePath(WorkspaceLoader::fileName())).contains("${ALICE_KEY}"));
    QCOMPARE(loader.loadFolder(dir.path()).workspace.subscriptions, changed.subscriptions);
}

void TstWorkspaceWriter::reportsUnwritableFolder()
{
    QString error;
    QVERIFY(!WorkspaceWriter::write(Workspace(), QStringLiteral("/nonexistent-sluice-dir/x"), &error));
    QVERIFY(error.contains(QLatin1String("workspace.json")));
}

void TstWorkspaceWriter::gatewayRefusesKeychainReference()
{
    // A headless gateway does not read the console's keychain: it says so.
    QTemporaryDir dir;
    Workspace ws;
    ws.name = QStringLiteral("k");
    ExternalCache cache;
    cache.id = QStringLiteral("redis-main");
    cache.keychainKey = QStringLiteral("caches/redis-main/1");
    ws.caches = {cache};
    QVERIFY(WorkspaceWriter::write(ws, dir.path()));
    Diagnostics diagnostics;
    const auto config = GatewayConfig::load(dir.path(), {}, &diagnostics);
    QVERIFY(!config);
    const QString text = describe(diagnostics);
    QVERIFY2(text.contains(QLatin1String("caches[0].connectionString")), qPrintable(text));
    QVERIFY2(text.contains(QLatin1String("keychain")), qPrintable(text));
    QVERIFY2(text.contains(QLatin1String("${NAME}")), qPrintable(text));

    // The console's in-process gateway is handed what the keychain holds.
    GatewayConfig::Options options;
    options.keychainSecrets.insert(cache.keychainKey, QStringLiteral("127.0.0.1:6390,password=k3y"));
    Diagnostics fine;
    const auto withSecret = GatewayConfig::load(dir.path(), options, &fine);
    QVERIFY2(withSecret, qPrintable(describe(fine)));
    QVERIFY(withSecret->cacheOptions().has_value());
    QCOMPARE(withSecret->cacheOptions()->password, QStringLiteral("k3y"));
}

QTEST_GUILESS_MAIN(TstWorkspaceWriter)
#include "tst_workspacewriter.moc"
