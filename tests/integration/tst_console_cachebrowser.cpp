// The Cache browser and the Dashboard's cache figures against the real parts:
// the console's in-process gateway (ConsoleGateway) with a real origin, and a
// real redis-server on a free port. Both stores listed after requests, response
// keys decoded, SCAN pages over more keys than a page, deleting one entry, by
// prefix and all (the confirmation answered by the test), TTLs counting down by
// an injected clock, a Redis that is down shown without its password; the
// Dashboard's latency split, verdict and external store sizes.
#include "CacheBrowserPage.h"
#include "CacheEntriesModel.h"
#include "ConsoleGateway.h"
#include "DashboardModel.h"
#include "ExternalStoreMonitor.h"
#include "OriginServer.h"
#include "RedisCacheSource.h"
#include "RedisServer.h"
#include "TestHttpClient.h"
#include "TestWorkspace.h"
#include "WorkspaceDocument.h"
#include "gateway/caching/ResponseCacheKey.h"
#include "http/HttpHeaders.h"
#include "metrics/GatewayMetrics.h"
#include "redis/RedisConnectionString.h"

#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTableView>
#include <QTest>

using namespace sluice;
using sluice::test::RedisServer;

namespace {

const QByteArray kPolicy =
    "<policies>\n"
    "    <inbound><base /><cache-lookup vary-by-developer=\"false\" vary-by-developer-groups=\"false\" "
    "caching-type=\"TYPE\" /></inbound>\n"
    "    <backend><base /></backend>\n"
    "    <outbound><base /><cache-store duration=\"120\" /></outbound>\n"
    "    <on-error><base /></on-error>\n"
    "</policies>\n";

QByteArray workspaceJson(const QString &origin, const QString &connectionString)
{
    return QString::fromLatin1(
        "{\n"
        "  \"name\": \"cache browser test\",\n"
        "  \"caches\": [ { \"id\": \"main\", \"useFrom\": \"default\", \"connectionString\": \"%2\" } ],\n"
        "  \"apis\": [\n"
        "    { \"id\": \"int\", \"path\": \"int\", \"serviceUrl\": \"%1\", \"subscriptionRequired\": false, \"operations\": [\n"
        "        { \"id\": \"get\", \"method\": \"GET\", \"urlTemplate\": \"/*\" } ] },\n"
        "    { \"id\": \"ext\", \"path\": \"ext\", \"serviceUrl\": \"%1\", \"subscriptionRequired\": false, \"operations\": [\n"
        "        { \"id\": \"get\", \"method\": \"GET\", \"urlTemplate\": \"/*\" } ] }\n"
        "  ]\n"
        "}\n")
        .arg(origin, connectionString)
        .toUtf8();
}

QString cell(const QAbstractItemModel *model, int row, int column)
{
    return model->index(row, column).data().toString();
}

QStringList column(const QAbstractItemModel *model, int col)
{
    QStringList values;
    for (int r = 0; r < model->rowCount(); ++r)
        values.append(cell(model, r, col));
    return values;
}

} // namespace

class TestConsoleCacheBrowser : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void builtInAndExternalEntriesAfterRequests();
    void scanPagesThroughMoreKeysThanAPage();
    void deleteOneByPrefixAndPurge();
    void responseKeysDecode();
    void timeToLiveCountsDown();
    void timeToLiveText_data();
    void timeToLiveText();
    void redisDownShowsTheErrorWithoutThePassword();
    void dashboardLatencySplitVerdictAndStores();
    void quantileFromBuckets_data();
    void quantileFromBuckets();

private:
    // A model browsing the test's Redis, its first page loaded.
    std::unique_ptr<CacheEntriesModel> redisModel(int pageSize = CacheEntriesModel::defaultPageSize,
                                                  CacheEntriesModel::Clock clock = {});

    RedisServer m_redis {RedisServer::Options {QStringLiteral("browser-pw-1234"), {}, {}, false, 0, {}}};
    OriginServer m_origin;
    TestWorkspace m_workspace;
};

