#include "Value.h"

#include "TypeRegistry.h"

#include <charconv>
#include <cmath>

namespace sluice {

QString ExprObject::toString() const
{
    const TypeInfo *t = exprType();
    return t ? t->name : QString();
}

bool ExprObject::enumerate(std::vector<Value> *) const
{
    return false;
}

qint64 Value::toLong() const
{
    switch (kind()) {
    case Kind::Char: return asChar();
    case Kind::Int: return asInt();
    case Kind::Long: return asLong();
    case Kind::Double: {
        const double d = asDouble();
        if (std::isnan(d) || d >= 9.2233720368547758e18 || d <= -9.2233720368547758e18)
            return std::numeric_limits<qint64>::min();
        return qint64(d);
    }
    case Kind::Bool: return asBool() ? 1 : 0;
    default: return 0;
    }
}

double Value::toDouble() const
{
    switch (kind()) {
    case Kind::Char: return asChar();
    case Kind::Int: return asInt();
    case Kind::Long: return double(asLong());
    case Kind::Double: return asDouble();
    default: return 0;
    }
}

QString formatDotNetDouble(double d)
{
    if (std::isnan(d))
        return QStringLiteral("NaN");
    if (std::isinf(d))
        return d > 0 ? QStringLiteral("Infinity") : QStringLiteral("-Infinity");
    if (d == 0)
        return std::signbit(d) ? QStringLiteral("-0") : QStringLiteral("0");
    char buf[64];
    auto r = std::to_chars(buf, buf + sizeof buf, d, std::chars_format::scientific);
    std::string sci(buf, r.ptr);
    // sci: [-]d[.ddd]e[+-]xx
    const bool negative = sci[0] == '-';
    if (negative)
        sci.erase(0, 1);
    const size_t e = sci.find('e');
    std::string mantissa = sci.substr(0, e);
    const int exponent = std::stoi(sci.substr(e + 1));
    std::string digits;
    for (char c : mantissa) {
        if (c != '.')
            digits += c;
    }
    std::string out;
    if (exponent >= 15 || exponent < -5) {
        out = digits.substr(0, 1);
        if (digits.size() > 1)
            out += "." + digits.substr(1);
        char exp[16];
        std::snprintf(exp, sizeof exp, "E%c%02d", exponent < 0 ? '-' : '+', std::abs(exponent));
        out += exp;
    } else if (exponent >= 0) {
        if (int(digits.size()) <= exponent + 1) {
            out = digits + std::string(size_t(exponent + 1) - digits.size(), '0');
        } else {
            out = digits.substr(0, size_t(exponent + 1)) + "." + digits.substr(size_t(exponent + 1));
        }
    } else {
        out = "0." + std::string(size_t(-exponent - 1), '0') + digits;
    }
    if (negative)
        out.insert(0, "-");
    return QString::fromLatin1(out.c_str());
}

QString Value::toString() const
{
    switch (kind()) {
    case Kind::Null: return QString();
    case Kind::Bool: return asBool() ? QStringLiteral("True") : QStringLiteral("False");
    case Kind::Char: return QString(QChar(asChar()));
    case Kind::Int: return QString::number(asInt());
    case Kind::Long: return QString::number(asLong());
    case Kind::Double: return formatDotNetDouble(asDouble());
    case Kind::String: return asString();
    case Kind::Object: return asObject()->toString();
    case Kind::Lambda: return QStringLiteral("System.Func`2");
    }
    return QString();
}

const TypeInfo *Value::runtimeType() const
{
    TypeRegistry &r = TypeRegistry::instance();
    switch (kind()) {
    case Kind::Null: return nullptr;
    case Kind::Bool: return r.boolType;
    case Kind::Char: return r.charType;
    case Kind::Int: return r.intType;
    case Kind::Long: return r.longType;
    case Kind::Double: return r.doubleType;
    case Kind::String: return r.stringType;
    case Kind::Object: return asObject()->exprType();
    case Kind::Lambda: return r.lambdaType;
    }
    return nullptr;
}

bool Value::equals(const Value &other) const
{
    const Kind a = kind(), b = other.kind();
    if (a == Kind::Null || b == Kind::Null)
        return a == b;
    if (isNumeric() && other.isNumeric()) {
        if (a == Kind::Double || b == Kind::Double)
            return toDouble() == other.toDouble();
        return toLong() == other.toLong();
    }
    if (a != b)
        return false;
    switch (a) {
    case Kind::Bool: return asBool() == other.asBool();
    case Kind::String: return asString() == other.asString();
    case Kind::Object: return asObject().get() == other.asObject().get() || asObject()->equals(*other.asObject());
    case Kind::Lambda: return asLambda() == other.asLambda();
    default: return false;
    }
}

} // namespace sluice
