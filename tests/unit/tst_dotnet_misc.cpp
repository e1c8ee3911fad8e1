// Convert, Encoding, WebUtility, hashes, string.Format, number formatting and
// Parse rules, with the results .NET 6 gives in the invariant culture.
#include "expr/runtime/DotNetConvert.h"
#include "expr/runtime/DotNetDouble.h"
#include "expr/runtime/DotNetEncoding.h"
#include "expr/runtime/DotNetFormat.h"
#include "expr/runtime/DotNetHash.h"
#include "expr/runtime/DotNetNumberFormat.h"
#include "expr/runtime/DotNetWebUtility.h"

#include <QtTest>

#include <cmath>

using namespace sluice::dotnet;

namespace {

template<typename T> QString show(const DotNetResult<T> &r, const std::function<QString(const T &)> &format)
{
    return r.ok() ? format(r.value()) : r.error().toString();
}

const QString kBadFormat = QStringLiteral("FormatException: Input string was not in a correct format.");

} // namespace

class TestDotNetMisc : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void base64_data();
    void base64();
    void convertNumbers();
    void encodings();
    void urlEncode_data();
    void urlEncode();
    void html();
    void hashes();
    void compositeFormat_data();
    void compositeFormat();
    void numberFormat_data();
    void numberFormat();
    void doubleToString_data();
    void doubleToString();
    void parse_data();
    void parse();
};

void TestDotNetMisc::base64_data()
{
    QTest::addColumn<QString>("input");
    QTest::addColumn<QString>("expected"); // decoded UTF-8 or error
    const QString bad = QStringLiteral("FormatException: The input is not a valid Base-64 string as it contains a "
                                       "non-base 64 character, more than two padding characters, or an illegal "
                                       "character among the padding characters.");
    QTest::newRow("plain") << QStringLiteral("aGVsbG8=") << QStringLiteral("hello");
    QTest::newRow("white space ignored") << QStringLiteral(" aGVs\r\nbG8= ") << QStringLiteral("hello");
    QTest::newRow("no padding") << QStringLiteral("aGVsbG8") << bad;
    QTest::newRow("too much padding") << QStringLiteral("a===") << bad;
    QTest::newRow("data after padding") << QStringLiteral("aGVsbG8=aGVs") << bad;
    QTest::newRow("url alphabet") << QStringLiteral("a-b_") << bad;
    QTest::newRow("empty") << QString(QLatin1String("")) << QString(QLatin1String(""));
}

void TestDotNetMisc::base64()
{
    QFETCH(QString, input);
    QTEST(show<QByteArray>(DotNetConvert::fromBase64String(input),
                           [](const QByteArray &b) { return QString::fromUtf8(b); }),
          "expected");
    QCOMPARE(DotNetConvert::toBase64String(QByteArrayLiteral("hello")), QStringLiteral("aGVsbG8="));
}

void TestDotNetMisc::convertNumbers()
{
    auto i32 = [](const DotNetResult<int> &r) { return show<int>(r, [](const int &v) { return QString::number(v); }); };
    QCOMPARE(i32(DotNetConvert::toInt32(QStringLiteral("  42 "))), QStringLiteral("42"));
    QCOMPARE(i32(DotNetConvert::toInt32(QString())), QStringLiteral("0"));
    QCOMPARE(i32(DotNetConvert::toInt32(QStringLiteral("4.2"))), kBadFormat);
    QCOMPARE(i32(DotNetConvert::toInt32(QStringLiteral("2147483648"))),
             QStringLiteral("OverflowException: Value was either too large or too small for an Int32."));
    QCOMPARE(i32(DotNetConvert::toInt32(QStringLiteral("ff"), 16)), QStringLiteral("255"));
    QCOMPARE(i32(DotNetConvert::toInt32(QStringLiteral("ffffffff"), 16)), QStringLiteral("-1"));
    QCOMPARE(i32(DotNetConvert::toInt32(QStringLiteral("101"), 2)), QStringLiteral("5"));
    QCOMPARE(i32(DotNetConvert::toInt32(2.5)), QStringLiteral("2"));
    QCOMPARE(i32(DotNetConvert::toInt32(3.5)), QStringLiteral("4"));
    QCOMPARE(i32(DotNetConvert::toInt32(-2.5)), QStringLiteral("-2"));
    QCOMPARE(i32(DotNetConvert::toInt32(3e9)),
             QStringLiteral("OverflowException: Value was either too large or too small for an Int32."));
    QCOMPARE(*DotNetConvert::toString(255, 2), QStringLiteral("11111111"));
    QCOMPARE(*DotNetConvert::toString(-1, 16), QStringLiteral("ffffffff"));
    QCOMPARE(DotNetConvert::bitConverterToString(QByteArray::fromHex("0aff10")), QStringLiteral("0A-FF-10"));
    QCOMPARE(DotNetConvert::toHexString(QByteArray::fromHex("0aff")), QStringLiteral("0AFF"));
    QCOMPARE(*DotNetConvert::fromHexString(QStringLiteral("0aFF")), QByteArray::fromHex("0aff"));
}

