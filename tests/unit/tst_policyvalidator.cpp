#include "policy/PolicyCatalog.h"
#include "policy/PolicyParser.h"
#include "policy/PolicyValidator.h"

#include <QTest>

using namespace sluice;

class TestPolicyValidator : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void validate_data();
    void validate();
    void notImplemented();
    void catalog_data();
    void catalog();
};

void TestPolicyValidator::validate_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QStringList>("diagnostics");

    QTest::newRow("valid") << QStringLiteral(
        "<policies><inbound><base/><cache-lookup vary-by-developer='false' vary-by-developer-groups='false'>"
        "<vary-by-header>Accept</vary-by-header></cache-lookup>"
        "<set-header name='a'><value>1</value></set-header></inbound>"
        "<backend><forward-request/></backend><outbound><cache-store duration='10'/></outbound>"
        "<on-error><return-response><set-status code='500'/><set-body>x</set-body></return-response></on-error>"
        "</policies>") << QStringList{};
    QTest::newRow("unknown element")
        << QStringLiteral("<policies>\n<inbound>\n  <set-heder name='a'/>\n</inbound></policies>")
        << QStringList{QStringLiteral("f.xml:3:3: error: unknown policy element 'set-heder'")};
    QTest::newRow("wrong section")
        << QStringLiteral("<policies><outbound>\n<cache-lookup/></outbound><inbound><forward-request/></inbound></policies>")
        << QStringList{QStringLiteral("f.xml:2:36: error: 'forward-request' is not allowed in section 'inbound'"),
                       QStringLiteral("f.xml:2:1: error: 'cache-lookup' is not allowed in section 'outbound'")};
    QTest::newRow("nested in control flow keeps the section")
        << QStringLiteral("<policies><outbound><choose><when condition='@(true)'><retry condition='@(false)' count='1' "
                          "interval='1'>\n<rate-limit calls='1' renewal-period='1'/></retry></when><otherwise>"
                          "<bogus/></otherwise></choose></outbound></policies>")
        << QStringList{QStringLiteral("f.xml:2:1: error: 'rate-limit' is not allowed in section 'outbound'"),
                       QStringLiteral("f.xml:2:69: error: unknown policy element 'bogus'")};
    QTest::newRow("configuration children are not policies")
        << QStringLiteral("<policies><inbound><send-request mode='new' response-variable-name='r'><set-url>u</set-url>"
                          "<set-method>GET</set-method><set-body>b</set-body><anything/></send-request>"
                          "</inbound></policies>")
        << QStringList{};
    QTest::newRow("base twice")
        << QStringLiteral("<policies><inbound><base/>\n<base/></inbound></policies>")
        << QStringList{QStringLiteral("f.xml:2:1: error: 'base' appears more than once in section 'inbound'")};
    QTest::newRow("nested base")
        << QStringLiteral("<policies><inbound><choose><when condition='x'>\n<base/></when></choose></inbound></policies>")
        << QStringList{QStringLiteral("f.xml:2:1: error: 'base' is only allowed directly inside a section")};
    QTest::newRow("choose children")
        << QStringLiteral("<policies><inbound>\n<choose><otherwise/>\n<when condition='x'/>\n<foo/><otherwise/>"
                          "</choose>\n<choose/></inbound></policies>")
        << QStringList{QStringLiteral("f.xml:3:1: error: 'when' must come before 'otherwise' in 'choose'"),
                       QStringLiteral("f.xml:4:1: error: unexpected element 'foo' in 'choose'; expected 'when' or "
                                      "'otherwise'"),
                       QStringLiteral("f.xml:4:7: error: 'otherwise' appears more than once in 'choose'"),
                       QStringLiteral("f.xml:5:1: error: 'choose' needs at least one 'when'")};
    QTest::newRow("when without condition")
        << QStringLiteral("<policies><inbound><choose>\n<when/></choose></inbound></policies>")
        << QStringList{QStringLiteral("f.xml:2:1: error: 'when' needs a 'condition' attribute")};
    QTest::newRow("fragment")
        << QStringLiteral("<fragment><cache-lookup/><forward-request/>\n<base/><include-fragment fragment-id='x'/>"
                          "<nope/></fragment>")
        << QStringList{QStringLiteral("f.xml:2:1: error: 'base' is not allowed in a fragment"),
                       QStringLiteral("f.xml:2:43: error: unknown policy element 'nope'")};
}

