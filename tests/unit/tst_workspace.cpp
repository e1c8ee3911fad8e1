#include "tst_workspace_support.h"

#include <QTemporaryDir>
#include <QTest>

using namespace sluice;
using namespace sluice::workspacetest;

// Loading workspace.json: every field of a full workspace, the sample
// workspace, I/O and JSON syntax errors, ${ENV} resolution.

class TstWorkspace : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void loadsFullWorkspace();
    void loadsSampleWorkspace();
    void missingFile();
    void syntaxError_data();
    void syntaxError();
    void envResolution_data();
    void envResolution();
    void unsetVariablesAreNamed();
    void diagnosticText();
};

void TstWorkspace::loadsFullWorkspace()
{
    const QString dir = QFINDTESTDATA("data/workspace/full");
    QVERIFY(!dir.isEmpty());
    const WorkspaceLoadResult result = WorkspaceLoader(fakeEnv(testEnv())).loadFolder(dir);
    QVERIFY2(result.diagnostics.isEmpty(), qPrintable(describe(result.diagnostics)));
    QVERIFY(result.ok());
    const Workspace &ws = result.workspace;

    QCOMPARE(ws.rootDir, QDir(dir).absolutePath());
    QCOMPARE(ws.name, QStringLiteral("Full workspace"));
    QCOMPARE(ws.locations, QStringList({QStringLiteral("West Europe"), QStringLiteral("edge-paris")}));

    QCOMPARE(ws.caches.size(), 2);
    QCOMPARE(ws.caches[0].id, QStringLiteral("redis-default"));
    QCOMPARE(ws.caches[0].useFrom, QStringLiteral("default"));
    QCOMPARE(ws.caches[0].connectionString,
             QStringLiteral("cache.internal:6380,password=s3cr3t-PW,ssl=True"));
    QCOMPARE(ws.caches[0].description, QStringLiteral("Shared cache"));
    QCOMPARE(ws.caches[1].useFrom, QStringLiteral("edge-paris")); // canonical spelling of the location
    QCOMPARE(ws.caches[1].connectionString, QStringLiteral("127.0.0.1:6379"));
    QCOMPARE(ws.cacheFor(QStringLiteral("edge-paris"))->id, QStringLiteral("redis-paris"));
    QCOMPARE(ws.cacheFor(QStringLiteral("West Europe"))->id, QStringLiteral("redis-default"));

    QCOMPARE(ws.namedValues.size(), 3);
    QCOMPARE(ws.namedValues.value(QStringLiteral("greeting")), QStringLiteral("Hello"));
    QCOMPARE(ws.namedValues.value(QStringLiteral("backend-token")), QStringLiteral("Bearer tok-123"));
    QCOMPARE(ws.namedValues.value(QStringLiteral("literal.value_1")), QStringLiteral("${NOT_ENV} costs $5"));

    QCOMPARE(ws.groups.size(), 2);
    QCOMPARE(ws.groups[0].name, QStringLiteral("Partner companies"));
    QCOMPARE(ws.groups[1].name, QStringLiteral("internal")); // name defaults to id

    QCOMPARE(ws.users.size(), 2);
    const User *alice = ws.user(QStringLiteral("alice"));
    QVERIFY(alice);
    QCOMPARE(alice->email, QStringLiteral("alice@example.com"));
    QCOMPARE(alice->firstName, QStringLiteral("Alice"));
    QCOMPARE(alice->lastName, QStringLiteral("Martin"));
    QCOMPARE(alice->groups, QStringList({QStringLiteral("developers"), QStringLiteral("partners")}));
    QVERIFY(ws.user(QStringLiteral("bob"))->groups.isEmpty());

    QCOMPARE(ws.products.size(), 2);
    QCOMPARE(ws.products[0].name, QStringLiteral("Starter"));
    QCOMPARE(ws.products[0].apis, QStringList({QStringLiteral("echo")}));
    QVERIFY(ws.products[0].subscriptionRequired);
    QCOMPARE(ws.products[1].name, QStringLiteral("open"));
    QVERIFY(!ws.products[1].subscriptionRequired);
    QCOMPARE(ws.productsOf(QStringLiteral("orders")).size(), 1);

    QCOMPARE(ws.subscriptions.size(), 3);
    const Subscription &s0 = ws.subscriptions[0];
    QCOMPARE(s0.name, QStringLiteral("Alice on Starter"));
    QCOMPARE(s0.scopeKind(), Subscription::ScopeKind::Product);
    QCOMPARE(s0.scopeTarget(), QStringLiteral("starter"));
    QCOMPARE(s0.user, QStringLiteral("alice"));
    QCOMPARE(s0.primaryKey, QStringLiteral("alice-primary-from-env"));
    QCOMPARE(s0.secondaryKey, QStringLiteral("alice-secondary"));
    QCOMPARE(s0.state, QStringLiteral("suspended"));
    QVERIFY(!s0.isActive());
    QCOMPARE(ws.subscriptions[1].scopeKind(), Subscription::ScopeKind::All);
    QCOMPARE(ws.subscriptions[1].state, QStringLiteral("active")); // default
    QVERIFY(ws.subscriptions[1].user.isEmpty());
    QCOMPARE(ws.subscriptions[2].scopeKind(), Subscription::ScopeKind::Api);
    QCOMPARE(ws.subscriptions[2].scopeTarget(), QStringLiteral("orders"));

    QCOMPARE(ws.apis.size(), 3);
    const Api *echo = ws.api(QStringLiteral("echo"));
    QVERIFY(echo);
    QCOMPARE(echo->name, QStringLiteral("Echo API"));
    QCOMPARE(echo->path, QStringLiteral("echo")); // slashes stripped
    QCOMPARE(echo->serviceUrl, QStringLiteral("http://127.0.0.1:8090/base"));
    QVERIFY(!echo->subscriptionRequired);
    QCOMPARE(echo->operations.size(), 5);
    const Operation *getItem = echo->operation(QStringLiteral("get-item"));
    QVERIFY(getItem);
    QCOMPARE(getItem->name, QStringLiteral("Get item"));
    QCOMPARE(getItem->method, QStringLiteral("GET"));
    QCOMPARE(getItem->urlTemplate, QStringLiteral("/items/{id}"));
    QCOMPARE(echo->operation(QStringLiteral("list"))->name, QStringLiteral("list"));
    QCOMPARE(echo->operation(QStringLiteral("any"))->method, QStringLiteral("*"));
    const Api *orders = ws.api(QStringLiteral("orders"));
    QCOMPARE(orders->path, QStringLiteral("shop/orders"));
    QVERIFY(orders->subscriptionRequired); // default
    QCOMPARE(orders->name, QStringLiteral("orders"));
    QCOMPARE(ws.api(QStringLiteral("root-api"))->path, QString());
    QVERIFY(ws.api(QStringLiteral("root-api"))->serviceUrl.isEmpty());

    QCOMPARE(ws.backends.size(), 1);
    QCOMPARE(ws.backend(QStringLiteral("orders-backend"))->url,
             QStringLiteral("https://orders.example.com/v2"));
    QCOMPARE(ws.backends[0].description, QStringLiteral("Orders service"));
}

