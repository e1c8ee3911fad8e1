#include "expr/ContextObjects.h"
#include "expr/EvaluationContext.h"
#include "expr/ExpressionCompiler.h"
#include "expr/TestHost.h"

#include <QTest>

using namespace sluice;

// Evaluates policy expressions against a TestHost: the examples of issue 3
// (APIM documentation), C# semantics, casts and runtime errors.

namespace {

QString jwtFor(const QString &payloadJson)
{
    const QByteArray header = QByteArrayLiteral("{\"alg\":\"HS256\",\"typ\":\"JWT\"}");
    const auto enc = QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals;
    return QString::fromLatin1(header.toBase64(enc) + '.' + payloadJson.toUtf8().toBase64(enc) + ".c2ln");
}

TestHost makeHost()
{
    TestHost h;
    h.matched.insert(QStringLiteral("id"), QStringLiteral("7"));
    h.requestHeaderList = {
        {QStringLiteral("Authorization"), QStringLiteral("Bearer ") + jwtFor(QStringLiteral(
                                                                           "{\"sub\":\"alice\",\"iss\":\"https://idp\","
                                                                           "\"aud\":[\"a\",\"b\"],\"exp\":1700000000}"))},
        {QStringLiteral("Accept"), QStringLiteral("text/html")},
        {QStringLiteral("Accept"), QStringLiteral("application/json")},
    };
    h.responseHeaderList = {{QStringLiteral("Cache-Control"), QStringLiteral("public, max-age=42")}};
    h.requestBody = QByteArrayLiteral("{\"name\":\"widget\",\"price\":12.5,\"tags\":[\"a\",\"b\"],\"count\":3}");
    h.variables.insert(QStringLiteral("preferences"), Value::fromString(QStringLiteral("none")));
    h.variables.insert(QStringLiteral("enduserid"), Value::fromString(QStringLiteral("42")));
    h.variables.insert(QStringLiteral("clientversion"), Value::fromString(QStringLiteral("v2")));
    h.variables.insert(QStringLiteral("count"), Value::fromInt(5));
    h.variables.insert(QStringLiteral("prefsResponse"),
                       Value::fromObject(std::make_shared<ResponseSnapshot>(
                           200, QStringLiteral("OK"), HeaderList{{QStringLiteral("Content-Type"), QStringLiteral("text/plain")}},
                           QByteArrayLiteral("dark-mode"))));
    h.fields.insert(HostField::ApiServiceUrl, QStringLiteral("https://backend.example.com/"));
    h.fields.insert(HostField::SubscriptionKey, QStringLiteral("k-123"));
    h.fields.insert(HostField::DeploymentRegion, QStringLiteral("West Europe"));
    return h;
}

QString describe(const Value &v)
{
    switch (v.kind()) {
    case Value::Kind::Null: return QStringLiteral("null");
    case Value::Kind::Bool: return QStringLiteral("bool:") + v.toString();
    case Value::Kind::Char: return QStringLiteral("char:") + v.toString();
    case Value::Kind::Int: return QStringLiteral("int:") + v.toString();
    case Value::Kind::Long: return QStringLiteral("long:") + v.toString();
    case Value::Kind::Double: return QStringLiteral("double:") + v.toString();
    case Value::Kind::String: return QStringLiteral("string:") + v.toString();
    default: return QStringLiteral("object:") + v.toString();
    }
}

} // namespace

class TestExprEval : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void evaluate_data();
    void evaluate();
    void cacheControlWithoutHeader();
    void runtimeErrors_data();
    void runtimeErrors();
    void budget();
    void concurrentEvaluation();
};

