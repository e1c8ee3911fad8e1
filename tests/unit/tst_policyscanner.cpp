#include "policy/PolicyExpressionScanner.h"

#include <QTest>

using namespace sluice;

// The scanner decides where a policy expression ends. Inputs are written with
// a trailing "|tail" the scanner must not eat; `expected` is the expression.
class TestPolicyScanner : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void expressionEnd_data();
    void expressionEnd();
    void expressionErrors_data();
    void expressionErrors();
    void documentScan_data();
    void documentScan();
    void documentErrors_data();
    void documentErrors();
    void decodedText();
    void deepNestingDoesNotCrash();
};

void TestPolicyScanner::expressionEnd_data()
{
    QTest::addColumn<QString>("source");
    QTest::addColumn<QString>("expected");

    const auto row = [](const char *name, const char *expression, const char *tail = " |tail") {
        QTest::newRow(name) << QString::fromUtf8(expression) + QString::fromUtf8(tail) << QString::fromUtf8(expression);
    };
    row("simple", "@(context.Request.Method)");
    row("block", "@{ return 1; }");
    row("nested parens", "@(a(b(c)) + (d))");
    row("nested brackets", "@(x[\"a\"][0])");
    row("braces in parens", "@(new [] { 1, 2 }.Length)");
    row("block with nested braces", "@{ if (a) { b(); } else { c(); } return d; }");
    row("string with closer", "@(\"a)b\")");
    row("string with brace", "@{ return \"}\"; }");
    row("string escaped quote", "@(\"a\\\")b\")");
    row("string escaped backslash", "@(\"a\\\\\" + \")\")");
    row("empty strings", "@(h.GetValueOrDefault(\"a\",\"\"))");
    row("adjacent strings", "@(!context.Variables.ContainsKey(\"latlong=\"\"\"))");
    row("verbatim string", "@(@\"c:\\dir\\\" + \")\")");
    row("verbatim doubled quote", "@(@\"say \"\"hi)\"\" now\")");
    row("verbatim multiline", "@{ return @\"line1 }\nline2 )\"; }");
    row("interpolated", "@($\"{a}) and {b}\")");
    row("interpolated escaped braces", "@($\"{{ not a hole )\")");
    row("interpolated closing braces", "@($\"}} x {y} }}\")");
    row("interpolated hole with string", "@($\"{d[\"k)\"]}\")");
    row("interpolated nested", "@($\"a{$\"b{c + \")\"}\"}\")");
    row("interpolated format", "@($\"{x:0.00)} y\")");
    row("interpolated alignment", "@($\"{x,10}\")");
    row("interpolated ternary in parens", "@($\"{(a ? \"x\" : \"y\")}\")");
    row("verbatim interpolated", "@($@\"{a}\"\" )\n\")");
    row("interpolated verbatim", "@(@$\"{a}\"\" )\")");
    row("verbatim interpolated hole multiline", "@($@\"{a\n+ b}\")");
    row("char", "@('a' == ')')");
    row("char escaped quote", "@('\\'' == c)");
    row("char quote", "@('\"' == c)");
    row("char backslash", "@('\\\\')");
    row("char unicode", "@('\\u0029')");
    row("char brace", "@{ return '}'; }");
    row("line comment", "@{ // not the end }\n return 1; }");
    row("block comment", "@{ /* } ) */ return 1; }");
    row("comment in parens", "@(a /* ) */ + b)");
    row("slash operator", "@(a / b)");
    row("generic", "@(context.Request.Body.As<JObject>(preserveContent: true))");
    row("lambda", "@(list.Where(x => x.A && x.B < 3).Count())");
    row("raw and and", "@(a && b)");
    row("verbatim identifier", "@(@class + 1)");
    row("dollar identifier", "@(a$b)");
    row("named value inside", "@(\"{{name}}\" + x)");
    row("escaped entities", "@(&quot;a)&quot; + b)");
    row("entity quote and raw", "@(d[&quot;k&quot;] + \")\")");
    row("numeric reference", "@(&#34;)&#34;)");
    row("amp entity", "@(a &amp;&amp; b)");
    row("lt entity", "@(a &lt; b)");
    row("surrogate pair", "@(\"\U0001F600)\")");
    row("empty", "@()");
    row("empty block", "@{}");
}

