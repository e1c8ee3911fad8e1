#include "policy/PolicyParser.h"

#include <QTest>

using namespace sluice;

namespace {

QString where(const SourceLocation &l)
{
    return QStringLiteral("%1:%2").arg(l.line).arg(l.column);
}

// Finds an element by a path of names below a section, e.g. "choose/when/set-header".
const PolicyElement *find(const std::vector<PolicyElement> &elements, const QStringList &path)
{
    const std::vector<PolicyElement> *level = &elements;
    const PolicyElement *found = nullptr;
    for (const QString &name : path) {
        found = nullptr;
        for (const PolicyElement &e : *level) {
            if (e.name == name) {
                found = &e;
                break;
            }
        }
        if (!found)
            return nullptr;
        level = &found->children;
    }
    return found;
}

const QString kDocument = QStringLiteral(
    "<!-- leading comment -->\n"                                                       // 1
    "<policies>\n"                                                                     // 2
    "    <inbound>\n"                                                                  // 3
    "        <base />\n"                                                               // 4
    "        <set-header name=\"x-a&amp;b\" exists-action='override'>\n"               // 5
    "            <value>@(context.Request.Headers.GetValueOrDefault(\"a\",\"\"))</value>\n" // 6
    "        </set-header>\n"                                                          // 7
    "        <choose>\n"                                                               // 8
    "            <when condition=\"@(a &amp;&amp; b < 3 && c.Contains(\"x\"))\">\n"   // 9
    "                <set-body>@{\n"                                                   // 10
    "                    return \"<b>\" + 1; }</set-body>\n"                           // 11
    "            </when>\n"                                                            // 12
    "            <otherwise><set-body><![CDATA[ a < b ]]></set-body></otherwise>\n"    // 13
    "        </choose>\n"                                                              // 14
    "    </inbound>\n"                                                                 // 15
    "    <backend><forward-request timeout=\"10\"/></backend>\n"                       // 16
    "    <on-error>\n"                                                                 // 17
    "        <set-variable name=\"é\" value=\"ü@(1)\" /><trace source=\"t\">  lit  </trace>\n" // 18
    "    </on-error>\n"                                                                // 19
    "</policies>\n");

} // namespace

class TestPolicyParser : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void documentStructure();
    void elementPositions_data();
    void elementPositions();
    void valuePositions_data();
    void valuePositions();
    void errors_data();
    void errors();
    void fragment();
    void snippet_data();
    void snippet();
    void byteOrderMarkAndCrLf();
    void multiByteColumns();
    void parseFileFromTestData();
};

void TestPolicyParser::documentStructure()
{
    const PolicyDocumentResult r = PolicyParser::parse(kDocument, QStringLiteral("doc.xml"));
    QVERIFY2(r.ok(), r.diagnostics.isEmpty() ? "" : qPrintable(r.diagnostics.first().toString()));
    QVERIFY(r.diagnostics.isEmpty());
    const PolicyDocument &d = *r.document;
    QCOMPARE(d.file, QStringLiteral("doc.xml"));
    QVERIFY(!d.isFragment);
    QVERIFY(d.section(PolicySection::Inbound).present);
    QVERIFY(d.section(PolicySection::Backend).present);
    QVERIFY(!d.section(PolicySection::Outbound).present);
    QVERIFY(d.section(PolicySection::OnError).present);
    QCOMPARE(where(d.section(PolicySection::Inbound).location), QStringLiteral("3:5"));
    QCOMPARE(d.section(PolicySection::Inbound).elements.size(), size_t(3));

    const PolicyElement *header = find(d.section(PolicySection::Inbound).elements, {QStringLiteral("set-header")});
    QVERIFY(header);
    QCOMPARE(header->attributeText(u"name"), QStringLiteral("x-a&b"));
    QCOMPARE(header->attributeText(u"exists-action"), QStringLiteral("override"));
    QVERIFY(!header->attribute(u"name")->value.isExpression);
    QCOMPARE(header->children.size(), size_t(1));
    QCOMPARE(header->children[0].text.text,
             QStringLiteral("@(context.Request.Headers.GetValueOrDefault(\"a\",\"\"))"));
    QVERIFY(header->children[0].text.isExpression);

    const PolicyElement *when = find(d.section(PolicySection::Inbound).elements,
                                     {QStringLiteral("choose"), QStringLiteral("when")});
    QVERIFY(when);
    QCOMPARE(when->attribute(u"condition")->value.text, QStringLiteral("@(a && b < 3 && c.Contains(\"x\"))"));
    QVERIFY(when->attribute(u"condition")->value.isExpression);
    QCOMPARE(when->children[0].text.text, QStringLiteral("@{\n                    return \"<b>\" + 1; }"));

    const PolicyElement *otherwiseBody = find(d.section(PolicySection::Inbound).elements,
                                              {QStringLiteral("choose"), QStringLiteral("otherwise"),
                                               QStringLiteral("set-body")});
    QVERIFY(otherwiseBody);
    QCOMPARE(otherwiseBody->text.text, QStringLiteral("a < b"));
    QVERIFY(!otherwiseBody->text.isExpression);

    const PolicyElement *variable = find(d.section(PolicySection::OnError).elements, {QStringLiteral("set-variable")});
    QVERIFY(variable);
    QCOMPARE(variable->attributeText(u"value"), QStringLiteral("ü@(1)")); // not at the start: literal
    QVERIFY(!variable->attribute(u"value")->value.isExpression);
    const PolicyElement *trace = find(d.section(PolicySection::OnError).elements, {QStringLiteral("trace")});
    QCOMPARE(trace->text.text, QStringLiteral("lit"));
}