void TestConsoleCacheBrowser::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QVERIFY2(m_redis.start(), qPrintable(m_redis.errorText()));
    QVERIFY2(m_origin.listen(), qPrintable(m_origin.errorString()));
    m_workspace.writeWorkspaceJson(workspaceJson(m_origin.url().toString(), m_redis.connectionString()));
    m_workspace.writePolicy(QStringLiteral("apis/int.xml"), QByteArray(kPolicy).replace("TYPE", "internal"));
    m_workspace.writePolicy(QStringLiteral("apis/ext.xml"), QByteArray(kPolicy).replace("TYPE", "external"));
}

void TestConsoleCacheBrowser::cleanupTestCase()
{
    m_redis.stop();
}

std::unique_ptr<CacheEntriesModel> TestConsoleCacheBrowser::redisModel(int pageSize, CacheEntriesModel::Clock clock)
{
    auto model = std::make_unique<CacheEntriesModel>(nullptr, std::move(clock));
    model->setPageSize(pageSize);
    const RedisConnectionStringResult parsed = RedisConnectionString::parse(m_redis.connectionString());
    model->setSource(std::make_unique<RedisCacheSource>(QStringLiteral("main"), *parsed.options));
    return model;
}

void TestConsoleCacheBrowser::builtInAndExternalEntriesAfterRequests()
{
    m_redis.cli({QStringLiteral("FLUSHALL")});
    WorkspaceDocument document;
    QVERIFY(document.open(m_workspace.path()));
    QVERIFY2(document.errorCount() == 0, qPrintable(document.diagnostics().value(0).toString()));
    ConsoleGateway gateway;
    CacheBrowserPage page(&document, &gateway, nullptr);
    page.show();
    auto *store = page.findChild<QComboBox *>(QStringLiteral("cacheBrowserStore"));
    auto *status = page.findChild<QLabel *>(QStringLiteral("cacheBrowserStatus"));
    auto *view = page.findChild<QTableView *>(QStringLiteral("cacheBrowserEntries"));
    auto *value = page.findChild<QPlainTextEdit *>(QStringLiteral("cacheBrowserValue"));
    QVERIFY(store && status && view && value);
    QCOMPARE(store->count(), 2);
    QCOMPARE(store->itemText(0), QStringLiteral("Built-in"));
    QCOMPARE(store->itemText(1), QStringLiteral("main (default)"));
    // Stopped: the volatile built-in store says why there is nothing.
    QVERIFY(!page.model()->source());
    QVERIFY2(status->text().contains(QStringLiteral("stopped")), qPrintable(status->text()));

    ConsoleGatewaySettings settings;
    settings.port = 0;
    settings.threads = 1;
    QString error;
    QVERIFY2(gateway.start(m_workspace.path(), settings, &error), qPrintable(error));
    const quint16 port = quint16(gateway.url().port());
    for (int i = 0; i < 2; ++i) {
        QCOMPARE(TestHttpClient::get(port, "/int/items/1?b=2&a=1")->status, 200);
        QCOMPARE(TestHttpClient::get(port, "/ext/items/2")->status, 200);
    }
    QCOMPARE(m_origin.requestCount("/items/"), 2); // one miss each, then hits

    // The built-in store through the gateway's admin endpoints.
    QVERIFY(page.model()->source());
    page.model()->reload();
    QTRY_COMPARE(page.model()->rowCount(), 1);
    const CacheEntriesModel *model = page.model();
    QCOMPARE(cell(model, 0, CacheEntriesModel::Api), QStringLiteral("int"));
    QCOMPARE(cell(model, 0, CacheEntriesModel::Operation), QStringLiteral("get"));
    QVERIFY2(cell(model, 0, CacheEntriesModel::VariesBy).endsWith(QStringLiteral("/items/1?a=1&b=2")),
             qPrintable(cell(model, 0, CacheEntriesModel::VariesBy)));
    QVERIFY(model->keyAt(0).startsWith("sluice:r1:int:get::"));
    QVERIFY(model->index(0, CacheEntriesModel::Size).data(CacheEntriesModel::SortRole).toLongLong() > 0);
    QVERIFY(model->remainingMs(0) > 100'000 && model->remainingMs(0) <= 120'000);
    view->setCurrentIndex(view->model()->index(0, 0));
    // The stored response, its JSON body indented.
    QTRY_VERIFY2(value->toPlainText().startsWith(QStringLiteral("200 OK")), qPrintable(value->toPlainText()));
    QVERIFY2(value->toPlainText().contains(QStringLiteral("\n    \"method\": \"GET\"")), qPrintable(value->toPlainText()));

    // The new histogram on /metrics, with the outcome label.
    const auto metrics = TestHttpClient::get(quint16(gateway.adminUrl().port()), "/metrics");
    QVERIFY(metrics);
    QVERIFY(metrics->body.contains(
        "sluice_response_duration_seconds_count{api=\"int\",operation=\"get\",outcome=\"hit\"} 1"));
    QVERIFY(metrics->body.contains(
        "sluice_response_duration_seconds_count{api=\"ext\",operation=\"get\",outcome=\"miss\"} 1"));

    // The external store: no gateway needed, but here filled through it.
    store->setCurrentIndex(1);
    QTRY_COMPARE(page.model()->rowCount(), 1);
    QCOMPARE(cell(model, 0, CacheEntriesModel::Api), QStringLiteral("ext"));
    QVERIFY(model->keyAt(0).startsWith("sluice:r1:ext:get::"));
    view->setCurrentIndex(view->model()->index(0, 0));
    QTRY_VERIFY2(value->toPlainText().startsWith(QStringLiteral("200 OK")), qPrintable(value->toPlainText()));

    // Purging the built-in store: the next request misses again.
    store->setCurrentIndex(0);
    QTRY_COMPARE(page.model()->rowCount(), 1);
    QStringList asked;
    page.setConfirmation([&asked](const QString &, const QString &question) {
        asked.append(question);
        return true;
    });
    QTest::mouseClick(page.findChild<QPushButton *>(QStringLiteral("cacheBrowserPurge")), Qt::LeftButton);
    QCOMPARE(asked.size(), 1);
    QTRY_COMPARE(page.model()->rowCount(), 0);
    QCOMPARE(TestHttpClient::get(port, "/int/items/1?b=2&a=1")->headers.value("Cache-Status"),
             QByteArray("sluice; fwd=miss; stored"));

    gateway.stop();
    QTRY_COMPARE(gateway.state(), ConsoleGateway::State::Stopped);
    QVERIFY(!page.model()->source());
}