void TestDotNetMisc::encodings()
{
    QCOMPARE(DotNetEncoding::utf8().getBytes(QStringLiteral("\u00e9")), QByteArray("\xc3\xa9"));
    QCOMPARE(DotNetEncoding::utf8().getBytes(QString(QChar(0xD800))), QByteArray("\xef\xbf\xbd"));
    QCOMPARE(DotNetEncoding::ascii().getBytes(QStringLiteral("a\u00e9\U0001F600")), QByteArray("a??"));
    QCOMPARE(DotNetEncoding::ascii().getString(QByteArray("a\xc3")), QStringLiteral("a?"));
    QCOMPARE(DotNetEncoding::utf8().getString(QByteArray("a\xc3")), QStringLiteral("a\ufffd"));
    QCOMPARE(DotNetEncoding::utf8().getString(QByteArray("\xc3\xa9")), QStringLiteral("\u00e9"));
    QCOMPARE(DotNetEncoding::unicode().getBytes(QStringLiteral("A")), QByteArray("A\0", 2));
    QCOMPARE(DotNetEncoding::unicode().getString(QByteArray("A\0", 2)), QStringLiteral("A"));
    QCOMPARE(DotNetEncoding::fromName(QStringLiteral("ISO-8859-1"))->getBytes(QStringLiteral("\u00e9\u20ac")),
             QByteArray("\xe9?"));
    QVERIFY(!DotNetEncoding::fromName(QStringLiteral("klingon")));
    QCOMPARE(DotNetEncoding::utf8().getByteCount(QStringLiteral("\u00e9")), 2);
}

void TestDotNetMisc::urlEncode_data()
{
    QTest::addColumn<QString>("input");
    QTest::addColumn<QString>("encoded");
    QTest::newRow("mixed") << QStringLiteral("a b&c=d/\u00e9~!*()'")
                           << QStringLiteral("a+b%26c%3Dd%2F%C3%A9%7E!*()%27");
    QTest::newRow("safe") << QStringLiteral("AZaz09-_.") << QStringLiteral("AZaz09-_.");
    QTest::newRow("emoji") << QStringLiteral("\U0001F600") << QStringLiteral("%F0%9F%98%80");
}

void TestDotNetMisc::urlEncode()
{
    QFETCH(QString, input);
    QFETCH(QString, encoded);
    QCOMPARE(DotNetWebUtility::urlEncode(input), encoded);
    QCOMPARE(DotNetWebUtility::urlDecode(encoded), input);
    QCOMPARE(DotNetWebUtility::urlDecode(QStringLiteral("a+b%26c%zz%C3%A9%")), QStringLiteral("a b&c%zz\u00e9%"));
    QVERIFY(DotNetWebUtility::urlEncode(QString()).isNull());
}

void TestDotNetMisc::html()
{
    QCOMPARE(DotNetWebUtility::htmlEncode(QStringLiteral("<a href='x'>\"&\"</a> \u00e9 \U0001F600 \u20ac")),
             QStringLiteral("&lt;a href=&#39;x&#39;&gt;&quot;&amp;&quot;&lt;/a&gt; &#233; &#128512; \u20ac"));
    QCOMPARE(DotNetWebUtility::htmlDecode(QStringLiteral("&lt;&amp;&#39;&#x41;&unknown;&nbsp;")),
             QStringLiteral("<&'A&unknown;\u00a0"));
}