void TestPolicyParser::elementPositions_data()
{
    QTest::addColumn<QStringList>("path");
    QTest::addColumn<QString>("position");

    QTest::newRow("base") << QStringList{QStringLiteral("inbound"), QStringLiteral("base")} << QStringLiteral("4:9");
    QTest::newRow("set-header") << QStringList{QStringLiteral("inbound"), QStringLiteral("set-header")}
                                << QStringLiteral("5:9");
    QTest::newRow("value") << QStringList{QStringLiteral("inbound"), QStringLiteral("set-header"),
                                          QStringLiteral("value")}
                           << QStringLiteral("6:13");
    QTest::newRow("when") << QStringList{QStringLiteral("inbound"), QStringLiteral("choose"), QStringLiteral("when")}
                          << QStringLiteral("9:13");
    QTest::newRow("set-body in when") << QStringList{QStringLiteral("inbound"), QStringLiteral("choose"),
                                                     QStringLiteral("when"), QStringLiteral("set-body")}
                                      << QStringLiteral("10:17");
    QTest::newRow("set-body in otherwise")
        << QStringList{QStringLiteral("inbound"), QStringLiteral("choose"), QStringLiteral("otherwise"),
                       QStringLiteral("set-body")}
        << QStringLiteral("13:24");
    QTest::newRow("forward-request") << QStringList{QStringLiteral("backend"), QStringLiteral("forward-request")}
                                     << QStringLiteral("16:14");
    QTest::newRow("trace after multibyte")
        << QStringList{QStringLiteral("on-error"), QStringLiteral("trace")} << QStringLiteral("18:48");
}

void TestPolicyParser::elementPositions()
{
    QFETCH(QStringList, path);
    QFETCH(QString, position);

    const PolicyDocumentResult r = PolicyParser::parse(kDocument, QStringLiteral("doc.xml"));
    QVERIFY(r.ok());
    PolicySection s;
    QVERIFY(PolicyParser::sectionFromName(path.first(), &s));
    const PolicyElement *e = find(r.document->section(s).elements, path.mid(1));
    QVERIFY(e);
    QCOMPARE(where(e->location), position);
    QCOMPARE(e->location.file, QStringLiteral("doc.xml"));
}

