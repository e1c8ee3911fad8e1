// System.Text.RegularExpressions.Regex semantics on QRegularExpression. Every
// expected value below is what .NET 6 prints for the same call.
#include "expr/runtime/DotNetRegex.h"

#include <QtTest>

using namespace sluice::dotnet;

class TestDotNetRegex : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void matchGroups_data();
    void matchGroups();
    void unknownGroupIsEmpty();
    void groupNumbering_data();
    void groupNumbering();
    void matches_data();
    void matches();
    void replace_data();
    void replace();
    void split_data();
    void split();
    void errors_data();
    void errors();
    void escape();
    void evaluator();
    void cacheIsShared();
    void nextMatchAndResult();
};

void TestDotNetRegex::matchGroups_data()
{
    QTest::addColumn<QString>("pattern");
    QTest::addColumn<int>("options");
    QTest::addColumn<QString>("input");
    QTest::addColumn<bool>("success");
    QTest::addColumn<QString>("value");
    QTest::addColumn<int>("index");
    QTest::addColumn<QString>("groupName");
    QTest::addColumn<QString>("groupValue");

    QTest::newRow("apim max-age") << QStringLiteral(R"(max-age=(?<maxAge>\d+))") << 0
                                  << QStringLiteral("public, max-age=42") << true << QStringLiteral("max-age=42") << 8
                                  << QStringLiteral("maxAge") << QStringLiteral("42");
    QTest::newRow("apim no header") << QStringLiteral(R"(max-age=(?<maxAge>\d+))") << 0 << QString() << false
                                    << QString() << 0 << QStringLiteral("maxAge") << QString();
    QTest::newRow("quote-named group") << QStringLiteral(R"((?'word'\w+)@)") << 0 << QStringLiteral("mail joe@x")
                                       << true << QStringLiteral("joe@") << 5 << QStringLiteral("word")
                                       << QStringLiteral("joe");
    QTest::newRow("group by number text")
        << QStringLiteral(R"((\d+)-(\d+))") << 0 << QStringLiteral("a 12-34") << true << QStringLiteral("12-34") << 2
        << QStringLiteral("2") << QStringLiteral("34");
    QTest::newRow("\\u escape") << QStringLiteral(R"(\u0041(?<b>\x42))") << 0 << QStringLiteral("xAB") << true
                                << QStringLiteral("AB") << 1 << QStringLiteral("b") << QStringLiteral("B");
    QTest::newRow("ignore case") << QStringLiteral("hel+o") << int(RegexOption::IgnoreCase)
                                 << QStringLiteral("say HELLO") << true << QStringLiteral("HELLO") << 4
                                 << QStringLiteral("0") << QStringLiteral("HELLO");
    QTest::newRow("inline ignore case") << QStringLiteral("(?i)bearer (?<t>.+)") << 0 << QStringLiteral("BEARER abc")
                                        << true << QStringLiteral("BEARER abc") << 0 << QStringLiteral("t")
                                        << QStringLiteral("abc");
    QTest::newRow("dot stops at \\n") << QStringLiteral("a.+") << 0 << QStringLiteral("ab\nc") << true
                                      << QStringLiteral("ab") << 0 << QStringLiteral("0") << QStringLiteral("ab");
    QTest::newRow("singleline") << QStringLiteral("a.+") << int(RegexOption::Singleline) << QStringLiteral("ab\nc")
                                << true << QStringLiteral("ab\nc") << 0 << QStringLiteral("0")
                                << QStringLiteral("ab\nc");
    QTest::newRow("dot matches \\r") << QStringLiteral("^.$") << 0 << QStringLiteral("\r") << true
                                     << QStringLiteral("\r") << 0 << QStringLiteral("0") << QStringLiteral("\r");
    QTest::newRow("$ before final \\n") << QStringLiteral("c$") << 0 << QStringLiteral("abc\n") << true
                                        << QStringLiteral("c") << 2 << QStringLiteral("0") << QStringLiteral("c");
    QTest::newRow("multiline ^") << QStringLiteral(R"(^\w+$)") << int(RegexOption::Multiline)
                                 << QStringLiteral("a b\ncd\n") << true << QStringLiteral("cd") << 4
                                 << QStringLiteral("0") << QStringLiteral("cd");
    QTest::newRow("unicode digit") << QStringLiteral(R"(^\d$)") << 0 << QString(QChar(0x0663)) << true
                                   << QString(QChar(0x0663)) << 0 << QStringLiteral("0") << QString(QChar(0x0663));
    QTest::newRow("ecmascript digit") << QStringLiteral(R"(^\d$)") << int(RegexOption::ECMAScript)
                                      << QString(QChar(0x0663)) << false << QString() << 0 << QStringLiteral("0")
                                      << QString();
    QTest::newRow("pattern whitespace") << QStringLiteral("(?<y>\\d{4}) - # year\n (?<m>\\d\\d)")
                                        << int(RegexOption::IgnorePatternWhitespace) << QStringLiteral("2024-05")
                                        << true << QStringLiteral("2024-05") << 0 << QStringLiteral("m")
                                        << QStringLiteral("05");
    QTest::newRow("named backreference") << QStringLiteral(R"((?<q>['"]).*?\k<q>)") << 0
                                         << QStringLiteral("say \"hi\" now") << true << QStringLiteral("\"hi\"") << 4
                                         << QStringLiteral("q") << QStringLiteral("\"");
    QTest::newRow("numbered backreference uses .NET numbers")
        << QStringLiteral(R"((?<a>x)(y)\1)") << 0 << QStringLiteral("xyx xyy") << true << QStringLiteral("xyy") << 4
        << QStringLiteral("1") << QStringLiteral("y");
    QTest::newRow("unmatched optional group") << QStringLiteral(R"(a(?<b>b)?c)") << 0 << QStringLiteral("ac") << true
                                              << QStringLiteral("ac") << 0 << QStringLiteral("b") << QString();
    QTest::newRow("conditional on group")
        << QStringLiteral(R"(^(?<p>\()?\d+(?(p)\))$)") << 0 << QStringLiteral("(12)") << true << QStringLiteral("(12)")
        << 0 << QStringLiteral("p") << QStringLiteral("(");
    QTest::newRow("class with escapes") << QStringLiteral(R"([\w.-]+@[^\s\]]+)") << 0
                                        << QStringLiteral("to: a.b-c@host]") << true << QStringLiteral("a.b-c@host")
                                        << 4 << QStringLiteral("0") << QStringLiteral("a.b-c@host");
    QTest::newRow("jwt bearer") << QStringLiteral(R"(^Bearer\s+(?<token>[A-Za-z0-9\-_.]+)$)") << 0
                                << QStringLiteral("Bearer eyJ.abc.def") << true << QStringLiteral("Bearer eyJ.abc.def")
                                << 0 << QStringLiteral("token") << QStringLiteral("eyJ.abc.def");
}

