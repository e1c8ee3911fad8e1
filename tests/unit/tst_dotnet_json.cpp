// Newtonsoft.Json.Linq semantics (JObject/JArray/JValue/JProperty). Expected
// strings are what Newtonsoft.Json 13 prints for the same calls.
#include "expr/runtime/DotNetClock.h"
#include "expr/runtime/JsonToken.h"

#include <QtTest>

using namespace sluice::dotnet;

namespace {

JsonToken::Ptr parsed(const QString &json)
{
    auto t = JsonToken::parse(json);
    if (!t.ok()) {
        qWarning("%s", qPrintable(t.error().toString()));
        return JsonToken::createNull();
    }
    return *t;
}

} // namespace

class TestDotNetJson : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init() { m_clock = std::make_unique<ScopedDotNetClock>(&m_fixed); }
    void cleanup()
    {
        m_clock.reset();
        JsonToken::setNewline(QStringLiteral("\n"));
    }
    void roundTrip_data();
    void roundTrip();
    void indented();
    void crlfNewline();
    void valueToString_data();
    void valueToString();
    void conversions_data();
    void conversions();
    void indexers();
    void mutation();
    void parentedTokensAreCloned();
    void parseErrors_data();
    void parseErrors();
    void typesAndCounts();
    void pathAndClone();
    void largeObject();

private:
    FixedDotNetClock m_fixed {0, 0}; // local zone = UTC, as on APIM
    std::unique_ptr<ScopedDotNetClock> m_clock;
};

void TestDotNetJson::roundTrip_data()
{
    QTest::addColumn<QString>("input");
    QTest::addColumn<QString>("compact");

    QTest::newRow("order preserved") << QStringLiteral(R"({"z":1,"a":2,"m":3})")
                                     << QStringLiteral(R"({"z":1,"a":2,"m":3})");
    QTest::newRow("nested") << QStringLiteral(R"( { "a" : [ 1 , { "b" : null } , [ ] ] , "c" : { } } )")
                            << QStringLiteral(R"({"a":[1,{"b":null},[]],"c":{}})");
    QTest::newRow("floats keep .0") << QStringLiteral(R"([1.0,1.5,-0.25,100.0,1e2,3.14159])")
                                    << QStringLiteral(R"([1.0,1.5,-0.25,100.0,100.0,3.14159])");
    QTest::newRow("float exponents") << QStringLiteral(R"([1e20,0.00001,0.0001,1e15,1e14,123456789012345678.0])")
                                     << QStringLiteral(
                                            R"([1E+20,1E-05,0.0001,1E+15,100000000000000.0,1.2345678901234568E+17])");
    QTest::newRow("big integer becomes float") << QStringLiteral(R"([9223372036854775807,99999999999999999999])")
                                               << QStringLiteral(R"([9223372036854775807,1E+20])");
    QTest::newRow("escapes") << QStringLiteral("[\"a\\\"b\\\\c\\n\\u0001\\u00e9/\\u2028<>\"]")
                             << QStringLiteral("[\"a\\\"b\\\\c\\n\\u0001\u00e9/\\u2028<>\"]");
    QTest::newRow("literals") << QStringLiteral("[true,false,null,undefined]")
                              << QStringLiteral("[true,false,null,undefined]");
    QTest::newRow("lenient syntax") << QStringLiteral("{a:1, 'b':'x', /*c*/ \"c\":[1,2,], // end\n}")
                                    << QStringLiteral(R"({"a":1,"b":"x","c":[1,2]})");
    QTest::newRow("duplicate keys keep first position")
        << QStringLiteral(R"({"a":1,"b":2,"a":3})") << QStringLiteral(R"({"a":3,"b":2})");
    QTest::newRow("dates")
        << QStringLiteral(
               R"(["2024-03-05T14:07:09Z","2024-03-05T14:07:09.120Z","2024-03-05T14:07:09","2024-03-05T14:07:09+02:00","2024-03-05"])")
        << QStringLiteral(
               R"(["2024-03-05T14:07:09Z","2024-03-05T14:07:09.12Z","2024-03-05T14:07:09","2024-03-05T12:07:09+00:00","2024-03-05"])");
    QTest::newRow("scalar root") << QStringLiteral(" 42 ") << QStringLiteral("42");
}

void TestDotNetJson::roundTrip()
{
    QFETCH(QString, input);
    const auto token = JsonToken::parse(input);
    QVERIFY2(token.ok(), qPrintable(token.error().toString()));
    QTEST((*token)->toString(JsonFormatting::None), "compact");
}