void TestPolicyScanner::expressionEnd()
{
    QFETCH(QString, source);
    QFETCH(QString, expected);

    const PolicyExpressionScanner::Span span = PolicyExpressionScanner::scanExpression(source, 0);
    QVERIFY2(span.error.isEmpty(), qPrintable(span.error));
    QVERIFY(!span.fatal);
    QCOMPARE(source.left(span.end), expected);
}

void TestPolicyScanner::expressionErrors_data()
{
    QTest::addColumn<QString>("source");
    QTest::addColumn<QString>("quote");
    QTest::addColumn<int>("errorAt");
    QTest::addColumn<QString>("message");
    QTest::addColumn<bool>("fatal");

    const QString missingParen = QStringLiteral("policy expression is missing its closing ')'");
    const QString missingBrace = QStringLiteral("policy expression is missing its closing '}'");
    const QString unterminated = QStringLiteral("policy expression has an unterminated string literal");
    QTest::newRow("eof") << QStringLiteral("@(a(b)") << QString() << 0 << missingParen << true;
    QTest::newRow("eof block") << QStringLiteral("@{ if (a) { b(); }") << QString() << 0 << missingBrace
                               << true;
    QTest::newRow("eof inner") << QStringLiteral("@{ f(") << QString() << 0 << missingParen << true;
    QTest::newRow("newline in string") << QStringLiteral("@(x + \"abc\n\")") << QString() << 6 << unterminated
                                       << true;
    QTest::newRow("eof in string") << QStringLiteral("@(\"abc") << QString() << 2 << unterminated << true;
    QTest::newRow("eof in verbatim") << QStringLiteral("@(@\"abc\n)") << QString() << 3 << unterminated << true;
    QTest::newRow("newline in interpolated")
        << QStringLiteral("@($\"{a}\n\")") << QString() << 3 << unterminated << true;
    QTest::newRow("unterminated comment")
        << QStringLiteral("@{ /* ") << QString() << 3
        << QStringLiteral("policy expression has an unterminated comment") << true;
    QTest::newRow("line comment eats closer") << QStringLiteral("@(a // b)") << QString() << 0 << missingParen
                                              << true;
    QTest::newRow("mismatched closer")
        << QStringLiteral("@(a]") << QString() << 3
        << QStringLiteral("policy expression has ']' where ')' was expected") << true;
    QTest::newRow("mismatched brace")
        << QStringLiteral("@{ a(); )") << QString() << 8
        << QStringLiteral("policy expression has ')' where '}' was expected") << true;
    QTest::newRow("multi char literal")
        << QStringLiteral("@(h.Get('Retry-After'))") << QString() << 8
        << QStringLiteral("character literal in policy expression must hold exactly one character") << false;
    QTest::newRow("empty char literal")
        << QStringLiteral("@(a == '')") << QString() << 7
        << QStringLiteral("character literal in policy expression must hold exactly one character") << false;
    QTest::newRow("unclosed char literal")
        << QStringLiteral("@(a == 'b)\n") << QString() << 7
        << QStringLiteral("character literal in policy expression must hold exactly one character") << true;
    // In an attribute: the XML quote closes the attribute, the expression lacks its ')'.
    QTest::newRow("attribute missing paren")
        << QStringLiteral("@(q.Get(\"a\",\"\")\" next=\"x\" />\n</a>") << QStringLiteral("\"") << 0 << missingParen
        << true;
    QTest::newRow("attribute missing paren at tag end")
        << QStringLiteral("@(q.Get(\"a\")\"/>\n<b/>") << QStringLiteral("\"") << 0 << missingParen << true;
    QTest::newRow("single quoted attribute missing paren")
        << QStringLiteral("@(q.Get(\"a\")' x='1'/>\n") << QStringLiteral("'") << 0 << missingParen << true;
    QTest::newRow("element text string is not an attribute end")
        << QStringLiteral("@(q.Get(\"a\")\" next=\"x\" />\n</a>") << QString() << 21 << unterminated << true;
}

