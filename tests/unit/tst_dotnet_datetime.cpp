// System.DateTime / DateTimeOffset / TimeSpan in the invariant culture. The
// expected strings are what .NET 6 prints for the same values.
#include "expr/runtime/DotNetClock.h"
#include "expr/runtime/DotNetDateTime.h"
#include "expr/runtime/DotNetDateTimeOffset.h"

#include <QtTest>

using namespace sluice::dotnet;

namespace {

// 2024-03-05T14:07:09.1234567
DotNetDateTime sample(DateTimeKind kind)
{
    return *DotNetDateTime::create(2024, 3, 5, 14, 7, 9, 0, kind)->addTicks(1234567);
}

} // namespace

class TestDotNetDateTime : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init() { m_clock = std::make_unique<ScopedDotNetClock>(&m_fixed); }
    void cleanup() { m_clock.reset(); }

    void format_data();
    void format();
    void formatLocalKinds_data();
    void formatLocalKinds();
    void formatErrors_data();
    void formatErrors();
    void properties();
    void arithmetic_data();
    void arithmetic();
    void clock();
    void parse_data();
    void parse();
    void parseExact();
    void offset_data();
    void offset();
    void offsetConversions();
    void timeSpanFormat_data();
    void timeSpanFormat();
    void timeSpanFactories();
    void timeSpanParse_data();
    void timeSpanParse();

private:
    // Now = 2024-03-05T14:07:09.1234567Z, local zone UTC+02:00.
    FixedDotNetClock m_fixed {sample(DateTimeKind::Utc).ticks(), 120};
    std::unique_ptr<ScopedDotNetClock> m_clock;
};

void TestDotNetDateTime::format_data()
{
    QTest::addColumn<QString>("format");
    QTest::addColumn<QString>("expected");

    QTest::newRow("default") << QString() << QStringLiteral("03/05/2024 14:07:09");
    QTest::newRow("o") << QStringLiteral("o") << QStringLiteral("2024-03-05T14:07:09.1234567Z");
    QTest::newRow("O") << QStringLiteral("O") << QStringLiteral("2024-03-05T14:07:09.1234567Z");
    QTest::newRow("s") << QStringLiteral("s") << QStringLiteral("2024-03-05T14:07:09");
    QTest::newRow("u") << QStringLiteral("u") << QStringLiteral("2024-03-05 14:07:09Z");
    QTest::newRow("r") << QStringLiteral("r") << QStringLiteral("Tue, 05 Mar 2024 14:07:09 GMT");
    QTest::newRow("R") << QStringLiteral("R") << QStringLiteral("Tue, 05 Mar 2024 14:07:09 GMT");
    QTest::newRow("d") << QStringLiteral("d") << QStringLiteral("03/05/2024");
    QTest::newRow("D") << QStringLiteral("D") << QStringLiteral("Tuesday, 05 March 2024");
    QTest::newRow("t") << QStringLiteral("t") << QStringLiteral("14:07");
    QTest::newRow("T") << QStringLiteral("T") << QStringLiteral("14:07:09");
    QTest::newRow("g") << QStringLiteral("g") << QStringLiteral("03/05/2024 14:07");
    QTest::newRow("G") << QStringLiteral("G") << QStringLiteral("03/05/2024 14:07:09");
    QTest::newRow("f") << QStringLiteral("f") << QStringLiteral("Tuesday, 05 March 2024 14:07");
    QTest::newRow("F") << QStringLiteral("F") << QStringLiteral("Tuesday, 05 March 2024 14:07:09");
    QTest::newRow("U") << QStringLiteral("U") << QStringLiteral("Tuesday, 05 March 2024 14:07:09");
    QTest::newRow("M") << QStringLiteral("M") << QStringLiteral("March 05");
    QTest::newRow("m") << QStringLiteral("m") << QStringLiteral("March 05");
    QTest::newRow("Y") << QStringLiteral("Y") << QStringLiteral("2024 March");
    QTest::newRow("iso with literal T and Z")
        << QStringLiteral("yyyy-MM-ddTHH:mm:ssZ") << QStringLiteral("2024-03-05T14:07:09Z");
    QTest::newRow("compact") << QStringLiteral("yyyyMMddHHmmss") << QStringLiteral("20240305140709");
    QTest::newRow("short components") << QStringLiteral("yy M d H h m s") << QStringLiteral("24 3 5 14 2 7 9");
    QTest::newRow("12 hour") << QStringLiteral("hh:mm tt") << QStringLiteral("02:07 PM");
    QTest::newRow("single designator") << QStringLiteral("%t") << QStringLiteral("P");
    QTest::newRow("single day") << QStringLiteral("%d") << QStringLiteral("5");
    QTest::newRow("fractions") << QStringLiteral("fff|FFFFFFF|f|ffffff") << QStringLiteral("123|1234567|1|123456");
    QTest::newRow("names") << QStringLiteral("dddd ddd MMMM MMM") << QStringLiteral("Tuesday Tue March Mar");
    QTest::newRow("quotes and escapes") << QStringLiteral("'quoted' \\y \"d\" yyyy")
                                        << QStringLiteral("quoted y d 2024");
    QTest::newRow("utc K") << QStringLiteral("%K") << QStringLiteral("Z");
    QTest::newRow("utc z") << QStringLiteral("z|zz|zzz") << QStringLiteral("+0|+00|+00:00");
    QTest::newRow("era") << QStringLiteral("gg yyyyy") << QStringLiteral("A.D. 02024");
    QTest::newRow("F trims with its dot") << QStringLiteral("ss.FFF") << QStringLiteral("09.123");
    QTest::newRow("unknown letters literal") << QStringLiteral("Week x") << QStringLiteral("Week x");
}