void TestExprEval::evaluate_data()
{
    QTest::addColumn<QString>("source");
    QTest::addColumn<QString>("expected");

    // the examples
    QTest::newRow("product key") << QStringLiteral("@(\"product-\" + context.Request.MatchedParameters[\"id\"])")
                                 << QStringLiteral("string:product-7");
    QTest::newRow("not contains") << QStringLiteral("@(!context.Variables.ContainsKey(\"product\"))")
                                  << QStringLiteral("bool:True");
    QTest::newRow("preferences") << QStringLiteral("@(context.Variables[\"preferences\"].ToString() == \"none\")")
                                 << QStringLiteral("bool:True");
    QTest::newRow("stored response")
        << QStringLiteral("@(((IResponse)context.Variables[\"prefsResponse\"]).Body.As<string>())")
        << QStringLiteral("string:dark-mode");
    QTest::newRow("jwt subject") << QStringLiteral("@(context.Request.Headers.GetValueOrDefault(\"Authorization\",\"\")"
                                                   ".Split(' ')[1].AsJwt()?.Subject)")
                                 << QStringLiteral("string:alice");
    // enum values print their names, as .NET does
    QTest::newRow("enum ToString") << QStringLiteral("@(JObject.Parse(\"{}\").Type.ToString())")
                                   << QStringLiteral("string:Object");
    QTest::newRow("enum constant ToString") << QStringLiteral("@(StringComparison.OrdinalIgnoreCase.ToString())")
                                            << QStringLiteral("string:OrdinalIgnoreCase");
    QTest::newRow("uri combine")
        << QStringLiteral("@(new Uri(new Uri(\"https://apimairlineapi.azurewebsites.net/UserProfile/\"), "
                          "(string)context.Variables[\"enduserid\"]).AbsoluteUri)")
        << QStringLiteral("string:https://apimairlineapi.azurewebsites.net/UserProfile/42");
    QTest::newRow("service url") << QStringLiteral("@(context.Api.ServiceUrl.ToString() + \"api/\" + "
                                                   "(string)context.Variables[\"clientversion\"] + \"/\")")
                                 << QStringLiteral("string:https://backend.example.com/api/v2/");
    QTest::newRow("cache-control") << QStringLiteral(
        "@{\n    var header = context.Response.Headers.GetValueOrDefault(\"Cache-Control\",\"\");\n"
        "    var maxAge = Regex.Match(header, @\"max-age=(?<maxAge>\\d+)\").Groups[\"maxAge\"]?.Value;\n"
        "    return (!string.IsNullOrEmpty(maxAge))?int.Parse(maxAge):300;\n}")
                                   << QStringLiteral("int:42");

    // C# semantics
    QTest::newRow("string + null") << QStringLiteral("@(\"a\" + null)") << QStringLiteral("string:a");
    QTest::newRow("string + int") << QStringLiteral("@(\"a\" + 1 + 2)") << QStringLiteral("string:a12");
    QTest::newRow("int + int + string") << QStringLiteral("@(1 + 2 + \"a\")") << QStringLiteral("string:3a");
    QTest::newRow("int division") << QStringLiteral("@(7 / 2)") << QStringLiteral("int:3");
    QTest::newRow("negative division") << QStringLiteral("@(-7 / 2)") << QStringLiteral("int:-3");
    QTest::newRow("modulo") << QStringLiteral("@(-7 % 3)") << QStringLiteral("int:-1");
    QTest::newRow("double division") << QStringLiteral("@(7 / 2.0)") << QStringLiteral("double:3.5");
    QTest::newRow("overflow wraps") << QStringLiteral("@(int.MaxValue + 1)") << QStringLiteral("int:-2147483648");
    QTest::newRow("long") << QStringLiteral("@(2147483647L + 1)") << QStringLiteral("long:2147483648");
    QTest::newRow("bool ToString") << QStringLiteral("@(true.ToString())") << QStringLiteral("string:True");
    QTest::newRow("bool concat") << QStringLiteral("@(\"x\" + false)") << QStringLiteral("string:xFalse");
    QTest::newRow("double format") << QStringLiteral("@((1e20).ToString())") << QStringLiteral("string:1E+20");
    QTest::newRow("double format small") << QStringLiteral("@(0.1 + 0.2)") << QStringLiteral("double:0.30000000000000004");
    QTest::newRow("string equality") << QStringLiteral("@(\"ab\" == \"a\" + \"b\")") << QStringLiteral("bool:True");
    QTest::newRow("null == null") << QStringLiteral("@(null == null)") << QStringLiteral("bool:True");
    QTest::newRow("coalesce") << QStringLiteral("@(context.Request.Headers.GetValueOrDefault(\"X-None\") ?? \"dflt\")")
                              << QStringLiteral("string:dflt");
    QTest::newRow("null-conditional chain")
        << QStringLiteral("@(context.Request.Headers.GetValueOrDefault(\"X-None\")?.ToUpper()?.Length)")
        << QStringLiteral("null");
    QTest::newRow("header join") << QStringLiteral("@(context.Request.Headers.GetValueOrDefault(\"accept\"))")
                                 << QStringLiteral("string:text/html,application/json");
    QTest::newRow("header array") << QStringLiteral("@(context.Request.Headers[\"Accept\"].Length)")
                                  << QStringLiteral("int:2");
    QTest::newRow("conditional") << QStringLiteral("@(context.Response.StatusCode == 200 ? \"ok\" : \"bad\")")
                                 << QStringLiteral("string:ok");
    QTest::newRow("interpolated") << QStringLiteral("@($\"{context.Request.Method} {1 + 1:D3} {{x}}\")")
                                  << QStringLiteral("string:GET 002 {x}");
    QTest::newRow("verbatim") << QStringLiteral("@(@\"a\\b\"\"c\")") << QStringLiteral("string:a\\b\"c");
    QTest::newRow("escapes") << QStringLiteral("@(\"a\\tb\\u0041\")") << QStringLiteral("string:a\tbA");
    QTest::newRow("char") << QStringLiteral("@('x')") << QStringLiteral("char:x");
    QTest::newRow("unbox int") << QStringLiteral("@((int)context.Variables[\"count\"] * 2)") << QStringLiteral("int:10");
    QTest::newRow("is") << QStringLiteral("@(context.Variables[\"count\"] is int)") << QStringLiteral("bool:True");
    QTest::newRow("as") << QStringLiteral("@(context.Variables[\"count\"] as string)") << QStringLiteral("null");
    QTest::newRow("generic variable") << QStringLiteral("@(context.Variables.GetValueOrDefault<string>(\"preferences\"))")
                                      << QStringLiteral("string:none");
    QTest::newRow("generic default") << QStringLiteral("@(context.Variables.GetValueOrDefault<int>(\"nope\", 9))")
                                     << QStringLiteral("int:9");
    QTest::newRow("string members") << QStringLiteral("@(\"  Hello World \".Trim().ToLower().Replace(\"world\", \"x\")"
                                                      ".PadLeft(8, '*').Substring(1))")
                                    << QStringLiteral("string:hello x");
    QTest::newRow("split options") << QStringLiteral("@(\"a,,b\".Split(new[] {','}, StringSplitOptions.RemoveEmptyEntries).Length)")
                                   << QStringLiteral("int:2");
    QTest::newRow("string.Join") << QStringLiteral("@(string.Join(\"-\", new[] {\"a\", \"b\", \"c\"}))")
                                 << QStringLiteral("string:a-b-c");
    QTest::newRow("string.Format") << QStringLiteral("@(string.Format(\"{0}:{1,3}:{2:F1}\", \"a\", 7, 2.25))")
                                   << QStringLiteral("string:a:  7:2.3");
    QTest::newRow("Equals ignore case") << QStringLiteral("@(\"ABC\".Equals(\"abc\", StringComparison.OrdinalIgnoreCase))")
                                        << QStringLiteral("bool:True");
    QTest::newRow("linq") << QStringLiteral("@(new[] {3, 1, 2}.Where(x => x > 1).OrderBy(x => x).Select(x => x * 10)"
                                            ".Sum())")
                          << QStringLiteral("int:50");
    QTest::newRow("linq strings") << QStringLiteral("@(new[] {\"b\", \"a\"}.OrderBy(s => s).First())")
                                  << QStringLiteral("string:a");
    QTest::newRow("any headers") << QStringLiteral("@(context.Request.Headers.Any(h => h.Key == \"Accept\"))")
                                 << QStringLiteral("bool:True");
    QTest::newRow("json body") << QStringLiteral("@(context.Request.Body.As<JObject>(preserveContent: true)[\"name\"]"
                                                 ".ToString())")
                               << QStringLiteral("string:widget");
    QTest::newRow("json value") << QStringLiteral("@((double)context.Request.Body.As<JObject>()[\"price\"] * 2)")
                                << QStringLiteral("double:25");
    QTest::newRow("json Value<T>") << QStringLiteral("@(context.Request.Body.As<JObject>().Value<int>(\"count\"))")
                                   << QStringLiteral("int:3");
    QTest::newRow("json build") << QStringLiteral("@(new JObject(new JProperty(\"a\", 1), new JProperty(\"b\", \"x\"))"
                                                  ".ToString(Newtonsoft.Json.Formatting.None))")
                                << QStringLiteral("string:{\"a\":1,\"b\":\"x\"}");
    QTest::newRow("json indented") << QStringLiteral("@(JObject.Parse(\"{\\\"a\\\":[1,2]}\").ToString())")
                                   << QStringLiteral("string:{\n  \"a\": [\n    1,\n    2\n  ]\n}");
    QTest::newRow("jwt claims") << QStringLiteral("@(context.Request.Headers.GetValueOrDefault(\"Authorization\")"
                                                  ".AsJwt().Claims.GetValueOrDefault(\"aud\", \"\"))")
                                << QStringLiteral("string:a,b");
    QTest::newRow("try parse jwt") << QStringLiteral("@{ Jwt jwt; if (\"nope\".TryParseJwt(out jwt)) { return 1; } "
                                                     "return 2; }")
                                   << QStringLiteral("int:2");
    QTest::newRow("int.TryParse out var") << QStringLiteral("@{ if (int.TryParse(\"12\", out var n)) { return n + 1; } "
                                                            "return 0; }")
                                          << QStringLiteral("int:13");
    QTest::newRow("loops") << QStringLiteral("@{ var s = 0; for (var i = 0; i < 5; i++) { if (i == 3) continue; s += i; }"
                                             " foreach (var c in \"ab\") { s += c; } while (s > 200) s--; return s; }")
                           << QStringLiteral("int:200");
    QTest::newRow("try catch") << QStringLiteral("@{ try { return int.Parse(\"x\"); } catch (Exception ex) "
                                                 "{ return ex.Message; } }")
                               << QStringLiteral("string:Input string was not in a correct format.");
    QTest::newRow("switch") << QStringLiteral("@{ switch (\"b\") { case \"a\": return 1; case \"b\": return 2; "
                                              "default: return 3; } }")
                            << QStringLiteral("int:2");
    QTest::newRow("list") << QStringLiteral("@{ var l = new List<string> { \"x\" }; l.Add(\"y\"); return l.Count + "
                                            "l[1]; }")
                          << QStringLiteral("string:2y");
    QTest::newRow("base64") << QStringLiteral("@(Encoding.UTF8.GetString(Convert.FromBase64String("
                                              "Convert.ToBase64String(Encoding.UTF8.GetBytes(\"hé\")))))")
                            << QStringLiteral("string:hé");
    QTest::newRow("hmac") << QStringLiteral("@(Convert.ToBase64String(new System.Security.Cryptography.HMACSHA256("
                                            "Encoding.UTF8.GetBytes(\"key\")).ComputeHash(Encoding.UTF8.GetBytes(\"msg\"))))")
                          << QStringLiteral("string:LZPLwb4We8sWN6SiPL/wGnh48MUO6DOVTqUiG7G4xig=");
    QTest::newRow("url encode") << QStringLiteral("@(System.Net.WebUtility.UrlEncode(\"a b&c\"))")
                                << QStringLiteral("string:a+b%26c");
    QTest::newRow("regex qualified") << QStringLiteral("@(System.Text.RegularExpressions.Regex.IsMatch(\"abc\", \"^a\"))")
                                     << QStringLiteral("bool:True");
    QTest::newRow("regex group number") << QStringLiteral("@(Regex.Match(\"id=42\", @\"id=(\\d+)\").Groups[1].Value)")
                                        << QStringLiteral("string:42");
    QTest::newRow("timestamp") << QStringLiteral("@(context.Timestamp.ToString(\"yyyy-MM-dd\"))")
                               << QStringLiteral("string:2024-01-02");
    QTest::newRow("elapsed") << QStringLiteral("@(context.Elapsed.TotalSeconds)") << QStringLiteral("double:1.5");
    QTest::newRow("url parts") << QStringLiteral("@(context.Request.Url.Host + context.Request.Url.Path + "
                                                 "context.Request.Url.QueryString)")
                               << QStringLiteral("string:api.example.com/products/7?x=1");
    QTest::newRow("query") << QStringLiteral("@(context.Request.Url.Query.GetValueOrDefault(\"x\", \"\"))")
                           << QStringLiteral("string:1");
    QTest::newRow("deployment") << QStringLiteral("@(context.Deployment.Region)") << QStringLiteral("string:West Europe");
    QTest::newRow("subscription") << QStringLiteral("@(context.Subscription?.Key)") << QStringLiteral("string:k-123");
    QTest::newRow("math") << QStringLiteral("@(Math.Max(3, Math.Abs(-5)) + (int)Math.Round(2.5))") << QStringLiteral("int:7");
    QTest::newRow("compound string") << QStringLiteral("@{ string s = \"a\"; s += 1; s += null; return s; }")
                                     << QStringLiteral("string:a1");
    QTest::newRow("nested blocks") << QStringLiteral("@{ var x = 1; { var y = 2; x += y; } return x; }")
                                   << QStringLiteral("int:3");
}

