// Flow, variables and outgoing requests end to end: choose, set-variable,
// set-method, find-and-replace, check-header, trace, include-fragment,
// return-response with response-variable-name, retry, wait, send-request and
// send-one-way-request, in an in-process gateway in front of a real origin.
#include "InProcessGateway.h"
#include "OriginServer.h"
#include "TestHttpClient.h"
#include "TestWorkspace.h"
#include "gateway/GatewayConfig.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryFile>
#include <QTest>

using namespace sluice;

using Headers = QList<std::pair<QByteArray, QByteArray>>;

class TestPolicyFlow : public QObject
{
    Q_OBJECT

private:
    OriginServer m_origin;
    TestWorkspace m_workspace;
    InProcessGateway m_gateway;
    QTemporaryFile m_logFile;
    quint16 m_port = 0;

    std::optional<HttpResponse> request(const QByteArray &method, const QByteArray &target, const Headers &headers = {},
                                        const QByteArray &body = {})
    {
        TestHttpClient client(m_port);
        return client.request(method, target, headers, body);
    }

    std::optional<HttpResponse> get(const QByteArray &target, const Headers &headers = {})
    {
        return request("GET", target, headers);
    }

    static QJsonObject json(const QByteArray &body) { return QJsonDocument::fromJson(body).object(); }

    QByteArray logText()
    {
        QFile f(m_logFile.fileName());
        return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY2(m_origin.listen(), qPrintable(m_origin.errorString()));
        QVERIFY(m_workspace.isValid());
        const QString fixture = QFINDTESTDATA("data/policy-flow/gateway");
        QVERIFY(!fixture.isEmpty());
        QVERIFY(m_workspace.copyFrom(fixture, {{"ORIGIN", m_origin.url().toString().toUtf8()}}));
        QVERIFY(m_logFile.open());
        m_gateway.logTo(int(m_logFile.handle()), RequestLog::Level::Info);
        QString error;
        QVERIFY2(m_gateway.start(m_workspace.path(), &error), qPrintable(error));
        m_port = m_gateway.port();
        QVERIFY(m_port != 0);
    }

    void cleanupTestCase() { QVERIFY(m_gateway.stop()); }

    void init() { m_origin.reset(); }

    void choose_data()
    {
        QTest::addColumn<QByteArray>("target");
        QTest::addColumn<Headers>("headers");
        QTest::addColumn<QByteArray>("branch");
        QTest::newRow("first when") << QByteArray("/flow/choose?x=a") << Headers {} << QByteArray("a");
        QTest::newRow("nested when") << QByteArray("/flow/choose?x=b") << Headers {{"Y", "1"}} << QByteArray("b-y");
        QTest::newRow("nested otherwise") << QByteArray("/flow/choose?x=b") << Headers {} << QByteArray("b");
        QTest::newRow("otherwise") << QByteArray("/flow/choose?x=zzz") << Headers {} << QByteArray("other");
        QTest::newRow("no parameter") << QByteArray("/flow/choose") << Headers {} << QByteArray("other");
    }

    void choose()
    {
        QFETCH(QByteArray, target);
        QFETCH(Headers, headers);
        QFETCH(QByteArray, branch);
        const auto r = get(target, headers);
        QVERIFY(r);
        QCOMPARE(r->status, 200);
        QCOMPARE(r->headers.value("X-Branch"), branch);
        QCOMPARE(m_origin.requestCount(), 1);
    }

    // return-response inside a branch ends the whole pipeline.
    void chooseReturnEndsPipeline()
    {
        const auto r = get("/flow/choose?x=stop");
        QVERIFY(r);
        QCOMPARE(r->status, 418);
        QVERIFY(!r->headers.contains("X-Branch"));
        QCOMPARE(m_origin.requestCount(), 0);
    }

    void setVariableKeepsTypes()
    {
        const auto r = get("/flow/vars");
        QVERIFY(r);
        QCOMPARE(r->status, 200);
        QCOMPARE(r->headers.value("X-Types"), QByteArray("int,string,bool,JObject"));
        QCOMPARE(r->headers.value("X-Values"), QByteArray("43,plain text,True,1"));
    }