void TestDotNetMisc::hashes()
{
    QCOMPARE(DotNetHash::computeHash(DotNetHash::Algorithm::SHA256, "abc").toHex(),
             QByteArray("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"));
    QCOMPARE(DotNetHash::computeHash(DotNetHash::Algorithm::SHA1, "abc").toHex(),
             QByteArray("a9993e364706816aba3e25717850c26c9cd0d89d"));
    QCOMPARE(DotNetHash::computeHash(DotNetHash::Algorithm::MD5, "").toHex(),
             QByteArray("d41d8cd98f00b204e9800998ecf8427e"));
    QCOMPARE(
        DotNetHash::computeHmac(DotNetHash::Algorithm::SHA256, "key", "The quick brown fox jumps over the lazy dog")
            .toHex(),
        QByteArray("f7bc83f430538424b13298e6aa6fb143ef4d59a14946175997479dbc2d1a3cd8"));
    QCOMPARE(DotNetHash::fromName(QStringLiteral("HMACSHA512")), DotNetHash::Algorithm::SHA512);
    // A typical SAS signature: Convert.ToBase64String(new HMACSHA256(key).ComputeHash(Encoding.UTF8.GetBytes(s)))
    QCOMPARE(DotNetConvert::toBase64String(DotNetHash::computeHmac(
                 DotNetHash::Algorithm::SHA256, "key", DotNetEncoding::utf8().getBytes(QStringLiteral("msg")))),
             QStringLiteral("LZPLwb4We8sWN6SiPL/wGnh48MUO6DOVTqUiG7G4xig="));
}

void TestDotNetMisc::compositeFormat_data()
{
    QTest::addColumn<QString>("format");
    QTest::addColumn<QString>("expected");
    QTest::newRow("mixed") << QStringLiteral("{0}-{1,5}|{1,-5}|{2:D4}|{3:N2}|{4:X}|{{x}}")
                           << QStringLiteral("a-   42|42   |0007|1,234.50|FF|{x}");
    QTest::newRow("repeat and null") << QStringLiteral("[{0}{0}][{5}]") << QStringLiteral("[aa][]");
    QTest::newRow("bool and date") << QStringLiteral("{6} {7:yyyy-MM-dd} {7}")
                                   << QStringLiteral("True 2024-03-05 03/05/2024 14:07:09");
    QTest::newRow("timespan") << QStringLiteral("{8} {8:hh\\:mm}") << QStringLiteral("01:30:00 01:30");
    QTest::newRow("alignment with format") << QStringLiteral("|{3,10:F1}|") << QStringLiteral("|    1234.5|");
    QTest::newRow("index out of range")
        << QStringLiteral("{9}")
        << QStringLiteral("FormatException: Index (zero based) must be greater than or equal to zero and less than "
                          "the size of the argument list.");
    QTest::newRow("unclosed") << QStringLiteral("{0") << kBadFormat;
    QTest::newRow("stray close") << QStringLiteral("a}b") << kBadFormat;
    QTest::newRow("no index") << QStringLiteral("{}") << kBadFormat;
}

void TestDotNetMisc::compositeFormat()
{
    QFETCH(QString, format);
    const QList<FormatArg> args = {FormatArg::string(QStringLiteral("a")),
                                   FormatArg::int32(42),
                                   FormatArg::int32(7),
                                   FormatArg::real(1234.5),
                                   FormatArg::int32(255),
                                   FormatArg::null(),
                                   FormatArg::boolean(true),
                                   FormatArg::date(*DotNetDateTime::create(2024, 3, 5, 14, 7, 9)),
                                   FormatArg::span(*DotNetTimeSpan::fromMinutes(90))};
    QTEST(show<QString>(DotNetFormat::format(format, args), [](const QString &s) { return s; }), "expected");
}