void TestDotNetDateTime::format()
{
    QFETCH(QString, format);
    const auto out = format.isEmpty() ? DotNetResult<QString>(sample(DateTimeKind::Utc).toString())
                                      : sample(DateTimeKind::Utc).toString(format);
    QVERIFY2(out.ok(), qPrintable(out.error().toString()));
    QTEST(*out, "expected");
}

void TestDotNetDateTime::formatLocalKinds_data()
{
    QTest::addColumn<int>("kind");
    QTest::addColumn<QString>("format");
    QTest::addColumn<QString>("expected");

    QTest::newRow("unspecified o") << int(DateTimeKind::Unspecified) << QStringLiteral("o")
                                   << QStringLiteral("2024-03-05T14:07:09.1234567");
    QTest::newRow("local o") << int(DateTimeKind::Local) << QStringLiteral("o")
                             << QStringLiteral("2024-03-05T14:07:09.1234567+02:00");
    QTest::newRow("unspecified K") << int(DateTimeKind::Unspecified) << QStringLiteral("[K]") << QStringLiteral("[]");
    QTest::newRow("unspecified zzz") << int(DateTimeKind::Unspecified) << QStringLiteral("zzz")
                                     << QStringLiteral("+02:00");
    QTest::newRow("local U is converted")
        << int(DateTimeKind::Local) << QStringLiteral("U") << QStringLiteral("Tuesday, 05 March 2024 12:07:09");
    QTest::newRow("whole second F") << int(DateTimeKind::Utc) << QStringLiteral("HH:mm:ss.F")
                                    << QStringLiteral("14:07:09.1");
}

void TestDotNetDateTime::formatLocalKinds()
{
    QFETCH(int, kind);
    QFETCH(QString, format);
    const auto out = sample(DateTimeKind(kind)).toString(format);
    QVERIFY2(out.ok(), qPrintable(out.error().toString()));
    QTEST(*out, "expected");
    // A time without fraction drops the '.' of ".F".
    QCOMPARE(*DotNetDateTime::create(2024, 1, 1, 0, 0, 1)->toString(QStringLiteral("ss.FFF")), QStringLiteral("01"));
}

void TestDotNetDateTime::formatErrors_data()
{
    QTest::addColumn<QString>("format");
    QTest::addColumn<QString>("error");
    const QString bad = QStringLiteral("FormatException: Input string was not in a correct format.");
    QTest::newRow("unknown standard") << QStringLiteral("Q") << bad;
    QTest::newRow("eight f") << QStringLiteral("ffffffff") << bad;
    QTest::newRow("lone percent") << QStringLiteral("%") << bad;
    QTest::newRow("trailing backslash") << QStringLiteral("yyyy\\") << bad;
    QTest::newRow("open quote") << QStringLiteral("yyyy 'x")
                                << QStringLiteral("FormatException: Cannot find a matching quote character for the "
                                                  "character '''.");
}

void TestDotNetDateTime::formatErrors()
{
    QFETCH(QString, format);
    const auto out = sample(DateTimeKind::Utc).toString(format);
    QVERIFY(!out.ok());
    QTEST(out.error().toString(), "error");
}

