#include "metrics/CallbackGauge.h"
#include "metrics/Counter.h"
#include "metrics/CounterFamily.h"
#include "metrics/Gauge.h"
#include "metrics/GaugeFamily.h"
#include "metrics/GatewayMetrics.h"
#include "metrics/Histogram.h"
#include "metrics/HistogramFamily.h"
#include "metrics/MetricsRegistry.h"
#include "metrics/PrometheusFormat.h"

#include <QTest>

#include <atomic>
#include <cmath>
#include <limits>
#include <thread>
#include <vector>

using namespace sluice;

namespace {

// Runs fn(threadIndex) on `threads` threads started together; returns when all end.
template<typename Fn>
void runConcurrently(int threads, Fn fn)
{
    std::atomic<bool> go{false};
    std::vector<std::thread> pool;
    pool.reserve(static_cast<std::size_t>(threads));
    for (int t = 0; t < threads; ++t) {
        pool.emplace_back([&go, &fn, t] {
            while (!go.load(std::memory_order_acquire))
                std::this_thread::yield();
            fn(t);
        });
    }
    go.store(true, std::memory_order_release);
    for (std::thread &th : pool)
        th.join();
}

QList<QByteArray> linesWithPrefix(const QByteArray &text, const QByteArray &prefix)
{
    QList<QByteArray> result;
    for (const QByteArray &line : text.split('\n')) {
        if (line.startsWith(prefix))
            result.append(line);
    }
    return result;
}

} // namespace

class TestMetrics : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void counterConcurrentIncrementsAreExact();
    void histogramConcurrentObservationsAreExact();
    void familyChildCreationRacesYieldOneChild();
    void histogramBuckets_data();
    void histogramBuckets();
    void defaultLatencyBuckets();
    void labelEscaping_data();
    void labelEscaping();
    void helpEscaping();
    void formatValue_data();
    void formatValue();
    void goldenExposition();
    void emptyFamiliesAreNotExposed();
    void registryRejectsInvalidAndConflicting_data();
    void registryRejectsInvalidAndConflicting();
    void registryReturnsExistingFamily();
    void gatewaySnapshotValues();
    void gatewayExposition();
    void gatewayRoutePointersAreStable();
    void gatewayResponseDurationByCacheOutcome();
};

void TestMetrics::counterConcurrentIncrementsAreExact()
{
    constexpr int threads = 4;
    constexpr int perThread = 200000;
    MetricsRegistry registry;
    CounterFamily *family = registry.addCounterFamily(QStringLiteral("c_total"), QStringLiteral("c"),
                                                      {QStringLiteral("k")});
    QVERIFY(family);
    Counter *shared = family->withLabels({QStringLiteral("shared")});
    runConcurrently(threads, [&](int t) {
        Counter *own = family->withLabels({QStringLiteral("t%1").arg(t)});
        for (int i = 0; i < perThread; ++i) {
            shared->increment();
            own->increment(2);
        }
    });
    QCOMPARE(shared->value(), std::uint64_t(threads) * perThread);
    const MetricsSnapshot snap = registry.snapshot();
    for (int t = 0; t < threads; ++t)
        QCOMPARE(snap.value(QStringLiteral("c_total"), {QStringLiteral("t%1").arg(t)}), double(2 * perThread));
    QCOMPARE(snap.total(QStringLiteral("c_total")), double(threads) * perThread * 3);
}

void TestMetrics::histogramConcurrentObservationsAreExact()
{
    constexpr int threads = 4;
    constexpr int perThread = 50000;
    Histogram h({0.5, 1.0, 2.0});
    runConcurrently(threads, [&](int t) {
        const double v = t % 2 == 0 ? 0.25 : 1.5; // exact in binary: the sum is exact
        for (int i = 0; i < perThread; ++i)
            h.observe(v);
    });
    QCOMPARE(h.count(), std::uint64_t(threads) * perThread);
    QCOMPARE(h.sum(), 2.0 * perThread * 0.25 + 2.0 * perThread * 1.5);
    const QList<std::uint64_t> expected{2 * perThread, 2 * perThread, 4 * perThread, 4 * perThread};
    QCOMPARE(h.cumulativeCounts(), expected);
}

