// Request traces (Ocp-Apim-Trace) and hot reload of a running gateway, with a
// real origin: the in-process gateway as the console runs it (every request
// may be traced), and the real sluice-gateway process (SIGHUP, GET
// /traces/{id}, tracing only for the subscriptions it is given).
#include "GatewayProcess.h"
#include "InProcessGateway.h"
#include "OriginServer.h"
#include "RedisServer.h"
#include "TestHttpClient.h"
#include "TestWorkspace.h"
#include "gateway/Gateway.h"
#include "gateway/GatewayReload.h"
#include "gateway/RequestTrace.h"
#include "gateway/TraceStore.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

#include <csignal>

using namespace sluice;

using Headers = QList<std::pair<QByteArray, QByteArray>>;

namespace {

const QByteArray TracedKey = "trace-key-7f3a9c21";
const QByteArray PlainKey = "plain-key-5b8e0d44";
const QByteArray Bearer = "Bearer token-c0ffee-5ecret";

// The API's policy with the given X-Policy value; `broken` leaves an element open.
QByteArray echoPolicy(const QByteArray &version, bool broken = false)
{
    QByteArray xml = "<policies>\n"
                     "    <inbound><base /><cache-lookup vary-by-developer=\"false\" "
                     "vary-by-developer-groups=\"false\" caching-type=\"internal\" /></inbound>\n"
                     "    <backend><base /></backend>\n"
                     "    <outbound><base /><cache-store duration=\"60\" />\n"
                     "        <set-header name=\"X-Policy\" exists-action=\"override\"><value>VERSION</value>"
                     "</set-header>\n"
                     "    </outbound>\n"
                     "    <on-error><base /></on-error>\n"
                     "</policies>\n";
    xml.replace("VERSION", version);
    if (broken)
        xml.replace("</outbound>", "<set-header name=\"X-Broken\">\n</outbound>");
    return xml;
}

const RequestTrace::Step *findStep(const RequestTrace &trace, const QString &policy)
{
    for (const RequestTrace::Step &s : trace.steps) {
        if (s.policy == policy)
            return &s;
    }
    return nullptr;
}

QString detailOf(const RequestTrace::Step &step, const QString &name)
{
    for (const auto &[n, v] : step.details) {
        if (n == name)
            return v;
    }
    return {};
}

} // namespace

class TestGatewayTraceReload : public QObject
{
    Q_OBJECT

private:
    OriginServer m_origin;

    bool prepare(TestWorkspace &workspace)
    {
        return workspace.isValid()
            && workspace.copyFrom(QStringLiteral(SLUICE_SOURCE_DIR "/tests/integration/data/trace-reload"),
                                  {{"ORIGIN", m_origin.url().toString().toUtf8()}});
    }

    // A copy of the fixture and the in-process gateway on it, as the console
    // runs it: every request may be traced.
    struct Running
    {
        TestWorkspace workspace;
        InProcessGateway gateway;
        QString error;
    };

    bool start(Running &running)
    {
        if (!prepare(running.workspace)) {
            running.error = QStringLiteral("the fixture could not be copied");
            return false;
        }
        return running.gateway.start(running.workspace.path(), &running.error, [](GatewayOptions &options) {
            options.tracing.access = TraceOptions::Access::Anyone;
        });
    }

    static std::shared_ptr<const RequestTrace> traceOf(Gateway &gateway, const HttpResponse &response)
    {
        const QByteArray id = response.headers.value("Sluice-Trace-Id");
        return id.isEmpty() ? nullptr : gateway.traces()->find(QString::fromLatin1(id));
    }

private Q_SLOTS:
    void initTestCase() { QVERIFY2(m_origin.listen(), qPrintable(m_origin.errorString())); }

    void init() { m_origin.reset(); }

