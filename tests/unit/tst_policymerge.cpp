#include "policy/PolicyMerger.h"
#include "policy/PolicyParser.h"

#include <QTest>

using namespace sluice;

namespace {

// Policies are written compactly: each scope is "" (no file) or a document;
// elements are <p n="id"/> so the effective order reads as a list of ids.
std::optional<PolicyDocument> parseScope(const QString &text, const QString &label)
{
    if (text.isEmpty())
        return std::nullopt;
    PolicyDocumentResult r = PolicyParser::parse(text, label);
    if (!r.ok())
        qFatal("test document does not parse: %s", qPrintable(r.diagnostics.first().toString()));
    return std::move(r.document);
}

QString summary(const EffectivePolicy &policy)
{
    QStringList parts;
    for (int i = 0; i < PolicySectionCount; ++i) {
        QStringList ids;
        for (const PolicyElement &e : policy.sections[static_cast<size_t>(i)])
            ids << e.attributeText(u"n", e.name);
        parts << policySectionName(static_cast<PolicySection>(i)) + QLatin1Char('=') + ids.join(QLatin1Char(','));
    }
    return parts.join(QLatin1Char(' '));
}

QString doc(const char *sections)
{
    return QStringLiteral("<policies>%1</policies>").arg(QString::fromUtf8(sections));
}

} // namespace

class TestPolicyMerge : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void merge_data();
    void merge();
    void defaultDocuments();
    void locationsSurvive();
};

void TestPolicyMerge::merge_data()
{
    QTest::addColumn<QString>("global");
    QTest::addColumn<QString>("product");
    QTest::addColumn<QString>("api");
    QTest::addColumn<QString>("operation");
    QTest::addColumn<QString>("expected");

    const QString none;
    QTest::newRow("no files: global default")
        << none << none << none << none << QStringLiteral("inbound= backend=forward-request outbound= on-error=");
    QTest::newRow("only global")
        << doc("<inbound><p n='g1'/></inbound><backend><forward-request/></backend>") << none << none << none
        << QStringLiteral("inbound=g1 backend=forward-request outbound= on-error=");
    QTest::newRow("base at start")
        << doc("<inbound><p n='g1'/></inbound>") << none
        << doc("<inbound><base/><p n='a1'/></inbound>") << none
        << QStringLiteral("inbound=g1,a1 backend= outbound= on-error=");
    QTest::newRow("base at end")
        << doc("<inbound><p n='g1'/></inbound>") << none
        << doc("<inbound><p n='a1'/><base/></inbound>") << none
        << QStringLiteral("inbound=a1,g1 backend= outbound= on-error=");
    QTest::newRow("base in middle")
        << doc("<inbound><p n='g1'/><p n='g2'/></inbound>") << none
        << doc("<inbound><p n='a1'/><base/><p n='a2'/></inbound>") << none
        << QStringLiteral("inbound=a1,g1,g2,a2 backend= outbound= on-error=");
    QTest::newRow("missing base cuts the parent off")
        << doc("<inbound><p n='g1'/></inbound><outbound><p n='g2'/></outbound>") << none
        << doc("<inbound><p n='a1'/></inbound><outbound><base/></outbound>") << none
        << QStringLiteral("inbound=a1 backend= outbound=g2 on-error=");
    QTest::newRow("empty section cuts the parent off")
        << doc("<inbound><p n='g1'/></inbound>") << none << doc("<inbound></inbound>") << none
        << QStringLiteral("inbound= backend= outbound= on-error=");
    QTest::newRow("absent section inherits")
        << doc("<inbound><p n='g1'/></inbound><on-error><p n='ge'/></on-error>") << none
        << doc("<inbound><base/><p n='a1'/></inbound>") << doc("<outbound><p n='o1'/></outbound>")
        << QStringLiteral("inbound=g1,a1 backend= outbound=o1 on-error=ge");
    QTest::newRow("all four scopes")
        << doc("<inbound><p n='g'/></inbound><backend><forward-request/></backend>")
        << doc("<inbound><base/><p n='p'/></inbound><backend><base/></backend>")
        << doc("<inbound><base/><p n='a'/></inbound><backend><base/></backend>")
        << doc("<inbound><p n='o'/><base/></inbound><backend><base/></backend>")
        << QStringLiteral("inbound=o,g,p,a backend=forward-request outbound= on-error=");
    QTest::newRow("no product scope") // a request without a product subscription
        << doc("<inbound><p n='g'/></inbound>") << none << doc("<inbound><base/><p n='a'/></inbound>")
        << doc("<inbound><base/><p n='o'/></inbound>")
        << QStringLiteral("inbound=g,a,o backend= outbound= on-error=");
    QTest::newRow("missing middle files are base only")
        << doc("<inbound><p n='g'/></inbound><backend><forward-request/></backend>") << none << none
        << doc("<inbound><base/><p n='o'/></inbound>")
        << QStringLiteral("inbound=g,o backend=forward-request outbound= on-error=");
    QTest::newRow("global base stands for nothing")
        << doc("<inbound><p n='g1'/><base/><p n='g2'/></inbound><backend><base/></backend>") << none << none
        << none << QStringLiteral("inbound=g1,g2 backend= outbound= on-error=");
    QTest::newRow("global without backend loses forward-request")
        << doc("<inbound><p n='g'/></inbound>") << none << none << none
        << QStringLiteral("inbound=g backend= outbound= on-error=");
    QTest::newRow("operation replaces backend")
        << none << none << none << doc("<backend><p n='custom'/></backend>")
        << QStringLiteral("inbound= backend=custom outbound= on-error=");
    QTest::newRow("operation wraps backend")
        << none << none << none << doc("<backend><p n='before'/><base/><p n='after'/></backend>")
        << QStringLiteral("inbound= backend=before,forward-request,after outbound= on-error=");
    QTest::newRow("nested base is not expanded")
        << doc("<inbound><p n='g'/></inbound>") << none
        << doc("<inbound><choose><when condition='x'><base/></when></choose></inbound>") << none
        << QStringLiteral("inbound=choose backend= outbound= on-error=");
    QTest::newRow("base twice repeats the parent")
        << doc("<inbound><p n='g'/></inbound>") << none << doc("<inbound><base/><base/></inbound>") << none
        << QStringLiteral("inbound=g,g backend= outbound= on-error=");
}