void TestPolicyParser::valuePositions_data()
{
    QTest::addColumn<QStringList>("path");
    QTest::addColumn<QString>("attribute"); // empty: the element text
    QTest::addColumn<QString>("attributePosition");
    QTest::addColumn<QString>("valuePosition");
    QTest::addColumn<bool>("isExpression");

    const QStringList header{QStringLiteral("inbound"), QStringLiteral("set-header")};
    const QStringList when{QStringLiteral("inbound"), QStringLiteral("choose"), QStringLiteral("when")};
    const QStringList variable{QStringLiteral("on-error"), QStringLiteral("set-variable")};
    QTest::newRow("literal attribute") << header << QStringLiteral("name") << QStringLiteral("5:21")
                                       << QStringLiteral("5:27") << false;
    QTest::newRow("single quoted attribute") << header << QStringLiteral("exists-action") << QStringLiteral("5:38")
                                             << QStringLiteral("5:53") << false;
    QTest::newRow("expression attribute") << when << QStringLiteral("condition") << QStringLiteral("9:19")
                                          << QStringLiteral("9:30") << true;
    QTest::newRow("expression text") << (QStringList(header) << QStringLiteral("value")) << QString() << QString()
                                     << QStringLiteral("6:20") << true;
    QTest::newRow("multiline expression text") << (QStringList(when) << QStringLiteral("set-body")) << QString()
                                               << QString() << QStringLiteral("10:27") << true;
    QTest::newRow("cdata text") << QStringList{QStringLiteral("inbound"), QStringLiteral("choose"),
                                               QStringLiteral("otherwise"), QStringLiteral("set-body")}
                                << QString() << QString() << QStringLiteral("13:44") << false;
    QTest::newRow("attribute after multibyte") << variable << QStringLiteral("value") << QStringLiteral("18:32")
                                               << QStringLiteral("18:39") << false;
    QTest::newRow("trimmed literal text") << QStringList{QStringLiteral("on-error"), QStringLiteral("trace")}
                                          << QString() << QString() << QStringLiteral("18:68") << false;
}

void TestPolicyParser::valuePositions()
{
    QFETCH(QStringList, path);
    QFETCH(QString, attribute);
    QFETCH(QString, attributePosition);
    QFETCH(QString, valuePosition);
    QFETCH(bool, isExpression);

    const PolicyDocumentResult r = PolicyParser::parse(kDocument, QStringLiteral("doc.xml"));
    QVERIFY(r.ok());
    PolicySection s;
    QVERIFY(PolicyParser::sectionFromName(path.first(), &s));
    const PolicyElement *e = find(r.document->section(s).elements, path.mid(1));
    QVERIFY(e);
    const PolicyValue *value = &e->text;
    if (!attribute.isEmpty()) {
        const PolicyAttribute *a = e->attribute(attribute);
        QVERIFY(a);
        QCOMPARE(where(a->location), attributePosition);
        value = &a->value;
    }
    QCOMPARE(where(value->location), valuePosition);
    QCOMPARE(value->isExpression, isExpression);
}

void TestPolicyParser::errors_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("diagnostic");

    QTest::newRow("tag mismatch") << QStringLiteral("<policies>\n  <inbound>\n  </outbound>\n</policies>")
                                  << QStringLiteral("f.xml:3:5: error: malformed XML: Start-end tags mismatch");
    QTest::newRow("unclosed") << QStringLiteral("<policies>\n  <inbound>\n")
                              << QStringLiteral("f.xml:2:12: error: malformed XML: Start-end tags mismatch");
    QTest::newRow("bad attribute") << QStringLiteral("<policies>\n  <inbound a=b/>\n</policies>")
                                   << QStringLiteral("f.xml:2:14: error: malformed XML: Error parsing element "
                                                     "attribute");
    QTest::newRow("error after expression keeps positions")
        << QStringLiteral("<policies><inbound><x v=\"@(\"é\" + \"<&\")\" <</inbound></policies>")
        << QStringLiteral("f.xml:1:41: error: malformed XML: Error parsing start element tag");
    QTest::newRow("empty") << QString() << QStringLiteral("f.xml:1:1: error: malformed XML: No document element found");
    QTest::newRow("wrong root") << QStringLiteral("<inbound>\n</inbound>")
                                << QStringLiteral("f.xml:1:1: error: root element must be <policies> or <fragment>");
    QTest::newRow("two roots") << QStringLiteral("<policies/>\n  <policies/>")
                               << QStringLiteral("f.xml:2:3: error: a policy document has exactly one root element");
    QTest::newRow("duplicate section")
        << QStringLiteral("<policies>\n<inbound/>\n<inbound/>\n</policies>")
        << QStringLiteral("f.xml:3:1: error: section <inbound> appears more than once");
    QTest::newRow("unknown section")
        << QStringLiteral("<policies>\n  <inbond/>\n</policies>")
        << QStringLiteral("f.xml:2:3: error: unexpected element <inbond> in <policies>; expected <inbound>, "
                          "<backend>, <outbound> or <on-error>");
    QTest::newRow("text in section")
        << QStringLiteral("<policies>\n  <inbound> oops </inbound>\n</policies>")
        << QStringLiteral("f.xml:2:13: error: unexpected text in <inbound>; it may contain only elements");
    QTest::newRow("expression and text")
        << QStringLiteral("<policies><inbound><a>@(1)<b/>x</a></inbound></policies>")
        << QStringLiteral("f.xml:1:23: error: a policy expression must fill the whole element text");
    QTest::newRow("expression error")
        << QStringLiteral("<policies>\n<inbound>\n<a v=\"@(x(\"a\")\" b=\"c\"/>\n</inbound>\n</policies>")
        << QStringLiteral("f.xml:3:7: error: policy expression is missing its closing ')'");
}