void TestConsoleCacheBrowser::scanPagesThroughMoreKeysThanAPage()
{
    m_redis.cli({QStringLiteral("FLUSHALL")});
    m_redis.cli({QStringLiteral("EVAL"),
                 QStringLiteral("for i = 1, 2500 do redis.call('SET', 'sluice:v1:k' .. i, 'x', 'PX', 600000) end"),
                 QStringLiteral("0")});
    QCOMPARE(m_redis.cli({QStringLiteral("DBSIZE")}), QByteArray("2500"));
    std::unique_ptr<CacheEntriesModel> model = redisModel(500);
    QTRY_VERIFY(!model->isLoading());
    QVERIFY2(model->error().isEmpty(), qPrintable(model->error()));
    // One page: about COUNT keys, and more to load.
    QVERIFY2(model->rowCount() >= 500 && model->rowCount() < 2500, qPrintable(QString::number(model->rowCount())));
    QVERIFY(model->hasMore());
    QVERIFY(model->canFetchMore({}));
    int pages = 1;
    while (model->hasMore()) {
        const int before = model->rowCount();
        model->fetchMore({}); // what scrolling to the end does
        QTRY_VERIFY(!model->isLoading());
        QVERIFY(model->rowCount() >= before);
        QVERIFY(++pages < 100);
    }
    QVERIFY(pages >= 4);
    QCOMPARE(model->rowCount(), 2500);
    const QStringList keys = column(model.get(), CacheEntriesModel::Key);
    QCOMPARE(QSet<QString>(keys.begin(), keys.end()).size(), 2500);
    QVERIFY(keys.contains(QStringLiteral("sluice:v1:k2500")));
    QCOMPARE(cell(model.get(), 0, CacheEntriesModel::VariesBy).left(7), QStringLiteral("value k"));
}

