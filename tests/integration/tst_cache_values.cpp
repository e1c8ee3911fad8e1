// Value caching end to end: cache-store-value, cache-lookup-value and
// cache-remove-value on the built-in cache, in an in-process gateway in front
// of a real origin. Values travel from one request to the next through the
// cache and come back with their type; the scenarios of the APIM reference and
// its "custom caching" article (user preferences).
#include "OriginServer.h"
#include "TestHttpClient.h"
#include "TestWorkspace.h"
#include "InProcessGateway.h"
#include "cache/CacheStore.h"
#include "common/RequestLog.h"
#include "gateway/Gateway.h"
#include "gateway/GatewayConfig.h"
#include "gateway/caching/CacheServices.h"
#include "metrics/GatewayMetrics.h"

#include <QTest>
#include <QUrl>

using namespace sluice;

using Headers = QList<std::pair<QByteArray, QByteArray>>;

class TestCacheValues : public QObject
{
    Q_OBJECT

private:
    OriginServer m_origin;
    TestWorkspace m_workspace;
    InProcessGateway m_gateway;
    quint16 m_port = 0;

    std::optional<HttpResponse> get(const QByteArray &target, const Headers &headers = {})
    {
        return TestHttpClient::get(m_port, target, headers);
    }

    // "/values/<operation>?name=value&..." with names and values percent-encoded (UTF-8).
    static QByteArray target(const char *operation, const QList<std::pair<QString, QString>> &query)
    {
        QByteArray t = QByteArrayLiteral("/values/") + operation;
        for (qsizetype i = 0; i < query.size(); ++i) {
            t += i == 0 ? '?' : '&';
            t += QUrl::toPercentEncoding(query[i].first) + '=' + QUrl::toPercentEncoding(query[i].second);
        }
        return t;
    }

    bool store(const QString &key, const QString &value, const QString &duration = QStringLiteral("60"))
    {
        const auto r = get(target(
            "store", {{QStringLiteral("k"), key}, {QStringLiteral("v"), value}, {QStringLiteral("d"), duration}}));
        return r && r->status == 200;
    }

    std::optional<HttpResponse> lookup(const QString &key, const Headers &headers = {})
    {
        return get(target("lookup", {{QStringLiteral("k"), key}}), headers);
    }

    // X-Found of a lookup: "yes" on a hit, "no" on a miss.
    QByteArray found(const QString &key)
    {
        const auto r = lookup(key);
        return r ? r->headers.value("X-Found") : QByteArray("(no answer)");
    }

    double metric(const QString &family, const QStringList &labels)
    {
        return m_gateway.gateway().metrics().snapshot().value(family, labels).value_or(0);
    }