    // A miss then a hit: the cache-lookup step with key, store, outcome and
    // TTL, and every step with the scope its policy file belongs to.
    void traceOfCacheMissThenHit()
    {
        Running running;
        QVERIFY2(start(running), qPrintable(running.error));
        InProcessGateway &gateway = running.gateway;

        const Headers traced {{"Ocp-Apim-Trace", "true"}, {"X-Caller", "tester"}};
        const auto miss = TestHttpClient::get(gateway.port(), "/echo/items/1", traced);
        QVERIFY(miss);
        QCOMPARE(miss->status, 200);
        const auto missTrace = traceOf(gateway.gateway(), *miss);
        QVERIFY(missTrace);
        QCOMPARE(missTrace->api, QStringLiteral("echo"));
        QCOMPARE(missTrace->status, 200);

        const RequestTrace::Step *variable = findStep(*missTrace, QStringLiteral("set-variable"));
        QVERIFY(variable);
        QCOMPARE(variable->scope, QStringLiteral("global"));
        QCOMPARE(variable->section, QStringLiteral("inbound"));
        QVERIFY(variable->location.startsWith(QLatin1String("policies/global.xml:")));
        QVERIFY(missTrace->variables.contains(std::pair {QStringLiteral("caller"), QStringLiteral("tester")}));

        const RequestTrace::Step *lookup = findStep(*missTrace, QStringLiteral("cache-lookup"));
        QVERIFY(lookup);
        QCOMPARE(lookup->scope, QStringLiteral("api"));
        QCOMPARE(lookup->section, QStringLiteral("inbound"));
        QVERIFY(lookup->durationUs >= 0);
        QCOMPARE(detailOf(*lookup, QStringLiteral("store")), QStringLiteral("internal"));
        QCOMPARE(detailOf(*lookup, QStringLiteral("outcome")), QStringLiteral("miss"));
        const QString key = detailOf(*lookup, QStringLiteral("key"));
        QVERIFY(key.contains(QLatin1String("items")));

        const RequestTrace::Step *forward = findStep(*missTrace, QStringLiteral("forward-request"));
        QVERIFY(forward);
        QCOMPARE(forward->scope, QStringLiteral("global"));
        QCOMPARE(forward->section, QStringLiteral("backend"));
        QCOMPARE(missTrace->backendCalls.size(), 1);
        QCOMPARE(missTrace->backendCalls.first().status, 200);
        QVERIFY(missTrace->backendCalls.first().url.startsWith(m_origin.url().toString()));

        const RequestTrace::Step *store = findStep(*missTrace, QStringLiteral("cache-store"));
        QVERIFY(store);
        QCOMPARE(store->scope, QStringLiteral("api"));
        QCOMPARE(store->section, QStringLiteral("outbound"));
        QCOMPARE(detailOf(*store, QStringLiteral("outcome")), QStringLiteral("stored"));
        QCOMPARE(detailOf(*store, QStringLiteral("ttl")), QStringLiteral("60"));

        const auto hit = TestHttpClient::get(gateway.port(), "/echo/items/1", traced);
        QVERIFY(hit);
        const auto hitTrace = traceOf(gateway.gateway(), *hit);
        QVERIFY(hitTrace);
        QVERIFY(hitTrace->id != missTrace->id);
        const RequestTrace::Step *hitLookup = findStep(*hitTrace, QStringLiteral("cache-lookup"));
        QVERIFY(hitLookup);
        QCOMPARE(detailOf(*hitLookup, QStringLiteral("outcome")), QStringLiteral("hit"));
        QCOMPARE(detailOf(*hitLookup, QStringLiteral("key")), key);
        const int ttl = detailOf(*hitLookup, QStringLiteral("ttl")).toInt();
        QVERIFY2(ttl > 0 && ttl <= 60, qPrintable(QString::number(ttl)));
        QCOMPARE(hitLookup->result, QStringLiteral("skip-to-outbound"));
        QVERIFY(!findStep(*hitTrace, QStringLiteral("forward-request")));
        QVERIFY(hitTrace->backendCalls.isEmpty());
        const RequestTrace::Step *header = findStep(*hitTrace, QStringLiteral("set-header"));
        QVERIFY(header); // outbound runs on a hit
        QCOMPARE(header->scope, QStringLiteral("api"));
        QCOMPARE(m_origin.requestCount(), 1);
    }