void TestDotNetDateTime::properties()
{
    const DotNetDateTime dt = sample(DateTimeKind::Utc);
    QCOMPARE(dt.year(), 2024);
    QCOMPARE(dt.month(), 3);
    QCOMPARE(dt.day(), 5);
    QCOMPARE(dt.hour(), 14);
    QCOMPARE(dt.minute(), 7);
    QCOMPARE(dt.second(), 9);
    QCOMPARE(dt.millisecond(), 123);
    QCOMPARE(dt.ticks(), 638452444291234567LL);
    QCOMPARE(dayOfWeekName(dt.dayOfWeek()), QStringLiteral("Tuesday"));
    QCOMPARE(dt.dayOfYear(), 65);
    QCOMPARE(dt.date().toString(), QStringLiteral("03/05/2024 00:00:00"));
    QCOMPARE(dt.timeOfDay().toString(), QStringLiteral("14:07:09.1234567"));
    QCOMPARE(DotNetDateTime::minValue().toString(), QStringLiteral("01/01/0001 00:00:00"));
    QCOMPARE(DotNetDateTime::maxValue().toString(QStringLiteral("o")).value(),
             QStringLiteral("9999-12-31T23:59:59.9999999"));
    QVERIFY(DotNetDateTime::isLeapYear(2000) && !DotNetDateTime::isLeapYear(1900));
    QCOMPARE(DotNetDateTime::create(2023, 2, 29).error().toString(),
             QStringLiteral("ArgumentOutOfRangeException: Year, Month, and Day parameters describe an "
                            "un-representable DateTime."));
}

void TestDotNetDateTime::arithmetic_data()
{
    QTest::addColumn<QString>("operation");
    QTest::addColumn<QString>("expected");
    QTest::newRow("AddMonths clamps") << QStringLiteral("2024-01-31 AddMonths 1")
                                      << QStringLiteral("2024-02-29T00:00:00");
    QTest::newRow("AddMonths back") << QStringLiteral("2024-03-31 AddMonths -13")
                                    << QStringLiteral("2023-02-28T00:00:00");
    QTest::newRow("AddYears leap") << QStringLiteral("2024-02-29 AddYears 1") << QStringLiteral("2025-02-28T00:00:00");
    QTest::newRow("AddDays fraction") << QStringLiteral("2024-03-05 AddDays -1.5")
                                      << QStringLiteral("2024-03-03T12:00:00");
    QTest::newRow("AddHours") << QStringLiteral("2024-03-05 AddHours 25") << QStringLiteral("2024-03-06T01:00:00");
    QTest::newRow("AddMinutes") << QStringLiteral("2024-03-05 AddMinutes -1") << QStringLiteral("2024-03-04T23:59:00");
    QTest::newRow("AddSeconds rounds to ms")
        << QStringLiteral("2024-03-05 AddSeconds 1.00049") << QStringLiteral("2024-03-05T00:00:01");
    QTest::newRow("overflow") << QStringLiteral("9999-12-31 AddDays 1")
                              << QStringLiteral("ArgumentOutOfRangeException: The added or subtracted value results "
                                                "in an un-representable DateTime. (Parameter 'value')");
    QTest::newRow("months overflow") << QStringLiteral("0001-01-01 AddMonths -1")
                                     << QStringLiteral("ArgumentOutOfRangeException: The added or subtracted value "
                                                       "results in an un-representable DateTime. (Parameter "
                                                       "'months')");
}

void TestDotNetDateTime::arithmetic()
{
    QFETCH(QString, operation);
    const QStringList parts = operation.split(QLatin1Char(' '));
    const DotNetDateTime start = *DotNetDateTime::parse(parts.at(0));
    const double amount = parts.at(2).toDouble();
    DotNetResult<DotNetDateTime> r = start;
    if (parts.at(1) == QLatin1String("AddMonths"))
        r = start.addMonths(int(amount));
    else if (parts.at(1) == QLatin1String("AddYears"))
        r = start.addYears(int(amount));
    else if (parts.at(1) == QLatin1String("AddDays"))
        r = start.addDays(amount);
    else if (parts.at(1) == QLatin1String("AddHours"))
        r = start.addHours(amount);
    else if (parts.at(1) == QLatin1String("AddMinutes"))
        r = start.addMinutes(amount);
    else if (parts.at(1) == QLatin1String("AddSeconds"))
        r = start.addSeconds(amount);
    QTEST(r.ok() ? *r->toString(QStringLiteral("s")) : r.error().toString(), "expected");
}