void TestPolicyScanner::expressionErrors()
{
    QFETCH(QString, source);
    QFETCH(QString, quote);
    QFETCH(int, errorAt);
    QFETCH(QString, message);
    QFETCH(bool, fatal);

    const PolicyExpressionScanner::Span span
        = PolicyExpressionScanner::scanExpression(source, 0, quote.isEmpty() ? QChar() : quote.at(0));
    QCOMPARE(span.error, message);
    QCOMPARE(span.errorAt, qsizetype(errorAt));
    QCOMPARE(span.fatal, fatal);
    QCOMPARE(span.end < 0, fatal);
}

void TestPolicyScanner::documentScan_data()
{
    QTest::addColumn<QString>("document");
    QTest::addColumn<QStringList>("texts");     // decoded expression texts
    QTest::addColumn<QStringList>("positions"); // "line:col" of each '@'

    QTest::newRow("attribute with raw quotes")
        << QStringLiteral("<a>\n  <b v=\"@(h.GetValueOrDefault(\"a\",\"\"))\" w=\"1\"/>\n</a>")
        << QStringList{QStringLiteral("@(h.GetValueOrDefault(\"a\",\"\"))")} << QStringList{QStringLiteral("2:9")};
    QTest::newRow("single quoted attribute")
        << QStringLiteral("<a v='@(x == \"'\")'/>") << QStringList{QStringLiteral("@(x == \"'\")")}
        << QStringList{QStringLiteral("1:7")};
    QTest::newRow("escaped attribute")
        << QStringLiteral("<a v=\"@(&quot;tpm-&quot; + (a &amp;&amp; b &lt; c))\"/>")
        << QStringList{QStringLiteral("@(\"tpm-\" + (a && b < c))")} << QStringList{QStringLiteral("1:7")};
    QTest::newRow("element text")
        << QStringLiteral("<a>\n  <set-body>\n    @{ return \"</set-body>\"; }\n  </set-body>\n</a>")
        << QStringList{QStringLiteral("@{ return \"</set-body>\"; }")} << QStringList{QStringLiteral("3:5")};
    QTest::newRow("cdata")
        << QStringLiteral("<a><![CDATA[ @(a &amp; \"]\") ]]></a>")
        << QStringList{QStringLiteral("@(a &amp; \"]\")")} << QStringList{QStringLiteral("1:14")};
    QTest::newRow("several")
        << QStringLiteral("<a x=\"@(1)\" y=\"lit\" z=\"@{return 2;}\"><b>@(3)</b><c>text @(4)</c></a>")
        << QStringList{QStringLiteral("@(1)"), QStringLiteral("@{return 2;}"), QStringLiteral("@(3)")}
        << QStringList{QStringLiteral("1:7"), QStringLiteral("1:24"), QStringLiteral("1:41")};
    QTest::newRow("not at value start")
        << QStringLiteral("<a x=\" @(1)\" y=\"a@(2)\">x @(3)</a>") << QStringList{} << QStringList{};
    QTest::newRow("comments and declarations skipped")
        << QStringLiteral("<?xml version=\"1.0\"?>\n<!-- <a x=\"@(\" -->\n<!DOCTYPE a>\n<a>@(1)</a>")
        << QStringList{QStringLiteral("@(1)")} << QStringList{QStringLiteral("4:4")};
    QTest::newRow("text after comment")
        << QStringLiteral("<a><!-- c -->\n @(1)</a>") << QStringList{QStringLiteral("@(1)")}
        << QStringList{QStringLiteral("2:2")};
    QTest::newRow("columns count characters")
        << QStringLiteral("<a é=\"\U0001F600\" b=\"@(1)\"/>") << QStringList{QStringLiteral("@(1)")}
        << QStringList{QStringLiteral("1:13")};
    QTest::newRow("crlf lines")
        << QStringLiteral("<a>\r\n<b>\r\n@{ x;\r\n }</b></a>") << QStringList{QStringLiteral("@{ x;\n }")}
        << QStringList{QStringLiteral("3:1")};
    QTest::newRow("at sign literal") << QStringLiteral("<a x=\"@home\">@me</a>") << QStringList{}
                                     << QStringList{};
}