void TestDotNetRegex::matchGroups()
{
    QFETCH(QString, pattern);
    QFETCH(int, options);
    QFETCH(QString, input);
    const auto m = DotNetRegex::match(input, pattern, options);
    QVERIFY2(m.ok(), qPrintable(m.error().toString()));
    QTEST(m->success(), "success");
    QTEST(m->value(), "value");
    QTEST(int(m->index()), "index");
    QFETCH(QString, groupName);
    QFETCH(QString, groupValue);
    bool isNumber = false;
    const int number = groupName.toInt(&isNumber);
    const DotNetGroup g = isNumber ? m->group(number) : m->group(groupName);
    QCOMPARE(g.value(), groupValue);
    QCOMPARE(m->group(groupName).value(), groupValue); // numbers are names too
}

void TestDotNetRegex::unknownGroupIsEmpty()
{
    const auto m = DotNetRegex::match(QStringLiteral("abc"), QStringLiteral("(?<x>b)"));
    QVERIFY(m.ok());
    QVERIFY(m->success());
    const DotNetGroup g = m->group(QStringLiteral("nope"));
    QVERIFY(!g.success());
    QCOMPARE(g.value(), QString());
    QVERIFY(!m->group(7).success());
    QCOMPARE(m->group(7).value(), QString());
    const auto miss = DotNetRegex::match(QStringLiteral("zzz"), QStringLiteral("(?<x>b)"));
    QVERIFY(!miss->success());
    QCOMPARE(miss->group(QStringLiteral("x")).value(), QString());
    QCOMPARE(miss->groupCount(), 1); // a failed match is Match.Empty
}