void TestDotNetDateTime::clock()
{
    QCOMPARE(*DotNetDateTime::utcNow().toString(QStringLiteral("o")), QStringLiteral("2024-03-05T14:07:09.1234567Z"));
    QCOMPARE(*DotNetDateTime::now().toString(QStringLiteral("o")), QStringLiteral("2024-03-05T16:07:09.1234567+02:00"));
    QCOMPARE(DotNetDateTime::today().toString(), QStringLiteral("03/05/2024 00:00:00"));
    QCOMPARE(*DotNetDateTime::utcNow().toString(QStringLiteral("yyyy-MM-ddTHH:mm:ssZ")),
             QStringLiteral("2024-03-05T14:07:09Z"));
    QCOMPARE(DotNetDateTimeOffset::now().toString(), QStringLiteral("03/05/2024 16:07:09 +02:00"));
    QCOMPARE(DotNetDateTimeOffset::utcNow().toUnixTimeSeconds(), 1709647629LL);
    const DotNetTimeSpan elapsed = DotNetDateTime::utcNow().subtract(*DotNetDateTime::create(2024, 3, 5));
    QCOMPARE(elapsed.toString(), QStringLiteral("14:07:09.1234567"));
    QCOMPARE(sample(DateTimeKind::Local).toUniversalTime().hour(), 12);
    QVERIFY(DotNetDateTime::utcNow() == sample(DateTimeKind::Unspecified)); // kind is ignored
    QVERIFY(DotNetDateTime::utcNow() > *DotNetDateTime::create(2024, 3, 5));
}

void TestDotNetDateTime::parse_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("expected"); // "o" format of the result, or the error

    QTest::newRow("date") << QStringLiteral("2024-03-05") << QStringLiteral("2024-03-05T00:00:00.0000000");
    QTest::newRow("iso local") << QStringLiteral("2024-03-05T14:07:09")
                               << QStringLiteral("2024-03-05T14:07:09.0000000");
    QTest::newRow("iso fraction") << QStringLiteral("2024-03-05T14:07:09.5")
                                  << QStringLiteral("2024-03-05T14:07:09.5000000");
    QTest::newRow("iso Z becomes local") << QStringLiteral("2024-03-05T14:07:09Z")
                                         << QStringLiteral("2024-03-05T16:07:09.0000000+02:00");
    QTest::newRow("iso offset becomes local")
        << QStringLiteral("2024-03-05T14:07:09-05:00") << QStringLiteral("2024-03-05T21:07:09.0000000+02:00");
    QTest::newRow("invariant default") << QStringLiteral("03/05/2024 14:07:09")
                                       << QStringLiteral("2024-03-05T14:07:09.0000000");
    QTest::newRow("us short am/pm") << QStringLiteral("3/5/2024 2:07 PM")
                                    << QStringLiteral("2024-03-05T14:07:00.0000000");
    QTest::newRow("rfc1123") << QStringLiteral("Tue, 05 Mar 2024 14:07:09 GMT")
                             << QStringLiteral("2024-03-05T16:07:09.0000000+02:00");
    QTest::newRow("long month") << QStringLiteral("March 5, 2024") << QStringLiteral("2024-03-05T00:00:00.0000000");
    QTest::newRow("spaces") << QStringLiteral("  2024-03-05 10:00  ") << QStringLiteral("2024-03-05T10:00:00.0000000");
    QTest::newRow("invalid day") << QStringLiteral("2024-02-30")
                                 << QStringLiteral("FormatException: String '2024-02-30' was not recognized as a "
                                                   "valid DateTime.");
    QTest::newRow("garbage") << QStringLiteral("not a date")
                             << QStringLiteral("FormatException: String 'not a date' was not recognized as a valid "
                                               "DateTime.");
}

void TestDotNetDateTime::parse()
{
    QFETCH(QString, text);
    const auto r = DotNetDateTime::parse(text);
    QTEST(r.ok() ? *r->toString(QStringLiteral("o")) : r.error().toString(), "expected");
    DotNetDateTime out;
    QCOMPARE(DotNetDateTime::tryParse(text, &out), r.ok());
}

