#include "tst_workspace_support.h"
#include "workspace/UrlTemplateValidator.h"

#include <QTest>

using namespace sluice;
using namespace sluice::workspacetest;

// Validation of workspace.json: every problem with its exact JSON path and
// message, several at once, and no secret in any diagnostic.
class TstWorkspaceValidation : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void reportsProblem_data();
    void reportsProblem();
    void reportsAllProblemsTogether();
    void secretsNeverInDiagnostics_data();
    void secretsNeverInDiagnostics();
    void validUrlTemplates_data();
    void validUrlTemplates();
};

void TstWorkspaceValidation::reportsProblem_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<bool>("isError");
    QTest::addColumn<QString>("jsonPath");
    QTest::addColumn<QString>("message");

    const auto error = [](const char *tag, const QByteArray &json, const char *path, const char *message) {
        QTest::newRow(tag) << json << true << QString::fromUtf8(path) << QString::fromUtf8(message);
    };
    const auto warning = [](const char *tag, const QByteArray &json, const char *path, const char *message) {
        QTest::newRow(tag) << json << false << QString::fromUtf8(path) << QString::fromUtf8(message);
    };

    // top level
    error("top level array", "[]", "", "the top level must be a JSON object");
    error("name missing", "{}", "name", "missing required field");
    error("name number", "{\"name\": 3}", "name", "expected a string, found a number");
    error("name empty", "{\"name\": \"\"}", "name", "must not be empty");
    warning("unknown top-level key", doc("\"colour\": \"blue\""), "colour", "unknown key 'colour'");
    warning("unknown nested key", doc(R"("apis": [{"id": "a", "paht": "x"}])"), "apis[0].paht",
            "unknown key 'paht'");
    warning("odd key is quoted", doc(R"("my key": 1)"), "[\"my key\"]", "unknown key 'my key'");

    // locations
    error("locations not array", doc(R"("locations": "edge")"), "locations",
          "expected an array, found a string");
    error("location number", doc(R"("locations": ["edge", 7])"), "locations[1]",
          "expected a string, found a number");
    error("location empty", doc(R"("locations": [" "])"), "locations[0]", "must not be empty");
    error("location Default", doc(R"("locations": ["Default"])"), "locations[0]",
          "'Default' is implicit and must not be listed");
    error("location duplicate", doc(R"("locations": ["West Europe", "west europe"])"), "locations[1]",
          "duplicate location 'west europe' (first listed at locations[0])");

    // caches
    error("cache without connection string", doc(R"("caches": [{"id": "c"}])"), "caches[0].connectionString",
          "missing required field");
    error("cache empty connection string", doc(R"("caches": [{"id": "c", "connectionString": ""}])"),
          "caches[0].connectionString", "must not be empty");
    error("cache connection string resolves empty",
          doc(R"("caches": [{"id": "c", "connectionString": "${EMPTY}"}])"), "caches[0].connectionString",
          "is empty after resolving environment variables");
    error("cache connection string number", doc(R"("caches": [{"id": "c", "connectionString": 6379}])"),
          "caches[0].connectionString", "expected a string, found a number");
    error("cache unknown location",
          doc(R"("caches": [{"id": "c", "useFrom": "mars", "connectionString": "h"}])"), "caches[0].useFrom",
          "unknown location 'mars': use 'default' or a name listed in 'locations'");
    error("two caches for one location", doc(R"("locations": ["edge"], "caches": [
                {"id": "c1", "useFrom": "edge", "connectionString": "h1"},
                {"id": "c2", "useFrom": "EDGE", "connectionString": "h2"}])"),
          "caches[1].useFrom", "location 'edge' already has a cache ('c1')");
    error("two default caches", doc(R"("caches": [{"id": "c1", "connectionString": "h1"},
                            {"id": "c2", "useFrom": "Default", "connectionString": "h2"}])"),
          "caches[1].useFrom", "location 'default' already has a cache ('c1')");
    error("duplicate cache id",
          doc(R"("locations": ["edge"], "caches": [{"id": "c1", "connectionString": "h1"},
                            {"id": "c1", "useFrom": "edge", "connectionString": "h2"}])"),
          "caches[1].id", "duplicate id 'c1' (first used at caches[0].id)");
    error("cache unset variable", doc(R"("caches": [{"id": "c", "connectionString": "h,password=${NOPE}"}])"),
          "caches[0].connectionString", "environment variable 'NOPE' is not set");
    error("cache unterminated reference",
          doc(R"("caches": [{"id": "c", "connectionString": "h,password=${NOPE"}])"),
          "caches[0].connectionString", "unterminated '${' (write '$${' for a literal '${')");
    error("cache malformed reference", doc(R"("caches": [{"id": "c", "connectionString": "h${1X}"}])"),
          "caches[0].connectionString",
          "invalid environment variable name in '${...}' (use letters, digits and '_'; write '$${' for a "
          "literal '${')");
    error("cache not an object", doc(R"("caches": ["redis://h"])"), "caches[0]",
          "expected an object, found a string");

    // named values
    error("namedValues array", doc(R"("namedValues": [])"), "namedValues",
          "expected an object, found an array");
    error("named value bad name", doc(R"("namedValues": {"bad name": "v"})"), "namedValues[\"bad name\"]",
          "invalid named value name 'bad name': use only letters, digits, '.', '_' and '-'");
    error("named value bool", doc(R"("namedValues": {"flag": true})"), "namedValues.flag",
          "expected a string, found a boolean");
    error("named value unset variable", doc(R"("namedValues": {"token": "Bearer ${NOPE}"})"),
          "namedValues.token", "environment variable 'NOPE' is not set");
    {
        const QByteArray longName(257, 'n');
        error("named value name too long", doc("\"namedValues\": {\"" + longName + "\": \"v\"}"),
              qPrintable(QStringLiteral("namedValues.") + QString::fromLatin1(longName)),
              "named value name is longer than 256 characters");
    }

    // users and groups
    error("user unknown group", doc(R"("users": [{"id": "u", "groups": ["guests", "ops"]}])"),
          "users[0].groups[1]", "unknown group 'ops'");
    error("user groups string", doc(R"("users": [{"id": "u", "groups": "ops"}])"), "users[0].groups",
          "expected an array, found a string");
    error("user duplicate id", doc(R"("users": [{"id": "u"}, {"id": "v"}, {"id": "u"}])"), "users[2].id",
          "duplicate id 'u' (first used at users[0].id)");
    error("user invalid id", doc(R"("users": [{"id": "a b"}])"), "users[0].id",
          "invalid id 'a b': use only letters, digits, '.', '_' and '-'");
    error("api id of dots", doc(R"("apis": [{"id": ".."}])"), "apis[0].id",
          "invalid id '..': an id cannot consist of dots only");
    error("user missing id", doc(R"("users": [{"email": "x@example.com"}])"), "users[0].id",
          "missing required field");
    error("user empty id", doc(R"("users": [{"id": ""}])"), "users[0].id", "must not be empty");
    error("user not object", doc(R"("users": ["alice"])"), "users[0]", "expected an object, found a string");
    error("group duplicate id", doc(R"("groups": [{"id": "g"}, {"id": "g"}])"), "groups[1].id",
          "duplicate id 'g' (first used at groups[0].id)");
    warning("group listed twice", doc(R"("users": [{"id": "u", "groups": ["guests", "guests"]}])"),
            "users[0].groups[1]", "'guests' is listed twice");

    // products
    error("product unknown API", doc(R"("products": [{"id": "p", "apis": ["nope"]}])"), "products[0].apis[0]",
          "unknown API 'nope'");
    error("product flag string", doc(R"("products": [{"id": "p", "subscriptionRequired": "yes"}])"),
          "products[0].subscriptionRequired", "expected a boolean, found a string");
    error("product duplicate id", doc(R"("products": [{"id": "p"}, {"id": "p"}])"), "products[1].id",
          "duplicate id 'p' (first used at products[0].id)");

    // subscriptions
    error("scope malformed", doc(R"("subscriptions": [{"id": "s", "scope": "everything"}])"),
          "subscriptions[0].scope",
          "malformed scope 'everything': expected 'all', 'product:<id>' or 'api:<id>'");
    error("scope without target", doc(R"("subscriptions": [{"id": "s", "scope": "product:"}])"),
          "subscriptions[0].scope",
          "malformed scope 'product:': expected 'all', 'product:<id>' or 'api:<id>'");
    error("scope unknown product", doc(R"("subscriptions": [{"id": "s", "scope": "product:gold"}])"),
          "subscriptions[0].scope", "unknown product 'gold'");
    error("scope unknown API", doc(R"("subscriptions": [{"id": "s", "scope": "api:orders"}])"),
          "subscriptions[0].scope", "unknown API 'orders'");
    error("scope missing", doc(R"("subscriptions": [{"id": "s"}])"), "subscriptions[0].scope",
          "missing required field");
    error("subscription unknown user",
          doc(R"("subscriptions": [{"id": "s", "scope": "all", "user": "carol"}])"), "subscriptions[0].user",
          "unknown user 'carol'");
    error(
        "subscription bad state", doc(R"("subscriptions": [{"id": "s", "scope": "all", "state": "paused"}])"),
        "subscriptions[0].state",
        "invalid state 'paused': expected one of active, suspended, submitted, rejected, cancelled, expired");
    error("subscription duplicate id",
          doc(R"("subscriptions": [{"id": "s", "scope": "all"}, {"id": "s", "scope": "all"}])"),
          "subscriptions[1].id", "duplicate id 's' (first used at subscriptions[0].id)");
    error("subscriptions share a key",
          doc(R"("subscriptions": [{"id": "s1", "scope": "all", "primaryKey": "k1", "secondaryKey": "k2"},
                                   {"id": "s2", "scope": "all", "primaryKey": "k2"}])"),
          "subscriptions[1].primaryKey", "the same key is already used at subscriptions[0].secondaryKey");
    error("keys shared through env",
          doc(R"("subscriptions": [{"id": "s1", "scope": "all", "primaryKey": "${TOKEN}"},
                                   {"id": "s2", "scope": "all", "primaryKey": "tok-123"}])"),
          "subscriptions[1].primaryKey", "the same key is already used at subscriptions[0].primaryKey");
    error("subscription key unset variable",
          doc(R"("subscriptions": [{"id": "s", "scope": "all", "secondaryKey": "${KEY_2}"}])"),
          "subscriptions[0].secondaryKey", "environment variable 'KEY_2' is not set");

    // apis
    error("apis object", doc(R"("apis": {})"), "apis", "expected an array, found an object");
    error("api duplicate id", doc(R"("apis": [{"id": "a", "path": "x"}, {"id": "a", "path": "y"}])"),
          "apis[1].id", "duplicate id 'a' (first used at apis[0].id)");
    error("api duplicate path",
          doc(R"("apis": [{"id": "a", "path": "echo"}, {"id": "b", "path": "/Echo/"}])"), "apis[1].path",
          "path 'Echo' is already used by API 'a'");
    error("api duplicate empty path", doc(R"("apis": [{"id": "a"}, {"id": "b", "path": "/"}])"),
          "apis[1].path", "the empty path is already used by API 'a'");
    error("api path with query", doc(R"("apis": [{"id": "a", "path": "x?y"}])"), "apis[0].path",
          "'?' is not allowed in a path");
    error("api path with empty segment", doc(R"("apis": [{"id": "a", "path": "x//y"}])"), "apis[0].path",
          "empty path segment ('//')");
    error("api ftp service URL", doc(R"("apis": [{"id": "a", "serviceUrl": "ftp://h/x"}])"),
          "apis[0].serviceUrl", "must be an absolute http:// or https:// URL");
    error("api relative service URL", doc(R"("apis": [{"id": "a", "serviceUrl": "127.0.0.1:8090"}])"),
          "apis[0].serviceUrl", "must be an absolute http:// or https:// URL");
    error("api flag number", doc(R"("apis": [{"id": "a", "subscriptionRequired": 1}])"),
          "apis[0].subscriptionRequired", "expected a boolean, found a number");
    error("operations object", doc(R"("apis": [{"id": "a", "operations": {}}])"), "apis[0].operations",
          "expected an array, found an object");
    error("operation duplicate id",
          doc(R"("apis": [{"id": "a", "operations": [{"id": "o", "method": "GET", "urlTemplate": "/x"},
                                                      {"id": "o", "method": "GET", "urlTemplate": "/y"}]}])"),
          "apis[0].operations[1].id", "duplicate id 'o' (first used at apis[0].operations[0].id)");
    error(
        "operation duplicate route",
        doc(R"("apis": [{"id": "a", "operations": [{"id": "get", "method": "GET", "urlTemplate": "/items/{id}"},
                                                      {"id": "post", "method": "POST", "urlTemplate": "/items/{id}"},
                                                      {"id": "fetch", "method": "GET", "urlTemplate": "/Items/{key}/"}]}])"),
        "apis[0].operations[2]", "duplicates operation 'get': same method and URL template");
    error("operation lower-case method",
          doc(R"("apis": [{"id": "a", "operations": [{"id": "o", "method": "get", "urlTemplate": "/"}]}])"),
          "apis[0].operations[0].method",
          "invalid method 'get': use an upper-case HTTP method such as GET, or '*'");
    error("operation missing method",
          doc(R"("apis": [{"id": "a", "operations": [{"id": "o", "urlTemplate": "/"}]}])"),
          "apis[0].operations[0].method", "missing required field");
    error("operation missing template",
          doc(R"("apis": [{"id": "a", "operations": [{"id": "o", "method": "GET"}]}])"),
          "apis[0].operations[0].urlTemplate", "missing required field");

    // URL templates
    const struct
    {
        const char *tag;
        const char *urlTemplate;
        const char *message;
    } templates[] = {
        {"template without slash", "items", "must start with '/'"},
        {"template unclosed brace", "/items/{id", "unbalanced '{' at position 8"},
        {"template brace across segments", "/items/{id/x}", "unbalanced '{' at position 8"},
        {"template nested brace", "/{a{b}}", "unbalanced '{' at position 2"},
        {"template stray close", "/items/id}", "unbalanced '}' at position 10"},
        {"template empty parameter", "/items/{}", "empty parameter name at position 8"},
        {"template bad parameter", "/items/{1d}", "invalid parameter name '1d'"},
        {"template repeated parameter", "/a/{id}/b/{id}", "duplicate parameter 'id'"},
        {"template inner wildcard", "/*/items", "the '/*' wildcard is only allowed as the last segment"},
        {"template partial wildcard", "/items*", "'*' must be a whole path segment ('/*')"},
        {"template space", "/my items", "whitespace is not allowed (position 4)"},
        {"template fragment", "/items#top", "'#' is not allowed (position 7)"},
        {"template parameter inside a segment", "/files/{name}.json",
         "parameter 'name' must be a whole path segment ('/{name}')"},
        {"template parameter after text", "/files/v{n}",
         "parameter 'n' must be a whole path segment ('/{n}')"},
        {"template catch-all parameter", "/files/{*rest}", "invalid parameter name '*rest'"},
    };
    for (const auto &t : templates) {
        const QByteArray json =
            doc(R"("apis": [{"id": "a", "operations": [{"id": "o", "method": "GET", "urlTemplate": ")")
                .chopped(1)
            + t.urlTemplate + "\"}]}]}";
        error(t.tag, json, "apis[0].operations[0].urlTemplate", t.message);
    }

    // backends
    error("backend missing url", doc(R"("backends": [{"id": "b"}])"), "backends[0].url",
          "missing required field");
    error("backend bad url", doc(R"("backends": [{"id": "b", "url": "not a url"}])"), "backends[0].url",
          "must be an absolute http:// or https:// URL");
    error("backend duplicate id",
          doc(R"("backends": [{"id": "b", "url": "http://h"}, {"id": "b", "url": "http://i"}])"),
          "backends[1].id", "duplicate id 'b' (first used at backends[0].id)");
}