void TestDotNetMisc::numberFormat_data()
{
    QTest::addColumn<double>("value");
    QTest::addColumn<bool>("integer");
    QTest::addColumn<QString>("format");
    QTest::addColumn<QString>("expected");

    QTest::newRow("N2") << 1234.5678 << false << QStringLiteral("N2") << QStringLiteral("1,234.57");
    QTest::newRow("N default") << 1234567.0 << true << QStringLiteral("N") << QStringLiteral("1,234,567.00");
    QTest::newRow("N negative") << -1234.5 << false << QStringLiteral("N1") << QStringLiteral("-1,234.5");
    QTest::newRow("F0") << 1234.5678 << false << QStringLiteral("F0") << QStringLiteral("1235");
    QTest::newRow("F2 exact tie") << 0.125 << false << QStringLiteral("F2") << QStringLiteral("0.13");
    QTest::newRow("F3 int") << 5.0 << true << QStringLiteral("F3") << QStringLiteral("5.000");
    QTest::newRow("E2") << 1234.5678 << false << QStringLiteral("E2") << QStringLiteral("1.23E+003");
    QTest::newRow("e default") << 0.00012 << false << QStringLiteral("e") << QStringLiteral("1.200000e-004");
    QTest::newRow("P1") << 0.1234 << false << QStringLiteral("P1") << QStringLiteral("12.3 %");
    QTest::newRow("C") << 1234.5 << false << QStringLiteral("C") << QStringLiteral("\u00a41,234.50");
    QTest::newRow("D3 negative") << -5.0 << true << QStringLiteral("D3") << QStringLiteral("-005");
    QTest::newRow("X negative int32") << -1.0 << true << QStringLiteral("X") << QStringLiteral("FFFFFFFF");
    QTest::newRow("x4") << 255.0 << true << QStringLiteral("x4") << QStringLiteral("00ff");
    QTest::newRow("D on double") << 1.5 << false << QStringLiteral("D")
                                 << QStringLiteral("FormatException: Format specifier was invalid.");
    QTest::newRow("G4") << 1234.5678 << false << QStringLiteral("G4") << QStringLiteral("1235");
    QTest::newRow("G2 exponent") << 1234.5678 << false << QStringLiteral("G2") << QStringLiteral("1.2E+03");
    QTest::newRow("grouping") << 1234567.0 << true << QStringLiteral("#,##0") << QStringLiteral("1,234,567");
    QTest::newRow("grouping small") << 12.0 << true << QStringLiteral("#,##0") << QStringLiteral("12");
    QTest::newRow("optional digits") << 0.5 << false << QStringLiteral("#.##") << QStringLiteral(".5");
    QTest::newRow("zero with #") << 0.0 << true << QStringLiteral("#") << QString(QLatin1String(""));
    QTest::newRow("padding") << 12.0 << true << QStringLiteral("000") << QStringLiteral("012");
    QTest::newRow("0.0#") << 1.5 << false << QStringLiteral("0.0#") << QStringLiteral("1.5");
    QTest::newRow("0.00 custom uses 15 digits") << 1.005 << false << QStringLiteral("0.00") << QStringLiteral("1.01");
    QTest::newRow("0.00") << 3.14159 << false << QStringLiteral("0.00") << QStringLiteral("3.14");
    QTest::newRow("sections") << -1.5 << false << QStringLiteral("0.0;(0.0)") << QStringLiteral("(1.5)");
    QTest::newRow("zero section") << 0.0 << false << QStringLiteral("0.0;(0.0);zero") << QStringLiteral("zero");
    QTest::newRow("percent") << 0.256 << false << QStringLiteral("0%") << QStringLiteral("26%");
    QTest::newRow("phone") << 5551234567.0 << true << QStringLiteral("(###) ###-####")
                           << QStringLiteral("(555) 123-4567");
    QTest::newRow("literal") << 42.0 << true << QStringLiteral("'#'0\\#") << QStringLiteral("#42#");
    QTest::newRow("scaling comma") << 1234567.0 << true << QStringLiteral("0,,") << QStringLiteral("1");
    QTest::newRow("negative custom") << -42.0 << true << QStringLiteral("0000") << QStringLiteral("-0042");
}

void TestDotNetMisc::numberFormat()
{
    QFETCH(double, value);
    QFETCH(bool, integer);
    QFETCH(QString, format);
    const auto out = integer ? DotNetNumberFormat::formatInteger(qint64(value), format)
                             : DotNetNumberFormat::formatDouble(value, format);
    QTEST(show<QString>(out, [](const QString &s) { return s; }), "expected");
}

void TestDotNetMisc::doubleToString_data()
{
    QTest::addColumn<double>("value");
    QTest::addColumn<QString>("expected");
    QTest::newRow("0.1+0.2") << 0.1 + 0.2 << QStringLiteral("0.30000000000000004");
    QTest::newRow("1e15") << 1e15 << QStringLiteral("1E+15");
    QTest::newRow("1e14") << 1e14 << QStringLiteral("100000000000000");
    QTest::newRow("plain") << 123456.789 << QStringLiteral("123456.789");
    QTest::newRow("negative zero") << -0.0 << QStringLiteral("-0");
    QTest::newRow("third") << 1.0 / 3 << QStringLiteral("0.3333333333333333");
    QTest::newRow("1e-5") << 1e-5 << QStringLiteral("1E-05");
    QTest::newRow("0.0001") << 0.0001 << QStringLiteral("0.0001");
    QTest::newRow("max") << 1.7976931348623157e308 << QStringLiteral("1.7976931348623157E+308");
    QTest::newRow("integer valued") << 42.0 << QStringLiteral("42");
    QTest::newRow("nan") << std::nan("") << QStringLiteral("NaN");
    QTest::newRow("-inf") << -HUGE_VAL << QStringLiteral("-Infinity");
}

