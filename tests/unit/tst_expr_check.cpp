#include "expr/ExpressionCompiler.h"

#include <QTest>

using namespace sluice;

// Load-time checking: unknown names, members and types, overloads, types of
// operators and conversions, each at its exact position (the '@' at 5:10).

class TestExprCheck : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void errors_data();
    void errors();
    void resultTypes_data();
    void resultTypes();
};

void TestExprCheck::errors_data()
{
    QTest::addColumn<QString>("source");
    QTest::addColumn<QString>("diagnostic");
    QTest::newRow("unknown member") << QStringLiteral("@(context.Request.Foo)")
                                    << QStringLiteral("p.xml:5:28: error: 'IRequest' has no member 'Foo'");
    QTest::newRow("unknown method") << QStringLiteral("@(\"a\".Frobnicate())")
                                    << QStringLiteral("p.xml:5:16: error: 'string' has no member 'Frobnicate'");
    QTest::newRow("unknown name") << QStringLiteral("@{\n  return foo + 1;\n}")
                                  << QStringLiteral("p.xml:6:10: error: the name 'foo' does not exist in the current context");
    QTest::newRow("unknown type") << QStringLiteral("@((Frob)context.Variables[\"x\"])")
                                  << QStringLiteral("p.xml:5:13: error: the type or namespace name 'Frob' could not be found");
    QTest::newRow("unknown qualified type") << QStringLiteral("@(System.Text.Frob.Create())")
                                            << QStringLiteral("p.xml:5:24: error: the type or namespace name 'Frob' does not "
                                                              "exist in the namespace 'System.Text'");
    QTest::newRow("object member needs cast") << QStringLiteral("@(context.Variables[\"x\"].Length)")
                                              << QStringLiteral("p.xml:5:35: error: 'object' has no member 'Length'");
    QTest::newRow("method used as property") << QStringLiteral("@(\"a\".ToUpper)")
                                             << QStringLiteral("p.xml:5:16: error: 'string.ToUpper' is a method: call it with ()");
    QTest::newRow("property called") << QStringLiteral("@(\"a\".Length())")
                                     << QStringLiteral("p.xml:5:16: error: 'string.Length' is not a method and cannot be "
                                                       "called");
    QTest::newRow("overload") << QStringLiteral("@(\"a\".Substring(\"x\"))")
                              << QStringLiteral("p.xml:5:16: error: no overload of 'Substring' takes the arguments (string)");
    QTest::newRow("operator types") << QStringLiteral("@(true + 1)")
                                    << QStringLiteral("p.xml:5:17: error: operator cannot be applied to operands of type "
                                                      "'bool' and 'int'");
    QTest::newRow("condition not bool") << QStringLiteral("@{ if (1) { return 1; } return 2; }")
                                        << QStringLiteral("p.xml:5:17: error: cannot implicitly convert type 'int' to 'bool'");
    QTest::newRow("assign wrong type") << QStringLiteral("@{ int x = \"a\"; return x; }")
                                       << QStringLiteral("p.xml:5:21: error: cannot implicitly convert type 'string' to "
                                                         "'int'");
    QTest::newRow("impossible cast") << QStringLiteral("@((int)\"a\")")
                                     << QStringLiteral("p.xml:5:12: error: cannot convert type 'string' to 'int'");
    QTest::newRow("duplicate local") << QStringLiteral("@{ var a = 1; var a = 2; return a; }")
                                     << QStringLiteral("p.xml:5:28: error: a local variable named 'a' is already defined "
                                                       "in this scope");
    QTest::newRow("var null") << QStringLiteral("@{ var a = null; return a; }")
                              << QStringLiteral("p.xml:5:17: error: cannot assign <null> to an implicitly-typed variable");
    QTest::newRow("lambda result") << QStringLiteral("@(new[] {1}.Where(x => x + 1).Count())")
                                   << QStringLiteral("p.xml:5:28: error: cannot convert lambda expression: its result must "
                                                     "be 'bool', not 'int'");
    QTest::newRow("dictionary called") << QStringLiteral("@(context.Request.MatchedParameters(\"x\"))")
                                       << QStringLiteral("p.xml:5:28: error: 'IRequest.MatchedParameters' is not a method "
                                                         "and cannot be called");
    QTest::newRow("null to value type") << QStringLiteral("@(context.Request.Body.As<string>(preserveContent: null))")
                                        << QStringLiteral("p.xml:5:33: error: no overload of 'As' takes the arguments "
                                                          "(null)");
    QTest::newRow("break outside loop") << QStringLiteral("@{ break; return 1; }")
                                        << QStringLiteral("p.xml:5:13: error: no enclosing loop out of which to break or "
                                                          "continue");
}

void TestExprCheck::errors()
{
    QFETCH(QString, source);
    QFETCH(QString, diagnostic);
    const CompileResult r = ExpressionCompiler::compile(source, {QStringLiteral("p.xml"), 5, 10, {}});
    QVERIFY(!r.ok());
    QCOMPARE(r.diagnostics.size(), 1);
    QCOMPARE(r.diagnostics.first().toString(), diagnostic);
}

void TestExprCheck::resultTypes_data()
{
    QTest::addColumn<QString>("source");
    QTest::addColumn<QString>("type");
    QTest::newRow("string") << QStringLiteral("@(\"a\" + 1)") << QStringLiteral("string");
    QTest::newRow("bool") << QStringLiteral("@(context.Variables.ContainsKey(\"a\"))") << QStringLiteral("bool");
    QTest::newRow("object") << QStringLiteral("@(context.Variables[\"a\"])") << QStringLiteral("object");
    QTest::newRow("block int") << QStringLiteral("@{ return 1; }") << QStringLiteral("int");
    QTest::newRow("block mixed") << QStringLiteral("@{ if (true) return 1; return \"a\"; }") << QStringLiteral("object");
    QTest::newRow("var infers") << QStringLiteral("@{ var j = JObject.Parse(\"{}\"); return j; }") << QStringLiteral("JObject");
    QTest::newRow("linq") << QStringLiteral("@(new[] {\"a\"}.Select(s => s.Length).ToArray())") << QStringLiteral("int[]");
    QTest::newRow("as generic") << QStringLiteral("@(context.Request.Body.As<JArray>())") << QStringLiteral("JArray");
}

void TestExprCheck::resultTypes()
{
    QFETCH(QString, source);
    QFETCH(QString, type);
    const CompileResult r = ExpressionCompiler::compile(source, {});
    QVERIFY2(r.ok(), qPrintable(r.diagnostics.isEmpty() ? QString() : r.diagnostics.first().toString()));
    QCOMPARE(r.expression->resultTypeName(), type);
}

QTEST_GUILESS_MAIN(TestExprCheck)
#include "tst_expr_check.moc"
