#include "policy/NamedValueSubstitution.h"
#include "policy/PolicyParser.h"

#include <QTest>

using namespace sluice;

class TestPolicyNamedValues : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void substitute_data();
    void substitute();
    void unknownNames();
    void secretsStayOutOfMessages();
    void referencedNames();
};

void TestPolicyNamedValues::substitute_data()
{
    QTest::addColumn<QString>("value"); // set-variable value attribute as written
    QTest::addColumn<QString>("expected");
    QTest::addColumn<bool>("isExpression");

    QTest::newRow("whole") << QStringLiteral("{{key}}") << QStringLiteral("s3cr3t") << false;
    QTest::newRow("inside") << QStringLiteral("a-{{key}}-{{other.name}}") << QStringLiteral("a-s3cr3t-v2") << false;
    QTest::newRow("in expression") << QStringLiteral("@(&quot;{{key}}&quot; + x)")
                                   << QStringLiteral("@(\"s3cr3t\" + x)") << true;
    QTest::newRow("case insensitive") << QStringLiteral("{{KEY}}") << QStringLiteral("s3cr3t") << false;
    QTest::newRow("named value holding an expression") << QStringLiteral("{{now}}")
                                                        << QStringLiteral("@(DateTime.Now)") << true;
    QTest::newRow("not a reference") << QStringLiteral("{{ a }} {x} {{a b}}") << QStringLiteral("{{ a }} {x} {{a b}}")
                                     << false;
    QTest::newRow("triple braces") << QStringLiteral("{{{key}}}") << QStringLiteral("{s3cr3t}") << false;
}

void TestPolicyNamedValues::substitute()
{
    QFETCH(QString, value);
    QFETCH(QString, expected);
    QFETCH(bool, isExpression);

    PolicyDocumentResult r = PolicyParser::parse(
        QStringLiteral("<policies><inbound><set-variable name=\"v\" value=\"%1\"/></inbound></policies>").arg(value),
        QStringLiteral("f.xml"));
    QVERIFY(r.ok());
    const QMap<QString, QString> values{{QStringLiteral("key"), QStringLiteral("s3cr3t")},
                                        {QStringLiteral("other.name"), QStringLiteral("v2")},
                                        {QStringLiteral("now"), QStringLiteral("@(DateTime.Now)")}};
    const Diagnostics d = NamedValueSubstitution::apply(*r.document, values);
    QVERIFY(d.isEmpty());
    const PolicyValue &v = r.document->section(PolicySection::Inbound).elements[0].attributes[1].value;
    QCOMPARE(v.text, expected);
    QCOMPARE(v.isExpression, isExpression);
}

void TestPolicyNamedValues::unknownNames()
{
    PolicyDocumentResult r = PolicyParser::parse(
        QStringLiteral("<policies><inbound>\n  <set-header name=\"x-{{a}}\">\n    <value>@{\n  return \"{{missing}}\";"
                       " }</value>\n  </set-header>\n  <set-body template=\"liquid\">{{body.name}} {{a}}</set-body>"
                       "\n</inbound></policies>"),
        QStringLiteral("f.xml"));
    QVERIFY(r.ok());
    const Diagnostics d = NamedValueSubstitution::apply(*r.document, {{QStringLiteral("a"), QStringLiteral("A")}});
    QCOMPARE(d.size(), 1);
    QCOMPARE(d.first().toString(), QStringLiteral("f.xml:4:11: error: unknown named value 'missing'"));
    const PolicyElement &body = r.document->section(PolicySection::Inbound).elements[1];
    QCOMPARE(body.text.text, QStringLiteral("{{body.name}} A"));
    QCOMPARE(r.document->section(PolicySection::Inbound).elements[0].attributes[0].value.text,
             QStringLiteral("x-A"));
}

void TestPolicyNamedValues::secretsStayOutOfMessages()
{
    PolicyDocumentResult r = PolicyParser::parse(
        QStringLiteral("<policies><inbound><set-header name=\"{{known}}{{unknown}}\"/></inbound></policies>"),
        QStringLiteral("f.xml"));
    QVERIFY(r.ok());
    const Diagnostics d = NamedValueSubstitution::apply(
        *r.document, {{QStringLiteral("known"), QStringLiteral("TOPSECRET")}});
    QCOMPARE(d.size(), 1);
    QVERIFY(!d.first().toString().contains(QStringLiteral("TOPSECRET")));
    QCOMPARE(d.first().location.column, 47);
}

void TestPolicyNamedValues::referencedNames()
{
    const PolicyDocumentResult r = PolicyParser::parse(
        QStringLiteral("<fragment><a x=\"{{one}}\">{{two}} {{one}}<b y=\"@(&quot;{{three}}&quot;)\"/></a></fragment>"),
        QStringLiteral("f.xml"));
    QVERIFY(r.ok());
    QCOMPARE(NamedValueSubstitution::referencedNames(*r.document),
             (QStringList{QStringLiteral("one"), QStringLiteral("two"), QStringLiteral("three")}));
}

QTEST_GUILESS_MAIN(TestPolicyNamedValues)
#include "tst_policynamedvalues.moc"