    // Sluice-Trace: true works like Ocp-Apim-Trace: true; anything else traces nothing.
    void noTraceWithoutTheHeader_data()
    {
        QTest::addColumn<Headers>("headers");
        QTest::addColumn<bool>("traced");
        QTest::newRow("no header") << Headers {} << false;
        QTest::newRow("Ocp-Apim-Trace: false") << Headers {{"Ocp-Apim-Trace", "false"}} << false;
        QTest::newRow("Sluice-Trace: true") << Headers {{"Sluice-Trace", "TRUE"}} << true;
    }

    void noTraceWithoutTheHeader()
    {
        QFETCH(Headers, headers);
        QFETCH(bool, traced);
        Running running;
        QVERIFY2(start(running), qPrintable(running.error));
        InProcessGateway &gateway = running.gateway;
        const auto response = TestHttpClient::get(gateway.port(), "/echo/plain", headers);
        QVERIFY(response);
        QCOMPARE(response->status, 200);
        QCOMPARE(response->headers.contains("Sluice-Trace-Id"), traced);
        QCOMPARE(traceOf(gateway.gateway(), *response) != nullptr, traced);
    }

    // Subscription keys and Authorization values never reach a trace; a
    // request with Authorization bypasses the cache, and the trace says why.
    void secretsStayOutOfTheTrace()
    {
        Running running;
        QVERIFY2(start(running), qPrintable(running.error));
        InProcessGateway &gateway = running.gateway;
        const auto response = TestHttpClient::get(
            gateway.port(), "/echo/private?subscription-key=" + PlainKey,
            {{"Ocp-Apim-Trace", "true"}, {"Ocp-Apim-Subscription-Key", TracedKey}, {"Authorization", Bearer}});
        QVERIFY(response);
        QCOMPARE(response->status, 200);
        const auto trace = traceOf(gateway.gateway(), *response);
        QVERIFY(trace);
        QCOMPARE(trace->subscription, QStringLiteral("s-trace"));
        const QByteArray json = QJsonDocument(trace->toJson()).toJson();
        QVERIFY(!json.contains(TracedKey));
        QVERIFY(!json.contains(PlainKey));
        QVERIFY(!json.contains("c0ffee"));
        QVERIFY(trace->requestHeaders.contains(
            std::pair {QStringLiteral("Ocp-Apim-Subscription-Key"), QStringLiteral("***")}));
        QVERIFY(trace->requestHeaders.contains(std::pair {QStringLiteral("Authorization"), QStringLiteral("***")}));
        const RequestTrace::Step *lookup = findStep(*trace, QStringLiteral("cache-lookup"));
        QVERIFY(lookup);
        QCOMPARE(detailOf(*lookup, QStringLiteral("outcome")), QStringLiteral("bypass"));
        QCOMPARE(detailOf(*lookup, QStringLiteral("reason")), QStringLiteral("authorization"));
    }

    // A kept-alive connection goes on across a reload and its next request
    // runs the new policy; the built-in cache keeps its entries.
    void reloadKeepsConnectionsAndCache()
    {
        Running running;
        QVERIFY2(start(running), qPrintable(running.error));
        TestWorkspace &workspace = running.workspace;
        InProcessGateway &gateway = running.gateway;

        TestHttpClient client(gateway.port());
        const auto before = client.request("GET", "/echo/kept/1");
        QVERIFY(before);
        QCOMPARE(before->headers.value("X-Policy"), QByteArray("v1"));

        workspace.writePolicy(QStringLiteral("apis/echo.xml"), echoPolicy("v2"));
        const GatewayReload reload = GatewayReload::load(workspace.path(), {});
        QVERIFY2(reload.accepted(), qPrintable(InProcessGateway::problems(reload.diagnostics)));
        QVERIFY(reload.applyTo(gateway.gateway()));
        QVERIFY(reload.summary().contains(QLatin1String("reloaded")));

        QVERIFY(client.isConnected());
        const auto after = client.request("GET", "/echo/kept/1");
        QVERIFY(after);
        QCOMPARE(after->headers.value("X-Policy"), QByteArray("v2"));
        QVERIFY2(after->headers.value("Cache-Status").contains("hit"), after->headers.value("Cache-Status").data());
        QCOMPARE(after->body, before->body);
        QCOMPARE(m_origin.requestCount(), 1);
        QVERIFY(client.isConnected());
        QCOMPARE(gateway.gateway().config(), reload.config);
    }