void TestDotNetRegex::groupNumbering_data()
{
    QTest::addColumn<QString>("pattern");
    QTest::addColumn<int>("options");
    QTest::addColumn<QString>("names");
    QTest::addColumn<QString>("numbers");

    QTest::newRow("unnamed first") << QStringLiteral("(?<a>x)(y)(?<b>z)(w)") << 0 << QStringLiteral("0,1,2,a,b")
                                   << QStringLiteral("0,1,2,3,4");
    QTest::newRow("explicit numbers") << QStringLiteral("(?<5>x)(y)(?<n>z)") << 0 << QStringLiteral("0,1,n,5")
                                      << QStringLiteral("0,1,2,5");
    QTest::newRow("duplicate names") << QStringLiteral("(?<a>x)|(?<a>y)") << 0 << QStringLiteral("0,a")
                                     << QStringLiteral("0,1");
    QTest::newRow("explicit capture") << QStringLiteral("(a)(?<n>b)") << int(RegexOption::ExplicitCapture)
                                      << QStringLiteral("0,n") << QStringLiteral("0,1");
    QTest::newRow("inline n") << QStringLiteral("(?n:(a))(b)") << 0 << QStringLiteral("0,1") << QStringLiteral("0,1");
    QTest::newRow("non-capturing and lookaround")
        << QStringLiteral("(?:a)(?=b)(?<=a)(?!c)(?>b)(c)") << 0 << QStringLiteral("0,1") << QStringLiteral("0,1");
    QTest::newRow("comment group") << QStringLiteral("(?#not (a group)a(b)") << 0 << QStringLiteral("0,1")
                                   << QStringLiteral("0,1");
}

void TestDotNetRegex::groupNumbering()
{
    QFETCH(QString, pattern);
    QFETCH(int, options);
    const auto regex = DotNetRegex::create(pattern, options);
    QVERIFY2(regex.ok(), qPrintable(regex.error().toString()));
    QTEST((*regex)->groupNames().join(QLatin1Char(',')), "names");
    QStringList numbers;
    for (int n : (*regex)->groupNumbers())
        numbers.append(QString::number(n));
    QTEST(numbers.join(QLatin1Char(',')), "numbers");
}

void TestDotNetRegex::matches_data()
{
    QTest::addColumn<QString>("pattern");
    QTest::addColumn<QString>("input");
    QTest::addColumn<QString>("expected"); // value@index|...

    QTest::newRow("words") << QStringLiteral(R"(\w+)") << QStringLiteral("a bc, d") << QStringLiteral("a@0|bc@2|d@6");
    QTest::newRow("empty matches") << QStringLiteral("x*") << QStringLiteral("abc") << QStringLiteral("@0|@1|@2|@3");
    QTest::newRow("lazy empty matches advance")
        << QStringLiteral("a*?") << QStringLiteral("aa") << QStringLiteral("@0|@1|@2");
    QTest::newRow("mixed empty") << QStringLiteral("a|") << QStringLiteral("ab") << QStringLiteral("a@0|@1|@2");
    QTest::newRow("no match") << QStringLiteral(R"(\d)") << QStringLiteral("abc") << QString();
    QTest::newRow("surrogates") << QStringLiteral("") << QStringLiteral("a\U0001F600") << QStringLiteral("@0|@1|@3");
}

void TestDotNetRegex::matches()
{
    QFETCH(QString, pattern);
    QFETCH(QString, input);
    const auto all = DotNetRegex::matches(input, pattern);
    QVERIFY(all.ok());
    QStringList parts;
    for (const DotNetMatch &m : *all)
        parts.append(m.value() + QLatin1Char('@') + QString::number(m.index()));
    QTEST(parts.join(QLatin1Char('|')), "expected");
}