void TestExprEval::evaluate()
{
    QFETCH(QString, source);
    QFETCH(QString, expected);
    const CompileResult compiled = ExpressionCompiler::compile(source, {QStringLiteral("policy.xml"), 1, 1, {}});
    QVERIFY2(compiled.ok(), qPrintable(compiled.diagnostics.isEmpty() ? QString() : compiled.diagnostics.first().toString()));
    TestHost host = makeHost();
    EvaluationContext ctx(host);
    const EvaluationResult r = compiled.expression->evaluate(ctx);
    QVERIFY2(r.ok(), qPrintable(r.error));
    QCOMPARE(describe(r.value), expected);
}

void TestExprEval::cacheControlWithoutHeader()
{
    const QString source = QStringLiteral(
        "@{\n    var header = context.Response.Headers.GetValueOrDefault(\"Cache-Control\",\"\");\n"
        "    var maxAge = Regex.Match(header, @\"max-age=(?<maxAge>\\d+)\").Groups[\"maxAge\"]?.Value;\n"
        "    return (!string.IsNullOrEmpty(maxAge))?int.Parse(maxAge):300;\n}");
    const CompileResult compiled = ExpressionCompiler::compile(source, {});
    QVERIFY(compiled.ok());
    TestHost host = makeHost();
    host.responseHeaderList.clear();
    EvaluationContext ctx(host);
    const EvaluationResult r = compiled.expression->evaluate(ctx);
    QVERIFY2(r.ok(), qPrintable(r.error));
    QCOMPARE(describe(r.value), QStringLiteral("int:300"));
}