void TestMetrics::familyChildCreationRacesYieldOneChild()
{
    MetricsRegistry registry;
    HistogramFamily *family = registry.addHistogramFamily(QStringLiteral("h_seconds"), QStringLiteral("h"),
                                                          {QStringLiteral("api")});
    QVERIFY(family);
    constexpr int threads = 4;
    std::vector<Histogram *> seen(threads * 26, nullptr);
    runConcurrently(threads, [&](int t) {
        for (int i = 0; i < 26; ++i) {
            Histogram *h = family->withLabels({QString(QChar(u'a' + i))});
            h->observe(0.001);
            seen[static_cast<std::size_t>(t * 26 + i)] = h;
        }
    });
    for (int i = 0; i < 26; ++i) {
        for (int t = 1; t < threads; ++t)
            QCOMPARE(seen[static_cast<std::size_t>(t * 26 + i)], seen[static_cast<std::size_t>(i)]);
        QCOMPARE(seen[static_cast<std::size_t>(i)]->count(), std::uint64_t(threads));
    }
    const MetricsSnapshot snapshot = registry.snapshot();
    QCOMPARE(snapshot.family(QStringLiteral("h_seconds"))->samples.size(), 26);
}

void TestMetrics::histogramBuckets_data()
{
    QTest::addColumn<double>("value");
    QTest::addColumn<QList<std::uint64_t>>("cumulative"); // le=0.1, 0.5, 1, +Inf
    QTest::addColumn<QByteArray>("sum");

    const double inf = std::numeric_limits<double>::infinity();
    using C = QList<std::uint64_t>;
    QTest::newRow("below first") << 0.05 << C{1, 1, 1, 1} << QByteArrayLiteral("0.05");
    QTest::newRow("negative") << -1.0 << C{1, 1, 1, 1} << QByteArrayLiteral("-1");
    QTest::newRow("zero") << 0.0 << C{1, 1, 1, 1} << QByteArrayLiteral("0");
    QTest::newRow("on first bound (le is inclusive)") << 0.1 << C{1, 1, 1, 1} << QByteArrayLiteral("0.1");
    QTest::newRow("just above first") << 0.1000001 << C{0, 1, 1, 1} << QByteArrayLiteral("0.1000001");
    QTest::newRow("on middle bound") << 0.5 << C{0, 1, 1, 1} << QByteArrayLiteral("0.5");
    QTest::newRow("on last bound") << 1.0 << C{0, 0, 1, 1} << QByteArrayLiteral("1");
    QTest::newRow("above last") << 1.5 << C{0, 0, 0, 1} << QByteArrayLiteral("1.5");
    QTest::newRow("infinity") << inf << C{0, 0, 0, 1} << QByteArrayLiteral("+Inf");
    QTest::newRow("NaN") << std::numeric_limits<double>::quiet_NaN() << C{0, 0, 0, 1} << QByteArrayLiteral("NaN");
}

void TestMetrics::histogramBuckets()
{
    QFETCH(double, value);
    QFETCH(QList<std::uint64_t>, cumulative);
    QFETCH(QByteArray, sum);

    MetricsRegistry registry;
    // Unsorted, duplicated and infinite bounds are normalised.
    HistogramFamily *family = registry.addHistogramFamily(
        QStringLiteral("h"), QStringLiteral("help"), {}, {1.0, 0.1, 0.5, 0.5, std::numeric_limits<double>::infinity()});
    QVERIFY(family);
    QCOMPARE(family->upperBounds(), (QList<double>{0.1, 0.5, 1.0}));
    Histogram *h = family->withLabels({});
    h->observe(value);
    QCOMPARE(h->cumulativeCounts(), cumulative);
    QCOMPARE(h->count(), 1u);

    const QByteArray text = registry.prometheusText();
    const QByteArray expected = "# HELP h help\n"
                                "# TYPE h histogram\n"
                                "h_bucket{le=\"0.1\"} " + QByteArray::number(cumulative.at(0)) + "\n"
                                "h_bucket{le=\"0.5\"} " + QByteArray::number(cumulative.at(1)) + "\n"
                                "h_bucket{le=\"1\"} " + QByteArray::number(cumulative.at(2)) + "\n"
                                "h_bucket{le=\"+Inf\"} 1\n"
                                "h_sum " + sum + "\n"
                                "h_count 1\n";
    QCOMPARE(text, expected);

    const MetricsSnapshot snapshot = registry.snapshot();
    const MetricFamilySnapshot *snap = snapshot.family(QStringLiteral("h"));
    QVERIFY(snap);
    QCOMPARE(snap->bucketBounds, (QList<double>{0.1, 0.5, 1.0}));
    QCOMPARE(snap->samples.size(), 1);
    QCOMPARE(snap->samples.at(0).bucketCounts, cumulative);
    QCOMPARE(snap->samples.at(0).count, 1u);
}

