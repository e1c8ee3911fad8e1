// URL template parsing and matching (APIM operation templates).
#include "workspace/UrlTemplate.h"

#include <QTest>

using namespace sluice;

class TestUrlTemplate : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void match_data()
    {
        QTest::addColumn<QString>("templateText");
        QTest::addColumn<QString>("path");
        QTest::addColumn<bool>("matches");
        QTest::addColumn<QString>("parameters"); // "name=value;name=value"

        QTest::newRow("root") << "/" << "/" << true << "";
        QTest::newRow("root does not match segment") << "/" << "/a" << false << "";
        QTest::newRow("literal") << "/items" << "/items" << true << "";
        QTest::newRow("literal is case-insensitive") << "/Items" << "/items" << true << "";
        QTest::newRow("trailing slash in path") << "/items" << "/items/" << true << "";
        QTest::newRow("literal mismatch") << "/items" << "/item" << false << "";
        QTest::newRow("parameter") << "/items/{id}" << "/items/42" << true << "id=42";
        QTest::newRow("parameter decoded") << "/items/{id}" << "/items/a%20b" << true << "id=a b";
        QTest::newRow("encoded slash stays in segment") << "/items/{id}" << "/items/a%2Fb" << true << "id=a/b";
        QTest::newRow("parameter missing") << "/items/{id}" << "/items" << false << "";
        QTest::newRow("parameter empty") << "/items/{id}" << "/items//" << false << "";
        QTest::newRow("too many segments") << "/items/{id}" << "/items/1/2" << false << "";
        QTest::newRow("two parameters") << "/users/{user}/orders/{order}" << "/users/u1/orders/o2" << true
                                        << "user=u1;order=o2";
        QTest::newRow("wildcard any") << "/*" << "/a/b/c" << true << "";
        QTest::newRow("wildcard empty") << "/*" << "/" << true << "";
        QTest::newRow("wildcard after literal") << "/files/*" << "/files/x/y" << true << "";
        QTest::newRow("wildcard literal mismatch") << "/files/*" << "/other/x" << false << "";
        QTest::newRow("query part ignored") << "/items?page={page}" << "/items" << true << "";
    }

    void match()
    {
        QFETCH(QString, templateText);
        QFETCH(QString, path);
        QFETCH(bool, matches);
        QFETCH(QString, parameters);

        QString error;
        const auto t = UrlTemplate::parse(templateText, &error);
        QVERIFY2(t, qPrintable(error));
        const auto result = t->match(path);
        QCOMPARE(bool(result), matches);
        if (!result)
            return;
        QStringList got;
        for (const auto &[n, v] : *result)
            got.append(n + QLatin1Char('=') + v);
        QCOMPARE(got.join(QLatin1Char(';')), parameters);
    }

    void invalid_data()
    {
        QTest::addColumn<QString>("templateText");
        QTest::addColumn<QString>("message");
        QTest::newRow("no leading slash") << "items" << "must start with '/'";
        QTest::newRow("unbalanced open") << "/items/{id" << "unbalanced '{' at position 8";
        QTest::newRow("parameter inside a segment") << "/items/a{id}"
                                                    << "parameter 'id' must be a whole path segment ('/{id}')";
        QTest::newRow("unbalanced close") << "/items/id}" << "unbalanced '}' at position 10";
        QTest::newRow("bad name") << "/items/{1d}" << "invalid parameter name '1d'";
        QTest::newRow("empty name") << "/items/{}" << "empty parameter name at position 8";
        QTest::newRow("duplicate") << "/a/{id}/b/{id}" << "duplicate parameter 'id'";
        QTest::newRow("wildcard in middle") << "/a/*/b" << "the '/*' wildcard is only allowed as the last segment";
    }

    void invalid()
    {
        QFETCH(QString, templateText);
        QFETCH(QString, message);
        QString error;
        QVERIFY(!UrlTemplate::parse(templateText, &error));
        QCOMPARE(error, message);
    }

    void specificity()
    {
        const auto literal = UrlTemplate::parse(QStringLiteral("/items/latest"));
        const auto parameter = UrlTemplate::parse(QStringLiteral("/items/{id}"));
        const auto wildcard = UrlTemplate::parse(QStringLiteral("/items/*"));
        QVERIFY(literal->specificity() > parameter->specificity());
        QVERIFY(parameter->specificity() > wildcard->specificity());
    }

    void expand_data()
    {
        QTest::addColumn<QString>("templateText");
        QTest::addColumn<QString>("expected");
        QTest::newRow("plain") << "/v2/items/{id}" << "/v2/items/a%20b";
        QTest::newRow("two") << "/{id}/{other}" << "/a%20b/x";
        QTest::newRow("unknown left empty") << "/{missing}/x" << "//x";
        QTest::newRow("query") << "/items?item={id}" << "/items?item=a%20b";
    }

    void expand()
    {
        QFETCH(QString, templateText);
        QFETCH(QString, expected);
        const UrlTemplate::Parameters values{{QStringLiteral("id"), QStringLiteral("a b")},
                                             {QStringLiteral("other"), QStringLiteral("x")}};
        QCOMPARE(UrlTemplate::expand(templateText, values), expected);
    }
};

QTEST_APPLESS_MAIN(TestUrlTemplate)
#include "tst_urltemplate.moc"