void TestConsoleCacheBrowser::deleteOneByPrefixAndPurge()
{
    m_redis.cli({QStringLiteral("FLUSHALL")});
    for (const QString &key : {QStringLiteral("sluice:v1:a1"), QStringLiteral("sluice:v1:a2"),
                               QStringLiteral("sluice:v1:a3"), QStringLiteral("sluice:v1:b1"),
                               QStringLiteral("sluice:v1:b2"), QStringLiteral("other:data")})
        m_redis.cli({QStringLiteral("SET"), key, QStringLiteral("x"), QStringLiteral("PX"), QStringLiteral("600000")});
    WorkspaceDocument document;
    QVERIFY(document.open(m_workspace.path()));
    ConsoleGateway gateway;
    CacheBrowserPage page(&document, &gateway, nullptr);
    page.show();
    QStringList asked;
    bool answer = false;
    page.setConfirmation([&](const QString &, const QString &question) {
        asked.append(question);
        return answer;
    });
    page.findChild<QComboBox *>(QStringLiteral("cacheBrowserStore"))->setCurrentIndex(1);
    CacheEntriesModel *model = page.model();
    QTRY_COMPARE(model->rowCount(), 6);

    // One entry: its row goes, and so does the key.
    auto *view = page.findChild<QTableView *>(QStringLiteral("cacheBrowserEntries"));
    view->sortByColumn(CacheEntriesModel::Key, Qt::AscendingOrder);
    const QModelIndex b1 = view->model()->match(view->model()->index(0, 0), Qt::DisplayRole,
                                                QStringLiteral("sluice:v1:b1"), 1, Qt::MatchExactly).value(0);
    QVERIFY(b1.isValid());
    view->setCurrentIndex(b1);
    QTest::mouseClick(page.findChild<QPushButton *>(QStringLiteral("cacheBrowserDelete")), Qt::LeftButton);
    QTRY_COMPARE(model->rowCount(), 5);
    QCOMPARE(model->rowOf("sluice:v1:b1"), -1);
    QCOMPARE(m_redis.cli({QStringLiteral("EXISTS"), QStringLiteral("sluice:v1:b1")}), QByteArray("0"));

    // By prefix: asked first; "no" keeps everything.
    page.findChild<QLineEdit *>(QStringLiteral("cacheBrowserPrefix"))->setText(QStringLiteral("sluice:v1:a"));
    page.deleteByPrefix();
    QCOMPARE(asked.size(), 1);
    QVERIFY2(asked.constLast().contains(QStringLiteral("\"sluice:v1:a\"")), qPrintable(asked.constLast()));
    QCOMPARE(m_redis.cli({QStringLiteral("DBSIZE")}), QByteArray("5"));
    answer = true;
    page.deleteByPrefix();
    QTRY_COMPARE(m_redis.cli({QStringLiteral("DBSIZE")}), QByteArray("2"));
    QTRY_VERIFY(!model->isLoading());

    // Purge all: the gateway's keys only; other data in the Redis stays.
    page.findChild<QLineEdit *>(QStringLiteral("cacheBrowserPrefix"))->clear();
    model->setPrefix({});
    QTRY_COMPARE(model->rowCount(), 2);
    QTest::mouseClick(page.findChild<QPushButton *>(QStringLiteral("cacheBrowserPurge")), Qt::LeftButton);
    QCOMPARE(asked.size(), 3);
    QTRY_COMPARE(m_redis.cli({QStringLiteral("DBSIZE")}), QByteArray("1"));
    QCOMPARE(m_redis.cli({QStringLiteral("EXISTS"), QStringLiteral("other:data")}), QByteArray("1"));
    QTRY_COMPARE(model->rowCount(), 1);
    QCOMPARE(model->keyAt(0), QByteArray("other:data"));
}

