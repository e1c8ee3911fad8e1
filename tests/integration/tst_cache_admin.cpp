// The admin cache endpoints against a real gateway whose cache was filled by
// real traffic to a real origin: listing, describing, deleting and purging
// entries, and the percent-encoding of keys in URLs (docs/cache-admin.md).
#include "OriginServer.h"
#include "TestHttpClient.h"
#include "TestWorkspace.h"
#include "InProcessGateway.h"
#include "cache/CacheStore.h"
#include "common/RequestLog.h"
#include "expr/JsonTokenObject.h"
#include "gateway/Gateway.h"
#include "gateway/GatewayConfig.h"
#include "gateway/caching/CacheRecord.h"
#include "gateway/caching/CacheServices.h"

#include <QJsonArray>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

#include <limits>

using namespace sluice;

class TestCacheAdmin : public QObject
{
    Q_OBJECT

private:
    OriginServer m_origin;
    TestWorkspace m_workspace;
    InProcessGateway m_gateway;
    quint16 m_port = 0;
    quint16 m_adminPort = 0;

    std::optional<HttpResponse> admin(const QByteArray &method, const QByteArray &target)
    {
        TestHttpClient client(m_adminPort);
        return client.request(method, target);
    }

    // An admin request that must answer `status` with a JSON object.
    QJsonObject adminJson(const QByteArray &method, const QByteArray &target, int status = 200)
    {
        const auto r = admin(method, target);
        if (!r) {
            QTest::qFail("no answer from the admin listener", __FILE__, __LINE__);
            return {};
        }
        if (r->status != status) {
            const QByteArray message =
                method + ' ' + target + ": status " + QByteArray::number(r->status) + ", body " + r->body;
            QTest::qFail(message.constData(), __FILE__, __LINE__);
            return {};
        }
        QJsonParseError error;
        const QJsonDocument doc = QJsonDocument::fromJson(r->body, &error);
        if (error.error != QJsonParseError::NoError || !doc.isObject())
            QTest::qFail("the answer is not a JSON object", __FILE__, __LINE__);
        return doc.object();
    }

    QJsonArray listEntries(const QByteArray &query = {})
    {
        return adminJson("GET", "/cache/entries" + (query.isEmpty() ? QByteArray() : '?' + query))
            .value(QStringLiteral("entries"))
            .toArray();
    }

    std::optional<HttpResponse> gatewayGet(const QByteArray &target) { return TestHttpClient::get(m_port, target); }

    // The documented response key of GET /<api>/<path>?<query> (no vary-by options).
    QByteArray responseKey(const QByteArray &api, const QByteArray &pathAndQuery) const
    {
        QByteArray key = "sluice:r1:" + api + ":get::" + m_origin.url().toString().toUtf8() + pathAndQuery;
        if (!pathAndQuery.contains('?'))
            key += '?';
        return key;
    }

    // Three entries under api c, two under api d.
    void fill()
    {
        for (const char *target : {"/c/a", "/c/b?x=1", "/c/b?x=2", "/d/a", "/d/b"}) {
            const auto r = gatewayGet(target);
            QVERIFY(r);
            QCOMPARE(r->status, 200);
            QCOMPARE(r->headers.value("Cache-Status"), QByteArray("sluice; fwd=miss; stored"));
        }
        QCOMPARE(m_origin.requestCount(), 5);
    }