void TestPolicyValidator::validate()
{
    QFETCH(QString, text);
    QFETCH(QStringList, diagnostics);

    const PolicyDocumentResult r = PolicyParser::parse(text, QStringLiteral("f.xml"));
    QVERIFY2(r.ok(), r.diagnostics.isEmpty() ? "" : qPrintable(r.diagnostics.first().toString()));
    QStringList found;
    for (const Diagnostic &d : PolicyValidator::validate(*r.document))
        found << d.toString();
    QCOMPARE(found, diagnostics);
}

void TestPolicyValidator::notImplemented()
{
    const PolicyDocumentResult r = PolicyParser::parse(
        QStringLiteral("<policies><inbound><base/><set-header name='a'/>\n  <validate-jwt header-name='h'/>"
                       "</inbound></policies>"),
        QStringLiteral("f.xml"));
    QVERIFY(r.ok());
    const auto implemented = [](const QString &name) { return name != QLatin1String("validate-jwt"); };
    const Diagnostics d = PolicyValidator::validate(*r.document, implemented);
    QCOMPARE(d.size(), 1);
    QCOMPARE(d.first().toString(),
             QStringLiteral("f.xml:2:3: error: policy 'validate-jwt' is not implemented by this gateway"));
}

void TestPolicyValidator::catalog_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<QString>("sections"); // letters i b o e

    QTest::newRow("base") << QStringLiteral("base") << QStringLiteral("iboe");
    QTest::newRow("forward-request") << QStringLiteral("forward-request") << QStringLiteral("b");
    QTest::newRow("set-header") << QStringLiteral("set-header") << QStringLiteral("iboe");
    QTest::newRow("set-query-parameter") << QStringLiteral("set-query-parameter") << QStringLiteral("ib");
    QTest::newRow("rewrite-uri") << QStringLiteral("rewrite-uri") << QStringLiteral("i");
    QTest::newRow("set-backend-service") << QStringLiteral("set-backend-service") << QStringLiteral("ib");
    QTest::newRow("mock-response") << QStringLiteral("mock-response") << QStringLiteral("ioe");
    QTest::newRow("cache-lookup") << QStringLiteral("cache-lookup") << QStringLiteral("i");
    QTest::newRow("cache-store") << QStringLiteral("cache-store") << QStringLiteral("o");
    QTest::newRow("cache-lookup-value") << QStringLiteral("cache-lookup-value") << QStringLiteral("iboe");
    QTest::newRow("rate-limit-by-key") << QStringLiteral("rate-limit-by-key") << QStringLiteral("i");
    QTest::newRow("cors") << QStringLiteral("cors") << QStringLiteral("i");
    QTest::newRow("set-method") << QStringLiteral("set-method") << QStringLiteral("ie");
    QTest::newRow("llm-token-limit") << QStringLiteral("llm-token-limit") << QStringLiteral("i");
    QTest::newRow("azure-openai-semantic-cache-store") << QStringLiteral("azure-openai-semantic-cache-store")
                                                       << QStringLiteral("o");
}

void TestPolicyValidator::catalog()
{
    QFETCH(QString, name);
    QFETCH(QString, sections);

    const PolicyInfo *info = PolicyCatalog::find(name);
    QVERIFY(info);
    QString found;
    const char letters[] = "iboe";
    for (int i = 0; i < PolicySectionCount; ++i) {
        if (info->allowedIn(static_cast<PolicySection>(i)))
            found += QLatin1Char(letters[i]);
    }
    QCOMPARE(found, sections);
    QVERIFY(!PolicyCatalog::find(u"value"));
    QVERIFY(!PolicyCatalog::find(u"when"));
}

QTEST_GUILESS_MAIN(TestPolicyValidator)
#include "tst_policyvalidator.moc"
