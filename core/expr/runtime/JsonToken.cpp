#include "JsonToken.h"

#include "DotNetDouble.h"

#include <QMutex>

#include <cmath>

namespace sluice::dotnet {

namespace {

constexpr qsizetype kIndexThreshold = 16;

QString linqClassName(JTokenType type)
{
    switch (type) {
    case JTokenType::Object:
        return QStringLiteral("Newtonsoft.Json.Linq.JObject");
    case JTokenType::Array:
        return QStringLiteral("Newtonsoft.Json.Linq.JArray");
    case JTokenType::Property:
        return QStringLiteral("Newtonsoft.Json.Linq.JProperty");
    default:
        return QStringLiteral("Newtonsoft.Json.Linq.JValue");
    }
}

DotNetError outOfRange()
{
    return DotNetError::argumentOutOfRange(QCoreApplication::translate(
        "DotNet",
        "Index was out of range. Must be non-negative and less than the size of the collection. "
        "(Parameter 'index')"));
}

} // namespace

QString jTokenTypeName(JTokenType type)
{
    static const char *const names[] = {"None",    "Object", "Array",  "Constructor", "Property", "Comment",
                                        "Integer", "Float",  "String", "Boolean",     "Null",     "Undefined",
                                        "Date",    "Raw",    "Bytes",  "Guid",        "Uri",      "TimeSpan"};
    return QLatin1String(names[int(type)]);
}

JsonToken::JsonToken(PrivateTag, JTokenType type)
    : m_type(type)
{ }

JsonToken::Ptr JsonToken::createObject()
{
    return make(JTokenType::Object);
}
JsonToken::Ptr JsonToken::createArray()
{
    return make(JTokenType::Array);
}
JsonToken::Ptr JsonToken::createNull()
{
    return make(JTokenType::Null);
}
JsonToken::Ptr JsonToken::createUndefined()
{
    return make(JTokenType::Undefined);
}

JsonToken::Ptr JsonToken::createBool(bool value)
{
    Ptr t = make(JTokenType::Boolean);
    t->m_value = value;
    return t;
}

JsonToken::Ptr JsonToken::createInteger(qint64 value)
{
    Ptr t = make(JTokenType::Integer);
    t->m_value = value;
    return t;
}

JsonToken::Ptr JsonToken::createFloat(double value)
{
    Ptr t = make(JTokenType::Float);
    t->m_value = value;
    return t;
}

JsonToken::Ptr JsonToken::createString(const QString &value)
{
    if (value.isNull())
        return createNull();
    Ptr t = make(JTokenType::String);
    t->m_value = value;
    return t;
}

JsonToken::Ptr JsonToken::createDate(const DotNetDateTime &value)
{
    Ptr t = make(JTokenType::Date);
    t->m_value = value;
    return t;
}

JsonToken::Ptr JsonToken::createProperty(const QString &name, Ptr value)
{
    Ptr t = make(JTokenType::Property);
    t->m_name = name;
    t->m_children.append(t->adopt(value ? std::move(value) : createNull()));
    return t;
}

JsonToken::Ptr JsonToken::adopt(Ptr child)
{
    if (!child)
        child = createNull();
    if (child->m_parent || child.get() == this)
        child = child->deepClone();
    child->m_parent = this;
    return child;
}

QString JsonToken::path() const
{
    QStringList parts;
    const JsonToken *current = this;
    const JsonToken *child = nullptr;
    while (current) {
        if (current->isProperty()) {
            static const QString special = QStringLiteral(".  '/\"[]()\t\n\r\f\b\\\u0085\u2028\u2029");
            bool needsQuote = false;
            for (QChar c : current->m_name)
                needsQuote = needsQuote || special.contains(c);
            parts.prepend(needsQuote ? QLatin1String("['") + current->m_name + QLatin1String("']")
                                     : QLatin1Char('.') + current->m_name);
        } else if (current->isArray() && child) {
            qsizetype index = 0;
            while (index < current->m_children.size() && current->m_children.at(index).get() != child)
                ++index;
            parts.prepend(QLatin1Char('[') + QString::number(index) + QLatin1Char(']'));
        }
        child = current;
        current = current->m_parent;
    }
    QString out = parts.join(QString());
    if (out.startsWith(QLatin1Char('.')))
        out.remove(0, 1);
    return out;
}

qsizetype JsonToken::indexOfProperty(const QString &name) const
{
    if (m_children.size() > kIndexThreshold) {
        if (!m_index) {
            m_index = std::make_unique<QHash<QString, qsizetype>>();
            m_index->reserve(m_children.size());
            for (qsizetype i = 0; i < m_children.size(); ++i)
                m_index->insert(m_children.at(i)->m_name, i);
        }
        return m_index->value(name, -1);
    }
    for (qsizetype i = 0; i < m_children.size(); ++i)
        if (m_children.at(i)->m_name == name)
            return i;
    return -1;
}

JsonToken::Ptr JsonToken::value(const QString &key) const
{
    if (!isObject())
        return nullptr;
    const qsizetype i = indexOfProperty(key);
    return i < 0 ? nullptr : m_children.at(i)->propertyValue();
}

DotNetResult<JsonToken::Ptr> JsonToken::get(const QString &key) const
{
    if (isObject())
        return value(key);
    if (isArray())
        return DotNetError::argument(
            QCoreApplication::translate("DotNet",
                                        "Accessed JArray values with invalid key value: \"%1\". Int32 "
                                        "array index expected.")
                .arg(key));
    return DotNetError::invalidOperation(
        QCoreApplication::translate("DotNet", "Cannot access child value on %1.").arg(linqClassName(m_type)));
}

DotNetResult<JsonToken::Ptr> JsonToken::get(qsizetype index) const
{
    if (isArray()) {
        if (index < 0 || index >= m_children.size())
            return outOfRange();
        return m_children.at(index);
    }
    if (isObject())
        return DotNetError::argument(
            QCoreApplication::translate("DotNet",
                                        "Accessed JObject values with invalid key value: %1. Object "
                                        "property name expected.")
                .arg(index));
    return DotNetError::invalidOperation(
        QCoreApplication::translate("DotNet", "Cannot access child value on %1.").arg(linqClassName(m_type)));
}

std::optional<DotNetError> JsonToken::set(const QString &key, Ptr newValue)
{
    if (isObject()) {
        const qsizetype i = indexOfProperty(key);
        if (i >= 0) {
            m_children.at(i)->setPropertyValue(std::move(newValue));
            return std::nullopt;
        }
        return add(key, std::move(newValue));
    }
    if (isArray())
        return DotNetError::argument(
            QCoreApplication::translate("DotNet",
                                        "Set JArray values with invalid key value: \"%1\". Int32 array "
                                        "index expected.")
                .arg(key));
    return DotNetError::invalidOperation(
        QCoreApplication::translate("DotNet", "Cannot set child value on %1.").arg(linqClassName(m_type)));
}

std::optional<DotNetError> JsonToken::set(qsizetype index, Ptr newValue)
{
    if (isArray()) {
        if (index < 0 || index >= m_children.size())
            return outOfRange();
        m_children.at(index)->m_parent = nullptr;
        m_children[index] = adopt(std::move(newValue));
        return std::nullopt;
    }
    if (isObject())
        return DotNetError::argument(
            QCoreApplication::translate("DotNet",
                                        "Set JObject values with invalid key value: %1. Object property "
                                        "name expected.")
                .arg(index));
    return DotNetError::invalidOperation(
        QCoreApplication::translate("DotNet", "Cannot set child value on %1.").arg(linqClassName(m_type)));
}

std::optional<DotNetError> JsonToken::add(const QString &name, Ptr newValue)
{
    return add(createProperty(name, std::move(newValue)));
}

std::optional<DotNetError> JsonToken::add(Ptr token)
{
    return insert(m_children.size(), std::move(token));
}

std::optional<DotNetError> JsonToken::insert(qsizetype index, Ptr token)
{
    if (!token)
        token = createNull();
    if (isObject()) {
        if (!token->isProperty())
            return DotNetError::argument(QCoreApplication::translate("DotNet", "Can not add %1 to %2.")
                                             .arg(linqClassName(token->m_type), linqClassName(m_type)));
        if (indexOfProperty(token->m_name) >= 0)
            return DotNetError::argument(
                QCoreApplication::translate("DotNet",
                                            "Can not add property %1 to Newtonsoft.Json.Linq.JObject. "
                                            "Property with the same name already exists on object.")
                    .arg(token->m_name));
    } else if (isArray()) {
        if (token->isProperty())
            return DotNetError::argument(QCoreApplication::translate("DotNet", "Can not add %1 to %2.")
                                             .arg(linqClassName(token->m_type), linqClassName(m_type)));
    } else {
        return DotNetError::invalidOperation(
            QCoreApplication::translate("DotNet", "Cannot add child value to %1.").arg(linqClassName(m_type)));
    }
    if (index < 0 || index > m_children.size())
        return outOfRange();
    m_children.insert(index, adopt(std::move(token)));
    invalidateIndex();
    return std::nullopt;
}

std::optional<DotNetError> JsonToken::removeAt(qsizetype index)
{
    if (!isArray() && !isObject())
        return DotNetError::invalidOperation(
            QCoreApplication::translate("DotNet", "Cannot remove child value from %1.").arg(linqClassName(m_type)));
    if (index < 0 || index >= m_children.size())
        return outOfRange();
    m_children.at(index)->m_parent = nullptr;
    m_children.removeAt(index);
    invalidateIndex();
    return std::nullopt;
}

bool JsonToken::remove(const QString &name)
{
    if (!isObject())
        return false;
    const qsizetype i = indexOfProperty(name);
    if (i < 0)
        return false;
    return !removeAt(i).has_value();
}

void JsonToken::clear()
{
    if (isProperty())
        return;
    for (const Ptr &child : std::as_const(m_children))
        child->m_parent = nullptr;
    m_children.clear();
    invalidateIndex();
}

std::optional<DotNetError> JsonToken::removeFromParent()
{
    if (!m_parent)
        return DotNetError::invalidOperation(QCoreApplication::translate("DotNet", "The parent is missing."));
    JsonToken *parent = m_parent;
    if (parent->isProperty()) // a property's value: Newtonsoft cannot remove it either
        return DotNetError::invalidOperation(
            QCoreApplication::translate("DotNet", "Cannot add or remove items from %1.")
                .arg(linqClassName(JTokenType::Property)));
    for (qsizetype i = 0; i < parent->m_children.size(); ++i)
        if (parent->m_children.at(i).get() == this)
            return parent->removeAt(i);
    return std::nullopt;
}

bool JsonToken::containsKey(const QString &name) const
{
    return isObject() && indexOfProperty(name) >= 0;
}

JsonToken::Ptr JsonToken::property(const QString &name) const
{
    if (!isObject())
        return nullptr;
    const qsizetype i = indexOfProperty(name);
    return i < 0 ? nullptr : m_children.at(i);
}

QList<JsonToken::Ptr> JsonToken::properties() const
{
    return isObject() ? m_children : QList<Ptr>();
}

void JsonToken::setPropertyValue(Ptr newValue)
{
    if (!isProperty())
        return;
    if (!m_children.isEmpty())
        m_children.first()->m_parent = nullptr;
    Ptr adopted = adopt(std::move(newValue));
    if (m_children.isEmpty())
        m_children.append(adopted);
    else
        m_children[0] = adopted;
}

JsonToken::Ptr JsonToken::deepClone() const
{
    Ptr copy = make(m_type);
    copy->m_name = m_name;
    copy->m_value = m_value;
    copy->m_children.reserve(m_children.size());
    for (const Ptr &child : m_children) {
        Ptr c = child->deepClone();
        c->m_parent = copy.get();
        copy->m_children.append(std::move(c));
    }
    return copy;
}

bool JsonToken::deepEquals(const JsonToken &other) const
{
    if (m_type != other.m_type || m_name != other.m_name || m_children.size() != other.m_children.size())
        return false;
    if (isValue())
        return m_value == other.m_value;
    for (qsizetype i = 0; i < m_children.size(); ++i) {
        if (isObject()) {
            const Ptr match = other.property(m_children.at(i)->m_name);
            if (!match || !m_children.at(i)->deepEquals(*match))
                return false;
        } else if (!m_children.at(i)->deepEquals(*other.m_children.at(i))) {
            return false;
        }
    }
    return true;
}

DotNetError JsonToken::cannotConvert(const char *target) const
{
    return DotNetError::argument(QCoreApplication::translate("DotNet", "Can not convert %1 to %2.")
                                     .arg(jTokenTypeName(m_type), QLatin1String(target)));
}

DotNetResult<QString> JsonToken::toDotNetString() const
{
    switch (m_type) {
    case JTokenType::Null:
    case JTokenType::Undefined:
        return QString();
    case JTokenType::String:
        return stringValue();
    case JTokenType::Integer:
        return QString::number(integerValue());
    case JTokenType::Float:
        return dotNetDoubleToString(floatValue());
    case JTokenType::Boolean:
        return boolValue() ? QStringLiteral("True") : QStringLiteral("False");
    case JTokenType::Date:
        return dateValue().toString();
    default:
        return cannotConvert("String");
    }
}

namespace {

// Convert.ToInt64(double): banker's rounding, OverflowException outside the range.
std::optional<qint64> roundToInt64(double v)
{
    const double r = std::nearbyint(v); // default rounding mode: to nearest even
    if (std::isnan(r) || r >= 9.2233720368547758e18 || r < -9.2233720368547758e18)
        return std::nullopt;
    return qint64(r);
}

} // namespace

DotNetResult<qint64> JsonToken::toInt64() const
{
    const DotNetError overflow = DotNetError::overflow(
        QCoreApplication::translate("DotNet", "Value was either too large or too small for an Int64."));
    switch (m_type) {
    case JTokenType::Integer:
        return integerValue();
    case JTokenType::Float: {
        const auto r = roundToInt64(floatValue());
        if (!r)
            return overflow;
        return *r;
    }
    case JTokenType::Boolean:
        return qint64(boolValue() ? 1 : 0);
    case JTokenType::String: {
        bool ok = false;
        const qint64 v = stringValue().trimmed().toLongLong(&ok);
        if (!ok)
            return DotNetError::badFormat();
        return v;
    }
    default:
        return cannotConvert("Int64");
    }
}

DotNetResult<int> JsonToken::toInt32() const
{
    if (m_type == JTokenType::Null || m_type == JTokenType::Undefined || isContainer() || m_type == JTokenType::Date)
        return cannotConvert("Int32");
    const DotNetError overflow = DotNetError::overflow(
        QCoreApplication::translate("DotNet", "Value was either too large or too small for an Int32."));
    const auto wide = toInt64();
    if (!wide)
        return wide.error().type == QLatin1String("OverflowException") ? overflow : wide.error();
    if (*wide > std::numeric_limits<int>::max() || *wide < std::numeric_limits<int>::min())
        return overflow;
    return int(*wide);
}

DotNetResult<double> JsonToken::toDouble() const
{
    switch (m_type) {
    case JTokenType::Integer:
        return double(integerValue());
    case JTokenType::Float:
        return floatValue();
    case JTokenType::Boolean:
        return boolValue() ? 1.0 : 0.0;
    case JTokenType::String: {
        bool ok = false;
        const double v = stringValue().trimmed().toDouble(&ok);
        if (!ok)
            return DotNetError::badFormat();
        return v;
    }
    default:
        return cannotConvert("Double");
    }
}

DotNetResult<bool> JsonToken::toBoolean() const
{
    switch (m_type) {
    case JTokenType::Boolean:
        return boolValue();
    case JTokenType::Integer:
        return integerValue() != 0;
    case JTokenType::Float:
        return floatValue() != 0.0;
    case JTokenType::String: {
        const QString s = stringValue().trimmed();
        if (s.compare(QLatin1String("true"), Qt::CaseInsensitive) == 0)
            return true;
        if (s.compare(QLatin1String("false"), Qt::CaseInsensitive) == 0)
            return false;
        return DotNetError::format(
            QCoreApplication::translate("DotNet", "String '%1' was not recognized as a valid Boolean.")
                .arg(stringValue()));
    }
    default:
        return cannotConvert("Boolean");
    }
}

DotNetResult<DotNetDateTime> JsonToken::toDateTime() const
{
    if (m_type == JTokenType::Date)
        return dateValue();
    if (m_type == JTokenType::String)
        return DotNetDateTime::parse(stringValue());
    return cannotConvert("DateTime");
}

QString JsonToken::toString() const
{
    if (isContainer())
        return toString(JsonFormatting::Indented);
    const auto text = toDotNetString();
    return text.ok() ? text.value() : QString();
}

namespace {

struct NewlineHolder
{
    QMutex mutex;
    QString value = QStringLiteral("\n");
};

NewlineHolder &newlineHolder()
{
    static NewlineHolder holder;
    return holder;
}

} // namespace

void JsonToken::setNewline(const QString &newline)
{
    QMutexLocker lock(&newlineHolder().mutex);
    newlineHolder().value = newline;
}

QString JsonToken::newline()
{
    QMutexLocker lock(&newlineHolder().mutex);
    return newlineHolder().value;
}

} // namespace sluice::dotnet