    void storeDirectly(const QByteArray &key, const QByteArray &record)
    {
        std::optional<CacheWrite> written;
        m_gateway.gateway().caches().internal().store(key, record, 30'000, this, [&](CacheWrite w) { written = w; });
        QTRY_VERIFY(written.has_value());
        QVERIFY2(written->ok, qPrintable(written->error));
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY2(m_origin.listen(), qPrintable(m_origin.errorString()));
        QVERIFY(m_workspace.isValid());
        const QString fixture = QFINDTESTDATA("data/cache-admin");
        QVERIFY(!fixture.isEmpty());
        QVERIFY(m_workspace.copyFrom(fixture, {{"ORIGIN", m_origin.url().toString().toUtf8()}}));
        QString error;
        QVERIFY2(m_gateway.start(m_workspace.path(), &error), qPrintable(error));
        m_port = m_gateway.port();
        m_adminPort = m_gateway.adminPort();
        QVERIFY(m_port != 0);
        QVERIFY(m_adminPort != 0);
    }

    void cleanupTestCase() { QVERIFY(m_gateway.stop()); }

    void init()
    {
        std::optional<CacheWrite> purged;
        m_gateway.gateway().caches().internal().purge({}, this, [&](CacheWrite w) { purged = w; });
        QTRY_VERIFY(purged.has_value());
        m_origin.reset();
    }

    void storesAreListed()
    {
        const QJsonArray stores = adminJson("GET", "/cache/stores").value(QStringLiteral("stores")).toArray();
        QCOMPARE(stores.size(), 1);
        QCOMPARE(stores.at(0).toObject().value(QStringLiteral("name")).toString(), QStringLiteral("internal"));
        QCOMPARE(stores.at(0).toObject().value(QStringLiteral("external")).toBool(true), false);
    }

    void listsEntriesSortedWithSizesAndTtl()
    {
        fill();
        const QJsonObject listing = adminJson("GET", "/cache/entries");
        QCOMPARE(listing.value(QStringLiteral("truncated")).toBool(true), false);
        const QJsonArray entries = listing.value(QStringLiteral("entries")).toArray();
        QCOMPARE(entries.size(), 5);
        const QList<QByteArray> expected {responseKey("c", "/a"), responseKey("c", "/b?x=1"),
                                          responseKey("c", "/b?x=2"), responseKey("d", "/a"), responseKey("d", "/b")};
        for (qsizetype i = 0; i < entries.size(); ++i) {
            const QJsonObject e = entries.at(i).toObject();
            const QByteArray key = e.value(QStringLiteral("key")).toString().toUtf8();
            QCOMPARE(key, expected.at(i));
            QCOMPARE(QByteArray::fromPercentEncoding(e.value(QStringLiteral("keyEncoded")).toString().toLatin1()), key);
            QCOMPARE(e.value(QStringLiteral("store")).toString(), QStringLiteral("internal"));
            QVERIFY(e.value(QStringLiteral("sizeBytes")).toInteger() > key.size());
            const qint64 ttlMs = e.value(QStringLiteral("ttlMs")).toInteger();
            QVERIFY2(ttlMs > 50'000 && ttlMs <= 60'000, qPrintable(QString::number(ttlMs)));
            const double ttlSeconds = e.value(QStringLiteral("ttlSeconds")).toDouble();
            QVERIFY(ttlSeconds > 50 && ttlSeconds <= 60);
        }
    }

    void listFilters_data()
    {
        QTest::addColumn<QByteArray>("query");
        QTest::addColumn<int>("count");
        QTest::addColumn<bool>("truncated");
        QTest::newRow("all") << QByteArray() << 5 << false;
        QTest::newRow("store=internal") << QByteArray("store=internal") << 5 << false;
        QTest::newRow("prefix api c") << QByteArray("prefix=sluice%3Ar1%3Ac%3A") << 3 << false;
        QTest::newRow("prefix api d") << QByteArray("prefix=sluice%3Ar1%3Ad%3A") << 2 << false;
        QTest::newRow("prefix matches none") << QByteArray("prefix=sluice%3Av1%3A") << 0 << false;
        QTest::newRow("limit below count") << QByteArray("limit=2") << 2 << true;
        QTest::newRow("limit equal to count") << QByteArray("limit=5") << 5 << false;
        QTest::newRow("limit max") << QByteArray("limit=10000") << 5 << false;
        QTest::newRow("prefix and limit") << QByteArray("prefix=sluice%3Ar1%3Ac%3A&limit=1") << 1 << true;
        QTest::newRow("prefix, limit, store")
            << QByteArray("limit=3&store=internal&prefix=sluice%3Ar1%3Ac%3A") << 3 << false;
    }

    void listFilters()
    {
        QFETCH(QByteArray, query);
        QFETCH(int, count);
        QFETCH(bool, truncated);
        fill();
        const QJsonObject listing = adminJson("GET", "/cache/entries?" + query);
        QCOMPARE(listing.value(QStringLiteral("entries")).toArray().size(), count);
        QCOMPARE(listing.value(QStringLiteral("truncated")).toBool(!truncated), truncated);
    }

    void getEntryDescribesResponse_data()
    {
        QTest::addColumn<QByteArray>("path");
        QTest::addColumn<QByteArray>("contentType");
        QTest::addColumn<bool>("bodyAsText");
        QTest::newRow("JSON echo") << QByteArray("/items/1") << QByteArray("application/json") << true;
        QTest::newRow("binary bytes") << QByteArray("/bytes/300") << QByteArray("application/octet-stream") << false;
    }

    void getEntryDescribesResponse()
    {
        QFETCH(QByteArray, path);
        QFETCH(QByteArray, contentType);
        QFETCH(bool, bodyAsText);
        const auto origin = gatewayGet("/c" + path);
        QVERIFY(origin);
        QCOMPARE(origin->status, 200);

        const QByteArray key = responseKey("c", path);
        const QByteArray target = "/cache/entries/" + key.toPercentEncoding();
        const QJsonObject e = adminJson("GET", target);
        QCOMPARE(e.value(QStringLiteral("key")).toString().toUtf8(), key);
        QCOMPARE(e.value(QStringLiteral("keyEncoded")).toString().toLatin1(), key.toPercentEncoding());
        QCOMPARE(e.value(QStringLiteral("store")).toString(), QStringLiteral("internal"));
        QVERIFY(e.value(QStringLiteral("sizeBytes")).toInteger() > key.size() + origin->body.size());
        QVERIFY(e.value(QStringLiteral("ttlMs")).toInteger() <= 60'000);
        QCOMPARE(e.value(QStringLiteral("kind")).toString(), QStringLiteral("response"));

        const QJsonObject response = e.value(QStringLiteral("response")).toObject();
        QCOMPARE(response.value(QStringLiteral("status")).toInt(), 200);
        QCOMPARE(response.value(QStringLiteral("reason")).toString(), QStringLiteral("OK"));
        QCOMPARE(response.value(QStringLiteral("bodyBytes")).toInteger(), origin->body.size());
        QVERIFY(!response.value(QStringLiteral("storedAt")).toString().isEmpty());
        bool sawContentType = false;
        for (const QJsonValue &h : response.value(QStringLiteral("headers")).toArray()) {
            const QJsonObject header = h.toObject();
            if (header.value(QStringLiteral("name"))
                    .toString()
                    .compare(QStringLiteral("Content-Type"), Qt::CaseInsensitive)
                == 0) {
                sawContentType = true;
                QVERIFY(header.value(QStringLiteral("value")).toString().startsWith(QString::fromLatin1(contentType)));
            }
        }
        QVERIFY(sawContentType);
        if (bodyAsText)
            QCOMPARE(response.value(QStringLiteral("body")).toString().toUtf8(), origin->body);
        else
            QVERIFY(response.value(QStringLiteral("body")).isNull());

        // HEAD: the same answer without the body.
        const auto head = admin("HEAD", target);
        QVERIFY(head);
        QCOMPARE(head->status, 200);
        QVERIFY(head->body.isEmpty());
        // store=internal finds it too.
        QCOMPARE(adminJson("GET", target + "?store=internal").value(QStringLiteral("kind")).toString(),
                 QStringLiteral("response"));
    }

    void deleteEntryMakesNextRequestAMiss()
    {
        QVERIFY(gatewayGet("/c/items/2"));
        const auto hit = gatewayGet("/c/items/2");
        QVERIFY(hit);
        QVERIFY2(hit->headers.value("Cache-Status").contains("hit"), hit->headers.value("Cache-Status").constData());
        QCOMPARE(m_origin.requestCount(), 1);

        const QByteArray target = "/cache/entries/" + responseKey("c", "/items/2").toPercentEncoding();
        const auto removed = admin("DELETE", target);
        QVERIFY(removed);
        QCOMPARE(removed->status, 204);
        QVERIFY(removed->body.isEmpty());
        adminJson("GET", target, 404);
        adminJson("DELETE", target, 404);

        const auto miss = gatewayGet("/c/items/2");
        QVERIFY(miss);
        QCOMPARE(miss->status, 200);
        QCOMPARE(m_origin.requestCount(), 2);
        QVERIFY2(miss->headers.value("Cache-Status").contains("fwd=miss"),
                 miss->headers.value("Cache-Status").constData());
        // Stored again, so the entry is back.
        adminJson("GET", target, 200);
    }

    void purgeByPrefixThenAll()
    {
        fill();
        QJsonObject purged = adminJson("POST", "/cache/purge?prefix=sluice%3Ar1%3Ad%3A");
        QCOMPARE(purged.value(QStringLiteral("removed")).toInteger(), 2);
        QCOMPARE(purged.value(QStringLiteral("stores")).toObject().value(QStringLiteral("internal")).toInteger(), 2);
        const QJsonArray left = listEntries();
        QCOMPARE(left.size(), 3);
        for (const QJsonValue &e : left)
            QVERIFY(e.toObject().value(QStringLiteral("key")).toString().startsWith(QStringLiteral("sluice:r1:c:")));

        purged = adminJson("POST", "/cache/purge?store=internal");
        QCOMPARE(purged.value(QStringLiteral("removed")).toInteger(), 3);
        QCOMPARE(listEntries().size(), 0);
        QCOMPARE(adminJson("POST", "/cache/purge").value(QStringLiteral("removed")).toInteger(), 0);

        // The next gateway request goes to the origin again.
        QVERIFY(gatewayGet("/c/a"));
        QCOMPARE(m_origin.requestCount(), 6);
    }

    void keyFromOddQueryRoundTrips()
    {
        // A query value with a space, '%', '/' and a byte that is not UTF-8.
        const auto r = gatewayGet("/c/odd?v=a%20b%25c%2Fd%FF&w=x+y");
        QVERIFY(r);
        QCOMPARE(r->status, 200);
        const QJsonArray entries = listEntries("prefix=" + QByteArray("sluice:r1:c:").toPercentEncoding());
        QCOMPARE(entries.size(), 1);
        const QJsonObject listed = entries.at(0).toObject();
        const QByteArray key = listed.value(QStringLiteral("key")).toString().toUtf8();
        QVERIFY(key.contains('%'));
        QVERIFY(key.contains('/'));
        const QByteArray encoded = listed.value(QStringLiteral("keyEncoded")).toString().toLatin1();
        QVERIFY(encoded.contains("%25"));
        QVERIFY(encoded.contains("%2F"));
        QVERIFY(encoded.contains("%3A"));

        const QJsonObject e = adminJson("GET", "/cache/entries/" + encoded);
        QCOMPARE(e.value(QStringLiteral("key")).toString().toUtf8(), key);
        QCOMPARE(e.value(QStringLiteral("keyEncoded")).toString().toLatin1(), encoded);
        // The whole key is a valid prefix of itself.
        QCOMPARE(listEntries("prefix=" + encoded).size(), 1);
        QCOMPARE(admin("DELETE", "/cache/entries/" + encoded)->status, 204);
        QCOMPARE(listEntries().size(), 0);
    }

    void keyBytesRoundTrip_data()
    {
        QTest::addColumn<QByteArray>("key");
        QTest::addColumn<bool>("utf8");
        QTest::newRow("space") << QByteArray("sluice:v1:a b") << true;
        QTest::newRow("percent, slash, colon") << QByteArray("sluice:v1:50%/x:y%2F") << true;
        QTest::newRow("plus stays plus") << QByteArray("sluice:v1:a+b") << true;
        QTest::newRow("UTF-8") << QByteArray("sluice:v1:gr\xc3\xbc\xc3\x9f") << true;
        QTest::newRow("NUL byte") << QByteArray("sluice:v1:\0x", 12) << true;
        QTest::newRow("not UTF-8") << QByteArray("sluice:v1:\xff\xfe?#&=") << false;
        QTest::newRow("leading BOM") << QByteArray("\xef\xbb\xbfkey") << true;
    }

    void keyBytesRoundTrip()
    {
        QFETCH(QByteArray, key);
        QFETCH(bool, utf8);
        const std::optional<QByteArray> record = CacheRecord::encodeValue(Value::fromString(QStringLiteral("v")));
        QVERIFY(record);
        storeDirectly(key, *record);

        const QJsonArray entries = listEntries("prefix=" + key.toPercentEncoding());
        QCOMPARE(entries.size(), 1);
        const QJsonObject listed = entries.at(0).toObject();
        const QByteArray encoded = listed.value(QStringLiteral("keyEncoded")).toString().toLatin1();
        QCOMPARE(encoded, key.toPercentEncoding());
        QCOMPARE(QByteArray::fromPercentEncoding(encoded), key);
        if (utf8)
            QCOMPARE(listed.value(QStringLiteral("key")).toString(), QString::fromUtf8(key));
        else
            QVERIFY(listed.value(QStringLiteral("key")).isNull());

        const QJsonObject e = adminJson("GET", "/cache/entries/" + encoded);
        QCOMPARE(e.value(QStringLiteral("keyEncoded")).toString().toLatin1(), encoded);
        QCOMPARE(e.value(QStringLiteral("kind")).toString(), QStringLiteral("value"));
        QCOMPARE(admin("DELETE", "/cache/entries/" + encoded)->status, 204);
        QCOMPARE(listEntries().size(), 0);
    }

    void valueRecordIsDescribed_data()
    {
        QTest::addColumn<QByteArray>("kind");
        QTest::addColumn<QByteArray>("type");
        QTest::addColumn<QByteArray>("json"); // the expected "value", as JSON text
        QTest::newRow("null") << QByteArray("null") << QByteArray("null") << QByteArray("null");
        QTest::newRow("bool") << QByteArray("bool") << QByteArray("bool") << QByteArray("true");
        QTest::newRow("char") << QByteArray("char") << QByteArray("char") << QByteArray("\"x\"");
        QTest::newRow("int") << QByteArray("int") << QByteArray("int") << QByteArray("-42");
        QTest::newRow("long") << QByteArray("long") << QByteArray("long") << QByteArray("1099511627776");
        QTest::newRow("double") << QByteArray("double") << QByteArray("double") << QByteArray("2.5");
        QTest::newRow("double NaN") << QByteArray("nan") << QByteArray("double") << QByteArray("\"NaN\"");
        QTest::newRow("string") << QByteArray("string") << QByteArray("string")
                                << QByteArray("\"h\\u00e9llo \\\"you\\\"\"");
        QTest::newRow("JSON object") << QByteArray("object") << QByteArray("json")
                                     << QByteArray("{\"a\":[1,2],\"b\":\"c\"}");
        QTest::newRow("JSON scalar") << QByteArray("scalar") << QByteArray("json") << QByteArray("7");
    }

    void valueRecordIsDescribed()
    {
        QFETCH(QByteArray, kind);
        QFETCH(QByteArray, type);
        QFETCH(QByteArray, json);
        Value value;
        if (kind == QByteArray("bool"))
            value = Value::fromBool(true);
        else if (kind == QByteArray("char"))
            value = Value::fromChar(u'x');
        else if (kind == QByteArray("int"))
            value = Value::fromInt(-42);
        else if (kind == QByteArray("long"))
            value = Value::fromLong(qint64(1) << 40);
        else if (kind == QByteArray("double"))
            value = Value::fromDouble(2.5);
        else if (kind == QByteArray("nan"))
            value = Value::fromDouble(std::numeric_limits<double>::quiet_NaN());
        else if (kind == QByteArray("string"))
            value = Value::fromString(QStringLiteral("h\u00e9llo \"you\""));
        else if (kind == QByteArray("object") || kind == QByteArray("scalar")) {
            const auto token = dotnet::JsonToken::parse(
                kind == QByteArray("object") ? QStringLiteral("{\"a\": [1, 2], \"b\": \"c\"}") : QStringLiteral("7"));
            QVERIFY(token.ok());
            value = JsonTokenObject::wrap(token.value());
        }
        const std::optional<QByteArray> record = CacheRecord::encodeValue(value);
        QVERIFY(record);
        const QByteArray key = "sluice:v1:" + kind;
        storeDirectly(key, *record);

        const QJsonObject e = adminJson("GET", "/cache/entries/" + key.toPercentEncoding());
        QCOMPARE(e.value(QStringLiteral("kind")).toString(), QStringLiteral("value"));
        QCOMPARE(e.value(QStringLiteral("sizeBytes")).toInteger(), key.size() + record->size());
        const qint64 ttlMs = e.value(QStringLiteral("ttlMs")).toInteger();
        QVERIFY(ttlMs > 0 && ttlMs <= 30'000);
        const QJsonObject described = e.value(QStringLiteral("value")).toObject();
        QCOMPARE(described.value(QStringLiteral("type")).toString().toUtf8(), type);
        // Compared as compact JSON text, both sides written by QJsonDocument.
        const QJsonArray expected = QJsonDocument::fromJson("[" + json + "]").array();
        QCOMPARE(expected.size(), 1);
        QCOMPARE(QJsonDocument(QJsonArray {described.value(QStringLiteral("value"))}).toJson(QJsonDocument::Compact),
                 QJsonDocument(expected).toJson(QJsonDocument::Compact));
    }

    void foreignRecordIsUnknown()
    {
        storeDirectly("foreign", "not a sluice record");
        const QJsonObject e = adminJson("GET", "/cache/entries/foreign");
        QCOMPARE(e.value(QStringLiteral("kind")).toString(), QStringLiteral("unknown"));
        QCOMPARE(e.value(QStringLiteral("unknown")).toObject().value(QStringLiteral("bytes")).toInt(), 19);
    }

    void headListsWithoutBody()
    {
        fill();
        const auto get = admin("GET", "/cache/entries");
        const auto head = admin("HEAD", "/cache/entries");
        QVERIFY(get && head);
        QCOMPARE(head->status, 200);
        QVERIFY(head->body.isEmpty());
        QCOMPARE(head->headers.value("Content-Type"), get->headers.value("Content-Type"));
    }

    void errors_data()
    {
        QTest::addColumn<QByteArray>("method");
        QTest::addColumn<QByteArray>("target");
        QTest::addColumn<int>("status");
        QTest::addColumn<QByteArray>("allow");
        QTest::addColumn<QByteArray>("messagePart");
        QTest::newRow("limit 0") << QByteArray("GET") << QByteArray("/cache/entries?limit=0") << 400 << QByteArray()
                                 << QByteArray("'limit'");
        QTest::newRow("limit over max") << QByteArray("GET") << QByteArray("/cache/entries?limit=10001") << 400
                                        << QByteArray() << QByteArray("'limit'");
        QTest::newRow("limit not a number") << QByteArray("GET") << QByteArray("/cache/entries?limit=ten") << 400
                                            << QByteArray() << QByteArray("'limit'");
        QTest::newRow("limit empty") << QByteArray("GET") << QByteArray("/cache/entries?limit=") << 400 << QByteArray()
                                     << QByteArray("'limit'");
        QTest::newRow("limit negative") << QByteArray("GET") << QByteArray("/cache/entries?limit=-1") << 400
                                        << QByteArray() << QByteArray("'limit'");
        QTest::newRow("unknown parameter") << QByteArray("GET") << QByteArray("/cache/entries?prefx=a") << 400
                                           << QByteArray() << QByteArray("'prefx'");
        QTest::newRow("parameter twice") << QByteArray("GET") << QByteArray("/cache/entries?limit=1&limit=2") << 400
                                         << QByteArray() << QByteArray("'limit'");
        QTest::newRow("bad prefix encoding") << QByteArray("POST") << QByteArray("/cache/purge?prefix=ab%4") << 400
                                             << QByteArray() << QByteArray("'prefix'");
        QTest::newRow("limit on purge") << QByteArray("POST") << QByteArray("/cache/purge?limit=1") << 400
                                        << QByteArray() << QByteArray("'limit'");
        QTest::newRow("unknown store") << QByteArray("GET") << QByteArray("/cache/entries?store=nope") << 404
                                       << QByteArray() << QByteArray("'nope'");
        QTest::newRow("unknown store, entry") << QByteArray("DELETE") << QByteArray("/cache/entries/k?store=redis")
                                              << 404 << QByteArray() << QByteArray("'redis'");
        QTest::newRow("unknown store, purge")
            << QByteArray("POST") << QByteArray("/cache/purge?store=x") << 404 << QByteArray() << QByteArray("'x'");
        QTest::newRow("absent entry") << QByteArray("GET") << QByteArray("/cache/entries/absent") << 404 << QByteArray()
                                      << QByteArray("not found");
        QTest::newRow("absent entry, delete") << QByteArray("DELETE") << QByteArray("/cache/entries/absent") << 404
                                              << QByteArray() << QByteArray("not found");
        QTest::newRow("bad key encoding") << QByteArray("GET") << QByteArray("/cache/entries/a%zz") << 400
                                          << QByteArray() << QByteArray("percent-encoding");
        QTest::newRow("key with raw slash")
            << QByteArray("GET") << QByteArray("/cache/entries/a/b") << 400 << QByteArray() << QByteArray("%2F");
        QTest::newRow("empty key") << QByteArray("GET") << QByteArray("/cache/entries/") << 400 << QByteArray()
                                   << QByteArray("key");
        QTest::newRow("POST entries") << QByteArray("POST") << QByteArray("/cache/entries") << 405
                                      << QByteArray("GET, HEAD") << QByteArray();
        QTest::newRow("DELETE entries") << QByteArray("DELETE") << QByteArray("/cache/entries") << 405
                                        << QByteArray("GET, HEAD") << QByteArray();
        QTest::newRow("PUT entry") << QByteArray("PUT") << QByteArray("/cache/entries/k") << 405
                                   << QByteArray("GET, HEAD, DELETE") << QByteArray();
        QTest::newRow("GET purge") << QByteArray("GET") << QByteArray("/cache/purge") << 405 << QByteArray("POST")
                                   << QByteArray();
        QTest::newRow("DELETE purge") << QByteArray("DELETE") << QByteArray("/cache/purge") << 405 << QByteArray("POST")
                                      << QByteArray();
        QTest::newRow("POST stores") << QByteArray("POST") << QByteArray("/cache/stores") << 405
                                     << QByteArray("GET, HEAD") << QByteArray();
        QTest::newRow("unknown cache path")
            << QByteArray("GET") << QByteArray("/cache/other") << 404 << QByteArray() << QByteArray("");
    }

    void errors()
    {
        QFETCH(QByteArray, method);
        QFETCH(QByteArray, target);
        QFETCH(int, status);
        QFETCH(QByteArray, allow);
        QFETCH(QByteArray, messagePart);
        const auto r = admin(method, target);
        QVERIFY(r);
        QCOMPARE(r->status, status);
        QCOMPARE(r->headers.value("Allow"), allow);
        // APIM's error shape.
        const QJsonObject error = QJsonDocument::fromJson(r->body).object();
        QCOMPARE(error.value(QStringLiteral("statusCode")).toInt(), status);
        const QString message = error.value(QStringLiteral("message")).toString();
        QVERIFY(!message.isEmpty());
        QVERIFY2(message.contains(QString::fromUtf8(messagePart), Qt::CaseInsensitive), qPrintable(message));
    }

    // POST /cache/preload fills the value cache; every value keeps its type.
    void preloadStoresTypedValues()
    {
        QFile good(QFINDTESTDATA("data/cache-preload/good.json"));
        QVERIFY(good.open(QIODevice::ReadOnly));
        TestHttpClient client(m_adminPort);
        const auto r = client.request("POST", "/cache/preload", {{"Content-Type", "application/json"}}, good.readAll());
        QVERIFY(r);
        QCOMPARE(r->status, 200);
        const QJsonObject o = QJsonDocument::fromJson(r->body).object();
        QCOMPARE(o.value(QStringLiteral("stored")).toInt(), 5);
        QCOMPARE(o.value(QStringLiteral("stores")).toObject().value(QStringLiteral("internal")).toInt(), 5);
        const auto described = [this](const QByteArray &key) {
            return adminJson("GET", "/cache/entries/" + QByteArray("sluice:v1:" + key).toPercentEncoding())
                .value(QStringLiteral("value"))
                .toObject();
        };
        QCOMPARE(described("userprefs-ann").value(QStringLiteral("type")).toString(), QStringLiteral("string"));
        QCOMPARE(described("userprefs-ann").value(QStringLiteral("value")).toString(), QStringLiteral("dark-mode"));
        QCOMPARE(described("limits").value(QStringLiteral("type")).toString(), QStringLiteral("json"));
        QCOMPARE(described("answer").value(QStringLiteral("type")).toString(), QStringLiteral("int"));
        QCOMPARE(described("ratio").value(QStringLiteral("type")).toString(), QStringLiteral("double"));
        QCOMPARE(described("flag").value(QStringLiteral("type")).toString(), QStringLiteral("bool"));
        const qint64 ttl = adminJson("GET", "/cache/entries/" + QByteArray("sluice:v1:limits").toPercentEncoding())
                               .value(QStringLiteral("ttlMs"))
                               .toInteger();
        QVERIFY(ttl > 60'000 && ttl <= 120'000);
    }

    void preloadRefusesBadBodies_data()
    {
        QTest::addColumn<QString>("file");
        QTest::addColumn<QString>("message");
        QTest::newRow("duration") << "bad-duration.json" << "[1].duration: whole seconds of at least 1 are required";
        QTest::newRow("unknown field") << "bad-field.json" << "[0].ttl: unknown field";
        QTest::newRow("not JSON") << "not-json.json" << "The body is not JSON";
    }

    void preloadRefusesBadBodies()
    {
        QFETCH(QString, file);
        QFETCH(QString, message);
        QFile f(QFINDTESTDATA(QStringLiteral("data/cache-preload/") + file));
        QVERIFY(f.open(QIODevice::ReadOnly));
        TestHttpClient client(m_adminPort);
        const auto r = client.request("POST", "/cache/preload", {}, f.readAll());
        QVERIFY(r);
        QCOMPARE(r->status, 400);
        QVERIFY2(QString::fromUtf8(r->body).contains(message), r->body.constData());
        // Nothing of a refused body is stored.
        QCOMPARE(admin("GET", "/cache/entries/" + QByteArray("sluice:v1:a").toPercentEncoding())->status, 404);
    }

    void statusAndMetricsStillServed()
    {
        const auto status = admin("GET", "/status");
        QVERIFY(status);
        QCOMPARE(status->status, 200);
        QCOMPARE(QJsonDocument::fromJson(status->body).object().value(QStringLiteral("service")).toString(),
                 QStringLiteral("sluice-gateway"));
        const auto metrics = admin("GET", "/metrics");
        QVERIFY(metrics);
        QCOMPARE(metrics->status, 200);
        QVERIFY(metrics->body.contains("sluice_cache_entries"));
    }
};

QTEST_GUILESS_MAIN(TestCacheAdmin)
#include "tst_cache_admin.moc"