void TestDotNetMisc::doubleToString()
{
    QFETCH(double, value);
    QTEST(dotNetDoubleToString(value), "expected");
    QTEST(*DotNetNumberFormat::formatDouble(value, QStringLiteral("R")), "expected");
}

void TestDotNetMisc::parse_data()
{
    QTest::addColumn<QString>("type");
    QTest::addColumn<QString>("input");
    QTest::addColumn<QString>("expected");
    const QString nullError = QStringLiteral("ArgumentNullException: Value cannot be null. (Parameter 's')");
    QTest::newRow("int") << QStringLiteral("int") << QStringLiteral(" -12 ") << QStringLiteral("-12");
    QTest::newRow("int plus") << QStringLiteral("int") << QStringLiteral("+7") << QStringLiteral("7");
    QTest::newRow("int min") << QStringLiteral("int") << QStringLiteral("-2147483648") << QStringLiteral("-2147483648");
    QTest::newRow("int thousands") << QStringLiteral("int") << QStringLiteral("1,000") << kBadFormat;
    QTest::newRow("int empty") << QStringLiteral("int") << QString(QLatin1String("")) << kBadFormat;
    QTest::newRow("int null") << QStringLiteral("int") << QString() << nullError;
    QTest::newRow("int overflow") << QStringLiteral("int") << QStringLiteral("99999999999")
                                  << QStringLiteral("OverflowException: Value was either too large or too small for "
                                                    "an Int32.");
    QTest::newRow("long") << QStringLiteral("long") << QStringLiteral("99999999999") << QStringLiteral("99999999999");
    QTest::newRow("double thousands") << QStringLiteral("double") << QStringLiteral("1,234.5")
                                      << QStringLiteral("1234.5");
    QTest::newRow("double exponent") << QStringLiteral("double") << QStringLiteral(" 1e3 ") << QStringLiteral("1000");
    QTest::newRow("double leading dot") << QStringLiteral("double") << QStringLiteral("-.5") << QStringLiteral("-0.5");
    QTest::newRow("double bad") << QStringLiteral("double") << QStringLiteral("abc") << kBadFormat;
    QTest::newRow("double overflow") << QStringLiteral("double") << QStringLiteral("1e400")
                                     << QStringLiteral("Infinity");
    QTest::newRow("double nan") << QStringLiteral("double") << QStringLiteral("NaN") << QStringLiteral("NaN");
    QTest::newRow("bool") << QStringLiteral("bool") << QStringLiteral(" true ") << QStringLiteral("True");
    QTest::newRow("bool FALSE") << QStringLiteral("bool") << QStringLiteral("FALSE") << QStringLiteral("False");
    QTest::newRow("bool bad") << QStringLiteral("bool") << QStringLiteral("yes")
                              << QStringLiteral("FormatException: String 'yes' was not recognized as a valid "
                                                "Boolean.");
}

void TestDotNetMisc::parse()
{
    QFETCH(QString, type);
    QFETCH(QString, input);
    QString actual;
    if (type == QLatin1String("int")) {
        actual = show<int>(DotNetFormat::parseInt32(input), [](const int &v) { return QString::number(v); });
        QCOMPARE(DotNetFormat::tryParseInt32(input).has_value(), DotNetFormat::parseInt32(input).ok());
    } else if (type == QLatin1String("long")) {
        actual = show<qint64>(DotNetFormat::parseInt64(input), [](const qint64 &v) { return QString::number(v); });
    } else if (type == QLatin1String("double")) {
        actual =
            show<double>(DotNetFormat::parseDouble(input), [](const double &v) { return dotNetDoubleToString(v); });
    } else {
        actual = show<bool>(DotNetFormat::parseBoolean(input),
                            [](const bool &v) { return v ? QStringLiteral("True") : QStringLiteral("False"); });
    }
    QTEST(actual, "expected");
}

QTEST_GUILESS_MAIN(TestDotNetMisc)
#include "tst_dotnet_misc.moc"
