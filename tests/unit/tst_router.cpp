// Router: the API by its path prefix (decoded, case-insensitive, longest
// first), the operation by method and template, the relative path handed on.
#include "gateway/Router.h"

#include <QTest>

using namespace sluice;

namespace {

Api api(const QString &id, const QString &path, QList<Operation> operations)
{
    Api a;
    a.id = id;
    a.path = path;
    a.serviceUrl = QStringLiteral("http://127.0.0.1:1");
    a.operations = std::move(operations);
    return a;
}

Operation op(const QString &id, const QString &method, const QString &urlTemplate)
{
    return Operation {id, id, method, urlTemplate};
}

Workspace workspace()
{
    Workspace w;
    w.apis.append(
        api(QStringLiteral("root"), QString(), {op(QStringLiteral("any"), QStringLiteral("*"), QStringLiteral("/*"))}));
    w.apis.append(api(QStringLiteral("shop"), QStringLiteral("shop"),
                      {op(QStringLiteral("get-product"), QStringLiteral("GET"), QStringLiteral("/products/{id}")),
                       op(QStringLiteral("list"), QStringLiteral("GET"), QStringLiteral("/products")),
                       op(QStringLiteral("create"), QStringLiteral("POST"), QStringLiteral("/products"))}));
    w.apis.append(api(QStringLiteral("shop-v2"), QStringLiteral("shop/v2"),
                      {op(QStringLiteral("all"), QStringLiteral("GET"), QStringLiteral("/*"))}));
    w.apis.append(api(QStringLiteral("cafe"), QStringLiteral("Café"),
                      {op(QStringLiteral("menu"), QStringLiteral("GET"), QStringLiteral("/menu"))}));
    return w;
}

} // namespace

class TestRouter : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void matchesApiAndRelativePath_data()
    {
        QTest::addColumn<QByteArray>("method");
        QTest::addColumn<QByteArray>("path");
        QTest::addColumn<QString>("api");
        QTest::addColumn<QString>("operation");
        QTest::addColumn<QString>("relative");

        QTest::newRow("template parameter") << QByteArray("GET") << QByteArray("/shop/products/42") << "shop"
                                            << "get-product"
                                            << "/products/42";
        QTest::newRow("literal") << QByteArray("GET") << QByteArray("/shop/products") << "shop"
                                 << "list"
                                 << "/products";
        QTest::newRow("method picks the operation") << QByteArray("POST") << QByteArray("/shop/products") << "shop"
                                                    << "create"
                                                    << "/products";
        QTest::newRow("HEAD served by GET") << QByteArray("HEAD") << QByteArray("/shop/products") << "shop"
                                            << "list"
                                            << "/products";
        QTest::newRow("prefix ignores case") << QByteArray("GET") << QByteArray("/SHOP/products") << "shop"
                                             << "list"
                                             << "/products";
        QTest::newRow("percent-encoded prefix") << QByteArray("GET") << QByteArray("/%73hop/products") << "shop"
                                                << "list"
                                                << "/products";
        QTest::newRow("longest prefix first") << QByteArray("GET") << QByteArray("/shop/v2/anything") << "shop-v2"
                                              << "all"
                                              << "/anything";
        QTest::newRow("UTF-8 prefix, other case") << QByteArray("GET") << QByteArray("/CAFÉ/menu") << "cafe"
                                                  << "menu"
                                                  << "/menu";
        QTest::newRow("UTF-8 prefix encoded") << QByteArray("GET") << QByteArray("/caf%C3%A9/menu") << "cafe"
                                              << "menu"
                                              << "/menu";
        QTest::newRow("API root without slash") << QByteArray("GET") << QByteArray("/shop/v2") << "shop-v2"
                                                << "all"
                                                << "/";
        QTest::newRow("API root with slash") << QByteArray("GET") << QByteArray("/shop/v2/") << "shop-v2"
                                             << "all"
                                             << "/";
        QTest::newRow("double slash kept") << QByteArray("GET") << QByteArray("/shop/v2//x") << "shop-v2"
                                           << "all"
                                           << "//x";
        QTest::newRow("relative path stays encoded")
            << QByteArray("GET") << QByteArray("/shop/v2/a%20b/%C3%A9") << "shop-v2"
            << "all"
            << "/a%20b/%C3%A9";
        QTest::newRow("segment prefix only") << QByteArray("GET") << QByteArray("/shopping/x") << "root"
                                             << "any"
                                             << "/shopping/x";
        QTest::newRow("empty prefix") << QByteArray("DELETE") << QByteArray("/") << "root"
                                      << "any"
                                      << "/";
    }

    void matchesApiAndRelativePath()
    {
        QFETCH(QByteArray, method);
        QFETCH(QByteArray, path);
        QFETCH(QString, api);
        QFETCH(QString, operation);
        QFETCH(QString, relative);
        const Workspace w = workspace();
        const Router router(w);
        const Router::Match m = router.match(method, path);
        QVERIFY(m.api);
        QCOMPARE(m.api->api->id, api);
        QVERIFY(m.operation);
        QCOMPARE(m.operation->operation->id, operation);
        QCOMPARE(m.relativePath, relative);
    }

    void reportsTemplateParameters()
    {
        const Workspace w = workspace();
        const Router router(w);
        const Router::Match m = router.match("GET", "/shop/products/a%20b");
        QVERIFY(m.operation);
        QCOMPARE(m.parameters.size(), 1);
        QCOMPARE(m.parameters.first().first, QStringLiteral("id"));
        QCOMPARE(m.parameters.first().second, QStringLiteral("a b"));
    }

    void apiWithoutMatchingOperation()
    {
        const Workspace w = workspace();
        const Router router(w);
        const Router::Match m = router.match("PUT", "/shop/products");
        QVERIFY(m.api);
        QCOMPARE(m.api->api->id, QStringLiteral("shop"));
        QVERIFY(!m.operation);
    }
};

QTEST_GUILESS_MAIN(TestRouter)
#include "tst_router.moc"