void TestDotNetRegex::replace_data()
{
    QTest::addColumn<QString>("input");
    QTest::addColumn<QString>("pattern");
    QTest::addColumn<QString>("replacement");
    QTest::addColumn<QString>("expected");

    QTest::newRow("swap") << QStringLiteral("John Smith") << QStringLiteral(R"((\w+)\s(\w+))")
                          << QStringLiteral("$2, $1") << QStringLiteral("Smith, John");
    QTest::newRow("named") << QStringLiteral("John Smith") << QStringLiteral(R"((?<first>\w+)\s(?<last>\w+))")
                           << QStringLiteral("${last} ${first}") << QStringLiteral("Smith John");
    QTest::newRow("named by number") << QStringLiteral("ab") << QStringLiteral("(?<x>a)(b)")
                                     << QStringLiteral("$2$1${2}") << QStringLiteral("aba");
    QTest::newRow("$10 is literal without group 10")
        << QStringLiteral("abc") << QStringLiteral("(b)") << QStringLiteral("$10") << QStringLiteral("a$10c");
    QTest::newRow("unknown name literal")
        << QStringLiteral("abc") << QStringLiteral("b") << QStringLiteral("${zz}") << QStringLiteral("a${zz}c");
    QTest::newRow("dollar dollar") << QStringLiteral("abc") << QStringLiteral("b") << QStringLiteral("$$")
                                   << QStringLiteral("a$c");
    QTest::newRow("whole match") << QStringLiteral("abc") << QStringLiteral("b") << QStringLiteral("[$&][$0]")
                                 << QStringLiteral("a[b][b]c");
    QTest::newRow("prefix") << QStringLiteral("abc") << QStringLiteral("b") << QStringLiteral("$`")
                            << QStringLiteral("aac");
    QTest::newRow("suffix") << QStringLiteral("abc") << QStringLiteral("b") << QStringLiteral("$'")
                            << QStringLiteral("acc");
    QTest::newRow("input") << QStringLiteral("abc") << QStringLiteral("b") << QStringLiteral("$_")
                           << QStringLiteral("aabcc");
    QTest::newRow("last group") << QStringLiteral("abc") << QStringLiteral("(a)(b)") << QStringLiteral("$+")
                                << QStringLiteral("bc");
    QTest::newRow("trailing dollar") << QStringLiteral("abc") << QStringLiteral("b") << QStringLiteral("x$")
                                     << QStringLiteral("ax$c");
    QTest::newRow("unmatched group empty")
        << QStringLiteral("ac") << QStringLiteral("a(b)?c") << QStringLiteral("<$1>") << QStringLiteral("<>");
    QTest::newRow("empty pattern") << QStringLiteral("ab") << QString() << QStringLiteral("-")
                                   << QStringLiteral("-a-b-");
    QTest::newRow("strip digits") << QStringLiteral("a1b22c") << QStringLiteral(R"(\d+)") << QString()
                                  << QStringLiteral("abc");
}

void TestDotNetRegex::replace()
{
    QFETCH(QString, input);
    QFETCH(QString, pattern);
    QFETCH(QString, replacement);
    const auto out = DotNetRegex::replace(input, pattern, replacement);
    QVERIFY2(out.ok(), qPrintable(out.error().toString()));
    QTEST(*out, "expected");
}

void TestDotNetRegex::split_data()
{
    QTest::addColumn<QString>("input");
    QTest::addColumn<QString>("pattern");
    QTest::addColumn<QStringList>("expected");

    QTest::newRow("digits") << QStringLiteral("a1b2c") << QStringLiteral(R"(\d)")
                            << QStringList {QStringLiteral("a"), QStringLiteral("b"), QStringLiteral("c")};
    QTest::newRow("captures included") << QStringLiteral("a1b2c") << QStringLiteral(R"((\d))")
                                       << QStringList {QStringLiteral("a"), QStringLiteral("1"), QStringLiteral("b"),
                                                       QStringLiteral("2"), QStringLiteral("c")};
    QTest::newRow("empty pattern") << QStringLiteral("abc") << QString()
                                   << QStringList {QString(), QStringLiteral("a"), QStringLiteral("b"),
                                                   QStringLiteral("c"), QString()};
    QTest::newRow("leading and trailing")
        << QStringLiteral(",a,") << QStringLiteral(",") << QStringList {QString(), QStringLiteral("a"), QString()};
    QTest::newRow("no match") << QStringLiteral("abc") << QStringLiteral(",") << QStringList {QStringLiteral("abc")};
}

void TestDotNetRegex::split()
{
    QFETCH(QString, input);
    QFETCH(QString, pattern);
    const auto out = DotNetRegex::split(input, pattern);
    QVERIFY(out.ok());
    QTEST(*out, "expected");
}