void TstWorkspace::loadsSampleWorkspace()
{
    const QString dir = sourceDir() + QStringLiteral("/resources/sample-workspace");
    const WorkspaceLoadResult result = WorkspaceLoader(fakeEnv({})).loadFolder(dir);
    QVERIFY2(result.diagnostics.isEmpty(), qPrintable(describe(result.diagnostics)));
    const Workspace &ws = result.workspace;
    QCOMPARE(ws.name, QStringLiteral("Sluice sample"));
    QCOMPARE(ws.locations, QStringList({QStringLiteral("West Europe"), QStringLiteral("edge-paris")}));
    QVERIFY(ws.caches.isEmpty());
    QCOMPARE(ws.namedValues.value(QStringLiteral("greeting")), QStringLiteral("Hello from Sluice"));
    QVERIFY(ws.user(QStringLiteral("alice"))->groups.contains(QStringLiteral("developers")));
    QVERIFY(ws.user(QStringLiteral("bob")));
    QCOMPARE(ws.product(QStringLiteral("starter"))->apis, QStringList({QStringLiteral("echo")}));
    QVERIFY(ws.product(QStringLiteral("starter"))->subscriptionRequired);
    QVERIFY(ws.product(QStringLiteral("unlimited")));
    QCOMPARE(ws.subscriptions.size(), 2);
    QCOMPARE(ws.subscriptions[0].scope, QStringLiteral("product:starter"));
    QCOMPARE(ws.subscriptions[0].user, QStringLiteral("alice"));
    QVERIFY(!ws.subscriptions[0].primaryKey.isEmpty());
    QCOMPARE(ws.subscriptions[1].scope, QStringLiteral("all"));

    const Api *echo = ws.api(QStringLiteral("echo"));
    QVERIFY(echo);
    QCOMPARE(echo->path, QStringLiteral("echo"));
    QCOMPARE(echo->serviceUrl, QStringLiteral("http://127.0.0.1:8090"));
    QVERIFY(!echo->subscriptionRequired);
    QStringList routes;
    for (const Operation &op : echo->operations)
        routes.append(op.id + QLatin1Char(' ') + op.method + QLatin1Char(' ') + op.urlTemplate);
    QCOMPARE(routes,
             QStringList({QStringLiteral("get-item GET /items/{id}"), QStringLiteral("list GET /items"),
                          QStringLiteral("create POST /items"), QStringLiteral("any * /*")}));
    const Api *mock = ws.api(QStringLiteral("mock"));
    QVERIFY(mock);
    QCOMPARE(mock->path, QStringLiteral("mock"));
    QVERIFY(!mock->subscriptionRequired);
    QCOMPARE(mock->operations.size(), 1);
    QCOMPARE(mock->operations[0].urlTemplate, QStringLiteral("/hello"));
}

