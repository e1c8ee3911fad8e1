#include "Runtime.h"

#include <QLocale>
#include <QRegularExpression>

#include <cmath>

namespace sluice {

QString ArrayObject::toString() const
{
    if (m_type->kind == TypeKind::Array)
        return QStringLiteral("System.") + (m_type->element ? m_type->element->name : QString()) + QStringLiteral("[]");
    return QStringLiteral("System.Collections.Generic.") + m_type->name;
}

bool DictionaryObject::enumerate(std::vector<Value> *out) const
{
    out->clear();
    for (const auto &e : entries)
        out->push_back(Value::fromObject(std::make_shared<KeyValuePairObject>(m_type->element, e.first, e.second)));
    return true;
}

int DictionaryObject::find(const Value &key) const
{
    for (size_t i = 0; i < entries.size(); ++i) {
        if (entries[i].first.equals(key))
            return int(i);
    }
    return -1;
}

const TypeInfo *ExceptionObject::exprType() const
{
    return TypeRegistry::instance().exception;
}

Value makeKeyValuePair(const TypeInfo *type, Value key, Value value)
{
    return Value::fromObject(std::make_shared<KeyValuePairObject>(type, std::move(key), std::move(value)));
}

namespace rt {

const QString &str(const Value &v, const char *parameter)
{
    if (!v.isString())
        Frame::argumentNull(QString::fromLatin1(parameter));
    return v.asString();
}

QString strOrEmpty(const Value &v)
{
    return v.isString() ? v.asString() : v.toString();
}

Value string(QString s)
{
    return Value::fromString(std::move(s));
}

Value array(const TypeInfo *elementType, std::vector<Value> items)
{
    return Value::fromObject(std::make_shared<ArrayObject>(types().arrayOf(elementType), std::move(items)));
}

Value stringArray(const QStringList &list)
{
    std::vector<Value> items;
    items.reserve(size_t(list.size()));
    for (const QString &s : list)
        items.push_back(Value::fromString(s));
    return Value::fromObject(std::make_shared<ArrayObject>(types().stringArray, std::move(items)));
}

std::vector<Value> elements(Frame &f, const Value &enumerable)
{
    Q_UNUSED(f);
    std::vector<Value> out;
    if (enumerable.isNull())
        Frame::argumentNull(QStringLiteral("source"));
    if (enumerable.isString()) {
        const QString &s = enumerable.asString();
        out.reserve(size_t(s.size()));
        for (QChar c : s)
            out.push_back(Value::fromChar(c.unicode()));
        return out;
    }
    if (ExprObject *o = enumerable.object()) {
        if (auto *a = dynamic_cast<ArrayObject *>(o))
            return a->items;
        if (o->enumerate(&out))
            return out;
    }
    Frame::fail(QStringLiteral("InvalidCastException"),
                QCoreApplication::translate("Expression", "the value is not enumerable"));
}

QStringList toStringList(Frame &f, const Value &enumerable)
{
    QStringList out;
    for (const Value &v : elements(f, enumerable))
        out << v.toString();
    return out;
}

QByteArray toBytes(Frame &f, const Value &byteArray)
{
    QByteArray out;
    for (const Value &v : elements(f, byteArray))
        out.append(char(quint8(v.toLong())));
    return out;
}

Value fromBytes(const QByteArray &bytes)
{
    std::vector<Value> items;
    items.reserve(size_t(bytes.size()));
    for (char c : bytes)
        items.push_back(Value::fromInt(quint8(c)));
    return Value::fromObject(std::make_shared<ArrayObject>(types().byteArray, std::move(items)));
}

Value defaultValue(const TypeInfo *t)
{
    switch (t->kind) {
    case TypeKind::Bool: return Value::fromBool(false);
    case TypeKind::Char: return Value::fromChar(0);
    case TypeKind::Byte:
    case TypeKind::Int:
    case TypeKind::Enum: return Value::fromInt(0);
    case TypeKind::Long: return Value::fromLong(0);
    case TypeKind::Double: return Value::fromDouble(0);
    default: return {};
    }
}

bool isInstanceOf(const Value &value, const TypeInfo *target)
{
    if (value.isNull())
        return false;
    if (target->kind == TypeKind::Object)
        return true;
    const TypeInfo *t = value.runtimeType();
    if (!t)
        return false;
    switch (target->kind) {
    case TypeKind::Int:
    case TypeKind::Byte:
    case TypeKind::Enum: return value.kind() == Value::Kind::Int;
    case TypeKind::Long: return value.kind() == Value::Kind::Long;
    case TypeKind::Double: return value.kind() == Value::Kind::Double;
    case TypeKind::Char: return value.kind() == Value::Kind::Char;
    case TypeKind::Bool: return value.kind() == Value::Kind::Bool;
    case TypeKind::String: return value.isString();
    default: break;
    }
    if (t == target || t->derivesFrom(target))
        return true;
    // Authorization (get-authorization-context) is a JObject at run time
    if (target->base == types().jobject && t == types().jobject)
        return true;
    if (target->genericDefinition == types().enumerableDef && t->element) {
        return t->element == target->element || target->element->kind == TypeKind::Object
            || t->element->derivesFrom(target->element);
    }
    return false;
}

Value castTo(Frame &f, const Value &value, const TypeInfo *target)
{
    Q_UNUSED(f);
    if (value.isNull()) {
        if (target->isValueType)
            Frame::nullReference();
        return value;
    }
    if (isInstanceOf(value, target))
        return value;
    Frame::invalidCast(value, target);
}

Value convertNumeric(const Value &value, const TypeInfo *target)
{
    switch (target->kind) {
    case TypeKind::Double: return Value::fromDouble(value.toDouble());
    case TypeKind::Long: return Value::fromLong(value.toLong());
    case TypeKind::Int:
    case TypeKind::Enum: return Value::fromInt(qint32(quint32(quint64(value.toLong()))));
    case TypeKind::Byte: return Value::fromInt(quint8(quint64(value.toLong())));
    case TypeKind::Char: return Value::fromChar(char16_t(quint64(value.toLong())));
    default: return value;
    }
}

namespace {

QString groupThousands(const QString &digits)
{
    QString out;
    const int n = int(digits.size());
    for (int i = 0; i < n; ++i) {
        if (i > 0 && (n - i) % 3 == 0)
            out += QLatin1Char(',');
        out += digits.at(i);
    }
    return out;
}

QString fixed(double d, int decimals, bool group)
{
    QString s = QString::number(std::fabs(d), 'f', decimals);
    QString intPart = s.section(QLatin1Char('.'), 0, 0);
    const QString frac = s.contains(QLatin1Char('.')) ? s.section(QLatin1Char('.'), 1) : QString();
    if (group)
        intPart = groupThousands(intPart);
    QString out = frac.isEmpty() ? intPart : intPart + QLatin1Char('.') + frac;
    if (d < 0 && out.contains(QRegularExpression(QStringLiteral("[1-9]"))))
        out.prepend(QLatin1Char('-'));
    return out;
}

} // namespace

QString formatNumber(const Value &value, const QString &format)
{
    if (format.isEmpty())
        return value.toString();
    const QChar spec = format.at(0).toUpper();
    bool hasPrecision = false;
    const int precision = format.mid(1).toInt(&hasPrecision);
    const bool integral = value.kind() != Value::Kind::Double;
    if (format.size() == 1 || hasPrecision) {
        switch (spec.unicode()) {
        case 'D': {
            if (!integral)
                Frame::format();
            const qint64 v = value.toLong();
            QString digits = QString::number(v < 0 ? -(v + 1) + 1ULL : quint64(v));
            digits = digits.rightJustified(hasPrecision ? precision : 0, QLatin1Char('0'));
            return v < 0 ? QLatin1Char('-') + digits : digits;
        }
        case 'X': {
            if (!integral)
                Frame::format();
            const quint64 v = value.kind() == Value::Kind::Long ? quint64(value.toLong()) : quint32(value.toLong());
            QString s = QString::number(v, 16).rightJustified(hasPrecision ? precision : 0, QLatin1Char('0'));
            return format.at(0) == QLatin1Char('X') ? s.toUpper() : s;
        }
        case 'F': return fixed(value.toDouble(), hasPrecision ? precision : 2, false);
        case 'N': return fixed(value.toDouble(), hasPrecision ? precision : 2, true);
        case 'P': return fixed(value.toDouble() * 100, hasPrecision ? precision : 2, true) + QStringLiteral(" %");
        case 'G':
        case 'R':
            if (!hasPrecision)
                return value.toString();
            return QString::number(value.toDouble(), 'g', precision);
        case 'E': {
            QString s = QString::number(value.toDouble(), 'e', hasPrecision ? precision : 6).toUpper();
            // .NET uses at least three exponent digits: 1.234560E+004
            const int e = int(s.indexOf(QLatin1Char('E')));
            QString exp = s.mid(e + 2);
            return s.left(e + 2) + exp.rightJustified(3, QLatin1Char('0'));
        }
        default: break;
        }
    }
    // custom numeric format: 0, #, '.', ','
    const int dot = int(format.indexOf(QLatin1Char('.')));
    const QString intSpec = dot < 0 ? format : format.left(dot);
    const QString fracSpec = dot < 0 ? QString() : format.mid(dot + 1);
    const int decimals = int(fracSpec.count(QLatin1Char('0')) + fracSpec.count(QLatin1Char('#')));
    const int minDecimals = int(fracSpec.count(QLatin1Char('0')));
    const int minInt = int(intSpec.count(QLatin1Char('0')));
    const bool group = intSpec.contains(QLatin1Char(','));
    QString s = QString::number(std::fabs(value.toDouble()), 'f', decimals);
    QString ip = s.section(QLatin1Char('.'), 0, 0);
    QString fp = s.contains(QLatin1Char('.')) ? s.section(QLatin1Char('.'), 1) : QString();
    while (fp.size() > minDecimals && fp.endsWith(QLatin1Char('0')))
        fp.chop(1);
    if (ip == QLatin1String("0") && minInt == 0)
        ip.clear();
    ip = ip.rightJustified(minInt, QLatin1Char('0'));
    if (group)
        ip = groupThousands(ip);
    QString out = fp.isEmpty() ? ip : ip + QLatin1Char('.') + fp;
    if (value.toDouble() < 0)
        out.prepend(QLatin1Char('-'));
    return out;
}

QString formatValue(Frame &f, const Value &value, const QString &format)
{
    Q_UNUSED(f);
    if (value.isNumeric())
        return formatNumber(value, format);
    if (ExprObject *o = value.object())
        return o->formatted(format);
    return value.toString();
}

} // namespace rt

} // namespace sluice