void TestDotNetRegex::errors_data()
{
    QTest::addColumn<QString>("pattern");
    QTest::addColumn<int>("options");
    QTest::addColumn<QString>("error");

    QTest::newRow("open paren") << QStringLiteral(
        "(") << 0 << QStringLiteral("ArgumentException: Invalid pattern '(' at offset 1. Not enough )'s.");
    QTest::newRow("close paren") << QStringLiteral(
        "a)") << 0 << QStringLiteral("ArgumentException: Invalid pattern 'a)' at offset 2. Too many )'s.");
    QTest::newRow("leading quantifier")
        << QStringLiteral("*a") << 0
        << QStringLiteral("ArgumentException: Invalid pattern '*a' at offset 1. Quantifier '*' following nothing.");
    QTest::newRow("nested quantifier") << QStringLiteral(
        "a++") << 0 << QStringLiteral("ArgumentException: Invalid pattern 'a++' at offset 3. Nested quantifier '+'.");
    QTest::newRow("unterminated set") << QStringLiteral(
        "[a") << 0 << QStringLiteral("ArgumentException: Invalid pattern '[a' at offset 2. Unterminated [] set.");
    QTest::newRow("undefined group number")
        << QStringLiteral(R"((a)\2)") << 0
        << QStringLiteral("ArgumentException: Invalid pattern '(a)\\2' at offset 5. Reference to undefined group "
                          "number 2.");
    QTest::newRow("undefined group name")
        << QStringLiteral(R"(\k<x>)") << 0
        << QStringLiteral("ArgumentException: Invalid pattern '\\k<x>' at offset 5. Reference to undefined group "
                          "name 'x'.");
    QTest::newRow("unrecognized escape")
        << QStringLiteral(R"(\q)") << 0
        << QStringLiteral("ArgumentException: Invalid pattern '\\q' at offset 2. Unrecognized escape sequence \\\\q.");
    QTest::newRow("balancing group")
        << QStringLiteral("(?<o-c>x)") << 0
        << QStringLiteral("NotSupportedException: The regular expression construct balancing group (?<o-c>...) at "
                          "offset 0 of '(?<o-c>x)' is not supported by this gateway.");
    QTest::newRow("class subtraction")
        << QStringLiteral("[a-z-[aeiou]]") << 0
        << QStringLiteral("NotSupportedException: The regular expression construct character class subtraction "
                          "-[...] at offset 4 of '[a-z-[aeiou]]' is not supported by this gateway.");
    QTest::newRow("unicode block")
        << QStringLiteral(R"(\p{IsGreek})") << 0
        << QStringLiteral("NotSupportedException: The regular expression construct \\p{IsGreek} at offset 0 of "
                          "'\\p{IsGreek}' is not supported by this gateway.");
    QTest::newRow("right to left")
        << QStringLiteral("a") << int(RegexOption::RightToLeft)
        << QStringLiteral("NotSupportedException: RegexOptions.RightToLeft is not supported by this gateway.");
}

void TestDotNetRegex::errors()
{
    QFETCH(QString, pattern);
    QFETCH(int, options);
    const auto regex = DotNetRegex::create(pattern, options);
    QVERIFY(!regex.ok());
    QTEST(regex.error().toString(), "error");
}

void TestDotNetRegex::escape()
{
    QCOMPARE(DotNetRegex::escape(QStringLiteral("a.b*c (d) [e] {f} #g\t$^|?+\\")),
             QStringLiteral("a\\.b\\*c\\ \\(d\\)\\ \\[e]\\ \\{f}\\ \\#g\\t\\$\\^\\|\\?\\+\\\\"));
    QCOMPARE(*DotNetRegex::unescape(QStringLiteral("a\\.b\\t\\u0041")), QStringLiteral("a.b\tA"));
}

void TestDotNetRegex::evaluator()
{
    const auto regex = DotNetRegex::create(QStringLiteral(R"(\d+)"));
    QVERIFY(regex.ok());
    const QString out = (*regex)->replace(QStringLiteral("a1b22"),
                                          [](const DotNetMatch &m) { return QString::number(m.value().toInt() * 2); });
    QCOMPARE(out, QStringLiteral("a2b44"));
    QCOMPARE((*regex)->replace(QStringLiteral("1 2 3"), QStringLiteral("x"), 2), QStringLiteral("x x 3"));
}

void TestDotNetRegex::cacheIsShared()
{
    const auto a = DotNetRegex::cached(QStringLiteral("ab+"));
    const auto b = DotNetRegex::cached(QStringLiteral("ab+"));
    const auto c = DotNetRegex::cached(QStringLiteral("ab+"), int(RegexOption::IgnoreCase));
    QVERIFY(a.ok() && b.ok() && c.ok());
    QCOMPARE(a->get(), b->get());
    QVERIFY(a->get() != c->get());
}

void TestDotNetRegex::nextMatchAndResult()
{
    const auto m = DotNetRegex::match(QStringLiteral("k1=v1;k2=v2"), QStringLiteral(R"((?<k>\w+)=(?<v>\w+))"));
    QVERIFY(m.ok() && m->success());
    QCOMPARE(m->result(QStringLiteral("${v}:${k}")), QStringLiteral("v1:k1"));
    const DotNetMatch next = m->nextMatch();
    QVERIFY(next.success());
    QCOMPARE(next.group(QStringLiteral("k")).value(), QStringLiteral("k2"));
    QCOMPARE(next.group(QStringLiteral("k")).index(), 6);
    QVERIFY(!next.nextMatch().success());
    QCOMPARE(next.groups().size(), 3);
    QCOMPARE(next.groups().at(1).name(), QStringLiteral("k"));
}

QTEST_GUILESS_MAIN(TestDotNetRegex)
#include "tst_dotnet_regex.moc"