void TestConsoleCacheBrowser::responseKeysDecode()
{
    HttpHeaders headers;
    headers.add("accept", "application/json");
    ResponseCacheKey::Inputs in;
    in.api = QStringLiteral("orders:v2|x");
    in.operation = QStringLiteral("get order");
    in.product = QStringLiteral("gold");
    in.backendBase = QStringLiteral("http://127.0.0.1:8090/api/");
    in.backendPath = QStringLiteral("/orders/1");
    in.query = {{QStringLiteral("b"), QStringLiteral("2 3")}, {QStringLiteral("a"), QStringLiteral("1")}};
    in.headers = &headers;
    in.varyByHeaders = {"accept", "x-missing"};
    in.varyByDeveloper = true;
    in.userId = QStringLiteral("alice");
    in.varyByGroups = true;
    in.groups = {QStringLiteral("guests"), QStringLiteral("admins")};
    const std::optional<ResponseCacheKey::Parts> parts = ResponseCacheKey::decode(ResponseCacheKey::build(in));
    QVERIFY(parts);
    QCOMPARE(parts->api, in.api);
    QCOMPARE(parts->operation, in.operation);
    QCOMPARE(parts->product, in.product);
    QCOMPARE(parts->backendUrl, QStringLiteral("http://127.0.0.1:8090/api/orders/1"));
    QCOMPARE(parts->query, QStringLiteral("a=1&b=2%203"));
    QCOMPARE(parts->varied, (QStringList {QStringLiteral("h:accept=application/json"), QStringLiteral("h:x-missing"),
                                          QStringLiteral("u:alice"), QStringLiteral("g:admins,guests")}));
    QVERIFY(!ResponseCacheKey::decode("sluice:v1:orders"));
    QVERIFY(!ResponseCacheKey::decode("sluice:r1:only:two"));
    QVERIFY(!ResponseCacheKey::decode("other"));
}

void TestConsoleCacheBrowser::timeToLiveCountsDown()
{
    m_redis.cli({QStringLiteral("FLUSHALL")});
    m_redis.cli({QStringLiteral("SET"), QStringLiteral("sluice:v1:t"), QStringLiteral("x"), QStringLiteral("PX"),
                 QStringLiteral("90000")});
    m_redis.cli({QStringLiteral("SET"), QStringLiteral("forever"), QStringLiteral("x")});
    qint64 now = 1'000'000;
    std::unique_ptr<CacheEntriesModel> model = redisModel(500, [&now] { return now; });
    QTRY_COMPARE(model->rowCount(), 2);
    const int timed = model->rowOf("sluice:v1:t");
    const int forever = model->rowOf("forever");
    const qint64 first = model->remainingMs(timed);
    QVERIFY2(first > 80'000 && first <= 90'000, qPrintable(QString::number(first)));
    QCOMPARE(model->remainingMs(forever), -1);
    QCOMPARE(cell(model.get(), forever, CacheEntriesModel::TimeToLive), QStringLiteral("no expiry"));

    QSignalSpy changed(model.get(), &QAbstractItemModel::dataChanged);
    now += 5000; // no new query: the countdown is the model's own
    model->tick();
    QCOMPARE(changed.size(), 1);
    QCOMPARE(changed.at(0).at(0).value<QModelIndex>().column(), int(CacheEntriesModel::TimeToLive));
    QCOMPARE(model->remainingMs(timed), first - 5000);
    QCOMPARE(cell(model.get(), timed, CacheEntriesModel::TimeToLive),
             CacheEntriesModel::timeToLiveText(first - 5000));
    now += 200'000;
    QCOMPARE(cell(model.get(), timed, CacheEntriesModel::TimeToLive), QStringLiteral("expired"));
}