void TestMetrics::defaultLatencyBuckets()
{
    MetricsRegistry registry;
    HistogramFamily *family = registry.addHistogramFamily(QStringLiteral("lat_seconds"), QStringLiteral("l"));
    QVERIFY(family);
    family->withLabels({})->observe(0.003);
    QList<QByteArray> les;
    for (const QByteArray &line : linesWithPrefix(registry.prometheusText(), "lat_seconds_bucket{le=\"")) {
        const qsizetype start = line.indexOf('"') + 1;
        les.append(line.mid(start, line.indexOf('"', start) - start));
    }
    const QList<QByteArray> expected{"0.0005", "0.001", "0.0025", "0.005", "0.01", "0.025", "0.05", "0.1",
                                     "0.25",   "0.5",   "1",      "2.5",   "5",    "10",    "+Inf"};
    QCOMPARE(les, expected);
    QCOMPARE(linesWithPrefix(registry.prometheusText(), "lat_seconds_bucket{le=\"0.005\"}"),
             QList<QByteArray>{"lat_seconds_bucket{le=\"0.005\"} 1"});
    QCOMPARE(linesWithPrefix(registry.prometheusText(), "lat_seconds_bucket{le=\"0.0025\"}"),
             QList<QByteArray>{"lat_seconds_bucket{le=\"0.0025\"} 0"});
}

void TestMetrics::labelEscaping_data()
{
    QTest::addColumn<QString>("value");
    QTest::addColumn<QByteArray>("escaped");

    QTest::newRow("plain") << QStringLiteral("orders") << QByteArrayLiteral("orders");
    QTest::newRow("empty") << QString() << QByteArray();
    QTest::newRow("double quote") << QStringLiteral("say \"hi\"") << QByteArrayLiteral("say \\\"hi\\\"");
    QTest::newRow("backslash") << QStringLiteral("a\\b") << QByteArrayLiteral("a\\\\b");
    QTest::newRow("newline") << QStringLiteral("a\nb") << QByteArrayLiteral("a\\nb");
    QTest::newRow("all three") << QStringLiteral("\\\"\n") << QByteArrayLiteral("\\\\\\\"\\n");
    QTest::newRow("backslash n is not a newline") << QStringLiteral("\\n") << QByteArrayLiteral("\\\\n");
    QTest::newRow("utf-8 passes through") << QString::fromUtf8("caf\xc3\xa9 {x}")
                                          << QByteArrayLiteral("caf\xc3\xa9 {x}");
}

void TestMetrics::labelEscaping()
{
    QFETCH(QString, value);
    QFETCH(QByteArray, escaped);

    QCOMPARE(prometheus::escapeLabelValue(value), escaped);

    MetricsRegistry registry;
    CounterFamily *family = registry.addCounterFamily(QStringLiteral("e_total"), QStringLiteral("e"),
                                                      {QStringLiteral("a"), QStringLiteral("b")});
    QVERIFY(family);
    family->withLabels({value, QStringLiteral("x")})->increment(3);
    QCOMPARE(linesWithPrefix(registry.prometheusText(), "e_total{"),
             QList<QByteArray>{"e_total{a=\"" + escaped + "\",b=\"x\"} 3"});
    // The snapshot keeps the raw value.
    QCOMPARE(registry.snapshot().value(QStringLiteral("e_total"), {value, QStringLiteral("x")}), 3.0);
}

void TestMetrics::helpEscaping()
{
    MetricsRegistry registry;
    registry.addGaugeFamily(QStringLiteral("g"), QStringLiteral("line one\nback\\slash \"quoted\""));
    QCOMPARE(linesWithPrefix(registry.prometheusText(), "# HELP g"),
             QList<QByteArray>{"# HELP g line one\\nback\\\\slash \"quoted\""});
}

