#include "JsonFieldReader.h"

#include "WorkspaceIssues.h"

#include <QCoreApplication>

namespace sluice {

JsonFieldReader::JsonFieldReader(const QJsonObject &object, QString path, WorkspaceIssues &issues)
    : m_object(object)
    , m_path(std::move(path))
    , m_issues(issues)
{
}

QString JsonFieldReader::pathOf(QLatin1String key) const
{
    return WorkspaceIssues::key(m_path, QString(key));
}

QJsonValue JsonFieldReader::take(QLatin1String key)
{
    m_known.insert(QString(key));
    return m_object.value(key);
}

bool JsonFieldReader::has(QLatin1String key)
{
    const QJsonValue value = take(key);
    return !value.isUndefined() && !value.isNull();
}

std::optional<QString> JsonFieldReader::optionalString(QLatin1String key)
{
    const QJsonValue value = take(key);
    if (value.isUndefined() || value.isNull())
        return std::nullopt;
    if (!value.isString()) {
        m_issues.error(pathOf(key), typeMismatch(tr("a string"), value));
        return std::nullopt;
    }
    return value.toString();
}

std::optional<QString> JsonFieldReader::requiredString(QLatin1String key, bool allowEmpty)
{
    const QJsonValue value = take(key);
    if (value.isUndefined() || value.isNull()) {
        m_issues.error(pathOf(key), tr("missing required field"));
        return std::nullopt;
    }
    if (!value.isString()) {
        m_issues.error(pathOf(key), typeMismatch(tr("a string"), value));
        return std::nullopt;
    }
    const QString text = value.toString();
    if (!allowEmpty && text.isEmpty()) {
        m_issues.error(pathOf(key), tr("must not be empty"));
        return std::nullopt;
    }
    return text;
}

QString JsonFieldReader::id(QLatin1String key)
{
    const std::optional<QString> text = requiredString(key);
    if (!text)
        return {};
    if (!isValidId(*text)) {
        m_issues.error(pathOf(key),
                       tr("invalid id '%1': use only letters, digits, '.', '_' and '-'").arg(*text));
    } else if (QString(*text).remove(QLatin1Char('.')).isEmpty()) {
        // Ids name policy files (policies/apis/<id>.xml): "." and ".." would escape.
        m_issues.error(pathOf(key), tr("invalid id '%1': an id cannot consist of dots only").arg(*text));
    }
    return *text;
}

bool JsonFieldReader::boolean(QLatin1String key, bool defaultValue)
{
    const QJsonValue value = take(key);
    if (value.isUndefined() || value.isNull())
        return defaultValue;
    if (!value.isBool()) {
        m_issues.error(pathOf(key), typeMismatch(tr("a boolean"), value));
        return defaultValue;
    }
    return value.toBool();
}

qint64 JsonFieldReader::integer(QLatin1String key, qint64 defaultValue, qint64 min, qint64 max)
{
    const QJsonValue value = take(key);
    if (value.isUndefined() || value.isNull())
        return defaultValue;
    const double d = value.toDouble();
    if (!value.isDouble() || d != double(qint64(d))) {
        m_issues.error(pathOf(key), typeMismatch(tr("an integer"), value));
        return defaultValue;
    }
    if (d < double(min) || d > double(max)) {
        m_issues.error(pathOf(key), tr("must be from %1 to %2, not %3").arg(min).arg(max).arg(qint64(d)));
        return defaultValue;
    }
    return qint64(d);
}

QJsonArray JsonFieldReader::array(QLatin1String key)
{
    const QJsonValue value = take(key);
    if (value.isUndefined() || value.isNull())
        return {};
    if (!value.isArray()) {
        m_issues.error(pathOf(key), typeMismatch(tr("an array"), value));
        return {};
    }
    return value.toArray();
}

std::optional<QJsonObject> JsonFieldReader::object(QLatin1String key)
{
    const QJsonValue value = take(key);
    if (value.isUndefined() || value.isNull())
        return std::nullopt;
    if (!value.isObject()) {
        m_issues.error(pathOf(key), typeMismatch(tr("an object"), value));
        return std::nullopt;
    }
    return value.toObject();
}

void JsonFieldReader::finish()
{
    for (auto it = m_object.constBegin(); it != m_object.constEnd(); ++it) {
        if (!m_known.contains(it.key()))
            m_issues.warning(WorkspaceIssues::key(m_path, it.key()), tr("unknown key '%1'").arg(it.key()));
    }
}

std::optional<QJsonObject> JsonFieldReader::objectAt(const QJsonValue &value, const QString &path,
                                                     WorkspaceIssues &issues)
{
    if (!value.isObject()) {
        issues.error(path, typeMismatch(tr("an object"), value));
        return std::nullopt;
    }
    return value.toObject();
}

std::optional<QString> JsonFieldReader::stringAt(const QJsonValue &value, const QString &path,
                                                 WorkspaceIssues &issues)
{
    if (!value.isString()) {
        issues.error(path, typeMismatch(tr("a string"), value));
        return std::nullopt;
    }
    return value.toString();
}

bool JsonFieldReader::isValidId(const QString &id)
{
    if (id.isEmpty())
        return false;
    for (const QChar ch : id) {
        const char16_t c = ch.unicode();
        const bool ok = (c >= u'a' && c <= u'z') || (c >= u'A' && c <= u'Z') || (c >= u'0' && c <= u'9')
                        || c == u'.' || c == u'_' || c == u'-';
        if (!ok)
            return false;
    }
    return true;
}

QString JsonFieldReader::typeName(const QJsonValue &value)
{
    switch (value.type()) {
    case QJsonValue::Null:
        return tr("null");
    case QJsonValue::Bool:
        return tr("a boolean");
    case QJsonValue::Double:
        return tr("a number");
    case QJsonValue::String:
        return tr("a string");
    case QJsonValue::Array:
        return tr("an array");
    case QJsonValue::Object:
        return tr("an object");
    case QJsonValue::Undefined:
        break;
    }
    return tr("nothing");
}

QString JsonFieldReader::typeMismatch(const QString &expected, const QJsonValue &found)
{
    return tr("expected %1, found %2").arg(expected, typeName(found));
}

} // namespace sluice
