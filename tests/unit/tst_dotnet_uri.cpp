// System.Uri: construction, canonical form, properties and resolution of
// relative references, with the strings .NET 6 prints.
#include "expr/runtime/DotNetUri.h"

#include <QtTest>

using namespace sluice::dotnet;

class TestDotNetUri : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void resolve_data();
    void resolve();
    void properties();
    void canonical_data();
    void canonical();
    void errors_data();
    void errors();
    void relative();
    void escaping_data();
    void escaping();
};

void TestDotNetUri::resolve_data()
{
    QTest::addColumn<QString>("base");
    QTest::addColumn<QString>("relative");
    QTest::addColumn<QString>("expected");

    const QString apim = QStringLiteral("https://apimairlineapi.azurewebsites.net/UserProfile/");
    QTest::newRow("apim sample") << apim << QStringLiteral("123")
                                 << QStringLiteral("https://apimairlineapi.azurewebsites.net/UserProfile/123");
    QTest::newRow("no trailing slash") << QStringLiteral("https://h/a/b") << QStringLiteral("c")
                                       << QStringLiteral("https://h/a/c");
    QTest::newRow("rooted") << apim << QStringLiteral("/root?x=1")
                            << QStringLiteral("https://apimairlineapi.azurewebsites.net/root?x=1");
    QTest::newRow("network path") << apim << QStringLiteral("//other:8443/p") << QStringLiteral("https://other:8443/p");
    QTest::newRow("absolute wins") << apim << QStringLiteral("http://abs/x") << QStringLiteral("http://abs/x");
    QTest::newRow("escapes relative") << apim << QStringLiteral("a b/\u00fc")
                                      << QStringLiteral("https://apimairlineapi.azurewebsites.net/UserProfile/a%20b/"
                                                        "%C3%BC");
    QTest::newRow("backslash") << apim << QStringLiteral("x\\y")
                               << QStringLiteral("https://apimairlineapi.azurewebsites.net/UserProfile/x/y");
    // RFC 3986 section 5.4.1
    const QString rfc = QStringLiteral("http://a/b/c/d;p?q");
    QTest::newRow("rfc g") << rfc << QStringLiteral("g") << QStringLiteral("http://a/b/c/g");
    QTest::newRow("rfc ./g") << rfc << QStringLiteral("./g") << QStringLiteral("http://a/b/c/g");
    QTest::newRow("rfc g/") << rfc << QStringLiteral("g/") << QStringLiteral("http://a/b/c/g/");
    QTest::newRow("rfc /g") << rfc << QStringLiteral("/g") << QStringLiteral("http://a/g");
    QTest::newRow("rfc ?y") << rfc << QStringLiteral("?y") << QStringLiteral("http://a/b/c/d;p?y");
    QTest::newRow("rfc g?y") << rfc << QStringLiteral("g?y") << QStringLiteral("http://a/b/c/g?y");
    QTest::newRow("rfc #s") << rfc << QStringLiteral("#s") << QStringLiteral("http://a/b/c/d;p?q#s");
    QTest::newRow("rfc g#s") << rfc << QStringLiteral("g#s") << QStringLiteral("http://a/b/c/g#s");
    QTest::newRow("rfc empty") << rfc << QString(QLatin1String("")) << QStringLiteral("http://a/b/c/d;p?q");
    QTest::newRow("rfc .") << rfc << QStringLiteral(".") << QStringLiteral("http://a/b/c/");
    QTest::newRow("rfc ..") << rfc << QStringLiteral("..") << QStringLiteral("http://a/b/");
    QTest::newRow("rfc ../g") << rfc << QStringLiteral("../g") << QStringLiteral("http://a/b/g");
    QTest::newRow("rfc ../..") << rfc << QStringLiteral("../..") << QStringLiteral("http://a/");
    QTest::newRow("rfc ../../../g") << rfc << QStringLiteral("../../../g") << QStringLiteral("http://a/g");
    QTest::newRow("rfc /./g") << rfc << QStringLiteral("/./g") << QStringLiteral("http://a/g");
    QTest::newRow("rfc g.") << rfc << QStringLiteral("g.") << QStringLiteral("http://a/b/c/g.");
    QTest::newRow("rfc g;x=1/../y") << rfc << QStringLiteral("g;x=1/../y") << QStringLiteral("http://a/b/c/y");
}