void TestExprEval::runtimeErrors_data()
{
    QTest::addColumn<QString>("source");
    QTest::addColumn<QString>("error");
    QTest::newRow("invalid cast") << QStringLiteral("@((IResponse)context.Variables[\"preferences\"])")
                                  << QStringLiteral("InvalidCastException: Unable to cast object of type 'string' to type "
                                                    "'IResponse'.");
    QTest::newRow("unbox wrong type") << QStringLiteral("@((int)context.Variables[\"preferences\"])")
                                      << QStringLiteral("InvalidCastException: Unable to cast object of type 'string' to "
                                                        "type 'int'.");
    QTest::newRow("missing variable") << QStringLiteral("@(context.Variables[\"nope\"])")
                                      << QStringLiteral("KeyNotFoundException: The given key 'nope' was not present in the "
                                                        "dictionary.");
    QTest::newRow("null reference") << QStringLiteral("@(context.Request.Headers.GetValueOrDefault(\"X-None\").Length)")
                                    << QStringLiteral("NullReferenceException: Object reference not set to an instance of "
                                                      "an object.");
    QTest::newRow("divide by zero") << QStringLiteral("@{ var z = 0; return 1 / z; }")
                                    << QStringLiteral("DivideByZeroException: Attempted to divide by zero.");
    QTest::newRow("int.Parse") << QStringLiteral("@(int.Parse(\"abc\"))")
                               << QStringLiteral("FormatException: Input string was not in a correct format.");
    QTest::newRow("index") << QStringLiteral("@(\"a b\".Split(' ')[5])")
                           << QStringLiteral("IndexOutOfRangeException: Index was outside the bounds of the array.");
    QTest::newRow("throw") << QStringLiteral("@{ throw new Exception(\"boom\"); }") << QStringLiteral("Exception: boom");
}

