// DashboardModel: totals, hit ratio, per-operation rows, per-second rates and
// Reset counters, from snapshots of a real GatewayMetrics.
#include "DashboardModel.h"
#include "RouteTableModel.h"
#include "cache/InternalCache.h"
#include "metrics/GatewayMetrics.h"

#include <QSignalSpy>
#include <QTest>

using namespace sluice;

class TestConsoleDashboardModel : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void countsHitsMissesBypassesAndRatio()
    {
        GatewayMetrics metrics;
        CacheMetrics *items =
            metrics.cache(QStringLiteral("echo"), QStringLiteral("get-item"), QStringLiteral("internal"));
        items->recordLookup(CacheOutcome::Miss, 0.001);
        items->recordStore();
        for (int i = 0; i < 3; ++i) {
            items->recordLookup(CacheOutcome::Hit, 0.0001);
            items->recordBackendAvoided();
        }
        items->recordBypass(CacheBypassReason::Authorization);
        metrics.route(QStringLiteral("echo"), QStringLiteral("get-item"))->recordRequest(200, 0.01);

        DashboardModel model;
        QSignalSpy updated(&model, &DashboardModel::updated);
        model.update(metrics.snapshot(), 1000);
        QCOMPARE(updated.size(), 1);
        QCOMPARE(model.totals().hits, 3.0);
        QCOMPARE(model.totals().misses, 1.0);
        QCOMPARE(model.totals().bypasses, 1.0);
        QCOMPARE(model.totals().stores, 1.0);
        QCOMPARE(model.totals().backendAvoided, 3.0);
        QCOMPARE(model.totals().requests, 1.0);
        QCOMPARE(model.totals().hitRatio(), 0.75);
        QCOMPARE(model.routes().size(), 1);
        QCOMPARE(model.routes()[0].api, QStringLiteral("echo"));
        QCOMPARE(model.routes()[0].operation, QStringLiteral("get-item"));
        QCOMPARE(model.routes()[0].totals.hits, 3.0);
        QVERIFY(model.rates().empty()); // a rate needs two snapshots
    }

    void noLookupsMeansRatioZero()
    {
        DashboardModel model;
        GatewayMetrics metrics;
        model.update(metrics.snapshot(), 0);
        QCOMPARE(model.totals().hitRatio(), 0.0);
        QVERIFY(model.hasData());
    }

    void ratesPerSecondBetweenSnapshots()
    {
        GatewayMetrics metrics;
        CacheMetrics *c = metrics.cache(QStringLiteral("a"), QStringLiteral("op"), QStringLiteral("internal"));
        DashboardModel model(nullptr, 60);
        model.update(metrics.snapshot(), 10'000);
        for (int i = 0; i < 10; ++i)
            c->recordLookup(CacheOutcome::Hit, 0);
        for (int i = 0; i < 4; ++i)
            c->recordLookup(CacheOutcome::Miss, 0);
        model.update(metrics.snapshot(), 12'000); // 2 s later
        QCOMPARE(model.rates().size(), std::size_t(1));
        QCOMPARE(model.rates().back().hitsPerSecond, 5.0);
        QCOMPARE(model.rates().back().missesPerSecond, 2.0);
        QCOMPARE(model.rates().back().timeMs, qint64(12'000));

        // Only the last 60 s are kept.
        model.update(metrics.snapshot(), 80'000);
        QCOMPARE(model.rates().size(), std::size_t(1));
        QCOMPARE(model.rates().back().hitsPerSecond, 0.0);
    }

    void resetCountersShowsDeltas()
    {
        GatewayMetrics metrics;
        CacheMetrics *c = metrics.cache(QStringLiteral("a"), QStringLiteral("op"), QStringLiteral("internal"));
        c->recordLookup(CacheOutcome::Hit, 0);
        c->recordLookup(CacheOutcome::Miss, 0);
        DashboardModel model;
        model.update(metrics.snapshot(), 1000);
        model.resetCounters();
        QCOMPARE(model.totals().hits, 0.0);
        QCOMPARE(model.routes()[0].totals.misses, 0.0);
        c->recordLookup(CacheOutcome::Hit, 0);
        model.update(metrics.snapshot(), 2000);
        QCOMPARE(model.totals().hits, 1.0);
        QCOMPARE(model.totals().misses, 0.0);
        QCOMPARE(model.totals().hitRatio(), 1.0);
        QCOMPARE(model.routes()[0].totals.hits, 1.0);

        // A new gateway counts from zero again.
        model.clear();
        QVERIFY(!model.hasData());
        GatewayMetrics fresh;
        fresh.cache(QStringLiteral("a"), QStringLiteral("op"), QStringLiteral("internal"))
            ->recordLookup(CacheOutcome::Miss, 0);
        model.update(fresh.snapshot(), 3000);
        QCOMPARE(model.totals().misses, 1.0);
        QCOMPARE(model.totals().hits, 0.0);
    }

    void builtInCacheSize()
    {
        GatewayMetrics metrics;
        InternalCacheOptions options;
        options.capacityBytes = 1 << 20;
        InternalCache cache(options, &metrics.registry());
        DashboardModel model;
        model.update(metrics.snapshot(), 0);
        QCOMPARE(model.cacheEntries(), 0.0);
        QCOMPARE(model.cacheBytes(), 0.0);
        QCOMPARE(model.cacheCapacityBytes(), double(1 << 20));
    }

    void routeTableFollowsTheModel()
    {
        GatewayMetrics metrics;
        metrics.cache(QStringLiteral("a"), QStringLiteral("one"), QStringLiteral("internal"))
            ->recordLookup(CacheOutcome::Hit, 0);
        metrics.cache(QStringLiteral("b"), QStringLiteral("two"), QStringLiteral("internal"))
            ->recordLookup(CacheOutcome::Miss, 0);
        DashboardModel model;
        RouteTableModel table(&model);
        QCOMPARE(table.rowCount(), 0);
        model.update(metrics.snapshot(), 0);
        QCOMPARE(table.rowCount(), 2);
        QCOMPARE(table.data(table.index(0, RouteTableModel::Api)).toString(), QStringLiteral("a"));
        QCOMPARE(table.data(table.index(0, RouteTableModel::Hits), Qt::UserRole).toDouble(), 1.0);
        QCOMPARE(table.data(table.index(1, RouteTableModel::HitRatio), Qt::UserRole).toDouble(), 0.0);
    }
};

QTEST_GUILESS_MAIN(TestConsoleDashboardModel)
#include "tst_console_dashboardmodel.moc"