void TstWorkspaceValidation::reportsProblem()
{
    QFETCH(QByteArray, json);
    QFETCH(bool, isError);
    QFETCH(QString, jsonPath);
    QFETCH(QString, message);

    const WorkspaceLoadResult result = parse(json);
    QVERIFY2(result.diagnostics.size() == 1, qPrintable(describe(result.diagnostics)));
    const Diagnostic &d = result.diagnostics[0];
    QCOMPARE(d.location.file, QStringLiteral("workspace.json"));
    QCOMPARE(d.location.jsonPath, jsonPath);
    QCOMPARE(d.message, message);
    QCOMPARE(d.severity, isError ? Diagnostic::Severity::Error : Diagnostic::Severity::Warning);
    QCOMPARE(result.ok(), !isError);
}

void TstWorkspaceValidation::reportsAllProblemsTogether()
{
    const QString dir = QFINDTESTDATA("data/workspace/many-errors");
    QVERIFY(!dir.isEmpty());
    const WorkspaceLoadResult result = WorkspaceLoader(fakeEnv(testEnv())).loadFolder(dir);
    QVERIFY(!result.ok());

    using S = Diagnostic::Severity;
    const auto e = [](const char *path, const char *message) {
        return Triple{S::Error, QString::fromUtf8(path), QString::fromUtf8(message)};
    };
    const QList<Triple> expected = {
        e("name", "expected a string, found a number"),
        e("locations[1]", "'Default' is implicit and must not be listed"),
        e("caches[0].useFrom", "unknown location 'mars': use 'default' or a name listed in 'locations'"),
        e("caches[0].connectionString", "environment variable 'MISSING_VAR' is not set"),
        e("users[0].groups[0]", "unknown group 'ops'"),
        e("products[0].apis[0]", "unknown API 'ghost'"),
        e("subscriptions[0].scope", "unknown product 'nope'"),
        e("subscriptions[0].user", "unknown user 'carol'"),
        e("subscriptions[1].id", "duplicate id 's1' (first used at subscriptions[0].id)"),
        e("subscriptions[1].primaryKey", "the same key is already used at subscriptions[0].primaryKey"),
        e("apis[0].operations[0].urlTemplate", "unbalanced '{' at position 4"),
        e("apis[0].operations[1].method",
          "invalid method 'get': use an upper-case HTTP method such as GET, or '*'"),
        e("apis[1].path", "path 'a' is already used by API 'a'"),
        Triple{S::Warning, QStringLiteral("apis[1].colour"), QStringLiteral("unknown key 'colour'")},
    };
    const QList<Triple> actual = triples(result.diagnostics);
    for (const Triple &t : expected)
        QVERIFY2(actual.contains(t),
                 qPrintable(std::get<1>(t) + QLatin1String(": ") + std::get<2>(t)
                            + QLatin1String("\nnot in:\n") + describe(result.diagnostics)));
    QCOMPARE(actual.size(), expected.size());
}