void TestConsoleCacheBrowser::timeToLiveText_data()
{
    QTest::addColumn<qint64>("ms");
    QTest::addColumn<QString>("text");
    QTest::newRow("none") << qint64(-1) << QStringLiteral("no expiry");
    QTest::newRow("expired") << qint64(0) << QStringLiteral("expired");
    QTest::newRow("part of a second") << qint64(200) << QStringLiteral("1 s");
    QTest::newRow("seconds") << qint64(58'001) << QStringLiteral("59 s");
    QTest::newRow("a minute") << qint64(59'001) << QStringLiteral("1 min 00 s");
    QTest::newRow("minutes") << qint64(125'000) << QStringLiteral("2 min 05 s");
    QTest::newRow("hours") << qint64(7'260'000) << QStringLiteral("2 h 01 min");
}

void TestConsoleCacheBrowser::timeToLiveText()
{
    QFETCH(qint64, ms);
    QFETCH(QString, text);
    QCOMPARE(CacheEntriesModel::timeToLiveText(ms), text);
}

void TestConsoleCacheBrowser::redisDownShowsTheErrorWithoutThePassword()
{
    const QString password = QStringLiteral("down-secret-987");
    RedisServer down {RedisServer::Options {password, {}, {}, false, 0, {}}};
    QVERIFY2(down.start(), qPrintable(down.errorText()));
    const QString connection = down.connectionString() + QStringLiteral(",connectTimeout=1000");
    down.stop();
    TestWorkspace workspace;
    workspace.writeWorkspaceJson(workspaceJson(m_origin.url().toString(), connection));
    WorkspaceDocument document;
    QVERIFY(document.open(workspace.path()));

    ConsoleGateway gateway;
    CacheBrowserPage page(&document, &gateway, nullptr);
    page.show();
    page.findChild<QComboBox *>(QStringLiteral("cacheBrowserStore"))->setCurrentIndex(1);
    auto *error = page.findChild<QLabel *>(QStringLiteral("cacheBrowserError"));
    QTRY_VERIFY_WITH_TIMEOUT(error->isVisible(), 5000);
    QVERIFY2(error->text().startsWith(QStringLiteral("main (default): ")), qPrintable(error->text()));
    QVERIFY(!error->text().contains(password));
    QVERIFY(!page.model()->canFetchMore({}));

    ExternalStoreMonitor monitor(&document, nullptr, nullptr, 100);
    QTRY_VERIFY(!monitor.stores().isEmpty() && monitor.stores().at(0).measured);
    const ExternalStoreStatus status = monitor.stores().at(0);
    QCOMPARE(status.id, QStringLiteral("main"));
    QVERIFY(!status.reachable);
    QVERIFY(!status.error.isEmpty());
    QVERIFY(!status.error.contains(password));
}

void TestConsoleCacheBrowser::dashboardLatencySplitVerdictAndStores()
{
    GatewayMetrics metrics;
    RouteMetrics *route = metrics.route(QStringLiteral("orders"), QStringLiteral("get"));
    CacheMetrics *cache = metrics.cache(QStringLiteral("orders"), QStringLiteral("get"), QStringLiteral("internal"));
    DashboardModel model;
    model.update(metrics.snapshot(), 0);
    QCOMPARE(model.verdict(), QStringLiteral("No cache lookups yet: send a request to an operation with cache-lookup."));
    for (int i = 0; i < 9; ++i) {
        cache->recordLookup(CacheOutcome::Hit, 0.0001);
        route->recordRequest(200, 0.0004, ResponseCacheOutcome::Hit);
    }
    cache->recordLookup(CacheOutcome::Miss, 0.0001);
    route->recordRequest(200, 0.2, ResponseCacheOutcome::Miss);
    route->recordRequest(200, 0.03);
    model.update(metrics.snapshot(), 1000);

    const QMap<QString, DashboardLatency> &latency = model.latency();
    QCOMPARE(latency.keys(), (QStringList {QStringLiteral("hit"), QStringLiteral("miss"), QStringLiteral("none")}));
    QCOMPARE(latency.value(QStringLiteral("hit")).count, 9.0);
    QVERIFY(latency.value(QStringLiteral("hit")).p50Seconds > 0 && latency.value(QStringLiteral("hit")).p50Seconds <= 0.0005);
    QVERIFY(latency.value(QStringLiteral("hit")).p95Seconds <= 0.0005);
    QVERIFY(latency.value(QStringLiteral("miss")).p95Seconds > 0.1 && latency.value(QStringLiteral("miss")).p95Seconds <= 0.25);
    QCOMPARE(model.verdict(), QStringLiteral("Caching works: 90 % of lookups served from cache in the last minute."));

    // Two minutes later, only misses: the verdict speaks of the last minute.
    model.update(metrics.snapshot(), 121'000);
    for (int i = 0; i < 3; ++i)
        cache->recordLookup(CacheOutcome::Miss, 0.0001);
    model.update(metrics.snapshot(), 122'000);
    QCOMPARE(model.lastMinute().hits, 0.0);
    QCOMPARE(model.lastMinute().misses, 3.0);
    QVERIFY2(model.verdict().startsWith(QStringLiteral("No hits in the last minute: 3 lookups, all misses.")),
             qPrintable(model.verdict()));

    // Reset counters: the latency split starts again.
    model.resetCounters();
    model.update(metrics.snapshot(), 123'000);
    QVERIFY(model.latency().isEmpty());

    // Store sizes from the monitor, against the real Redis.
    m_redis.cli({QStringLiteral("FLUSHALL")});
    m_redis.cli({QStringLiteral("SET"), QStringLiteral("a"), QStringLiteral("1")});
    m_redis.cli({QStringLiteral("SET"), QStringLiteral("b"), QStringLiteral("2")});
    WorkspaceDocument document;
    QVERIFY(document.open(m_workspace.path()));
    ExternalStoreMonitor monitor(&document, nullptr, nullptr, 100);
    connect(&monitor, &ExternalStoreMonitor::measured, &model, &DashboardModel::setExternalStores);
    QTRY_VERIFY(!model.externalStores().isEmpty() && model.externalStores().at(0).reachable);
    const ExternalStoreStatus status = model.externalStores().at(0);
    QCOMPARE(status.id, QStringLiteral("main"));
    QCOMPARE(status.useFrom, QStringLiteral("default"));
    QCOMPARE(status.keys, 2.0);
    QVERIFY(status.usedMemoryBytes > 0);
    QVERIFY(status.error.isEmpty());
}

void TestConsoleCacheBrowser::quantileFromBuckets_data()
{
    QTest::addColumn<double>("q");
    QTest::addColumn<QList<double>>("cumulative");
    QTest::addColumn<double>("expected");
    // Bounds 1, 2, 4 (then +Inf).
    QTest::newRow("empty") << 0.5 << QList<double> {0, 0, 0, 0} << 0.0;
    QTest::newRow("middle of the first bucket") << 0.5 << QList<double> {10, 10, 10, 10} << 0.5;
    QTest::newRow("inside the second bucket") << 0.75 << QList<double> {2, 4, 4, 4} << 1.5;
    QTest::newRow("in +Inf: the highest bound") << 0.95 << QList<double> {0, 0, 0, 5} << 4.0;
}

void TestConsoleCacheBrowser::quantileFromBuckets()
{
    QFETCH(double, q);
    QFETCH(QList<double>, cumulative);
    QFETCH(double, expected);
    QCOMPARE(DashboardModel::quantile(q, {1, 2, 4}, cumulative), expected);
}

QTEST_MAIN(TestConsoleCacheBrowser)
#include "tst_console_cachebrowser.moc"