void TestPolicyScanner::documentScan()
{
    QFETCH(QString, document);
    QFETCH(QStringList, texts);
    QFETCH(QStringList, positions);

    const PolicyExpressionScan scan = PolicyExpressionScanner::scan(document, QStringLiteral("f.xml"));
    QVERIFY2(scan.ok(), scan.diagnostics.isEmpty() ? "" : qPrintable(scan.diagnostics.first().toString()));
    QStringList foundTexts;
    QStringList foundPositions;
    for (const PolicyExpression &e : scan.expressions) {
        foundTexts << e.text;
        foundPositions << QStringLiteral("%1:%2").arg(e.line).arg(e.column);
        QCOMPARE(document.at(e.begin), QLatin1Char('@'));
    }
    QCOMPARE(foundTexts, texts);
    QCOMPARE(foundPositions, positions);
}

void TestPolicyScanner::documentErrors_data()
{
    QTest::addColumn<QString>("document");
    QTest::addColumn<QString>("diagnostic");

    QTest::newRow("missing paren in attribute")
        << QStringLiteral("<policies>\n    <inbound>\n        <x k=\"@(q.Get(\"u\",\"\")\" t=\"p\" />\n    "
                          "</inbound>\n</policies>\n")
        << QStringLiteral("f.xml:3:15: error: policy expression is missing its closing ')'");
    QTest::newRow("missing brace in text")
        << QStringLiteral("<a>\n  <b>@{ return 1;</b>\n</a>")
        << QStringLiteral("f.xml:2:6: error: policy expression is missing its closing '}'");
    QTest::newRow("text after expression")
        << QStringLiteral("<a>\n  <b>@(1) + 2</b>\n</a>")
        << QStringLiteral("f.xml:2:11: error: unexpected text after the policy expression; an expression "
                          "must fill the whole element text");
    QTest::newRow("attribute text after expression")
        << QStringLiteral("<a x=\"@(1)/path\"/>")
        << QStringLiteral("f.xml:1:11: error: unexpected text after the policy expression; an expression "
                          "must fill the whole attribute value");
    QTest::newRow("unterminated string on later line")
        << QStringLiteral("<a>\n<b v=\"@{\n  var x = d[\"k=\"\"\n  \"]; }\"/>\n</a>")
        << QStringLiteral("f.xml:3:17: error: policy expression has an unterminated string literal");
    QTest::newRow("char literal")
        << QStringLiteral("<a v=\"@(h.Get('Retry-After', '0'))\"/>")
        << QStringLiteral("f.xml:1:15: error: character literal in policy expression must hold exactly one "
                          "character");
    QTest::newRow("cdata end bounds the expression")
        << QStringLiteral("<a><![CDATA[@(1]]></a>)")
        << QStringLiteral("f.xml:1:13: error: policy expression is missing its closing ')'");
}

void TestPolicyScanner::documentErrors()
{
    QFETCH(QString, document);
    QFETCH(QString, diagnostic);

    const PolicyExpressionScan scan = PolicyExpressionScanner::scan(document, QStringLiteral("f.xml"));
    QVERIFY(!scan.ok());
    QCOMPARE(scan.diagnostics.first().toString(), diagnostic);
}

void TestPolicyScanner::decodedText()
{
    const QString source = QStringLiteral("a &amp; &lt;&gt; &quot;&apos; &#65;&#x42; &bogus; & x\r\ny");
    QCOMPARE(PolicyExpressionScanner::decodedText(source, 0, source.size(), true),
             QStringLiteral("a & <> \"' AB &bogus; & x\ny"));
    QCOMPARE(PolicyExpressionScanner::decodedText(source, 0, 7, false), QStringLiteral("a &amp;"));
}

void TestPolicyScanner::deepNestingDoesNotCrash()
{
    QString deep = QStringLiteral("@(");
    for (int i = 0; i < 5000; ++i)
        deep += QStringLiteral("$\"{");
    const PolicyExpressionScanner::Span span = PolicyExpressionScanner::scanExpression(deep, 0);
    QVERIFY(span.fatal);
    QCOMPARE(span.error, QStringLiteral("policy expression is nested too deeply"));

    QString brackets = QStringLiteral("@(");
    for (int i = 0; i < 100000; ++i)
        brackets += QStringLiteral("([{");
    QVERIFY(PolicyExpressionScanner::scanExpression(brackets, 0).fatal);
}

QTEST_GUILESS_MAIN(TestPolicyScanner)
#include "tst_policyscanner.moc"