void TstWorkspaceValidation::secretsNeverInDiagnostics_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<QString>("secret");

    const QString literal = QStringLiteral("TOPSECRET-1234");
    const QString fromEnv = QStringLiteral("ENVSECRET-9876");
    QTest::newRow("shared literal key") << doc(R"("subscriptions": [
        {"id": "s1", "scope": "all", "primaryKey": "TOPSECRET-1234"},
        {"id": "s2", "scope": "all", "secondaryKey": "TOPSECRET-1234"}])")
                                        << literal;
    QTest::newRow("primary equals secondary") << doc(R"("subscriptions": [
        {"id": "s1", "scope": "all", "primaryKey": "TOPSECRET-1234", "secondaryKey": "TOPSECRET-1234"}])")
                                              << literal;
    QTest::newRow("shared key from env") << doc(R"("subscriptions": [
        {"id": "s1", "scope": "all", "primaryKey": "${SECRET_KEY}"},
        {"id": "s2", "scope": "all", "primaryKey": "ENVSECRET-9876"}])")
                                         << fromEnv;
    QTest::newRow("connection string with unset variable")
        << doc(R"("caches": [{"id": "c", "connectionString": "h,password=TOPSECRET-1234,user=${NOPE}"}])")
        << literal;
    QTest::newRow("connection string unterminated")
        << doc(R"("caches": [{"id": "c", "connectionString": "h,password=${TOPSECRET-1234"}])") << literal;
    QTest::newRow("connection string malformed name")
        << doc(R"("caches": [{"id": "c", "connectionString": "h,password=${TOPSECRET-1234}"}])") << literal;
    QTest::newRow("connection string, unknown location")
        << doc(R"("caches": [{"id": "c", "useFrom": "x", "connectionString": "${SECRET_KEY}"}])") << fromEnv;
    QTest::newRow("named value unset variable")
        << doc(R"("namedValues": {"token": "TOPSECRET-1234${NOPE}"})") << literal;
    QTest::newRow("credentials in a bad service URL")
        << doc(R"("apis": [{"id": "a", "serviceUrl": "htp://u:TOPSECRET-1234@h"}])") << literal;
    QTest::newRow("credentials in a bad backend URL")
        << doc(R"("backends": [{"id": "b", "url": "//u:TOPSECRET-1234@h"}])") << literal;
    QTest::newRow("key with wrong neighbours") << doc(R"("subscriptions": [
        {"id": "s 1", "scope": "product:x", "user": "nobody", "primaryKey": "TOPSECRET-1234", "state": "?"},
        {"id": "s2", "scope": "all", "primaryKey": "TOPSECRET-1234"}])")
                                               << literal;
}

void TstWorkspaceValidation::secretsNeverInDiagnostics()
{
    QFETCH(QByteArray, json);
    QFETCH(QString, secret);

    const WorkspaceLoadResult result = parse(json);
    QVERIFY2(!result.ok(), "each row must provoke at least one error");
    for (const Diagnostic &d : result.diagnostics) {
        QVERIFY2(!d.toString().contains(secret), qPrintable(d.toString()));
        QVERIFY(!d.message.contains(secret));
        QVERIFY(!d.location.jsonPath.contains(secret));
    }
}

void TstWorkspaceValidation::validUrlTemplates_data()
{
    QTest::addColumn<QString>("urlTemplate");
    QTest::addColumn<QStringList>("parameters");

    QTest::newRow("root") << QStringLiteral("/") << QStringList();
    QTest::newRow("literal") << QStringLiteral("/items") << QStringList();
    QTest::newRow("trailing slash") << QStringLiteral("/items/") << QStringList();
    QTest::newRow("parameter") << QStringLiteral("/items/{id}") << QStringList({QStringLiteral("id")});
    QTest::newRow("two parameters") << QStringLiteral("/users/{user_id}/orders/{order-id}")
                                    << QStringList({QStringLiteral("user_id"), QStringLiteral("order-id")});
    QTest::newRow("wildcard") << QStringLiteral("/*") << QStringList();
    QTest::newRow("wildcard after parameter")
        << QStringLiteral("/{tenant}/*") << QStringList({QStringLiteral("tenant")});
    QTest::newRow("query ignored") << QStringLiteral("/search?q={q}&{{weird") << QStringList();
}

void TstWorkspaceValidation::validUrlTemplates()
{
    QFETCH(QString, urlTemplate);
    QFETCH(QStringList, parameters);

    const UrlTemplateValidator::Result check = UrlTemplateValidator::check(urlTemplate);
    QVERIFY2(check.ok(), qPrintable(check.error));
    QCOMPARE(check.parameters, parameters);

    const QByteArray json = QStringLiteral(R"({"name": "t", "apis": [{"id": "a", "operations": [
        {"id": "o", "method": "GET", "urlTemplate": "%1"}]}]})")
                                .arg(urlTemplate)
                                .toUtf8();
    const WorkspaceLoadResult result = parse(json);
    QVERIFY2(result.diagnostics.isEmpty(), qPrintable(describe(result.diagnostics)));
    QCOMPARE(result.workspace.apis[0].operations[0].urlTemplate, urlTemplate);
}

QTEST_GUILESS_MAIN(TstWorkspaceValidation)
#include "tst_workspace_validation.moc"
