#include "Bind.h"

#include <QRandomGenerator>
#include <QRegularExpression>
#include <QUuid>

#include <algorithm>
#include <cmath>

namespace sluice {

using namespace bind;

namespace {

class GuidObject final : public ExprObject
{
public:
    explicit GuidObject(QUuid id)
        : m_id(id)
    {}
    const TypeInfo *exprType() const override { return TypeRegistry::instance().find(QStringLiteral("Guid")); }
    QString toString() const override { return m_id.toString(QUuid::WithoutBraces); }
    QString formatted(const QString &format) const override
    {
        if (format == QLatin1String("N") || format == QLatin1String("n"))
            return m_id.toString(QUuid::Id128);
        if (format == QLatin1String("B") || format == QLatin1String("b"))
            return m_id.toString(QUuid::WithBraces);
        return toString();
    }
    bool equals(const ExprObject &other) const override
    {
        auto *o = dynamic_cast<const GuidObject *>(&other);
        return o && o->m_id == m_id;
    }
    QUuid m_id;
};

class RandomObject final : public ExprObject
{
public:
    explicit RandomObject(std::optional<quint32> seed)
        : m_gen(seed ? QRandomGenerator(*seed) : QRandomGenerator::securelySeeded())
    {}
    const TypeInfo *exprType() const override { return TypeRegistry::instance().find(QStringLiteral("Random")); }
    mutable QRandomGenerator m_gen;
};

[[noreturn]] void overflow(const char *type)
{
    Frame::fail(QStringLiteral("OverflowException"),
                QCoreApplication::translate("Expression", "Value was either too large or too small for %1.")
                    .arg(QString::fromLatin1(type)));
}

bool parseInteger(const QString &text, qint64 min, qint64 max, qint64 *out, bool *tooLarge)
{
    const QString t = text.trimmed();
    *tooLarge = false;
    if (t.isEmpty())
        return false;
    bool ok = false;
    const qint64 v = t.toLongLong(&ok, 10);
    if (!ok) {
        // digits only but out of range of qint64
        static const QRegularExpression digits(QStringLiteral("^[+-]?[0-9]+$"));
        *tooLarge = digits.match(t).hasMatch();
        return false;
    }
    if (v < min || v > max) {
        *tooLarge = true;
        return false;
    }
    *out = v;
    return true;
}

bool parseDouble(const QString &text, double *out)
{
    const QString t = text.trimmed();
    if (t.isEmpty())
        return false;
    bool ok = false;
    *out = t.toDouble(&ok);
    if (!ok && (t == QLatin1String("NaN") || t == QLatin1String("Infinity") || t == QLatin1String("-Infinity"))) {
        *out = t == QLatin1String("NaN") ? std::nan("") : t.startsWith(QLatin1Char('-')) ? -INFINITY : INFINITY;
        ok = true;
    }
    return ok;
}

Value parseInt(const Value &v, const char *typeName, qint64 min, qint64 max, bool isLong)
{
    qint64 r = 0;
    bool tooLarge = false;
    if (!parseInteger(rt::str(v, "s"), min, max, &r, &tooLarge)) {
        if (tooLarge)
            overflow(typeName);
        Frame::format();
    }
    return isLong ? Value::fromLong(r) : Value::fromInt(qint32(r));
}

Value mathRound(double d, int digits)
{
    const double scale = std::pow(10.0, digits);
    const double x = d * scale;
    double r = std::nearbyint(x); // banker's rounding (default FE_TONEAREST), as .NET MidpointRounding.ToEven
    return Value::fromDouble(r / scale);
}

} // namespace

Value makeGuid(const QString &text)
{
    return Value::fromObject(std::make_shared<GuidObject>(QUuid::fromString(text)));
}

Value convertToInt32(const Value &v)
{
    switch (v.kind()) {
    case Value::Kind::Null: return Value::fromInt(0);
    case Value::Kind::String: return parseInt(v, "an Int32", INT_MIN, INT_MAX, false);
    case Value::Kind::Double: {
        const double d = std::nearbyint(v.asDouble());
        if (!(d >= INT_MIN && d <= INT_MAX))
            overflow("an Int32");
        return Value::fromInt(qint32(d));
    }
    case Value::Kind::Bool: return Value::fromInt(v.asBool() ? 1 : 0);
    default: {
        const qint64 l = v.toLong();
        if (l < INT_MIN || l > INT_MAX)
            overflow("an Int32");
        return Value::fromInt(qint32(l));
    }
    }
}

void bindCoreTypes(TypeRegistry &r)
{
    auto *object = const_cast<TypeInfo *>(r.objectType);
    auto *intT = const_cast<TypeInfo *>(r.intType);
    auto *longT = const_cast<TypeInfo *>(r.longType);
    auto *doubleT = const_cast<TypeInfo *>(r.doubleType);
    auto *boolT = const_cast<TypeInfo *>(r.boolType);
    auto *charT = const_cast<TypeInfo *>(r.charType);
    auto *byteT = const_cast<TypeInfo *>(r.byteType);
    const TypeInfo *str = r.stringType;

    method(object, "ToString", {}, str, SLUICE_FN { return Value::fromString(self.toString()); });
    method(object, "Equals", {p(r.objectType, "obj")}, r.boolType,
           SLUICE_FN { return Value::fromBool(self.equals(a[0])); });
    method(object, "GetHashCode", {}, r.intType,
           SLUICE_FN { return Value::fromInt(qint32(qHash(self.toString()))); });

    // numbers
    for (TypeInfo *t : {intT, longT, doubleT, byteT}) {
        method(t, "ToString", {p(str, "format")}, str, SLUICE_FN {
            return Value::fromString(rt::formatNumber(self, a[0].isNull() ? QString() : a[0].asString()));
        });
        method(t, "CompareTo", {p(t, "value")}, r.intType, SLUICE_FN {
            const double x = self.toDouble(), y = a[0].toDouble();
            return Value::fromInt(x < y ? -1 : x > y ? 1 : 0);
        });
    }
    smethod(intT, "Parse", {p(str, "s")}, intT, SLUICE_FN { return parseInt(a[0], "an Int32", INT_MIN, INT_MAX, false); });
    smethod(intT, "TryParse", {p(str, "s"), out(intT, "result")}, boolT, SLUICE_FN {
        qint64 v = 0;
        bool tooLarge;
        const bool ok = a[0].isString() && parseInteger(a[0].asString(), INT_MIN, INT_MAX, &v, &tooLarge);
        a[1] = Value::fromInt(ok ? qint32(v) : 0);
        return Value::fromBool(ok);
    });
    constant(intT, "MaxValue", INT_MAX);
    constant(intT, "MinValue", INT_MIN);
    smethod(longT, "Parse", {p(str, "s")}, longT,
            SLUICE_FN { return parseInt(a[0], "an Int64", LLONG_MIN, LLONG_MAX, true); });
    smethod(longT, "TryParse", {p(str, "s"), out(longT, "result")}, boolT, SLUICE_FN {
        qint64 v = 0;
        bool tooLarge;
        const bool ok = a[0].isString() && parseInteger(a[0].asString(), LLONG_MIN, LLONG_MAX, &v, &tooLarge);
        a[1] = Value::fromLong(ok ? v : 0);
        return Value::fromBool(ok);
    });
    sprop(longT, "MaxValue", longT, SLUICE_FN { return Value::fromLong(LLONG_MAX); });
    sprop(longT, "MinValue", longT, SLUICE_FN { return Value::fromLong(LLONG_MIN); });
    smethod(doubleT, "Parse", {p(str, "s")}, doubleT, SLUICE_FN {
        double d = 0;
        if (!parseDouble(rt::str(a[0], "s"), &d))
            Frame::format();
        return Value::fromDouble(d);
    });
    smethod(doubleT, "TryParse", {p(str, "s"), out(doubleT, "result")}, boolT, SLUICE_FN {
        double d = 0;
        const bool ok = a[0].isString() && parseDouble(a[0].asString(), &d);
        a[1] = Value::fromDouble(ok ? d : 0);
        return Value::fromBool(ok);
    });
    smethod(doubleT, "IsNaN", {p(doubleT, "d")}, boolT, SLUICE_FN { return Value::fromBool(std::isnan(a[0].toDouble())); });
    sprop(doubleT, "MaxValue", doubleT, SLUICE_FN { return Value::fromDouble(1.7976931348623157e308); });
    sprop(doubleT, "MinValue", doubleT, SLUICE_FN { return Value::fromDouble(-1.7976931348623157e308); });
    smethod(boolT, "Parse", {p(str, "value")}, boolT, SLUICE_FN {
        const QString t = rt::str(a[0]).trimmed();
        if (t.compare(QLatin1String("true"), Qt::CaseInsensitive) == 0)
            return Value::fromBool(true);
        if (t.compare(QLatin1String("false"), Qt::CaseInsensitive) == 0)
            return Value::fromBool(false);
        Frame::fail(QStringLiteral("FormatException"),
                    QCoreApplication::translate("Expression", "String '%1' was not recognized as a valid Boolean.").arg(t));
    });
    smethod(boolT, "TryParse", {p(str, "value"), out(boolT, "result")}, boolT, SLUICE_FN {
        const QString t = a[0].isString() ? a[0].asString().trimmed() : QString();
        const bool isTrue = t.compare(QLatin1String("true"), Qt::CaseInsensitive) == 0;
        const bool isFalse = t.compare(QLatin1String("false"), Qt::CaseInsensitive) == 0;
        a[1] = Value::fromBool(isTrue);
        return Value::fromBool(isTrue || isFalse);
    });
    smethod(charT, "IsDigit", {p(charT, "c")}, boolT, SLUICE_FN { return Value::fromBool(QChar(a[0].asChar()).isDigit()); });
    smethod(charT, "IsLetter", {p(charT, "c")}, boolT, SLUICE_FN { return Value::fromBool(QChar(a[0].asChar()).isLetter()); });
    smethod(charT, "IsLetterOrDigit", {p(charT, "c")}, boolT,
            SLUICE_FN { return Value::fromBool(QChar(a[0].asChar()).isLetterOrNumber()); });
    smethod(charT, "IsWhiteSpace", {p(charT, "c")}, boolT, SLUICE_FN { return Value::fromBool(QChar(a[0].asChar()).isSpace()); });
    smethod(charT, "IsUpper", {p(charT, "c")}, boolT, SLUICE_FN { return Value::fromBool(QChar(a[0].asChar()).isUpper()); });
    smethod(charT, "IsLower", {p(charT, "c")}, boolT, SLUICE_FN { return Value::fromBool(QChar(a[0].asChar()).isLower()); });
    smethod(charT, "ToUpper", {p(charT, "c")}, charT, SLUICE_FN { return Value::fromChar(QChar(a[0].asChar()).toUpper().unicode()); });
    smethod(charT, "ToLower", {p(charT, "c")}, charT, SLUICE_FN { return Value::fromChar(QChar(a[0].asChar()).toLower().unicode()); });

    // Math
    TypeInfo *math = r.define(S("Math"), TypeKind::Class, nullptr, S("System"));
    smethod(math, "Abs", {p(intT, "value")}, intT, SLUICE_FN { return Value::fromInt(qAbs(a[0].asInt())); });
    smethod(math, "Abs", {p(longT, "value")}, longT, SLUICE_FN { return Value::fromLong(qAbs(a[0].asLong())); });
    smethod(math, "Abs", {p(doubleT, "value")}, doubleT, SLUICE_FN { return Value::fromDouble(std::fabs(a[0].asDouble())); });
    for (const char *name : {"Max", "Min"}) {
        const bool isMax = name[1] == 'a';
        smethod(math, name, {p(intT, "a"), p(intT, "b")}, intT,
                isMax ? NativeFn(SLUICE_FN { return Value::fromInt(qMax(a[0].asInt(), a[1].asInt())); })
                      : NativeFn(SLUICE_FN { return Value::fromInt(qMin(a[0].asInt(), a[1].asInt())); }));
        smethod(math, name, {p(longT, "a"), p(longT, "b")}, longT,
                isMax ? NativeFn(SLUICE_FN { return Value::fromLong(qMax(a[0].asLong(), a[1].asLong())); })
                      : NativeFn(SLUICE_FN { return Value::fromLong(qMin(a[0].asLong(), a[1].asLong())); }));
        smethod(math, name, {p(doubleT, "a"), p(doubleT, "b")}, doubleT,
                isMax ? NativeFn(SLUICE_FN { return Value::fromDouble(std::fmax(a[0].asDouble(), a[1].asDouble())); })
                      : NativeFn(SLUICE_FN { return Value::fromDouble(std::fmin(a[0].asDouble(), a[1].asDouble())); }));
    }
    smethod(math, "Round", {p(doubleT, "value")}, doubleT, SLUICE_FN { return mathRound(a[0].asDouble(), 0); });
    smethod(math, "Round", {p(doubleT, "value"), p(intT, "digits")}, doubleT,
            SLUICE_FN { return mathRound(a[0].asDouble(), a[1].asInt()); });
    smethod(math, "Floor", {p(doubleT, "d")}, doubleT, SLUICE_FN { return Value::fromDouble(std::floor(a[0].asDouble())); });
    smethod(math, "Ceiling", {p(doubleT, "a")}, doubleT, SLUICE_FN { return Value::fromDouble(std::ceil(a[0].asDouble())); });
    smethod(math, "Truncate", {p(doubleT, "d")}, doubleT, SLUICE_FN { return Value::fromDouble(std::trunc(a[0].asDouble())); });
    smethod(math, "Pow", {p(doubleT, "x"), p(doubleT, "y")}, doubleT,
            SLUICE_FN { return Value::fromDouble(std::pow(a[0].asDouble(), a[1].asDouble())); });
    smethod(math, "Sqrt", {p(doubleT, "d")}, doubleT, SLUICE_FN { return Value::fromDouble(std::sqrt(a[0].asDouble())); });
    smethod(math, "Log", {p(doubleT, "d")}, doubleT, SLUICE_FN { return Value::fromDouble(std::log(a[0].asDouble())); });
    smethod(math, "Log10", {p(doubleT, "d")}, doubleT, SLUICE_FN { return Value::fromDouble(std::log10(a[0].asDouble())); });
    sprop(math, "PI", doubleT, SLUICE_FN { return Value::fromDouble(M_PI); });

    // Guid
    TypeInfo *guid = r.define(S("Guid"), TypeKind::Class, nullptr, S("System"));
    guid->isValueType = true;
    smethod(guid, "NewGuid", {}, guid,
            SLUICE_FN { return Value::fromObject(std::make_shared<GuidObject>(QUuid::createUuid())); });
    smethod(guid, "Parse", {p(str, "input")}, guid, SLUICE_FN {
        const QUuid id = QUuid::fromString(rt::str(a[0], "input").trimmed());
        if (id.isNull() && !rt::str(a[0]).startsWith(QLatin1String("00000000")))
            Frame::format();
        return Value::fromObject(std::make_shared<GuidObject>(id));
    });
    method(guid, "ToByteArray", {}, r.byteArray, SLUICE_FN {
        // .NET layout: the first three fields little-endian
        QByteArray b = rt::self<GuidObject>(self)->m_id.toRfc4122();
        std::reverse(b.begin(), b.begin() + 4);
        std::reverse(b.begin() + 4, b.begin() + 6);
        std::reverse(b.begin() + 6, b.begin() + 8);
        return rt::fromBytes(b);
    });
    ctor(guid, {p(r.byteArray, "b")}, SLUICE_FN {
        QByteArray b = rt::toBytes(f, a[0]);
        if (b.size() != 16)
            Frame::fail(QStringLiteral("ArgumentException"),
                        QCoreApplication::translate("Expression", "Byte array for GUID must be exactly 16 bytes long."));
        std::reverse(b.begin(), b.begin() + 4);
        std::reverse(b.begin() + 4, b.begin() + 6);
        std::reverse(b.begin() + 6, b.begin() + 8);
        return Value::fromObject(std::make_shared<GuidObject>(QUuid::fromRfc4122(b)));
    });
    ctor(guid, {p(str, "g")}, SLUICE_FN {
        const QUuid id = QUuid::fromString(rt::str(a[0], "g").trimmed());
        if (id.isNull())
            Frame::format();
        return Value::fromObject(std::make_shared<GuidObject>(id));
    });
    sprop(guid, "Empty", guid, SLUICE_FN { return Value::fromObject(std::make_shared<GuidObject>(QUuid())); });
    method(guid, "ToString", {p(str, "format")}, str,
           SLUICE_FN { return Value::fromString(self.object()->formatted(a[0].isNull() ? QString() : a[0].asString())); });

    // StringComparer (for Contains/Equals with a comparer): values are StringComparison codes
    TypeInfo *comparer = r.define(S("StringComparer"), TypeKind::Class, nullptr, S("System"));
    for (auto [name, value] : std::initializer_list<std::pair<const char *, int>>{
             {"CurrentCulture", 0}, {"CurrentCultureIgnoreCase", 1}, {"InvariantCulture", 2},
             {"InvariantCultureIgnoreCase", 3}, {"Ordinal", 4}, {"OrdinalIgnoreCase", 5}}) {
        Member &m = sprop(comparer, name, comparer, SLUICE_FN { return Value::fromInt(site.member->tag); });
        m.tag = value;
    }
    method(comparer, "Equals", {p(str, "x"), p(str, "y")}, r.boolType, SLUICE_FN {
        const qint64 c = self.toLong();
        const Qt::CaseSensitivity cs = (c == 1 || c == 3 || c == 5) ? Qt::CaseInsensitive : Qt::CaseSensitive;
        if (a[0].isNull() || a[1].isNull())
            return Value::fromBool(a[0].isNull() && a[1].isNull());
        return Value::fromBool(a[0].asString().compare(a[1].asString(), cs) == 0);
    });

    // Random
    TypeInfo *random = r.define(S("Random"), TypeKind::Class, nullptr, S("System"));
    ctor(random, {}, SLUICE_FN { return Value::fromObject(std::make_shared<RandomObject>(std::nullopt)); });
    ctor(random, {p(intT, "Seed")}, SLUICE_FN {
        return Value::fromObject(std::make_shared<RandomObject>(quint32(a[0].asInt())));
    });
    method(random, "Next", {}, intT,
           SLUICE_FN { return Value::fromInt(rt::self<RandomObject>(self)->m_gen.bounded(INT_MAX)); });
    method(random, "Next", {p(intT, "maxValue")}, intT, SLUICE_FN {
        if (a[0].asInt() < 0)
            Frame::argumentOutOfRange(QStringLiteral("maxValue"));
        return Value::fromInt(a[0].asInt() == 0 ? 0 : rt::self<RandomObject>(self)->m_gen.bounded(a[0].asInt()));
    });
    method(random, "Next", {p(intT, "minValue"), p(intT, "maxValue")}, intT, SLUICE_FN {
        if (a[0].asInt() > a[1].asInt())
            Frame::argumentOutOfRange(QStringLiteral("minValue"));
        if (a[0].asInt() == a[1].asInt())
            return a[0];
        return Value::fromInt(rt::self<RandomObject>(self)->m_gen.bounded(a[0].asInt(), a[1].asInt()));
    });
    method(random, "NextDouble", {}, doubleT,
           SLUICE_FN { return Value::fromDouble(rt::self<RandomObject>(self)->m_gen.generateDouble()); });

    // Exceptions: one runtime class, every name
    TypeInfo *exception = r.define(S("Exception"), TypeKind::Class, nullptr, S("System"));
    r.exception = exception;
    for (const char *name : {"ArgumentException", "ArgumentNullException", "InvalidOperationException",
                             "FormatException", "InvalidCastException", "NullReferenceException",
                             "ArgumentOutOfRangeException", "NotSupportedException", "OverflowException",
                             "KeyNotFoundException", "UnauthorizedAccessException", "JsonReaderException",
                             "Newtonsoft.Json.JsonReaderException", "System.Collections.Generic.KeyNotFoundException"}) {
        r.alias(S(name), exception);
        if (!QByteArray(name).contains('.'))
            r.alias(S("System.") + S(name), exception);
    }
    ctor(exception, {}, SLUICE_FN { return Value::fromObject(std::make_shared<ExceptionObject>(S("Exception"), QString())); });
    ctor(exception, {p(str, "message")}, SLUICE_FN {
        return Value::fromObject(std::make_shared<ExceptionObject>(site.resultType->name, rt::strOrEmpty(a[0])));
    });
    ctor(exception, {p(str, "message"), p(exception, "innerException")}, SLUICE_FN {
        return Value::fromObject(std::make_shared<ExceptionObject>(site.resultType->name, rt::strOrEmpty(a[0])));
    });
    prop(exception, "Message", str, SLUICE_FN { return Value::fromString(rt::self<ExceptionObject>(self)->message); });
    method(exception, "ToString", {}, str, SLUICE_FN { return Value::fromString(self.toString()); });

    // enums
    TypeInfo *comparison = r.define(S("StringComparison"), TypeKind::Enum, nullptr, S("System"));
    comparison->isValueType = true;
    constant(comparison, "CurrentCulture", 0);
    constant(comparison, "CurrentCultureIgnoreCase", 1);
    constant(comparison, "InvariantCulture", 2);
    constant(comparison, "InvariantCultureIgnoreCase", 3);
    constant(comparison, "Ordinal", 4);
    constant(comparison, "OrdinalIgnoreCase", 5);
    TypeInfo *splitOptions = r.define(S("StringSplitOptions"), TypeKind::Enum, nullptr, S("System"));
    splitOptions->isValueType = true;
    constant(splitOptions, "None", 0);
    constant(splitOptions, "RemoveEmptyEntries", 1);
    constant(splitOptions, "TrimEntries", 2);
    for (TypeInfo *e : {comparison, splitOptions})
        enumToString(e, str);
}

} // namespace sluice