void TstWorkspace::missingFile()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const WorkspaceLoadResult result = WorkspaceLoader(fakeEnv({})).loadFolder(dir.path());
    QVERIFY(!result.ok());
    QCOMPARE(result.diagnostics.size(), 1);
    const Diagnostic &d = result.diagnostics[0];
    QCOMPARE(d.severity, Diagnostic::Severity::Error);
    QCOMPARE(d.location.file, QStringLiteral("workspace.json"));
    QVERIFY2(d.message.startsWith(QStringLiteral("cannot read workspace.json")), qPrintable(d.message));
}

void TstWorkspace::syntaxError_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<int>("line");
    QTest::addColumn<int>("column");
    QTest::addColumn<QString>("message");

    QTest::newRow("missing comma") << QByteArray("{\n  \"name\": \"x\"\n  \"locations\": []\n}") << 3 << 3
                                   << QStringLiteral("invalid JSON: unterminated object");
    QTest::newRow("trailing comma") << QByteArray("{\n  \"name\": \"x\",\n}") << 3 << 1
                                    << QStringLiteral("invalid JSON: object is missing after a comma");
    QTest::newRow("unterminated string")
        << QByteArray("{\"name\": \"x}") << 1 << 13 << QStringLiteral("invalid JSON: unterminated string");
    QTest::newRow("column counts characters") << QByteArray("{\"name\": \"\xC3\xA9t\xC3\xA9\" ]") << 1 << 16
                                              << QStringLiteral("invalid JSON: unterminated object");
    QTest::newRow("missing value separator") << QByteArray("{\n\t\"locations\": [\"a\" \"b\"]\n}") << 2 << 20
                                             << QStringLiteral("invalid JSON: missing value separator");
    QTest::newRow("garbage at the end") << QByteArray("{\"name\": \"x\"}\n\n  x") << 3 << 3
                                        << QStringLiteral("invalid JSON: garbage at the end of the document");
    QTest::newRow("empty file") << QByteArray() << 1 << 1 << QStringLiteral("invalid JSON: illegal value");
}

void TstWorkspace::syntaxError()
{
    QFETCH(QByteArray, json);
    QFETCH(int, line);
    QFETCH(int, column);
    QFETCH(QString, message);

    const WorkspaceLoadResult result = parse(json);
    QCOMPARE(result.diagnostics.size(), 1);
    const Diagnostic &d = result.diagnostics[0];
    QCOMPARE(d.severity, Diagnostic::Severity::Error);
    QCOMPARE(d.location.file, QStringLiteral("workspace.json"));
    QVERIFY(d.location.jsonPath.isEmpty());
    QCOMPARE(d.message, message);
    QCOMPARE(d.location.line, line);
    QCOMPARE(d.location.column, column);
}