    void setMethod_data()
    {
        QTest::addColumn<QByteArray>("target");
        QTest::addColumn<QByteArray>("method");
        QTest::newRow("default") << QByteArray("/flow/method") << QByteArray("POST");
        QTest::newRow("from expression, lower case") << QByteArray("/flow/method?m=delete") << QByteArray("DELETE");
    }

    void setMethod()
    {
        QFETCH(QByteArray, target);
        QFETCH(QByteArray, method);
        const auto r = get(target);
        QVERIFY(r);
        QCOMPARE(r->status, 200);
        QCOMPARE(m_origin.lastRequest().method, method);
    }

    void findAndReplace()
    {
        const auto r = request("POST", "/flow/replace", {{"X-Name", "Ada"}, {"Content-Type", "text/plain"}},
                               "hello world, world!");
        QVERIFY(r);
        QCOMPARE(r->status, 200);
        QCOMPARE(m_origin.lastRequest().body, QByteArray("hello Ada, Ada!"));
        QCOMPARE(json(r->body).value(QStringLiteral("method")).toString(), QStringLiteral("REPLACED"));
    }

    void checkHeader_data()
    {
        QTest::addColumn<Headers>("headers");
        QTest::addColumn<int>("status");
        QTest::addColumn<QByteArray>("message");
        QTest::addColumn<QByteArray>("reason");
        const Headers present {{"X-Present", "1"}};
        QTest::newRow("missing") << present << 401 << QByteArray("Not authorized")
                                 << QByteArray("check-header/HeaderNotFound");
        QTest::newRow("wrong value") << (present + Headers {{"X-Key", "guess"}}) << 401 << QByteArray("Not authorized")
                                     << QByteArray("check-header/HeaderValueNotAllowed");
        QTest::newRow("allowed") << (present + Headers {{"X-Key", "secret-one"}}) << 200 << QByteArray()
                                 << QByteArray();
        QTest::newRow("allowed from expression")
            << (present + Headers {{"X-Key", "secret-two"}}) << 200 << QByteArray() << QByteArray();
        QTest::newRow("ignore-case") << (present + Headers {{"X-Key", "SECRET-ONE"}}) << 200 << QByteArray()
                                     << QByteArray();
        QTest::newRow("second check, any value")
            << Headers {{"X-Key", "secret-one"}} << 403 << QByteArray("X-Present is needed")
            << QByteArray("check-header/HeaderNotFound");
    }

    void checkHeader()
    {
        QFETCH(Headers, headers);
        QFETCH(int, status);
        QFETCH(QByteArray, message);
        QFETCH(QByteArray, reason);
        const auto r = get("/flow/check", headers);
        QVERIFY(r);
        QCOMPARE(r->status, status);
        if (status == 200) {
            QCOMPARE(m_origin.requestCount(), 1);
            return;
        }
        QCOMPARE(m_origin.requestCount(), 0);
        QCOMPARE(r->body,
                 QByteArray("{ \"statusCode\": ") + QByteArray::number(status) + ", \"message\": \"" + message
                     + "\" }");
        QCOMPARE(r->headers.value("X-Reason"), reason);
    }

    void traceIsLogged()
    {
        const auto r = get("/flow/trace?t=abc");
        QVERIFY(r);
        QCOMPARE(r->status, 200);
        QTRY_VERIFY(logText().contains("trace information flow-test: traced abc operation=trace"));
        QVERIFY(!logText().contains("verbose only")); // below the log level
    }

    void fragmentsAreIncluded()
    {
        const auto r = get("/flow/fragment");
        QVERIFY(r);
        QCOMPARE(r->status, 200);
        const HttpRequest sent = m_origin.lastRequest();
        QCOMPARE(sent.headers.value("X-From-Fragment"), QByteArray("common"));
        // Once from inside the first fragment, once from the choose branch.
        QCOMPARE(sent.headers.combined("X-Tag"), QByteArray("fragment,fragment"));
    }