void TestMetrics::formatValue_data()
{
    QTest::addColumn<double>("value");
    QTest::addColumn<QByteArray>("text");

    QTest::newRow("zero") << 0.0 << QByteArrayLiteral("0");
    QTest::newRow("integer") << 42.0 << QByteArrayLiteral("42");
    QTest::newRow("negative integer") << -7.0 << QByteArrayLiteral("-7");
    QTest::newRow("large integer") << 1e15 << QByteArrayLiteral("1000000000000000");
    QTest::newRow("fraction") << 0.25 << QByteArrayLiteral("0.25");
    QTest::newRow("shortest round trip") << 0.1 + 0.2 << QByteArrayLiteral("0.30000000000000004");
    QTest::newRow("small") << 0.0005 << QByteArrayLiteral("0.0005");
    QTest::newRow("tiny") << 1e-7 << QByteArrayLiteral("1e-07");
    QTest::newRow("huge") << 1e300 << QByteArrayLiteral("1e+300");
    QTest::newRow("+Inf") << std::numeric_limits<double>::infinity() << QByteArrayLiteral("+Inf");
    QTest::newRow("-Inf") << -std::numeric_limits<double>::infinity() << QByteArrayLiteral("-Inf");
    QTest::newRow("NaN") << std::numeric_limits<double>::quiet_NaN() << QByteArrayLiteral("NaN");
}

void TestMetrics::formatValue()
{
    QFETCH(double, value);
    QFETCH(QByteArray, text);
    QCOMPARE(prometheus::formatValue(value), text);
}

void TestMetrics::goldenExposition()
{
    MetricsRegistry registry;
    CounterFamily *requests = registry.addCounterFamily(QStringLiteral("app_requests_total"),
                                                        QStringLiteral("Requests."),
                                                        {QStringLiteral("api"), QStringLiteral("code")});
    GaugeFamily *temperature = registry.addGaugeFamily(QStringLiteral("app_temperature"), QStringLiteral("Degrees."));
    HistogramFamily *latency = registry.addHistogramFamily(QStringLiteral("app_latency_seconds"),
                                                           QStringLiteral("Latency."), {QStringLiteral("api")},
                                                           {0.1, 1});
    registry.addCallbackGauge(QStringLiteral("app_answer"), QStringLiteral("Computed."), [] { return 42.5; });
    QVERIFY(requests && temperature && latency);

    requests->withLabels({QStringLiteral("b"), QStringLiteral("200")})->increment(5);
    requests->withLabels({QStringLiteral("a"), QStringLiteral("500")})->increment();
    requests->withLabels({QStringLiteral("a"), QStringLiteral("200")})->increment(2);
    temperature->withLabels({})->set(-3.5);
    Histogram *h = latency->withLabels({QStringLiteral("a")});
    h->observe(0.05);
    h->observe(0.5);
    h->observe(3);

    // Families by name; children by label values.
    const QByteArray expected =
        "# HELP app_answer Computed.\n"
        "# TYPE app_answer gauge\n"
        "app_answer 42.5\n"
        "# HELP app_latency_seconds Latency.\n"
        "# TYPE app_latency_seconds histogram\n"
        "app_latency_seconds_bucket{api=\"a\",le=\"0.1\"} 1\n"
        "app_latency_seconds_bucket{api=\"a\",le=\"1\"} 2\n"
        "app_latency_seconds_bucket{api=\"a\",le=\"+Inf\"} 3\n"
        "app_latency_seconds_sum{api=\"a\"} 3.55\n"
        "app_latency_seconds_count{api=\"a\"} 3\n"
        "# HELP app_requests_total Requests.\n"
        "# TYPE app_requests_total counter\n"
        "app_requests_total{api=\"a\",code=\"200\"} 2\n"
        "app_requests_total{api=\"a\",code=\"500\"} 1\n"
        "app_requests_total{api=\"b\",code=\"200\"} 5\n"
        "# HELP app_temperature Degrees.\n"
        "# TYPE app_temperature gauge\n"
        "app_temperature -3.5\n";
    QCOMPARE(registry.prometheusText(), expected);
}