void TestDotNetDateTime::parseExact()
{
    QCOMPARE(*DotNetDateTime::parseExact(QStringLiteral("20240305"), QStringLiteral("yyyyMMdd"))
                  ->toString(QStringLiteral("s")),
             QStringLiteral("2024-03-05T00:00:00"));
    QCOMPARE(*DotNetDateTime::parseExact(QStringLiteral("05/03/2024 02:07 PM"), QStringLiteral("dd/MM/yyyy hh:mm tt"))
                  ->toString(QStringLiteral("s")),
             QStringLiteral("2024-03-05T14:07:00"));
    QCOMPARE(*DotNetDateTime::parseExact(QStringLiteral("2024-03-05T14:07:09.1234567Z"), QStringLiteral("o"))
                  ->toString(QStringLiteral("o")),
             QStringLiteral("2024-03-05T16:07:09.1234567+02:00"));
    QCOMPARE(DotNetDateTime::parseExact(QStringLiteral("2024-3-05"), QStringLiteral("yyyy-MM-dd")).error().toString(),
             QStringLiteral("FormatException: String '2024-3-05' was not recognized as a valid DateTime."));
}

void TestDotNetDateTime::offset_data()
{
    QTest::addColumn<QString>("format");
    QTest::addColumn<QString>("expected");
    QTest::newRow("default") << QString() << QStringLiteral("03/05/2024 14:07:09 +02:00");
    QTest::newRow("o") << QStringLiteral("o") << QStringLiteral("2024-03-05T14:07:09.0000000+02:00");
    QTest::newRow("u converts") << QStringLiteral("u") << QStringLiteral("2024-03-05 12:07:09Z");
    QTest::newRow("R converts") << QStringLiteral("R") << QStringLiteral("Tue, 05 Mar 2024 12:07:09 GMT");
    QTest::newRow("K") << QStringLiteral("%K") << QStringLiteral("+02:00");
    QTest::newRow("s") << QStringLiteral("s") << QStringLiteral("2024-03-05T14:07:09");
}

void TestDotNetDateTime::offset()
{
    QFETCH(QString, format);
    const auto dto =
        DotNetDateTimeOffset::create(*DotNetDateTime::create(2024, 3, 5, 14, 7, 9), *DotNetTimeSpan::fromHours(2));
    QVERIFY(dto.ok());
    QTEST(format.isEmpty() ? dto->toString() : *dto->toString(format), "expected");
}

void TestDotNetDateTime::offsetConversions()
{
    const auto dto = *DotNetDateTimeOffset::parse(QStringLiteral("2024-03-05T14:07:09-05:00"));
    QCOMPARE(dto.offsetMinutes(), -300);
    QCOMPARE(*dto.utcDateTime().toString(QStringLiteral("o")), QStringLiteral("2024-03-05T19:07:09.0000000Z"));
    QCOMPARE(dto.toUnixTimeSeconds(), 1709665629LL);
    QCOMPARE(*DotNetDateTimeOffset::fromUnixTimeSeconds(0)->toString(QStringLiteral("o")),
             QStringLiteral("1970-01-01T00:00:00.0000000+00:00"));
    QCOMPARE(*DotNetDateTimeOffset::parse(QStringLiteral("2024-03-05 10:00"))->toString(QStringLiteral("o")),
             QStringLiteral("2024-03-05T10:00:00.0000000+02:00"));
    QVERIFY(dto == *DotNetDateTimeOffset::parse(QStringLiteral("2024-03-05T19:07:09Z")));
    QCOMPARE(DotNetDateTimeOffset::create(sample(DateTimeKind::Utc), *DotNetTimeSpan::fromHours(1)).error().toString(),
             QStringLiteral("ArgumentException: The UTC Offset for Utc DateTime instances must be 0. (Parameter "
                            "'offset')"));
    QCOMPARE(dto.addHours(1)->hour(), 15);
}