void TestPolicyMerge::merge()
{
    QFETCH(QString, global);
    QFETCH(QString, product);
    QFETCH(QString, api);
    QFETCH(QString, operation);
    QFETCH(QString, expected);

    const std::optional<PolicyDocument> g = parseScope(global, QStringLiteral("global.xml"));
    const std::optional<PolicyDocument> p = parseScope(product, QStringLiteral("product.xml"));
    const std::optional<PolicyDocument> a = parseScope(api, QStringLiteral("api.xml"));
    const std::optional<PolicyDocument> o = parseScope(operation, QStringLiteral("op.xml"));
    const auto ptr = [](const std::optional<PolicyDocument> &d) { return d ? &*d : nullptr; };

    const EffectivePolicy merged = PolicyMerger::merge({ptr(g), ptr(p), ptr(a), ptr(o)});
    QCOMPARE(summary(merged), expected);

    // Leaving out a missing product scope entirely gives the same result.
    if (!p) {
        const EffectivePolicy withoutProduct = PolicyMerger::merge({ptr(g), ptr(a), ptr(o)});
        QCOMPARE(summary(withoutProduct), expected);
    }
}

void TestPolicyMerge::defaultDocuments()
{
    const PolicyDocument global = PolicyMerger::defaultDocument(true);
    QCOMPARE(global.section(PolicySection::Backend).elements.size(), size_t(1));
    QCOMPARE(global.section(PolicySection::Backend).elements[0].name, QStringLiteral("forward-request"));
    QVERIFY(global.section(PolicySection::Inbound).elements.empty());

    const PolicyDocument scope = PolicyMerger::defaultDocument(false);
    for (const PolicySectionBlock &b : scope.sections) {
        QVERIFY(b.present);
        QCOMPARE(b.elements.size(), size_t(1));
        QCOMPARE(b.elements[0].name, QStringLiteral("base"));
    }
    QCOMPARE(summary(PolicyMerger::merge({})), QStringLiteral("inbound= backend= outbound= on-error="));
}

void TestPolicyMerge::locationsSurvive()
{
    const std::optional<PolicyDocument> g = parseScope(doc("<inbound>\n<p n='g'/></inbound>"), QStringLiteral("global.xml"));
    const std::optional<PolicyDocument> a
        = parseScope(doc("<inbound><base/>\n\n<p n='a'/></inbound>"), QStringLiteral("api.xml"));
    const EffectivePolicy merged = PolicyMerger::merge({&*g, &*a});
    const auto &inbound = merged.section(PolicySection::Inbound);
    QCOMPARE(inbound.size(), size_t(2));
    QCOMPARE(inbound[0].location.file, QStringLiteral("global.xml"));
    QCOMPARE(inbound[0].location.line, 2);
    QCOMPARE(inbound[1].location.file, QStringLiteral("api.xml"));
    QCOMPARE(inbound[1].location.line, 3);
}

QTEST_GUILESS_MAIN(TestPolicyMerge)
#include "tst_policymerge.moc"