void TestPolicyParser::errors()
{
    QFETCH(QString, text);
    QFETCH(QString, diagnostic);

    const PolicyDocumentResult r = PolicyParser::parse(text, QStringLiteral("f.xml"));
    QVERIFY(!r.ok());
    QVERIFY(!r.diagnostics.isEmpty());
    QCOMPARE(r.diagnostics.first().toString(), diagnostic);
}

void TestPolicyParser::fragment()
{
    const PolicyDocumentResult r = PolicyParser::parse(
        QStringLiteral("<fragment>\n  <set-variable name=\"a\" value=\"@(1)\"/>\n  <trace source=\"s\"/>\n</fragment>"),
        QStringLiteral("frag.xml"));
    QVERIFY(r.ok());
    QVERIFY(r.document->isFragment);
    QCOMPARE(r.document->fragment.size(), size_t(2));
    QCOMPARE(r.document->fragment[1].name, QStringLiteral("trace"));
    QCOMPARE(where(r.document->fragment[1].location), QStringLiteral("3:3"));
    for (const PolicySectionBlock &b : r.document->sections)
        QVERIFY(!b.present);
}

void TestPolicyParser::snippet_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<bool>("isFragment");
    QTest::addColumn<QStringList>("names"); // fragment elements, or present sections

    QTest::newRow("elements") << QStringLiteral("<set-header name=\"a\"/>\n<cache-lookup-value key=\"@(1)\"/>")
                              << true << QStringList{QStringLiteral("set-header"), QStringLiteral("cache-lookup-value")};
    QTest::newRow("one element") << QStringLiteral("<set-header name=\"a\"/>") << true
                                 << QStringList{QStringLiteral("set-header")};
    QTest::newRow("sections") << QStringLiteral("<inbound><base/></inbound>\n<outbound/>") << false
                              << QStringList{QStringLiteral("inbound"), QStringLiteral("outbound")};
    QTest::newRow("whole document") << QStringLiteral("<policies><backend/></policies>") << false
                                    << QStringList{QStringLiteral("backend")};
}

void TestPolicyParser::snippet()
{
    QFETCH(QString, text);
    QFETCH(bool, isFragment);
    QFETCH(QStringList, names);

    const PolicyDocumentResult r = PolicyParser::parseSnippet(text, QStringLiteral("s.xml"));
    QVERIFY2(r.ok(), r.diagnostics.isEmpty() ? "" : qPrintable(r.diagnostics.first().toString()));
    QCOMPARE(r.document->isFragment, isFragment);
    QStringList found;
    if (isFragment) {
        for (const PolicyElement &e : r.document->fragment)
            found << e.name;
    } else {
        for (int i = 0; i < PolicySectionCount; ++i) {
            if (r.document->sections[static_cast<size_t>(i)].present)
                found << policySectionName(static_cast<PolicySection>(i));
        }
    }
    QCOMPARE(found, names);
}