void TestMetrics::emptyFamiliesAreNotExposed()
{
    MetricsRegistry registry;
    registry.addCounterFamily(QStringLiteral("x_total"), QStringLiteral("x"), {QStringLiteral("k")});
    registry.addCounterFamily(QStringLiteral("y_total"), QStringLiteral("y"));
    QCOMPARE(registry.prometheusText(), QByteArrayLiteral("# HELP y_total y\n# TYPE y_total counter\ny_total 0\n"));
    const MetricsSnapshot snap = registry.snapshot();
    QVERIFY(snap.family(QStringLiteral("x_total")));
    QVERIFY(snap.family(QStringLiteral("x_total"))->samples.isEmpty());
    QCOMPARE(snap.value(QStringLiteral("y_total")), 0.0);
    QCOMPARE(snap.value(QStringLiteral("nope")), std::nullopt);
}

void TestMetrics::registryRejectsInvalidAndConflicting_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<QStringList>("labels");
    QTest::addColumn<bool>("histogram");
    QTest::addColumn<bool>("accepted");

    QTest::newRow("valid") << QStringLiteral("ok_total") << QStringList{QStringLiteral("a")} << false << true;
    QTest::newRow("colon in name") << QStringLiteral("ns:ok") << QStringList{} << false << true;
    QTest::newRow("empty name") << QString() << QStringList{} << false << false;
    QTest::newRow("leading digit") << QStringLiteral("1abc") << QStringList{} << false << false;
    QTest::newRow("dash") << QStringLiteral("a-b") << QStringList{} << false << false;
    QTest::newRow("colon in label") << QStringLiteral("ok") << QStringList{QStringLiteral("a:b")} << false << false;
    QTest::newRow("reserved label") << QStringLiteral("ok") << QStringList{QStringLiteral("__x")} << false << false;
    QTest::newRow("duplicate label") << QStringLiteral("ok")
                                     << QStringList{QStringLiteral("a"), QStringLiteral("a")} << false << false;
    QTest::newRow("le on histogram") << QStringLiteral("ok") << QStringList{QStringLiteral("le")} << true << false;
    QTest::newRow("le on counter") << QStringLiteral("ok") << QStringList{QStringLiteral("le")} << false << true;
    QTest::newRow("conflicting type") << QStringLiteral("taken") << QStringList{} << false << false;
    QTest::newRow("conflicting labels") << QStringLiteral("taken") << QStringList{QStringLiteral("z")} << true << false;
}

void TestMetrics::registryRejectsInvalidAndConflicting()
{
    QFETCH(QString, name);
    QFETCH(QStringList, labels);
    QFETCH(bool, histogram);
    QFETCH(bool, accepted);

    MetricsRegistry registry;
    QVERIFY(registry.addHistogramFamily(QStringLiteral("taken"), QStringLiteral("t")));
    QString error;
    const bool added = histogram
        ? registry.addHistogramFamily(name, QStringLiteral("h"), labels, MetricsRegistry::defaultBuckets(), &error) != nullptr
        : registry.addCounterFamily(name, QStringLiteral("h"), labels, &error) != nullptr;
    QCOMPARE(added, accepted);
    QCOMPARE(error.isEmpty(), accepted);
}

void TestMetrics::registryReturnsExistingFamily()
{
    MetricsRegistry registry;
    CounterFamily *first = registry.addCounterFamily(QStringLiteral("a_total"), QStringLiteral("a"),
                                                     {QStringLiteral("k")});
    QCOMPARE(registry.addCounterFamily(QStringLiteral("a_total"), QStringLiteral("a"), {QStringLiteral("k")}), first);
    QString error;
    QVERIFY(registry.addHistogramFamily(QStringLiteral("b"), QStringLiteral("b"), {}, {1, 2}));
    QVERIFY(!registry.addHistogramFamily(QStringLiteral("b"), QStringLiteral("b"), {}, {1, 3}, &error));
    QVERIFY(!error.isEmpty());
    QCOMPARE(registry.family(QStringLiteral("a_total")), first);
}