void TestDotNetJson::indented()
{
    const auto token = parsed(QStringLiteral(R"({"a":1,"b":[1,2,{"c":null}],"d":{},"e":[],"f":"x"})"));
    QCOMPARE(token->toString(),
             QStringLiteral("{\n"
                            "  \"a\": 1,\n"
                            "  \"b\": [\n"
                            "    1,\n"
                            "    2,\n"
                            "    {\n"
                            "      \"c\": null\n"
                            "    }\n"
                            "  ],\n"
                            "  \"d\": {},\n"
                            "  \"e\": [],\n"
                            "  \"f\": \"x\"\n"
                            "}"));
    QCOMPARE(JsonToken::createProperty(QStringLiteral("a"), JsonToken::createInteger(1))->toString(),
             QStringLiteral("\"a\": 1"));
    QCOMPARE(JsonToken::createArray()->toString(), QStringLiteral("[]"));
}

void TestDotNetJson::crlfNewline()
{
    JsonToken::setNewline(QStringLiteral("\r\n"));
    QCOMPARE(parsed(QStringLiteral(R"({"a":[1]})"))->toString(),
             QStringLiteral("{\r\n  \"a\": [\r\n    1\r\n  ]\r\n}"));
}

void TestDotNetJson::valueToString_data()
{
    QTest::addColumn<QString>("json");
    QTest::addColumn<QString>("toString");
    QTest::addColumn<QString>("toStringNone");
    QTest::addColumn<QString>("type");

    QTest::newRow("string") << QStringLiteral(R"("abc")") << QStringLiteral("abc") << QStringLiteral(R"("abc")")
                            << QStringLiteral("String");
    QTest::newRow("integer") << QStringLiteral("12") << QStringLiteral("12") << QStringLiteral("12")
                             << QStringLiteral("Integer");
    QTest::newRow("float whole") << QStringLiteral("1.0") << QStringLiteral("1") << QStringLiteral("1.0")
                                 << QStringLiteral("Float");
    QTest::newRow("bool") << QStringLiteral("true") << QStringLiteral("True") << QStringLiteral("true")
                          << QStringLiteral("Boolean");
    QTest::newRow("null") << QStringLiteral("null") << QString() << QStringLiteral("null") << QStringLiteral("Null");
    QTest::newRow("date") << QStringLiteral(R"("2024-03-05T14:07:09Z")") << QStringLiteral("03/05/2024 14:07:09")
                          << QStringLiteral(R"("2024-03-05T14:07:09Z")") << QStringLiteral("Date");
}

void TestDotNetJson::valueToString()
{
    QFETCH(QString, json);
    const auto token = parsed(json);
    QTEST(token->toString(), "toString");
    QTEST(token->toString(JsonFormatting::None), "toStringNone");
    QTEST(jTokenTypeName(token->type()), "type");
}