void TestPolicyParser::byteOrderMarkAndCrLf()
{
    const QString text = QChar(0xFEFF) + QStringLiteral("<policies>\r\n<inbound>\r\n  <x a=\"@(1 +\r\n 2)\"/>\r\n"
                                                        "  <y>\r\n   t\r\n  </y></inbound></policies>");
    const PolicyDocumentResult r = PolicyParser::parse(text, QStringLiteral("crlf.xml"));
    QVERIFY(r.ok());
    const auto &elements = r.document->section(PolicySection::Inbound).elements;
    QCOMPARE(where(elements[0].location), QStringLiteral("3:3"));
    QCOMPARE(elements[0].attributes[0].value.text, QStringLiteral("@(1 +\n 2)"));
    QCOMPARE(where(elements[0].attributes[0].value.location), QStringLiteral("3:9"));
    QCOMPARE(where(elements[1].location), QStringLiteral("5:3"));
    QCOMPARE(elements[1].text.text, QStringLiteral("t"));
    QCOMPARE(where(elements[1].text.location), QStringLiteral("6:4"));
}

void TestPolicyParser::multiByteColumns()
{
    // Three-byte and four-byte UTF-8 characters before an XML error and an element.
    const QString text = QStringLiteral("<policies><inbound>\n<a v=\"€€\U0001F600\"/><b v=\"@(\"\U0001F600\")\"/>"
                                        "<c></d></inbound></policies>");
    const PolicyDocumentResult r = PolicyParser::parse(text, QStringLiteral("mb.xml"));
    QVERIFY(!r.ok());
    QCOMPARE(r.diagnostics.first().toString(), QStringLiteral("mb.xml:2:33: error: malformed XML: Start-end tags mismatch"));

    const QString ok = QStringLiteral("<policies><inbound>\n<a v=\"€€\U0001F600\"/><b v=\"@(\"\U0001F600\")\"/>"
                                      "</inbound></policies>");
    const PolicyDocumentResult r2 = PolicyParser::parse(ok, QStringLiteral("mb.xml"));
    QVERIFY(r2.ok());
    const PolicyElement &b = r2.document->section(PolicySection::Inbound).elements[1];
    QCOMPARE(where(b.location), QStringLiteral("2:13"));
    QCOMPARE(where(b.attributes[0].value.location), QStringLiteral("2:19"));
    QCOMPARE(b.attributes[0].value.text, QStringLiteral("@(\"\U0001F600\")"));
}

void TestPolicyParser::parseFileFromTestData()
{
    const QString path = QFINDTESTDATA("data/policy/expressions.xml");
    QVERIFY(!path.isEmpty());
    const PolicyDocumentResult r = PolicyParser::parseFile(path, QStringLiteral("expressions.xml"));
    QVERIFY2(r.ok(), r.diagnostics.isEmpty() ? "" : qPrintable(r.diagnostics.first().toString()));
    const auto &inbound = r.document->section(PolicySection::Inbound).elements;
    QCOMPARE(inbound.size(), size_t(3));
    QCOMPARE(inbound[1].attributes[1].value.text,
             QStringLiteral("@($\"{context.Request.Headers.GetValueOrDefault(\"a\", \"\")}-{(int)(x > 1 ? 2 : 3)}\")"));
    QCOMPARE(where(inbound[1].attributes[1].value.location), QStringLiteral("6:29"));
    QVERIFY(inbound[2].text.isExpression);
    QVERIFY(inbound[2].text.text.endsWith(QStringLiteral("return $@\"{{\"\"x\"\"}} {y}\";\n        }")));

    const PolicyDocumentResult missing = PolicyParser::parseFile(path + QStringLiteral(".nope"), QStringLiteral("n.xml"));
    QVERIFY(!missing.ok());
    QVERIFY(missing.diagnostics.first().message.startsWith(QStringLiteral("cannot read the policy file")));
}

QTEST_GUILESS_MAIN(TestPolicyParser)
#include "tst_policyparser.moc"