void TestMetrics::gatewaySnapshotValues()
{
    qint64 nowMs = 1000000;
    GatewayMetrics metrics(QStringLiteral("9.8.7"), [&nowMs] { return nowMs; });
    RouteMetrics *get = metrics.route(QStringLiteral("orders"), QStringLiteral("get-order"));
    RouteMetrics *list = metrics.route(QStringLiteral("orders"), QStringLiteral("list-orders"));
    get->recordRequest(200, 0.004);
    get->recordRequest(204, 0.006);
    get->recordRequest(503, 0.2);
    list->recordRequest(404, 0.001);
    get->recordBackend(BackendOutcome::Ok, 0.003);
    get->recordBackend(BackendOutcome::Timeout, 0.1);
    list->recordPolicyError();
    metrics.connectionsActive()->increment();
    metrics.connectionsActive()->increment();
    metrics.connectionsActive()->decrement();
    CacheMetrics *cache = metrics.cache(QStringLiteral("orders"), QStringLiteral("get-order"), QStringLiteral("internal"));
    cache->recordLookup(CacheOutcome::Hit, 0.0001);
    cache->recordLookup(CacheOutcome::Hit, 0.0002);
    cache->recordLookup(CacheOutcome::Miss, 0.0003);
    cache->recordBypass(CacheBypassReason::Authorization);
    cache->recordStore();
    cache->recordStoreSkip(CacheStoreSkip::TooLarge);
    cache->recordBackendAvoided();
    nowMs += 2500;

    const MetricsSnapshot snap = metrics.snapshot();
    const QString orders = QStringLiteral("orders");
    const QString requests = QStringLiteral("sluice_requests_total");
    QCOMPARE(snap.value(requests, {orders, QStringLiteral("get-order"), QStringLiteral("2xx")}), 2.0);
    QCOMPARE(snap.value(requests, {orders, QStringLiteral("get-order"), QStringLiteral("5xx")}), 1.0);
    QCOMPARE(snap.value(requests, {orders, QStringLiteral("list-orders"), QStringLiteral("4xx")}), 1.0);
    QCOMPARE(snap.value(requests, {orders, QStringLiteral("get-order"), QStringLiteral("4xx")}), std::nullopt);
    QCOMPARE(snap.total(requests, {{QStringLiteral("api"), orders}}), 4.0);
    QCOMPARE(snap.total(requests, {{QStringLiteral("status_class"), QStringLiteral("2xx")}}), 2.0);

    const MetricFamilySnapshot *duration = snap.family(QStringLiteral("sluice_request_duration_seconds"));
    QVERIFY(duration);
    QCOMPARE(duration->type, MetricType::Histogram);
    QCOMPARE(duration->bucketBounds, Histogram::defaultLatencyBuckets());
    const MetricSample *d = duration->sample({orders});
    QVERIFY(d);
    QCOMPARE(d->count, 4u);
    QVERIFY(qFuzzyCompare(d->sum, 0.211));
    QCOMPARE(d->bucketCounts.at(1), 1u); // le=0.001
    QCOMPARE(d->bucketCounts.at(3), 2u); // le=0.005
    QCOMPARE(d->bucketCounts.at(4), 3u); // le=0.01
    QCOMPARE(d->bucketCounts.constLast(), 4u);

    const QString backend = QStringLiteral("sluice_backend_requests_total");
    QCOMPARE(snap.value(backend, {orders, QStringLiteral("ok")}), 1.0);
    QCOMPARE(snap.value(backend, {orders, QStringLiteral("timeout")}), 1.0);
    QCOMPARE(snap.value(backend, {orders, QStringLiteral("connect_error")}), 0.0);
    QCOMPARE(snap.value(backend, {orders, QStringLiteral("protocol_error")}), 0.0);
    QCOMPARE(snap.value(QStringLiteral("sluice_backend_duration_seconds"), {orders}), 2.0);
    QCOMPARE(snap.value(QStringLiteral("sluice_policy_errors_total"), {orders}), 1.0);
    QCOMPARE(snap.value(QStringLiteral("sluice_connections_active")), 1.0);

    const QString lookups = QStringLiteral("sluice_cache_lookups_total");
    const QString internal = QStringLiteral("internal");
    const QString op = QStringLiteral("get-order");
    QCOMPARE(snap.value(lookups, {orders, op, internal, QStringLiteral("hit")}), 2.0);
    QCOMPARE(snap.value(lookups, {orders, op, internal, QStringLiteral("miss")}), 1.0);
    QCOMPARE(snap.value(lookups, {orders, op, internal, QStringLiteral("bypass")}), 1.0);
    QCOMPARE(snap.value(lookups, {orders, op, internal, QStringLiteral("error")}), 0.0);
    QCOMPARE(snap.value(QStringLiteral("sluice_cache_bypasses_total"), {orders, op, internal, QStringLiteral("authorization")}), 1.0);
    QCOMPARE(snap.value(QStringLiteral("sluice_cache_bypasses_total"), {orders, op, internal, QStringLiteral("method")}), 0.0);
    QCOMPARE(snap.value(QStringLiteral("sluice_cache_stores_total"), {orders, op, internal}), 1.0);
    QCOMPARE(snap.value(QStringLiteral("sluice_cache_store_skips_total"), {orders, op, internal, QStringLiteral("too_large")}), 1.0);
    QCOMPARE(snap.value(QStringLiteral("sluice_cache_backend_requests_avoided_total"), {orders, op, internal}), 1.0);
    const MetricFamilySnapshot *lookupDuration = snap.family(QStringLiteral("sluice_cache_lookup_duration_seconds"));
    QVERIFY(lookupDuration);
    QCOMPARE(lookupDuration->sample({orders, internal})->count, 3u);

    QCOMPARE(snap.value(QStringLiteral("sluice_build_info"), {QStringLiteral("9.8.7")}), 1.0);
    QCOMPARE(snap.value(QStringLiteral("sluice_uptime_seconds")), 2.5);
    QCOMPARE(metrics.uptimeSeconds(), 2.5);
}