void TestDotNetJson::conversions_data()
{
    QTest::addColumn<QString>("json");
    QTest::addColumn<QString>("target");
    QTest::addColumn<QString>("expected");

    QTest::newRow("(string) int") << QStringLiteral("1") << QStringLiteral("string") << QStringLiteral("1");
    QTest::newRow("(string) float") << QStringLiteral("2.50") << QStringLiteral("string") << QStringLiteral("2.5");
    QTest::newRow("(string) bool") << QStringLiteral("false") << QStringLiteral("string") << QStringLiteral("False");
    QTest::newRow("(string) null") << QStringLiteral("null") << QStringLiteral("string") << QStringLiteral("<null>");
    QTest::newRow("(string) object") << QStringLiteral("{}") << QStringLiteral("string")
                                     << QStringLiteral("ArgumentException: Can not convert Object to String.");
    QTest::newRow("(string) array") << QStringLiteral("[]") << QStringLiteral("string")
                                    << QStringLiteral("ArgumentException: Can not convert Array to String.");
    QTest::newRow("(int) string") << QStringLiteral(R"("12")") << QStringLiteral("int") << QStringLiteral("12");
    QTest::newRow("(int) bad string") << QStringLiteral(R"("x")") << QStringLiteral("int")
                                      << QStringLiteral("FormatException: Input string was not in a correct format.");
    QTest::newRow("(int) 1.5 rounds to even") << QStringLiteral("1.5") << QStringLiteral("int") << QStringLiteral("2");
    QTest::newRow("(int) 2.5 rounds to even") << QStringLiteral("2.5") << QStringLiteral("int") << QStringLiteral("2");
    QTest::newRow("(int) bool") << QStringLiteral("true") << QStringLiteral("int") << QStringLiteral("1");
    QTest::newRow("(int) null") << QStringLiteral("null") << QStringLiteral("int")
                                << QStringLiteral("ArgumentException: Can not convert Null to Int32.");
    QTest::newRow("(int) overflow") << QStringLiteral("3000000000") << QStringLiteral("int")
                                    << QStringLiteral("OverflowException: Value was either too large or too small for "
                                                      "an Int32.");
    QTest::newRow("(long)") << QStringLiteral("3000000000") << QStringLiteral("long") << QStringLiteral("3000000000");
    QTest::newRow("(double) int") << QStringLiteral("3") << QStringLiteral("double") << QStringLiteral("3");
    QTest::newRow("(bool) string") << QStringLiteral(R"(" True ")") << QStringLiteral("bool") << QStringLiteral("True");
    QTest::newRow("(bool) bad") << QStringLiteral(R"("yes")") << QStringLiteral("bool")
                                << QStringLiteral("FormatException: String 'yes' was not recognized as a valid "
                                                  "Boolean.");
    QTest::newRow("(DateTime) string") << QStringLiteral(R"("not-iso 2024-03-05")") << QStringLiteral("DateTime")
                                       << QStringLiteral("FormatException: String 'not-iso 2024-03-05' was not "
                                                         "recognized as a valid DateTime.");
    QTest::newRow("(DateTime) date") << QStringLiteral(R"("2024-03-05T14:07:09Z")") << QStringLiteral("DateTime")
                                     << QStringLiteral("2024-03-05T14:07:09.0000000Z");
}

void TestDotNetJson::conversions()
{
    QFETCH(QString, json);
    QFETCH(QString, target);
    const auto token = parsed(json);
    QString actual;
    auto show = [&](const auto &result, auto format) {
        actual = result.ok() ? format(result.value()) : result.error().toString();
    };
    if (target == QLatin1String("string"))
        show(token->toDotNetString(), [](const QString &s) { return s.isNull() ? QStringLiteral("<null>") : s; });
    else if (target == QLatin1String("int"))
        show(token->toInt32(), [](int v) { return QString::number(v); });
    else if (target == QLatin1String("long"))
        show(token->toInt64(), [](qint64 v) { return QString::number(v); });
    else if (target == QLatin1String("double"))
        show(token->toDouble(), [](double v) { return QString::number(v); });
    else if (target == QLatin1String("bool"))
        show(token->toBoolean(), [](bool v) { return v ? QStringLiteral("True") : QStringLiteral("False"); });
    else
        show(token->toDateTime(), [](const DotNetDateTime &d) { return *d.toString(QStringLiteral("o")); });
    QTEST(actual, "expected");
}

void TestDotNetJson::indexers()
{
    const auto obj = parsed(QStringLiteral(R"({"a":{"b":[10,20]},"s":"x"})"));
    QCOMPARE(obj->get(QStringLiteral("missing")).value(), nullptr);
    QCOMPARE((*(*obj->get(QStringLiteral("a")))->get(QStringLiteral("b")))->get(1).value()->integerValue(), 20);
    QCOMPARE(obj->get(0).error().toString(),
             QStringLiteral("ArgumentException: Accessed JObject values with invalid key value: 0. Object property "
                            "name expected."));
    const auto arr = obj->value(QStringLiteral("a"))->value(QStringLiteral("b"));
    QCOMPARE(arr->get(QStringLiteral("x")).error().toString(),
             QStringLiteral("ArgumentException: Accessed JArray values with invalid key value: \"x\". Int32 array "
                            "index expected."));
    QCOMPARE(arr->get(2).error().toString(),
             QStringLiteral("ArgumentOutOfRangeException: Index was out of range. Must be non-negative and less than "
                            "the size of the collection. (Parameter 'index')"));
    QCOMPARE(obj->value(QStringLiteral("s"))->get(QStringLiteral("x")).error().toString(),
             QStringLiteral("InvalidOperationException: Cannot access child value on Newtonsoft.Json.Linq.JValue."));
}

