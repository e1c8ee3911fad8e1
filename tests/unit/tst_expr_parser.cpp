#include "expr/ExpressionCompiler.h"

#include <QTest>

using namespace sluice;

// Syntax: what parses, and exact file:line:col of syntax errors inside a
// multi-line policy file (the '@' of the expression at 10:20).

class TestExprParser : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void parses_data();
    void parses();
    void syntaxErrors_data();
    void syntaxErrors();
};

void TestExprParser::parses_data()
{
    QTest::addColumn<QString>("source");
    QTest::newRow("generic call") << QStringLiteral("@(context.Request.Body.As<JObject>(preserveContent: true))");
    QTest::newRow("less-than is not generic") << QStringLiteral("@(context.Response.StatusCode < 300 && 1 > 0)");
    QTest::newRow("cast vs parenthesis") << QStringLiteral("@((context.Response.StatusCode) - 1)");
    QTest::newRow("cast") << QStringLiteral("@((string)context.Variables[\"x\"])");
    QTest::newRow("lambda") << QStringLiteral("@(new[] {1, 2}.Any(x => x > 1))");
    QTest::newRow("parenthesized lambda") << QStringLiteral("@(new[] {1, 2}.Select((x, i) => x + i).Sum())");
    QTest::newRow("null-conditional index") << QStringLiteral("@(context.Request.Headers.GetValueOrDefault(\"a\")?.Split(',')?[0])");
    QTest::newRow("interpolated nested") << QStringLiteral("@($\"a{(1 > 0 ? \"x\" : \"y\")}b{new[] {1}.Length,3}\")");
    QTest::newRow("verbatim interpolated") << QStringLiteral("@($@\"c:\\{1}\" + @$\"{2}\")");
    QTest::newRow("comments") << QStringLiteral("@{ // line\n /* block */ return 1; }");
    QTest::newRow("statements") << QStringLiteral("@{ int a = 1, b = 2; a += b; a++; --b; if (a > b) { return a; } else "
                                                  "return b; }");
    QTest::newRow("shift") << QStringLiteral("@(1 << 4 >> 2)");
    QTest::newRow("nested generic") << QStringLiteral("@{ var d = new Dictionary<string, List<int>>(); return d.Count; }");
    QTest::newRow("array creation") << QStringLiteral("@{ var a = new string[] {\"a\"}; var b = new int[3]; return a.Length + "
                                                      "b.Length; }");
    QTest::newRow("fully qualified") << QStringLiteral("@(Newtonsoft.Json.Linq.JObject.Parse(\"{}\").Count)");
    QTest::newRow("local function") << QStringLiteral("@{ int Twice(int x) { return x * 2; } return Twice(2); }");
    QTest::newRow("using") << QStringLiteral("@{ using (var sha = SHA256.Create()) { return sha.ComputeHash(new byte[] "
                                             "{1}).Length; } }");
}

void TestExprParser::parses()
{
    QFETCH(QString, source);
    const CompileResult r = ExpressionCompiler::compile(source, {QStringLiteral("p.xml"), 1, 1, {}});
    QVERIFY2(r.ok(), qPrintable(r.diagnostics.isEmpty() ? QString() : r.diagnostics.first().toString()));
}

void TestExprParser::syntaxErrors_data()
{
    QTest::addColumn<QString>("source");
    QTest::addColumn<QString>("diagnostic");
    QTest::newRow("missing paren") << QStringLiteral("@(1 + )")
                                   << QStringLiteral("policy.xml:10:26: error: unexpected ')'");
    QTest::newRow("second line") << QStringLiteral("@{\n    var x = 1 +* 2;\n    return x;\n}")
                                 << QStringLiteral("policy.xml:11:16: error: unexpected '*'");
    QTest::newRow("third line semicolon") << QStringLiteral("@{\n  var x = 1;\n  return x\n}")
                                          << QStringLiteral("policy.xml:13:1: error: unexpected '}', expected ';'");
    QTest::newRow("unterminated string") << QStringLiteral("@{\n  return \"abc;\n}")
                                         << QStringLiteral("policy.xml:11:10: error: unterminated string literal");
    QTest::newRow("bad escape") << QStringLiteral("@(\"a\\qb\")")
                                << QStringLiteral("policy.xml:10:24: error: invalid escape sequence '\\q'");
    QTest::newRow("char literal") << QStringLiteral("@('ab')")
                                  << QStringLiteral("policy.xml:10:22: error: character literal must hold exactly one character");
    QTest::newRow("unexpected char") << QStringLiteral("@(1 # 2)")
                                     << QStringLiteral("policy.xml:10:24: error: unexpected character '#'");
    QTest::newRow("trailing text") << QStringLiteral("@(1) 2")
                                   << QStringLiteral("policy.xml:10:25: error: unexpected text after the end of the policy "
                                                     "expression");
    QTest::newRow("missing brace") << QStringLiteral("@{ return 1;")
                                   << QStringLiteral("policy.xml:10:32: error: expected '}'");
    QTest::newRow("hole") << QStringLiteral("@($\"a{1 +}\")")
                          << QStringLiteral("policy.xml:10:29: error: unexpected end of expression");
    QTest::newRow("no return") << QStringLiteral("@{ var x = 1; }")
                               << QStringLiteral("policy.xml:10:21: error: not all code paths return a value: the block "
                                                 "needs a 'return'");
    QTest::newRow("nested too deeply") << QStringLiteral("@(") + QString(200, QLatin1Char('(')) + QStringLiteral("1")
                                              + QString(200, QLatin1Char(')')) + QStringLiteral(")")
                                       << QStringLiteral("policy.xml:10:86: error: the expression is nested too deeply");
    QTest::newRow("long chain too deep") << QStringLiteral("@(1") + QStringLiteral("+1").repeated(500) + QStringLiteral(")")
                                         << QStringLiteral("policy.xml:10:24: error: the expression is nested too deeply");
    QTest::newRow("statement expression") << QStringLiteral("@{\n  1 + 2;\n  return 0; }")
                                          << QStringLiteral("policy.xml:11:3: error: only assignment, call, increment, "
                                                            "decrement and new object expressions can be used as a "
                                                            "statement");
}

void TestExprParser::syntaxErrors()
{
    QFETCH(QString, source);
    QFETCH(QString, diagnostic);
    const CompileResult r = ExpressionCompiler::compile(source, {QStringLiteral("policy.xml"), 10, 20, {}});
    QVERIFY(!r.ok());
    QCOMPARE(r.diagnostics.size(), 1);
    QCOMPARE(r.diagnostics.first().toString(), diagnostic);
}

QTEST_GUILESS_MAIN(TestExprParser)
#include "tst_expr_parser.moc"