    static QStringList labels(const char *api, const char *operation, const char *cache, const char *last = nullptr)
    {
        QStringList l {QString::fromLatin1(api), QString::fromLatin1(operation), QString::fromLatin1(cache)};
        if (last)
            l.append(QString::fromLatin1(last));
        return l;
    }


private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY2(m_origin.listen(), qPrintable(m_origin.errorString()));
        QVERIFY(m_workspace.isValid());
        const QString fixture = QFINDTESTDATA("data/cache-values/gateway");
        QVERIFY(!fixture.isEmpty());
        QVERIFY(m_workspace.copyFrom(fixture, {{"ORIGIN", m_origin.url().toString().toUtf8()}}));
        QString error;
        QVERIFY2(m_gateway.start(m_workspace.path(), &error), qPrintable(error));
        m_port = m_gateway.port();
        QVERIFY(m_port != 0);
    }

    void cleanupTestCase() { QVERIFY(m_gateway.stop()); }

    void init() { m_origin.reset(); }

    // A value taken from one request (a query parameter) comes back in the next.
    void storeThenLookup_data()
    {
        QTest::addColumn<QString>("key");
        QTest::addColumn<QString>("value");
        QTest::newRow("plain") << QStringLiteral("plain-key") << QStringLiteral("hello");
        QTest::newRow("spaces") << QStringLiteral("a key with  spaces ") << QStringLiteral("a value with spaces");
        QTest::newRow("unicode") << QStringLiteral("ключ-ü-€-✓") << QStringLiteral("värde ✓ 值");
        QTest::newRow("empty value") << QStringLiteral("empty-value") << QString();
    }

    void storeThenLookup()
    {
        QFETCH(QString, key);
        QFETCH(QString, value);
        QCOMPARE(found(key), QByteArray("no"));
        QVERIFY(store(key, value));
        const auto r = lookup(key);
        QVERIFY(r);
        QCOMPARE(r->status, 200);
        QCOMPARE(r->headers.value("X-Found"), QByteArray("yes"));
        QCOMPARE(QString::fromUtf8(r->headers.value("X-Value")), value);
        QCOMPARE(QString::fromUtf8(r->headers.value("X-With-Default")), value);
        QCOMPARE(QString::fromUtf8(r->headers.value("X-With-Expression")), QStringLiteral("string ") + value);
        // The policies do not stop the request: both went to the origin.
        QCOMPARE(m_origin.requestCount(), 3);
    }

    // The store key is the value prefix and the user's key as UTF-8, byte for
    // byte: no trimming, no case folding, no normalisation.
    void keysAreExactBytes()
    {
        const QString key = QStringLiteral("Exact Kéy ü");
        QVERIFY(store(key, QStringLiteral("v")));
        QCOMPARE(found(key), QByteArray("yes"));
        QCOMPARE(found(QStringLiteral("exact kéy ü")), QByteArray("no"));
        QCOMPARE(found(QStringLiteral("Exact Kéy ü ")), QByteArray("no"));
        QCOMPARE(found(QStringLiteral("Exact Ke\u0301y ü")), QByteArray("no")); // decomposed é

        const QByteArray storeKey = QByteArrayLiteral("sluice:v1:s-") + key.toUtf8();
        QObject context;
        std::optional<CacheListing> listing;
        m_gateway.gateway().caches().internal().list(storeKey, 10, &context, [&](CacheListing l) { listing = std::move(l); });
        QTRY_VERIFY(listing.has_value());
        QVERIFY(listing->ok);
        QCOMPARE(listing->entries.size(), 1);
        QCOMPARE(listing->entries.first().key, storeKey);
    }

    // No entry: the variable stays unset, or gets default-value (text, or an
    // expression's value with its type).
    void missWithAndWithoutDefault_data()
    {
        QTest::addColumn<QByteArray>("defaultHeader");
        QTest::addColumn<QByteArray>("expressionDefault");
        QTest::newRow("no header") << QByteArray() << QByteArray("int 4"); // "none".Length
        QTest::newRow("header") << QByteArray("abcdefg") << QByteArray("int 7");
    }

    void missWithAndWithoutDefault()
    {
        QFETCH(QByteArray, defaultHeader);
        QFETCH(QByteArray, expressionDefault);
        Headers headers;
        if (!defaultHeader.isEmpty())
            headers.append({"X-Default", defaultHeader});
        const auto r = lookup(QStringLiteral("never-stored"), headers);
        QVERIFY(r);
        QCOMPARE(r->status, 200);
        QCOMPARE(r->headers.value("X-Found"), QByteArray("no"));
        QCOMPARE(r->headers.value("X-Value"), QByteArray());
        QCOMPARE(r->headers.value("X-With-Default"), QByteArray("fallback"));
        QCOMPARE(r->headers.value("X-With-Expression"), expressionDefault);
    }

    void removeInvalidates()
    {
        QVERIFY(store(QStringLiteral("to-remove"), QStringLiteral("1")));
        QCOMPARE(found(QStringLiteral("to-remove")), QByteArray("yes"));
        const auto removed = get(target("remove", {{QStringLiteral("k"), QStringLiteral("to-remove")}}));
        QVERIFY(removed);
        QCOMPARE(removed->status, 200);
        const auto r = lookup(QStringLiteral("to-remove"));
        QVERIFY(r);
        QCOMPARE(r->headers.value("X-Found"), QByteArray("no"));
        QCOMPARE(r->headers.value("X-With-Default"), QByteArray("fallback"));
        // Removing what is not there is no error.
        const auto again = get(target("remove", {{QStringLiteral("k"), QStringLiteral("to-remove")}}));
        QVERIFY(again);
        QCOMPARE(again->status, 200);
    }

    void expiresAfterDuration()
    {
        QVERIFY(store(QStringLiteral("short-lived"), QStringLiteral("soon gone"), QStringLiteral("1")));
        QCOMPARE(found(QStringLiteral("short-lived")), QByteArray("yes"));
        QTRY_COMPARE_WITH_TIMEOUT(found(QStringLiteral("short-lived")), QByteArray("no"), 3000);
    }

    void nonPositiveDurationStoresNothing_data()
    {
        QTest::addColumn<QString>("duration");
        QTest::newRow("zero") << QStringLiteral("0");
        QTest::newRow("negative") << QStringLiteral("-5");
    }

    void nonPositiveDurationStoresNothing()
    {
        QFETCH(QString, duration);
        const QStringList skipped = labels("values", "store", "internal", "duration");
        const double before = metric(QStringLiteral("sluice_cache_store_skips_total"), skipped);
        const QString key = QStringLiteral("no-duration-") + duration;
        QVERIFY(store(key, QStringLiteral("v"), duration));
        QCOMPARE(found(key), QByteArray("no"));
        QCOMPARE(metric(QStringLiteral("sluice_cache_store_skips_total"), skipped), before + 1);
    }

    // The fixture allows 4 KiB per entry.
    void tooLargeIsSkipped()
    {
        const QStringList skipped = labels("values", "store", "internal", "too_large");
        const double before = metric(QStringLiteral("sluice_cache_store_skips_total"), skipped);
        auto r = get(target(
            "store", {{QStringLiteral("k"), QStringLiteral("big")}, {QStringLiteral("size"), QStringLiteral("5000")}}));
        QVERIFY(r);
        QCOMPARE(r->status, 200);
        QCOMPARE(found(QStringLiteral("big")), QByteArray("no"));
        QCOMPARE(metric(QStringLiteral("sluice_cache_store_skips_total"), skipped), before + 1);

        r = get(
            target("store",
                   {{QStringLiteral("k"), QStringLiteral("small")}, {QStringLiteral("size"), QStringLiteral("3000")}}));
        QVERIFY(r);
        const auto small = lookup(QStringLiteral("small"));
        QVERIFY(small);
        QCOMPARE(small->headers.value("X-Value"), QByteArray(3000, 'x'));
    }

    // What cache-store-value stored comes back with its type: an int stays an
    // int, JSON stays a JToken of the same kind.
    void valuesKeepTheirType_data()
    {
        QTest::addColumn<QString>("type");
        QTest::addColumn<QString>("value");
        QTest::addColumn<QByteArray>("runtimeType");
        QTest::addColumn<QByteArray>("text");
        QTest::addColumn<QByteArray>("intPlusOne");
        QTest::addColumn<QByteArray>("jsonName");
        const auto row = [](const char *tag, const char *type, const char *value, const char *runtimeType,
                            const char *text, const char *intPlusOne = "", const char *jsonName = "") {
            QTest::newRow(tag) << QString::fromUtf8(type) << QString::fromUtf8(value) << QByteArray(runtimeType)
                               << QByteArray(text) << QByteArray(intPlusOne) << QByteArray(jsonName);
        };
        row("string", "string", "hello", "string", "hello");
        row("int", "int", "42", "int", "42", "43");
        row("negative int", "int", "-7", "int", "-7", "-6");
        row("long", "long", "1234567890123", "long", "1234567890123");
        row("double", "double", "2.5", "double", "2.5");
        row("bool", "bool", "true", "bool", "True");
        row("char", "char", "q", "char", "q");
        row("null", "null", "", "null", "");
        row("JObject", "json", R"({ "name": "Ann", "n": [1, 2] })", "JObject", R"({"name":"Ann","n":[1,2]})", "",
            "Ann");
        row("JArray", "json", R"([1, "two"])", "JArray", R"([1,"two"])");
        row("JValue", "json", "7", "JValue", "7");
    }

    void valuesKeepTheirType()
    {
        QFETCH(QString, type);
        QFETCH(QString, value);
        QFETCH(QByteArray, runtimeType);
        QFETCH(QByteArray, text);
        QFETCH(QByteArray, intPlusOne);
        QFETCH(QByteArray, jsonName);
        const QString key = QString::fromLatin1(QTest::currentDataTag());
        const auto stored = get(target(
            "typed-store", {{QStringLiteral("k"), key}, {QStringLiteral("t"), type}, {QStringLiteral("v"), value}}));
        QVERIFY(stored);
        QCOMPARE(stored->status, 200);
        const auto r = get(target("typed-lookup", {{QStringLiteral("k"), key}}));
        QVERIFY(r);
        QCOMPARE(r->status, 200);
        QCOMPARE(r->headers.value("X-Type"), runtimeType);
        QCOMPARE(r->headers.value("X-Text"), text);
        QCOMPARE(r->headers.value("X-Int-Plus-One"), intPlusOne);
        QCOMPARE(r->headers.value("X-Json-Name"), jsonName);
    }

    void unsetWhenNothingStored()
    {
        const auto r = get(target("typed-lookup", {{QStringLiteral("k"), QStringLiteral("nothing")}}));
        QVERIFY(r);
        QCOMPARE(r->headers.value("X-Type"), QByteArray("unset"));
    }

    // A value the checker cannot type (object) and that cannot be cached fails
    // the request at run time, naming the type; on-error sees the reason.
    void unstorableValueFailsTheRequest_data()
    {
        QTest::addColumn<QString>("kind");
        QTest::addColumn<QString>("typeName");
        QTest::newRow("IResponse") << QStringLiteral("response") << QStringLiteral("IResponse");
        QTest::newRow("DateTime") << QStringLiteral("date") << QStringLiteral("DateTime");
        QTest::newRow("Guid") << QStringLiteral("guid") << QStringLiteral("Guid");
        QTest::newRow("List") << QStringLiteral("list") << QStringLiteral("List<string>");
        QTest::newRow("JProperty") << QStringLiteral("property") << QStringLiteral("JProperty");
    }

    void unstorableValueFailsTheRequest()
    {
        QFETCH(QString, kind);
        QFETCH(QString, typeName);
        const QStringList skipped = labels("values", "unstorable", "internal", "value_type");
        const double before = metric(QStringLiteral("sluice_cache_store_skips_total"), skipped);
        const auto r = get(target("unstorable", {{QStringLiteral("t"), kind}}));
        QVERIFY(r);
        QCOMPARE(r->status, 500);
        QCOMPARE(r->headers.value("X-Error-Source"), QByteArray("cache-store-value"));
        QCOMPARE(r->headers.value("X-Error-Reason"), QByteArray("CacheValueTypeNotSupported"));
        const QString message = QString::fromUtf8(r->headers.value("X-Error-Message"));
        QVERIFY2(message.contains(QStringLiteral("cannot cache a value of type '%1'").arg(typeName)),
                 qPrintable(message));
        QCOMPARE(metric(QStringLiteral("sluice_cache_store_skips_total"), skipped), before + 1);
    }

    void storableValueOfTypeObjectIsStored()
    {
        const auto r = get(target("unstorable", {{QStringLiteral("t"), QStringLiteral("string")}}));
        QVERIFY(r);
        QCOMPARE(r->status, 200);
        QVERIFY(!r->headers.contains("X-Error-Reason"));
    }

    // caching-type="external" where no external cache serves this gateway:
    // nothing is stored, the lookup misses, every policy counts a bypass.
    void externalWithoutExternalCache()
    {
        const QStringList bypassed = labels("values", "external", "external", "no_external_cache");
        const double before = metric(QStringLiteral("sluice_cache_bypasses_total"), bypassed);
        const auto r = get("/values/external");
        QVERIFY(r);
        QCOMPARE(r->status, 200);
        QCOMPARE(r->headers.value("X-Value"), QByteArray("missed"));
        QCOMPARE(metric(QStringLiteral("sluice_cache_bypasses_total"), bypassed), before + 3);
    }

    // APIM's custom caching article: preferences per user, looked up by
    // "userprefs-" + the user; fetched (here: from the origin's answer) and
    // stored on a miss, served from the cache afterwards.
    void userPreferences()
    {
        const QStringList skipped = labels("prefs", "get", "internal", "duration");
        const double skipsBefore = metric(QStringLiteral("sluice_cache_store_skips_total"), skipped);
        const double storesBefore =
            metric(QStringLiteral("sluice_cache_stores_total"), labels("prefs", "get", "internal"));

        auto r = get("/prefs/headers?Prefs=dark", {{"X-User", "alice"}});
        QVERIFY(r);
        QCOMPARE(r->status, 200);
        QCOMPARE(r->headers.value("X-Prefs-Source"), QByteArray("origin"));
        QCOMPARE(r->headers.value("X-User-Prefs"), QByteArray("dark"));

        // The origin now says otherwise; alice's preferences come from the cache.
        r = get("/prefs/headers?Prefs=light", {{"X-User", "alice"}});
        QVERIFY(r);
        QCOMPARE(r->headers.value("X-Prefs-Source"), QByteArray("cache"));
        QCOMPARE(r->headers.value("X-User-Prefs"), QByteArray("dark"));

        r = get("/prefs/headers?Prefs=light", {{"X-User", "bob"}});
        QVERIFY(r);
        QCOMPARE(r->headers.value("X-Prefs-Source"), QByteArray("origin"));
        QCOMPARE(r->headers.value("X-User-Prefs"), QByteArray("light"));

        r = get("/prefs/headers?Prefs=blue", {{"X-User", "bob"}});
        QVERIFY(r);
        QCOMPARE(r->headers.value("X-Prefs-Source"), QByteArray("cache"));
        QCOMPARE(r->headers.value("X-User-Prefs"), QByteArray("light"));

        QCOMPARE(metric(QStringLiteral("sluice_cache_stores_total"), labels("prefs", "get", "internal")),
                 storesBefore + 2);
        // A hit stores nothing (duration 0).
        QCOMPARE(metric(QStringLiteral("sluice_cache_store_skips_total"), skipped), skipsBefore + 2);
    }

    void metricsCountLookupsAndStores()
    {
        const QStringList lookups = labels("values", "lookup", "internal");
        const double hitsBefore =
            metric(QStringLiteral("sluice_cache_lookups_total"), lookups + QStringList {QStringLiteral("hit")});
        const double missesBefore =
            metric(QStringLiteral("sluice_cache_lookups_total"), lookups + QStringList {QStringLiteral("miss")});
        const double storesBefore =
            metric(QStringLiteral("sluice_cache_stores_total"), labels("values", "store", "internal"));

        QCOMPARE(found(QStringLiteral("metrics-probe")), QByteArray("no"));
        QVERIFY(store(QStringLiteral("metrics-probe"), QStringLiteral("v")));
        QCOMPARE(found(QStringLiteral("metrics-probe")), QByteArray("yes"));

        // lookup.xml looks the key up three times per request.
        QCOMPARE(metric(QStringLiteral("sluice_cache_lookups_total"), lookups + QStringList {QStringLiteral("miss")}),
                 missesBefore + 3);
        QCOMPARE(metric(QStringLiteral("sluice_cache_lookups_total"), lookups + QStringList {QStringLiteral("hit")}),
                 hitsBefore + 3);
        QCOMPARE(metric(QStringLiteral("sluice_cache_stores_total"), labels("values", "store", "internal")),
                 storesBefore + 1);
        const QByteArray text = m_gateway.gateway().metrics().prometheusText();
        QVERIFY(text.contains("sluice_cache_lookup_duration_seconds_bucket{api=\"values\",cache=\"internal\""));
    }

    // Load errors, each at the file, line and column of what is wrong.
    void loadErrors_data()
    {
        QTest::addColumn<QString>("expected");
        const QString file = QStringLiteral("policies/apis/bad.xml:");
        QTest::newRow("key missing") << file
                + QStringLiteral("4:9: error: 'cache-lookup-value' requires the attribute 'key'");
        QTest::newRow("variable-name missing")
            << file + QStringLiteral("5:9: error: 'cache-lookup-value' requires the attribute 'variable-name'");
        QTest::newRow("duration missing")
            << file + QStringLiteral("6:9: error: 'cache-store-value' requires the attribute 'duration'");
        QTest::newRow("remove without key")
            << file + QStringLiteral("7:9: error: 'cache-remove-value' requires the attribute 'key'");
        QTest::newRow("bad caching-type")
            << file
                + QStringLiteral(
                    "8:69: error: caching-type must be prefer-external, external or internal, not 'shared'");
        QTest::newRow("caching-type expression")
            << file + QStringLiteral("9:74: error: attribute 'caching-type' does not accept policy expressions");
        QTest::newRow("variable-name expression")
            << file + QStringLiteral("10:52: error: attribute 'variable-name' does not accept policy expressions");
        QTest::newRow("unknown attribute")
            << file + QStringLiteral("11:55: error: 'cache-lookup-value' has no attribute 'vary-by'");
        QTest::newRow("duration not a number")
            << file + QStringLiteral("12:56: error: attribute 'duration' must be an integer");
        QTest::newRow("IResponse value") << file
                + QStringLiteral("19:43: error: cache-store-value cannot cache a value of type 'IResponse'");
        QTest::newRow("DateTime value") << file
                + QStringLiteral("20:43: error: cache-store-value cannot cache a value of type 'DateTime'");
        QTest::newRow("unknown child") << file
                + QStringLiteral("21:37: error: 'cache-remove-value' cannot contain '<value>'");
    }

    void loadErrors()
    {
        QFETCH(QString, expected);
        Diagnostics diagnostics;
        const auto config = GatewayConfig::load(QFINDTESTDATA("data/cache-values/bad"), {}, &diagnostics);
        QVERIFY(!config);
        const QString problems = InProcessGateway::problems(diagnostics);
        QVERIFY2(problems.contains(expected), qPrintable(problems));
    }
};

QTEST_GUILESS_MAIN(TestCacheValues)
#include "tst_cache_values.moc"