void TestDotNetJson::mutation()
{
    const auto obj = parsed(QStringLiteral(R"({"a":1,"b":2})"));
    QVERIFY(!obj->set(QStringLiteral("a"), JsonToken::createString(QStringLiteral("x"))));
    QVERIFY(!obj->set(QStringLiteral("c"), JsonToken::createFloat(1)));
    QVERIFY(!obj->set(QStringLiteral("n"), nullptr));
    QCOMPARE(obj->toString(JsonFormatting::None), QStringLiteral(R"({"a":"x","b":2,"c":1.0,"n":null})"));
    QCOMPARE(obj->add(QStringLiteral("b"), JsonToken::createInteger(5))->toString(),
             QStringLiteral("ArgumentException: Can not add property b to Newtonsoft.Json.Linq.JObject. Property "
                            "with the same name already exists on object."));
    QVERIFY(obj->remove(QStringLiteral("b")));
    QVERIFY(!obj->remove(QStringLiteral("b")));
    QVERIFY(!obj->add(JsonToken::createProperty(QStringLiteral("p"), JsonToken::createBool(true))));
    QCOMPARE(obj->add(JsonToken::createInteger(1))->toString(),
             QStringLiteral("ArgumentException: Can not add Newtonsoft.Json.Linq.JValue to "
                            "Newtonsoft.Json.Linq.JObject."));
    QCOMPARE(obj->toString(JsonFormatting::None), QStringLiteral(R"({"a":"x","c":1.0,"n":null,"p":true})"));

    const auto arr = JsonToken::createArray();
    QVERIFY(!arr->add(JsonToken::createInteger(1)));
    QVERIFY(!arr->add(JsonToken::createString(QStringLiteral("two"))));
    QVERIFY(!arr->insert(0, JsonToken::createNull()));
    QVERIFY(!arr->set(1, JsonToken::createInteger(9)));
    QCOMPARE(arr->toString(JsonFormatting::None), QStringLiteral(R"([null,9,"two"])"));
    QVERIFY(!arr->removeAt(0));
    QCOMPARE(arr->count(), 2);
    QVERIFY(!arr->first()->removeFromParent());
    QCOMPARE(arr->toString(JsonFormatting::None), QStringLiteral(R"(["two"])"));
    QCOMPARE(JsonToken::createNull()->removeFromParent()->toString(),
             QStringLiteral("InvalidOperationException: The parent is missing."));
}

void TestDotNetJson::parentedTokensAreCloned()
{
    const auto a = parsed(QStringLiteral(R"({"x":{"y":1}})"));
    const auto b = JsonToken::createObject();
    const auto x = a->value(QStringLiteral("x"));
    QVERIFY(!b->add(QStringLiteral("copy"), x));
    QVERIFY(!x->set(QStringLiteral("y"), JsonToken::createInteger(2)));
    QCOMPARE(b->toString(JsonFormatting::None), QStringLiteral(R"({"copy":{"y":1}})"));
    QCOMPARE(a->toString(JsonFormatting::None), QStringLiteral(R"({"x":{"y":2}})"));
}

void TestDotNetJson::parseErrors_data()
{
    QTest::addColumn<QString>("kind");
    QTest::addColumn<QString>("json");
    QTest::addColumn<QString>("error");

    QTest::newRow("empty") << QStringLiteral("JToken") << QString()
                           << QStringLiteral("JsonReaderException: Error reading JToken from JsonReader. Path '', line "
                                             "0, position 0.");
    QTest::newRow("object expected") << QStringLiteral("JObject") << QStringLiteral("[1]")
                                     << QStringLiteral("JsonReaderException: Error reading JObject from JsonReader. "
                                                       "Current JsonReader item is not an object: StartArray. Path "
                                                       "'', line 1, position 1.");
    QTest::newRow("array expected") << QStringLiteral("JArray") << QStringLiteral("{}")
                                    << QStringLiteral("JsonReaderException: Error reading JArray from JsonReader. "
                                                      "Current JsonReader item is not an array: StartObject. Path "
                                                      "'', line 1, position 1.");
    QTest::newRow("additional text") << QStringLiteral("JToken") << QStringLiteral(R"({"a":1}x)")
                                     << QStringLiteral("JsonReaderException: Additional text encountered after "
                                                       "finished reading JSON content: x. Path '', line 1, position "
                                                       "8.");
    QTest::newRow("missing colon") << QStringLiteral("JToken") << QStringLiteral(R"({"a" 1})")
                                   << QStringLiteral("JsonReaderException: Invalid character after parsing property "
                                                     "name. Expected ':' but got: 1. Path 'a', line 1, position 6.");
    QTest::newRow("unterminated string") << QStringLiteral("JToken") << QStringLiteral(R"({"a":"x)")
                                         << QStringLiteral("JsonReaderException: Unterminated string. Expected "
                                                           "delimiter: \". Path 'a', line 1, position 7.");
    QTest::newRow("unterminated object") << QStringLiteral("JObject") << QStringLiteral(R"({"a":1)")
                                         << QStringLiteral("JsonReaderException: Unexpected end of content while "
                                                           "loading JObject. Path 'a', line 1, position 6.");
    QTest::newRow("bad value") << QStringLiteral("JToken") << QStringLiteral("{\n  \"a\": x}")
                               << QStringLiteral("JsonReaderException: Unexpected character encountered while "
                                                 "parsing value: x. Path 'a', line 2, position 8.");
}