void TestDotNetUri::resolve()
{
    QFETCH(QString, base);
    QFETCH(QString, relative);
    const auto baseUri = DotNetUri::create(base);
    QVERIFY(baseUri.ok());
    const auto uri = DotNetUri::create(*baseUri, relative);
    QVERIFY2(uri.ok(), qPrintable(uri.error().toString()));
    QTEST(uri->absoluteUri(), "expected");
}

void TestDotNetUri::properties()
{
    const auto uri = DotNetUri::create(QStringLiteral("HTTPS://user@Example.COM:443/a%20b/c.txt?x=1&y=%41#frag"));
    QVERIFY(uri.ok());
    QCOMPARE(uri->scheme(), QStringLiteral("https"));
    QCOMPARE(uri->host(), QStringLiteral("example.com"));
    QCOMPARE(uri->port(), 443);
    QVERIFY(uri->isDefaultPort());
    QCOMPARE(uri->userInfo(), QStringLiteral("user"));
    QCOMPARE(uri->authority(), QStringLiteral("example.com"));
    QCOMPARE(uri->absoluteUri(), QStringLiteral("https://user@example.com/a%20b/c.txt?x=1&y=A#frag"));
    QCOMPARE(uri->absolutePath(), QStringLiteral("/a%20b/c.txt"));
    QCOMPARE(uri->localPath(), QStringLiteral("/a b/c.txt"));
    QCOMPARE(uri->pathAndQuery(), QStringLiteral("/a%20b/c.txt?x=1&y=A"));
    QCOMPARE(uri->query(), QStringLiteral("?x=1&y=A"));
    QCOMPARE(uri->fragment(), QStringLiteral("#frag"));
    QCOMPARE(uri->segments(), (QStringList {QStringLiteral("/"), QStringLiteral("a%20b/"), QStringLiteral("c.txt")}));
    QCOMPARE(uri->toString(), QStringLiteral("https://user@example.com/a b/c.txt?x=1&y=A#frag"));
    QVERIFY(uri->isAbsoluteUri());
    QCOMPARE(uri->originalString(), QStringLiteral("HTTPS://user@Example.COM:443/a%20b/c.txt?x=1&y=%41#frag"));

    const auto port = DotNetUri::create(QStringLiteral("http://host:8080"));
    QCOMPARE(port->absoluteUri(), QStringLiteral("http://host:8080/"));
    QCOMPARE(port->port(), 8080);
    QVERIFY(!port->isDefaultPort());
    QCOMPARE(port->authority(), QStringLiteral("host:8080"));
    QCOMPARE(port->segments(), QStringList {QStringLiteral("/")});
    QCOMPARE(DotNetUri::create(QStringLiteral("urn:isbn:123"))->port(), -1);
    QVERIFY(DotNetUri::create(QStringLiteral("http://localhost/"))->isLoopback());
}

void TestDotNetUri::canonical_data()
{
    QTest::addColumn<QString>("input");
    QTest::addColumn<QString>("absoluteUri");
    QTest::addColumn<QString>("toString");

    QTest::newRow("space") << QStringLiteral("http://h/a b?c d") << QStringLiteral("http://h/a%20b?c%20d")
                           << QStringLiteral("http://h/a b?c d");
    QTest::newRow("non-ascii") << QStringLiteral("http://h/\u00fc") << QStringLiteral("http://h/%C3%BC")
                               << QStringLiteral("http://h/\u00fc");
    QTest::newRow("reserved stays escaped")
        << QStringLiteral("http://h/a%2fb?q=a%26b") << QStringLiteral("http://h/a%2Fb?q=a%26b")
        << QStringLiteral("http://h/a%2Fb?q=a%26b");
    QTest::newRow("unsafe ascii") << QStringLiteral("http://h/{x}|^\"<>`")
                                  << QStringLiteral("http://h/%7Bx%7D%7C%5E%22%3C%3E%60")
                                  << QStringLiteral("http://h/{x}|^\"<>`");
    QTest::newRow("dot segments") << QStringLiteral("http://h/a/./b/../c") << QStringLiteral("http://h/a/c")
                                  << QStringLiteral("http://h/a/c");
    QTest::newRow("default port dropped")
        << QStringLiteral("http://H:80") << QStringLiteral("http://h/") << QStringLiteral("http://h/");
    QTest::newRow("lone percent") << QStringLiteral("http://h/100%") << QStringLiteral("http://h/100%25")
                                  << QStringLiteral("http://h/100%25");
    QTest::newRow("ipv6") << QStringLiteral("http://[::1]:5000/x") << QStringLiteral("http://[::1]:5000/x")
                          << QStringLiteral("http://[::1]:5000/x");
    QTest::newRow("mailto") << QStringLiteral("mailto:a@b.c") << QStringLiteral("mailto:a@b.c")
                            << QStringLiteral("mailto:a@b.c");
}