void TstWorkspace::envResolution_data()
{
    QTest::addColumn<QString>("raw");
    QTest::addColumn<QString>("resolved");

    QTest::newRow("plain") << QStringLiteral("h:6379") << QStringLiteral("h:6379");
    QTest::newRow("one variable") << QStringLiteral("h,password=${REDIS_PASSWORD}")
                                  << QStringLiteral("h,password=s3cr3t-PW");
    QTest::newRow("two variables") << QStringLiteral("${REDIS_HOST}:1,password=${REDIS_PASSWORD}")
                                   << QStringLiteral("cache.internal:1,password=s3cr3t-PW");
    QTest::newRow("whole value") << QStringLiteral("${TOKEN}") << QStringLiteral("tok-123");
    QTest::newRow("empty variable") << QStringLiteral("h${EMPTY}") << QStringLiteral("h");
    QTest::newRow("escaped") << QStringLiteral("p=$${REDIS_PASSWORD}")
                             << QStringLiteral("p=${REDIS_PASSWORD}");
    QTest::newRow("escaped then variable")
        << QStringLiteral("$${A}${TOKEN}") << QStringLiteral("${A}tok-123");
    QTest::newRow("lone dollars") << QStringLiteral("a$b$$c$") << QStringLiteral("a$b$$c$");
    QTest::newRow("dollar before variable") << QStringLiteral("$${TOKEN}$") << QStringLiteral("${TOKEN}$");
    QTest::newRow("braces without dollar") << QStringLiteral("{TOKEN}") << QStringLiteral("{TOKEN}");
}

void TstWorkspace::envResolution()
{
    QFETCH(QString, raw);
    QFETCH(QString, resolved);

    const QString escaped = QString(raw).replace(QLatin1Char('"'), QLatin1String("\\\""));
    const QByteArray json = QStringLiteral(R"({"name": "t",
        "caches": [{"id": "c", "connectionString": "%1"}],
        "namedValues": {"v": "%1"},
        "subscriptions": [{"id": "s", "scope": "all", "primaryKey": "%1", "secondaryKey": "2nd-%1"}]})")
                                .arg(escaped)
                                .toUtf8();
    const WorkspaceLoadResult result = parse(json);
    QVERIFY2(result.diagnostics.isEmpty(), qPrintable(describe(result.diagnostics)));
    QCOMPARE(result.workspace.caches[0].connectionString, resolved);
    QCOMPARE(result.workspace.namedValues.value(QStringLiteral("v")), resolved);
    QCOMPARE(result.workspace.subscriptions[0].primaryKey, resolved);
    QCOMPARE(result.workspace.subscriptions[0].secondaryKey, QStringLiteral("2nd-") + resolved);
}

void TstWorkspace::unsetVariablesAreNamed()
{
    // Each unset variable is one error naming it, at the field that uses it.
    const QByteArray json =
        doc(R"("caches": [{"id": "c", "connectionString": "${A_HOST}:1,password=${A_PW}${A_HOST}"}])");
    const WorkspaceLoadResult result = parse(json);
    const QString path = QStringLiteral("caches[0].connectionString");
    QCOMPARE(
        triples(result.diagnostics),
        QList<Triple>(
            {{Diagnostic::Severity::Error, path, QStringLiteral("environment variable 'A_HOST' is not set")},
             {Diagnostic::Severity::Error, path, QStringLiteral("environment variable 'A_PW' is not set")}}));

    // The real process environment is the default lookup.
    const QByteArray name = "SLUICE_TST_WORKSPACE_VAR";
    qputenv(name.constData(), "from-process");
    const WorkspaceLoadResult fromProcess = WorkspaceLoader().parse(
        doc(R"("namedValues": {"v": "${SLUICE_TST_WORKSPACE_VAR}"})"), QStringLiteral("/ws"));
    qunsetenv(name.constData());
    QVERIFY2(fromProcess.ok(), qPrintable(describe(fromProcess.diagnostics)));
    QCOMPARE(fromProcess.workspace.namedValues.value(QStringLiteral("v")), QStringLiteral("from-process"));
    const WorkspaceLoadResult unset = WorkspaceLoader().parse(
        doc(R"("namedValues": {"v": "${SLUICE_TST_WORKSPACE_VAR}"})"), QStringLiteral("/ws"));
    QVERIFY(!unset.ok());
}

void TstWorkspace::diagnosticText()
{
    const WorkspaceLoadResult result = parse(doc(R"("apis": [{"id": "a", "operations": [
        {"id": "o", "method": "GET", "urlTemplate": "/x/{id"}]}])"));
    QCOMPARE(result.diagnostics.size(), 1);
    QCOMPARE(result.diagnostics[0].toString(),
             QStringLiteral(
                 "workspace.json: apis[0].operations[0].urlTemplate: error: unbalanced '{' at position 4"));

    const WorkspaceLoadResult syntax = parse(QByteArray("{\n  \"name\": }"));
    QCOMPARE(syntax.diagnostics.size(), 1);
    QVERIFY2(syntax.diagnostics[0].toString().startsWith(QStringLiteral("workspace.json:2:")),
             qPrintable(syntax.diagnostics[0].toString()));
}

QTEST_GUILESS_MAIN(TstWorkspace)
#include "tst_workspace.moc"