void TestDotNetJson::parseErrors()
{
    QFETCH(QString, kind);
    QFETCH(QString, json);
    const auto token = kind == QLatin1String("JObject") ? JsonToken::parseObject(json)
        : kind == QLatin1String("JArray")               ? JsonToken::parseArray(json)
                                                        : JsonToken::parse(json);
    QVERIFY(!token.ok());
    QTEST(token.error().toString(), "error");
}

void TestDotNetJson::typesAndCounts()
{
    const auto obj = parsed(QStringLiteral(R"({"a":1,"b":[1,2,3],"c":{}})"));
    QCOMPARE(obj->count(), 3);
    QVERIFY(obj->hasValues());
    QVERIFY(!obj->value(QStringLiteral("c"))->hasValues());
    QVERIFY(!obj->value(QStringLiteral("a"))->hasValues());
    QCOMPARE(obj->value(QStringLiteral("b"))->count(), 3);
    QStringList names;
    for (const auto &p : obj->properties())
        names.append(p->name() + QLatin1Char('=') + jTokenTypeName(p->propertyValue()->type()));
    QCOMPARE(names.join(QLatin1Char(',')), QStringLiteral("a=Integer,b=Array,c=Object"));
    QCOMPARE(obj->children().size(), 3);
    QCOMPARE(jTokenTypeName(obj->children().first()->type()), QStringLiteral("Property"));
    QVERIFY(obj->containsKey(QStringLiteral("b")));
    QCOMPARE(obj->property(QStringLiteral("b"))->toString(JsonFormatting::None), QStringLiteral(R"("b":[1,2,3])"));
    QCOMPARE(JsonToken::quote(QStringLiteral("he said \"hi\"")), QStringLiteral("\"he said \\\"hi\\\"\""));
    QCOMPARE(JsonToken::createString(QStringLiteral("v"))->serialize(), QStringLiteral(R"("v")"));
}

void TestDotNetJson::pathAndClone()
{
    const auto obj = parsed(QStringLiteral(R"({"b":[0,1,{"c":null}],"odd key":{"x":1}})"));
    const auto c = obj->value(QStringLiteral("b"))->get(2).value()->value(QStringLiteral("c"));
    QCOMPARE(c->path(), QStringLiteral("b[2].c"));
    QCOMPARE(obj->value(QStringLiteral("odd key"))->value(QStringLiteral("x"))->path(),
             QStringLiteral("['odd key'].x"));
    const auto clone = obj->deepClone();
    QVERIFY(clone->deepEquals(*obj));
    QVERIFY(!clone->set(QStringLiteral("b"), JsonToken::createNull()));
    QVERIFY(!clone->deepEquals(*obj));
    QCOMPARE(obj->value(QStringLiteral("b"))->count(), 3);
    QCOMPARE(clone->parent(), nullptr);
}

void TestDotNetJson::largeObject()
{
    const auto obj = JsonToken::createObject();
    for (int i = 0; i < 40; ++i)
        QVERIFY(!obj->add(QStringLiteral("k%1").arg(i), JsonToken::createInteger(i)));
    QCOMPARE(obj->value(QStringLiteral("k33"))->integerValue(), 33);
    QVERIFY(obj->remove(QStringLiteral("k10")));
    QCOMPARE(obj->value(QStringLiteral("k10")), nullptr);
    QCOMPARE(obj->value(QStringLiteral("k39"))->integerValue(), 39);
    QVERIFY(!obj->set(QStringLiteral("k10"), JsonToken::createInteger(-1)));
    QCOMPARE(obj->properties().last()->name(), QStringLiteral("k10"));
}

QTEST_GUILESS_MAIN(TestDotNetJson)
#include "tst_dotnet_json.moc"