void TestMetrics::gatewayExposition()
{
    qint64 nowMs = 0;
    GatewayMetrics metrics(QStringLiteral("1.2.3"), [&nowMs] { return nowMs; });
    metrics.route(QStringLiteral("pets"), QStringLiteral("op \"x\""))->recordRequest(201, 0.01);
    metrics.route(QStringLiteral("pets"), QStringLiteral("other"))->recordRequest(42, 0.01);
    nowMs = 61250;
    const QByteArray text = metrics.prometheusText();
    QCOMPARE(linesWithPrefix(text, "sluice_requests_total{"),
             (QList<QByteArray>{"sluice_requests_total{api=\"pets\",operation=\"op \\\"x\\\"\",status_class=\"2xx\"} 1",
                                "sluice_requests_total{api=\"pets\",operation=\"other\",status_class=\"other\"} 1"}));
    QCOMPARE(linesWithPrefix(text, "sluice_request_duration_seconds_bucket{api=\"pets\",le=\"0.01\"}"),
             QList<QByteArray>{"sluice_request_duration_seconds_bucket{api=\"pets\",le=\"0.01\"} 2"});
    QCOMPARE(linesWithPrefix(text, "sluice_request_duration_seconds_count"),
             QList<QByteArray>{"sluice_request_duration_seconds_count{api=\"pets\"} 2"});
    QCOMPARE(linesWithPrefix(text, "sluice_build_info"), QList<QByteArray>{"sluice_build_info{version=\"1.2.3\"} 1"});
    QCOMPARE(linesWithPrefix(text, "sluice_uptime_seconds"), QList<QByteArray>{"sluice_uptime_seconds 61.25"});
    QCOMPARE(linesWithPrefix(text, "sluice_connections_active"), QList<QByteArray>{"sluice_connections_active 0"});
    QCOMPARE(linesWithPrefix(text, "# TYPE sluice_backend_duration_seconds"),
             QList<QByteArray>{"# TYPE sluice_backend_duration_seconds histogram"});
    // No cache was used yet: its families have no children and are not exposed.
    QVERIFY(!text.contains("sluice_cache_"));
    QVERIFY(text.endsWith('\n'));
}