    void returnResponseFromVariable()
    {
        const auto r = get("/flow/relay");
        QVERIFY(r);
        QCOMPARE(r->status, 201);
        QCOMPARE(r->headers.value("X-Extra"), QByteArray("added"));
        QCOMPARE(json(r->body).value(QStringLiteral("path")).toString(), QStringLiteral("/status/201"));
        QCOMPARE(m_origin.requestCount(), 1); // the send-request only: no backend call
    }

    void retry_data()
    {
        QTest::addColumn<QByteArray>("code");
        QTest::addColumn<int>("calls");
        QTest::newRow("condition false: one call") << QByteArray("200") << 1;
        QTest::newRow("condition true: count retries") << QByteArray("500") << 3;
    }

    void retry()
    {
        QFETCH(QByteArray, code);
        QFETCH(int, calls);
        const auto r = get("/flow/retry?code=" + code);
        QVERIFY(r);
        QCOMPARE(r->status, code.toInt());
        QCOMPARE(m_origin.requestCount("/status/"), calls);
    }

    void waitForAll()
    {
        const auto r = get("/flow/wait-all");
        QVERIFY(r);
        QCOMPARE(r->headers.value("X-Present"), QByteArray("slow,fast"));
        QCOMPARE(r->headers.value("X-Cached"), QByteArray("fallback"));
        QCOMPARE(m_origin.requestCount("/delay/"), 2);
    }

    void waitForAny()
    {
        const auto r = get("/flow/wait-any");
        QVERIFY(r);
        QCOMPARE(r->status, 200);
        QCOMPARE(r->headers.value("X-Present"), QByteArray(",fast"));
    }

    void sendRequest()
    {
        const auto r = get("/flow/send?a=42");
        QVERIFY(r);
        QCOMPARE(r->status, 200);
        QCOMPARE(r->headers.value("X-Status"), QByteArray("200"));
        QCOMPARE(r->headers.value("X-Answer"), QByteArray("42"));
        QCOMPARE(r->headers.value("X-Unreachable"), QByteArray("null"));
        QCOMPARE(r->headers.value("X-Echo-Method"), QByteArray("POST")); // Body.As<JObject>(preserveContent: true)
        const QJsonObject echo = json(r->body);
        QCOMPARE(echo.value(QStringLiteral("method")).toString(), QStringLiteral("POST"));
        QCOMPARE(echo.value(QStringLiteral("body")).toString(), QStringLiteral("payload 42"));
        QCOMPARE(echo.value(QStringLiteral("headers")).toObject().value(QStringLiteral("X-Sent")).toString(),
                 QStringLiteral("yes"));
        QCOMPARE(m_origin.requestCount(), 1);
    }

    void sendRequestErrorGoesToOnError()
    {
        const auto r = get("/flow/send-error");
        QVERIFY(r);
        QCOMPARE(r->status, 500);
        QCOMPARE(r->headers.value("X-Reason"), QByteArray("send-request/BackendConnectionFailure"));
    }

    void sendRequestTimeout()
    {
        const auto r = get("/flow/send-timeout");
        QVERIFY(r);
        QCOMPARE(r->status, 500);
        QCOMPARE(r->headers.value("X-Reason"), QByteArray("send-request/Timeout"));
    }

    void sendRequestCopy()
    {
        const auto r = request("PUT", "/flow/copy", {{"X-Orig", "kept"}, {"Content-Type", "text/plain"}}, "the body");
        QVERIFY(r);
        const QJsonObject echo = json(r->body);
        QCOMPARE(echo.value(QStringLiteral("method")).toString(), QStringLiteral("PUT"));
        QCOMPARE(echo.value(QStringLiteral("path")).toString(), QStringLiteral("/copied"));
        QCOMPARE(echo.value(QStringLiteral("body")).toString(), QStringLiteral("the body"));
        QCOMPARE(echo.value(QStringLiteral("headers")).toObject().value(QStringLiteral("X-Orig")).toString(),
                 QStringLiteral("kept"));
    }

    void sendOneWayRequest()
    {
        const auto r = get("/flow/oneway");
        QVERIFY(r);
        QCOMPARE(r->status, 202);
        QTRY_COMPARE(m_origin.requestCount("/oneway-target"), 1);
        QCOMPARE(m_origin.lastRequest().body, QByteArray("fire and forget"));
    }

