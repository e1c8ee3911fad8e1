#include "policy/PolicyOutline.h"
#include "policy/PolicyParser.h"

#include <QDirIterator>
#include <QFile>
#include <QTest>

using namespace sluice;

// PolicyOutline: the exact spans of a policy document's elements, which the
// console's editor splices. Expressions, comments and CDATA must not confuse
// it, and on the whole corpus it must see the sections' steps the parser sees.
class TestPolicyOutline : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void spans();
    void attributes();
    void expressionsAndMarkupAreNotTags();
    void malformed_data();
    void malformed();
    void corpusAgreesWithParser();
};

namespace {

QString spanText(const QString &text, const PolicyElementSpan &e)
{
    return text.mid(e.begin, e.end - e.begin);
}

} // namespace

void TestPolicyOutline::spans()
{
    const QString text = QStringLiteral("<!-- head -->\n<policies>\n  <inbound>\n    <base />\n"
                                        "    <set-header name=\"a\"><value>x</value></set-header>\n  </inbound>\n"
                                        "  <on-error/>\n</policies>\n");
    const PolicyOutline outline = PolicyOutline::read(text);
    QVERIFY(outline.ok);
    QCOMPARE(outline.roots.size(), size_t(1));
    const PolicyElementSpan &root = outline.roots.front();
    QCOMPARE(root.name, QStringLiteral("policies"));
    QCOMPARE(root.children.size(), size_t(2));
    const PolicyElementSpan &inbound = root.children[0];
    QCOMPARE(inbound.children.size(), size_t(2));
    QCOMPARE(spanText(text, inbound.children[0]), QStringLiteral("<base />"));
    QVERIFY(inbound.children[0].selfClosing);
    const PolicyElementSpan &header = inbound.children[1];
    QCOMPARE(spanText(text, header), QStringLiteral("<set-header name=\"a\"><value>x</value></set-header>"));
    QCOMPARE(text.mid(header.startTagEnd, header.endTagBegin - header.startTagEnd), QStringLiteral("<value>x</value>"));
    QCOMPARE(header.children.front().name, QStringLiteral("value"));
    QCOMPARE(spanText(text, root.children[1]), QStringLiteral("<on-error/>"));
    QCOMPARE(root.childrenNamed(u"on-error").size(), size_t(1));
}

void TestPolicyOutline::attributes()
{
    const QString text = QStringLiteral("<cache-lookup vary-by-developer = 'true'\n  caching-type=\"internal\"/>");
    const PolicyOutline outline = PolicyOutline::read(text);
    QVERIFY(outline.ok);
    const PolicyElementSpan &e = outline.roots.front();
    QCOMPARE(e.attributes.size(), size_t(2));
    const PolicyAttributeSpan *developer = e.attribute(u"vary-by-developer");
    QVERIFY(developer);
    QCOMPARE(developer->quote, QLatin1Char('\''));
    QCOMPARE(text.mid(developer->valueBegin, developer->valueEnd - developer->valueBegin), QStringLiteral("true"));
    const PolicyAttributeSpan *type = e.attribute(u"caching-type");
    QCOMPARE(text.mid(type->begin, 12), QStringLiteral("caching-type"));
    QCOMPARE(text.mid(type->valueBegin, type->valueEnd - type->valueBegin), QStringLiteral("internal"));
    QVERIFY(!e.attribute(u"missing"));
}

void TestPolicyOutline::expressionsAndMarkupAreNotTags()
{
    const QString text = QStringLiteral(
        "<policies><inbound>\n"
        "<set-variable name=\"v\" value=\"@(context.Request.Headers.GetValueOrDefault(\"a\",\"<b>\") + \">\")\" />\n"
        "<!-- <not-an-element> -->\n"
        "<set-body>@{ return \"</set-body>\" + (1 < 2 ? \"x\" : \"y\"); }</set-body>\n"
        "<set-body><![CDATA[<x></y>]]></set-body>\n"
        "<?pi <nope> ?>\n"
        "</inbound></policies>");
    const PolicyOutline outline = PolicyOutline::read(text);
    QVERIFY(outline.ok);
    const PolicyElementSpan &inbound = outline.roots.front().children.front();
    QCOMPARE(inbound.children.size(), size_t(3));
    QCOMPARE(inbound.children[0].attributes.size(), size_t(2));
    QVERIFY(spanText(text, inbound.children[0]).endsWith(QStringLiteral("\")\" />")));
    QVERIFY(spanText(text, inbound.children[1]).endsWith(QStringLiteral("; }</set-body>")));
    QVERIFY(inbound.children[1].children.empty());
    QVERIFY(inbound.children[2].children.empty());
}

void TestPolicyOutline::malformed_data()
{
    QTest::addColumn<QString>("text");
    QTest::newRow("mismatched end tag") << QStringLiteral("<policies><inbound></outbound></policies>");
    QTest::newRow("unclosed element") << QStringLiteral("<policies><inbound>");
    QTest::newRow("unterminated attribute") << QStringLiteral("<policies a=\"x></policies>");
    QTest::newRow("unterminated comment") << QStringLiteral("<policies><!-- x </policies>");
    QTest::newRow("stray end tag") << QStringLiteral("</policies>");
    QTest::newRow("broken expression") << QStringLiteral("<policies><x v=\"@(a(\" /></policies>");
}

void TestPolicyOutline::malformed()
{
    QFETCH(QString, text);
    QVERIFY(!PolicyOutline::read(text).ok);
}

void TestPolicyOutline::corpusAgreesWithParser()
{
    int compared = 0;
    QDirIterator it(QStringLiteral(SLUICE_CORPUS_DIR), {QStringLiteral("*.xml")}, QDir::Files,
                    QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString path = it.next();
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QString text = QString::fromUtf8(file.readAll());
        const PolicyDocumentResult parsed = PolicyParser::parse(text, path);
        if (!parsed.ok() || parsed.document->isFragment)
            continue;
        const PolicyOutline outline = PolicyOutline::read(text);
        QVERIFY2(outline.ok, qPrintable(path));
        const PolicyElementSpan &root = outline.roots.back();
        for (const PolicyElementSpan &section : root.children) {
            PolicySection s;
            QVERIFY(PolicyParser::sectionFromName(section.name, &s));
            const std::vector<PolicyElement> &elements = parsed.document->section(s).elements;
            QCOMPARE(section.children.size(), elements.size());
            for (size_t i = 0; i < elements.size(); ++i)
                QCOMPARE(section.children[i].name, elements[i].name);
        }
        ++compared;
    }
    QVERIFY(compared > 150);
}

QTEST_GUILESS_MAIN(TestPolicyOutline)
#include "tst_policyoutline.moc"