void TestMetrics::gatewayRoutePointersAreStable()
{
    GatewayMetrics metrics;
    RouteMetrics *a = metrics.route(QStringLiteral("a"), QStringLiteral("op"));
    QCOMPARE(metrics.route(QStringLiteral("a"), QStringLiteral("op")), a);
    QVERIFY(metrics.route(QStringLiteral("a"), QStringLiteral("op2")) != a);
    // Operations of one API share the API-level children.
    QCOMPARE(metrics.route(QStringLiteral("a"), QStringLiteral("op2"))->duration(), a->duration());
    QCOMPARE(a->requests(200), a->requests(299));
    QVERIFY(a->requests(200) != a->requests(500));
    QCOMPARE(metrics.cache(QStringLiteral("a"), QStringLiteral("op"), QStringLiteral("c")),
             metrics.cache(QStringLiteral("a"), QStringLiteral("op"), QStringLiteral("c")));
    QVERIFY(metrics.cache(QStringLiteral("a"), QStringLiteral("op"), QStringLiteral("c"))
            != metrics.cache(QStringLiteral("a"), QStringLiteral("op2"), QStringLiteral("c")));
    QCOMPARE(RouteMetrics::statusClass(100), QStringLiteral("1xx"));
    QCOMPARE(RouteMetrics::statusClass(599), QStringLiteral("5xx"));
    QCOMPARE(RouteMetrics::statusClass(600), QStringLiteral("other"));
    QCOMPARE(RouteMetrics::statusClass(0), QStringLiteral("other"));
    QVERIFY(metrics.uptimeSeconds() >= 0.0);

    // Concurrent first use of one route from several threads.
    std::vector<RouteMetrics *> seen(4, nullptr);
    runConcurrently(4, [&](int t) {
        RouteMetrics *r = metrics.route(QStringLiteral("b"), QStringLiteral("op"));
        for (int i = 0; i < 10000; ++i)
            r->recordRequest(200, 0.001);
        seen[static_cast<std::size_t>(t)] = r;
    });
    for (RouteMetrics *r : seen)
        QCOMPARE(r, seen.front());
    QCOMPARE(seen.front()->requests(200)->value(), 40000u);
}

void TestMetrics::gatewayResponseDurationByCacheOutcome()
{
    GatewayMetrics metrics;
    RouteMetrics *route = metrics.route(QStringLiteral("orders"), QStringLiteral("get"));
    route->recordRequest(200, 0.0004, ResponseCacheOutcome::Hit);
    route->recordRequest(200, 0.0004, ResponseCacheOutcome::Hit);
    route->recordRequest(200, 0.2, ResponseCacheOutcome::Miss);
    route->recordRequest(200, 0.2, ResponseCacheOutcome::Bypass);
    route->recordRequest(200, 0.2);
    QCOMPARE(route->responseDuration(ResponseCacheOutcome::Hit), route->responseDuration(ResponseCacheOutcome::Hit));
    QVERIFY(route->responseDuration(ResponseCacheOutcome::Hit) != route->responseDuration(ResponseCacheOutcome::Miss));

    const QByteArray text = metrics.prometheusText();
    QCOMPARE(linesWithPrefix(text, "# TYPE sluice_response_duration_seconds"),
             QList<QByteArray>{"# TYPE sluice_response_duration_seconds histogram"});
    QCOMPARE(linesWithPrefix(text, "sluice_response_duration_seconds_count"),
             (QList<QByteArray>{
                 "sluice_response_duration_seconds_count{api=\"orders\",operation=\"get\",outcome=\"bypass\"} 1",
                 "sluice_response_duration_seconds_count{api=\"orders\",operation=\"get\",outcome=\"hit\"} 2",
                 "sluice_response_duration_seconds_count{api=\"orders\",operation=\"get\",outcome=\"miss\"} 1",
                 "sluice_response_duration_seconds_count{api=\"orders\",operation=\"get\",outcome=\"none\"} 1"}));
    QCOMPARE(linesWithPrefix(text, "sluice_response_duration_seconds_bucket{api=\"orders\",operation=\"get\","
                                   "outcome=\"hit\",le=\"0.0005\"}"),
             QList<QByteArray>{"sluice_response_duration_seconds_bucket{api=\"orders\",operation=\"get\","
                               "outcome=\"hit\",le=\"0.0005\"} 2"});

    const MetricsSnapshot snap = metrics.snapshot();
    const MetricFamilySnapshot *family = snap.family(QStringLiteral("sluice_response_duration_seconds"));
    QVERIFY(family);
    QCOMPARE(family->labelNames, (QStringList{QStringLiteral("api"), QStringLiteral("operation"),
                                              QStringLiteral("outcome")}));
    QCOMPARE(snap.value(QStringLiteral("sluice_response_duration_seconds"),
                        {QStringLiteral("orders"), QStringLiteral("get"), QStringLiteral("hit")}),
             2.0);
}

QTEST_GUILESS_MAIN(TestMetrics)
#include "tst_metrics.moc"