    // A workspace with errors is refused: the running policy goes on answering.
    void brokenReloadIsRefused()
    {
        Running running;
        QVERIFY2(start(running), qPrintable(running.error));
        TestWorkspace &workspace = running.workspace;
        InProcessGateway &gateway = running.gateway;
        const std::shared_ptr<const GatewayConfig> before = gateway.gateway().config();

        workspace.writePolicy(QStringLiteral("apis/echo.xml"), echoPolicy("v2", true));
        const GatewayReload reload = GatewayReload::load(workspace.path(), {});
        QVERIFY(!reload.accepted());
        QVERIFY(!reload.applyTo(gateway.gateway()));
        QVERIFY2(reload.summary().contains(QLatin1String("refused"))
                     && reload.summary().contains(QLatin1String("policies/apis/echo.xml")),
                 qPrintable(reload.summary()));
        QCOMPARE(gateway.gateway().config(), before);

        const auto response = TestHttpClient::get(gateway.port(), "/echo/after-broken");
        QVERIFY(response);
        QCOMPARE(response->status, 200);
        QCOMPARE(response->headers.value("X-Policy"), QByteArray("v1"));
    }

    // A reload that brings an external cache for the location: the workers
    // connect to it, and new lookups use it instead of the built-in cache.
    void reloadConnectsToANewExternalCache()
    {
        test::RedisServer redis;
        QVERIFY2(redis.start(), qPrintable(redis.errorText()));
        Running running;
        QVERIFY2(start(running), qPrintable(running.error));
        InProcessGateway &gateway = running.gateway;
        const auto lookupOf = [&gateway](const QByteArray &target) -> std::pair<QString, QString> {
            const auto response = TestHttpClient::get(gateway.port(), target, {{"Ocp-Apim-Trace", "true"}});
            const auto trace = response ? traceOf(gateway.gateway(), *response) : nullptr;
            const RequestTrace::Step *lookup = trace ? findStep(*trace, QStringLiteral("cache-lookup")) : nullptr;
            if (!lookup)
                return {};
            return {detailOf(*lookup, QStringLiteral("store")), detailOf(*lookup, QStringLiteral("outcome"))};
        };
        QCOMPARE(lookupOf("/echo/redis/1").first, QStringLiteral("internal"));

        QFile file(running.workspace.path() + QStringLiteral("/workspace.json"));
        QVERIFY(file.open(QIODevice::ReadOnly));
        QByteArray json = file.readAll();
        file.close();
        const QByteArray caches = "\"caches\": [ { \"id\": \"main\", \"useFrom\": \"default\", \"connectionString\": \""
            + redis.connectionString().toUtf8() + "\" } ],\n  \"subscriptions\"";
        json.replace("\"subscriptions\"", caches);
        running.workspace.writeWorkspaceJson(json);
        running.workspace.writePolicy(QStringLiteral("apis/echo.xml"),
                                      echoPolicy("v2").replace("\"internal\"", "\"prefer-external\""));
        const GatewayReload reload = GatewayReload::load(running.workspace.path(), {});
        QVERIFY2(reload.accepted(), qPrintable(InProcessGateway::problems(reload.diagnostics)));
        QVERIFY(reload.applyTo(gateway.gateway()));

        // The first lookups may come before the new connection is up (a miss
        // that stores nothing); once it is, a miss stores and the next one hits.
        QTRY_VERIFY_WITH_TIMEOUT(lookupOf("/echo/redis/2") == std::pair(QStringLiteral("main"), QStringLiteral("hit")),
                                 10'000);
        QVERIFY(redis.cli({QStringLiteral("DBSIZE")}).trimmed() != "0");
    }

    // The real program: SIGHUP reloads (or refuses) with one log line, and
    // GET /traces/{id} serves the traces of the subscriptions it may trace.
    void sighupAndAdminTraces()
    {
        TestWorkspace workspace;
        QVERIFY(prepare(workspace));
        test::GatewayProcess process(workspace.path());
        process.setExtraArguments({QStringLiteral("--trace-subscription"), QStringLiteral("s-trace")});
        QVERIFY2(process.start(), qPrintable(process.errorText()));

        const Headers tracedCaller {{"Ocp-Apim-Trace", "true"}, {"Ocp-Apim-Subscription-Key", TracedKey}};
        const auto first = TestHttpClient::get(process.port(), "/echo/process/1", tracedCaller);
        QVERIFY(first);
        QCOMPARE(first->headers.value("X-Policy"), QByteArray("v1"));
        const QByteArray id = first->headers.value("Sluice-Trace-Id");
        QVERIFY(!id.isEmpty());
        const auto traceResponse = TestHttpClient::get(process.adminPort(), "/traces/" + id);
        QVERIFY(traceResponse);
        QCOMPARE(traceResponse->status, 200);
        QVERIFY(!traceResponse->body.contains(TracedKey));
        const QJsonObject trace = QJsonDocument::fromJson(traceResponse->body).object();
        QCOMPARE(trace.value(QStringLiteral("id")).toString(), QString::fromLatin1(id));
        QCOMPARE(trace.value(QStringLiteral("subscription")).toString(), QStringLiteral("s-trace"));
        QVERIFY(trace.value(QStringLiteral("steps")).toArray().size() >= 4);
        const auto unknown = TestHttpClient::get(process.adminPort(), "/traces/no-such-trace");
        QVERIFY(unknown);
        QCOMPARE(unknown->status, 404);

        // Not for anonymous callers, nor for other subscriptions.
        for (const Headers &headers : {Headers {{"Ocp-Apim-Trace", "true"}},
                                       Headers {{"Ocp-Apim-Trace", "true"}, {"Ocp-Apim-Subscription-Key", PlainKey}}}) {
            const auto response = TestHttpClient::get(process.port(), "/echo/process/2", headers);
            QVERIFY(response);
            QCOMPARE(response->status, 200);
            QVERIFY(!response->headers.contains("Sluice-Trace-Id"));
        }

        workspace.writePolicy(QStringLiteral("apis/echo.xml"), echoPolicy("v2"));
        QCOMPARE(::kill(static_cast<pid_t>(process.processId()), SIGHUP), 0);
        QTRY_VERIFY_WITH_TIMEOUT(process.log().contains("reloaded workspace"), 10'000);
        const auto second = TestHttpClient::get(process.port(), "/echo/process/1");
        QVERIFY(second);
        QCOMPARE(second->headers.value("X-Policy"), QByteArray("v2"));

        workspace.writePolicy(QStringLiteral("apis/echo.xml"), echoPolicy("v3", true));
        QCOMPARE(::kill(static_cast<pid_t>(process.processId()), SIGHUP), 0);
        QTRY_VERIFY_WITH_TIMEOUT(process.log().contains("reload refused"), 10'000);
        const auto third = TestHttpClient::get(process.port(), "/echo/process/1");
        QVERIFY(third);
        QCOMPARE(third->headers.value("X-Policy"), QByteArray("v2"));
        QVERIFY(process.isRunning());
        QVERIFY(process.stop());
    }
};

QTEST_GUILESS_MAIN(TestGatewayTraceReload)
#include "tst_gateway_trace_reload.moc"