void TestDotNetDateTime::timeSpanFormat_data()
{
    QTest::addColumn<qint64>("ticks");
    QTest::addColumn<QString>("format");
    QTest::addColumn<QString>("expected");
    const qint64 full = DotNetTimeSpan::create(1, 2, 3, 4, 5)->ticks();
    const qint64 ninety = DotNetTimeSpan::fromMinutes(90)->ticks();
    const qint64 minus = -DotNetTimeSpan::fromSeconds(1.5)->ticks();
    QTest::newRow("c full") << full << QString() << QStringLiteral("1.02:03:04.0050000");
    QTest::newRow("c minutes") << ninety << QString() << QStringLiteral("01:30:00");
    QTest::newRow("c negative") << minus << QStringLiteral("c") << QStringLiteral("-00:00:01.5000000");
    QTest::newRow("zero") << qint64(0) << QString() << QStringLiteral("00:00:00");
    QTest::newRow("g") << DotNetTimeSpan::fromSeconds(1.5)->ticks() << QStringLiteral("g")
                       << QStringLiteral("0:00:01.5");
    QTest::newRow("g days") << full << QStringLiteral("g") << QStringLiteral("1:2:03:04.005");
    QTest::newRow("G") << DotNetTimeSpan::fromSeconds(1.5)->ticks() << QStringLiteral("G")
                       << QStringLiteral("0:00:00:01.5000000");
    QTest::newRow("custom hh:mm") << ninety << QStringLiteral("hh\\:mm") << QStringLiteral("01:30");
    QTest::newRow("custom %h") << ninety << QStringLiteral("%h") << QStringLiteral("1");
    QTest::newRow("custom quoted") << full << QStringLiteral("d'd 'h'h 'mm'm 'ss's 'fff")
                                   << QStringLiteral("1d 2h 03m 04s 005");
    QTest::newRow("custom F") << full << QStringLiteral("ss\\.FFF") << QStringLiteral("04.005");
    QTest::newRow("custom bad literal") << ninety << QStringLiteral("hh:mm")
                                        << QStringLiteral("FormatException: Input string was not in a correct "
                                                          "format.");
    QTest::newRow("unknown standard") << ninety << QStringLiteral("x")
                                      << QStringLiteral("FormatException: Input string was not in a correct "
                                                        "format.");
}

void TestDotNetDateTime::timeSpanFormat()
{
    QFETCH(qint64, ticks);
    QFETCH(QString, format);
    const DotNetTimeSpan span(ticks);
    const auto out = format.isEmpty() ? DotNetResult<QString>(span.toString()) : span.toString(format);
    QTEST(out.ok() ? *out : out.error().toString(), "expected");
}

void TestDotNetDateTime::timeSpanFactories()
{
    const DotNetTimeSpan span = *DotNetTimeSpan::fromMinutes(90);
    QCOMPARE(span.totalSeconds(), 5400.0);
    QCOMPARE(span.totalHours(), 1.5);
    QCOMPARE(span.hours(), 1);
    QCOMPARE(span.minutes(), 30);
    QCOMPARE(DotNetTimeSpan::create(1, 2, 3, 4, 5)->milliseconds(), 5);
    QCOMPARE(DotNetTimeSpan::create(1, 2, 3, 4, 5)->days(), 1);
    QCOMPARE(DotNetTimeSpan::fromDays(0.5)->toString(), QStringLiteral("12:00:00"));
    QCOMPARE(DotNetTimeSpan::fromMilliseconds(1)->ticks(), 10000);
    QCOMPARE(DotNetTimeSpan::fromSeconds(std::nan("")).error().toString(),
             QStringLiteral("ArgumentException: TimeSpan does not accept floating point Not-a-Number values."));
}

void TestDotNetDateTime::timeSpanParse_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("expected");
    QTest::newRow("full") << QStringLiteral("1.02:03:04.5") << QStringLiteral("1.02:03:04.5000000");
    QTest::newRow("hh:mm") << QStringLiteral("01:30") << QStringLiteral("01:30:00");
    QTest::newRow("days") << QStringLiteral("5") << QStringLiteral("5.00:00:00");
    QTest::newRow("negative") << QStringLiteral(" -00:00:10 ") << QStringLiteral("-00:00:10");
    QTest::newRow("d:h:m:s") << QStringLiteral("1:02:03:04") << QStringLiteral("1.02:03:04");
    QTest::newRow("bad") << QStringLiteral("bad")
                         << QStringLiteral("FormatException: String 'bad' was not recognized as a valid TimeSpan.");
    QTest::newRow("hours out of range")
        << QStringLiteral("25:00")
        << QStringLiteral("OverflowException: The TimeSpan string '25:00' could not be parsed because at least one "
                          "of the numeric components is out of range or contains too many digits.");
}

void TestDotNetDateTime::timeSpanParse()
{
    QFETCH(QString, text);
    const auto r = DotNetTimeSpan::parse(text);
    QTEST(r.ok() ? r->toString() : r.error().toString(), "expected");
}

QTEST_GUILESS_MAIN(TestDotNetDateTime)
#include "tst_dotnet_datetime.moc"