void TestDotNetUri::canonical()
{
    QFETCH(QString, input);
    const auto uri = DotNetUri::create(input);
    QVERIFY2(uri.ok(), qPrintable(uri.error().toString()));
    QTEST(uri->absoluteUri(), "absoluteUri");
    QTEST(uri->toString(), "toString");
}

void TestDotNetUri::errors_data()
{
    QTest::addColumn<QString>("input");
    QTest::addColumn<QString>("error");
    QTest::newRow("relative") << QStringLiteral("relative/path")
                              << QStringLiteral("UriFormatException: Invalid URI: The format of the URI could not be "
                                                "determined.");
    QTest::newRow("empty") << QString(QLatin1String(""))
                           << QStringLiteral("UriFormatException: Invalid URI: The URI is empty.");
    QTest::newRow("port") << QStringLiteral("http://h:99999/")
                          << QStringLiteral("UriFormatException: Invalid URI: Invalid port specified.");
    QTest::newRow("no host") << QStringLiteral("http://")
                             << QStringLiteral("UriFormatException: Invalid URI: The hostname could not be parsed.");
    QTest::newRow("null") << QString()
                          << QStringLiteral("ArgumentNullException: Value cannot be null. (Parameter "
                                            "'uriString')");
}

void TestDotNetUri::errors()
{
    QFETCH(QString, input);
    const auto uri = DotNetUri::create(input);
    QVERIFY(!uri.ok());
    QTEST(uri.error().toString(), "error");
    QVERIFY(!DotNetUri::tryCreate(input, UriKind::Absolute, nullptr));
}

void TestDotNetUri::relative()
{
    const auto uri = DotNetUri::create(QStringLiteral("/x/y?z"), UriKind::RelativeOrAbsolute);
    QVERIFY(uri.ok());
    QVERIFY(!uri->isAbsoluteUri());
    QCOMPARE(uri->toString(), QStringLiteral("/x/y?z"));
    QCOMPARE(DotNetUri::relativeError().toString(),
             QStringLiteral("InvalidOperationException: This operation is not supported for a relative URI."));
    const auto combined = DotNetUri::create(*DotNetUri::create(QStringLiteral("http://h/a/")), *uri);
    QCOMPARE(combined->absoluteUri(), QStringLiteral("http://h/x/y?z"));
    QVERIFY(DotNetUri::isWellFormedUriString(QStringLiteral("http://h/a"), UriKind::Absolute));
    QVERIFY(!DotNetUri::isWellFormedUriString(QStringLiteral("http://h/a b"), UriKind::Absolute));
}

void TestDotNetUri::escaping_data()
{
    QTest::addColumn<QString>("input");
    QTest::addColumn<QString>("escaped");
    QTest::addColumn<QString>("unescaped");
    QTest::newRow("data") << QStringLiteral("a b&c/d~\u00e9") << QStringLiteral("a%20b%26c%2Fd~%C3%A9")
                          << QStringLiteral("a b&c/d~\u00e9");
    QTest::newRow("reserved") << QStringLiteral("!*'();:@=+$,?#[]")
                              << QStringLiteral("%21%2A%27%28%29%3B%3A%40%3D%2B%24%2C%3F%23%5B%5D")
                              << QStringLiteral("!*'();:@=+$,?#[]");
    QTest::newRow("emoji") << QStringLiteral("\U0001F600") << QStringLiteral("%F0%9F%98%80")
                           << QStringLiteral("\U0001F600");
}

void TestDotNetUri::escaping()
{
    QFETCH(QString, input);
    QTEST(DotNetUri::escapeDataString(input), "escaped");
    QFETCH(QString, escaped);
    QTEST(DotNetUri::unescapeDataString(escaped), "unescaped");
    QCOMPARE(DotNetUri::unescapeDataString(QStringLiteral("a%20b%2Fc%C3%A9%ZZ%%C3")),
             QStringLiteral("a b/c\u00e9%ZZ%%C3"));
    QCOMPARE(DotNetUri::escapeUriString(QStringLiteral("http://h/a b?x=1#f")), QStringLiteral("http://h/a%20b?x=1#f"));
}

QTEST_GUILESS_MAIN(TestDotNetUri)
#include "tst_dotnet_uri.moc"