void TestExprEval::runtimeErrors()
{
    QFETCH(QString, source);
    QFETCH(QString, error);
    const CompileResult compiled = ExpressionCompiler::compile(source, {});
    QVERIFY2(compiled.ok(), qPrintable(compiled.diagnostics.isEmpty() ? QString() : compiled.diagnostics.first().toString()));
    TestHost host = makeHost();
    EvaluationContext ctx(host);
    const EvaluationResult r = compiled.expression->evaluate(ctx);
    QVERIFY(!r.ok());
    QCOMPARE(r.error, error);
}

void TestExprEval::budget()
{
    const CompileResult compiled =
        ExpressionCompiler::compile(QStringLiteral("@{ var i = 0; while (true) { try { i++; } catch (Exception) {} } "
                                                   "return i; }"),
                                    {});
    QVERIFY(compiled.ok());
    TestHost host = makeHost();
    EvaluationContext ctx(host, 1000);
    const EvaluationResult r = compiled.expression->evaluate(ctx);
    QVERIFY(!r.ok());
    QVERIFY2(r.error.startsWith(QStringLiteral("StepBudgetExceeded: the expression exceeded its budget of 1000 steps")),
             qPrintable(r.error));
}

void TestExprEval::concurrentEvaluation()
{
    const CompileResult compiled =
        ExpressionCompiler::compile(QStringLiteral("@(\"product-\" + context.Request.MatchedParameters[\"id\"])"), {});
    QVERIFY(compiled.ok());
    std::atomic<int> good{0};
    std::vector<std::thread> threads;
    for (int t = 0; t < 4; ++t) {
        threads.emplace_back([&, t] {
            TestHost host = makeHost();
            host.matched.insert(QStringLiteral("id"), QString::number(t));
            EvaluationContext ctx(host);
            for (int i = 0; i < 2000; ++i) {
                if (compiled.expression->evaluate(ctx).value.toString() == QStringLiteral("product-") + QString::number(t))
                    ++good;
            }
        });
    }
    for (auto &th : threads)
        th.join();
    QCOMPARE(good.load(), 8000);
}

QTEST_GUILESS_MAIN(TestExprEval)
#include "tst_expr_eval.moc"