    // Load errors, each at the file, line and column of what is wrong: the
    // fragments (merged before validation) and the policies (compiled after).
    void loadErrors_data()
    {
        QTest::addColumn<QString>("workspace");
        QTest::addColumn<QString>("expected");
        const QString fragments = QStringLiteral("data/policy-flow/bad-fragments");
        const QString policies = QStringLiteral("data/policy-flow/bad");
        const QString file = QStringLiteral("policies/apis/bad.xml:");
        QTest::newRow("missing fragment")
            << fragments
            << file + QStringLiteral("4:9: error: fragment 'missing' not found (expected fragments/missing.xml)");
        QTest::newRow("fragment cycle") << fragments
                                        << QStringLiteral("fragments/loop-b.xml:2:5: error: fragment 'loop-a' includes "
                                                          "itself (loop-a > loop-b > loop-a)");
        QTest::newRow("fragment root") << fragments
                                       << QStringLiteral("fragments/wrong-root.xml:1:1: error: a fragment must have a "
                                                         "<fragment> root");
        QTest::newRow("base in fragment")
            << fragments << QStringLiteral("fragments/with-base.xml:2:5: error: 'base' is not allowed in a fragment");
        QTest::newRow("fragment id") << fragments
                                     << file + QStringLiteral("8:40: error: '../escape' is not a valid fragment id");
        QTest::newRow("fragment-id missing")
            << fragments
            << file + QStringLiteral("9:9: error: 'include-fragment' requires the attribute 'fragment-id'");
        QTest::newRow("when without condition")
            << fragments << file + QStringLiteral("11:13: error: 'when' needs a 'condition' attribute");

        QTest::newRow("error inside a fragment")
            << policies
            << QStringLiteral(
                   "fragments/broken.xml:2:41: error: exists-action must be override, skip, append or delete");
        QTest::newRow("condition not bool")
            << policies << file + QStringLiteral("10:30: error: the condition must be a bool expression");
        QTest::newRow("set-variable without value")
            << policies << file + QStringLiteral("12:9: error: 'set-variable' requires the attribute 'value'");
        QTest::newRow("set-variable without name")
            << policies << file + QStringLiteral("13:9: error: 'set-variable' requires the attribute 'name'");
        QTest::newRow("check-header without ignore-case")
            << policies << file + QStringLiteral("14:9: error: 'check-header' requires the attribute 'ignore-case'");
        QTest::newRow("retry count") << policies
                                     << file
                + QStringLiteral("15:40: error: attribute 'count' must be an integer from 1 to 50");
        QTest::newRow("send-request without variable")
            << policies
            << file + QStringLiteral("18:9: error: 'send-request' requires the attribute 'response-variable-name'");
        QTest::newRow("wait for") << policies
                                  << file + QStringLiteral("21:20: error: for must be all or any, not 'some'");
        QTest::newRow("wait child") << policies
                                    << file
                + QStringLiteral("22:13: error: 'set-header' inside 'wait' is not supported by this gateway");
        QTest::newRow("trace severity") << policies
                                        << file
                + QStringLiteral("24:37: error: severity must be verbose, information or error, not 'loud'");
        QTest::newRow("unknown attribute")
            << policies << file + QStringLiteral("25:43: error: 'find-and-replace' has no attribute 'regex'");
        QTest::newRow("bad method") << policies
                                    << file + QStringLiteral("26:21: error: 'NOT A METHOD' is not a valid HTTP method");
    }

    void loadErrors()
    {
        QFETCH(QString, workspace);
        QFETCH(QString, expected);
        Diagnostics diagnostics;
        const auto config = GatewayConfig::load(QFINDTESTDATA(workspace), {}, &diagnostics);
        QVERIFY(!config);
        const QString problems = InProcessGateway::problems(diagnostics);
        QVERIFY2(problems.contains(expected), qPrintable(problems));
    }
};

QTEST_GUILESS_MAIN(TestPolicyFlow)
#include "tst_policy_flow.moc"
