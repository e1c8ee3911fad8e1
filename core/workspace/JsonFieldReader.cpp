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
        m_issues.error(pathOf(key), typeMismatch(Expected::String, value));
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
        m_issues.error(pathOf(key), typeMismatch(Expected::String, value));
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
        m_issues.error(pathOf(key), typeMismatch(Expected::Boolean, value));
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
        m_issues.error(pathOf(key), typeMismatch(Expected::Integer, value));
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
        m_issues.error(pathOf(key), typeMismatch(Expected::Array, value));
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
        m_issues.error(pathOf(key), typeMismatch(Expected::Object, value));
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
        issues.error(path, typeMismatch(Expected::Object, value));
        return std::nullopt;
    }
    return value.toObject();
}

std::optional<QString> JsonFieldReader::stringAt(const QJsonValue &value, const QString &path,
                                                 WorkspaceIssues &issues)
{
    if (!value.isString()) {
        issues.error(path, typeMismatch(Expected::String, value));
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

QString JsonFieldReader::typeMismatch(Expected expected, const QJsonValue &found)
{
    // Rows by Expected; columns: null, boolean, number, string, array, object, undefined.
    static const char *const sentences[5][7] = {
        {
         QT_TRANSLATE_NOOP("WorkspaceLoader", "expected a string, found null"),
         QT_TRANSLATE_NOOP("WorkspaceLoader", "expected a string, found a boolean"),
         QT_TRANSLATE_NOOP("WorkspaceLoader", "expected a string, found a number"),
         QT_TRANSLATE_NOOP("WorkspaceLoader", "expected a string, found a string"),
         QT_TRANSLATE_NOOP("WorkspaceLoader", "expected a string, found an array"),
         QT_TRANSLATE_NOOP("WorkspaceLoader", "expected a string, found an object"),
         QT_TRANSLATE_NOOP("WorkspaceLoader", "expected a string, found nothing")},
        {
         QT_TRANSLATE_NOOP("WorkspaceLoader", "expected a boolean, found null"),
         QT_TRANSLATE_NOOP("WorkspaceLoader", "expected a boolean, found a boolean"),
         QT_TRANSLATE_NOOP("WorkspaceLoader", "expected a boolean, found a number"),
         QT_TRANSLATE_NOOP("WorkspaceLoader", "expected a boolean, found a string"),
         QT_TRANSLATE_NOOP("WorkspaceLoader", "expected a boolean, found an array"),
         QT_TRANSLATE_NOOP("WorkspaceLoader", "expected a boolean, found an object"),
         QT_TRANSLATE_NOOP("WorkspaceLoader", "expected a boolean, found nothing")},
        {
         QT_TRANSLATE_NOOP("WorkspaceLoader", "expected an integer, found null"),
         QT_TRANSLATE_NOOP("WorkspaceLoader", "expected an integer, found a boolean"),
         QT_TRANSLATE_NOOP("WorkspaceLoader", "expected an integer, found a number"),
         QT_TRANSLATE_NOOP("WorkspaceLoader", "expected an integer, found a string"),
         QT_TRANSLATE_NOOP("WorkspaceLoader", "expected an integer, found an array"),
         QT_TRANSLATE_NOOP("WorkspaceLoader", "expected an integer, found an object"),
         QT_TRANSLATE_NOOP("WorkspaceLoader", "expected an integer, found nothing")},
        {
         QT_TRANSLATE_NOOP("WorkspaceLoader", "expected an array, found null"),
         QT_TRANSLATE_NOOP("WorkspaceLoader", "expected an array, found a boolean"),
         QT_TRANSLATE_NOOP("WorkspaceLoader", "expected an array, found a number"),
         QT_TRANSLATE_NOOP("WorkspaceLoader", "expected an array, found a string"),
         QT_TRANSLATE_NOOP("WorkspaceLoader", "expected an array, found an array"),
         QT_TRANSLATE_NOOP("WorkspaceLoader", "expected an array, found an object"),
         QT_TRANSLATE_NOOP("WorkspaceLoader", "expected an array, found nothing")},
        {
         QT_TRANSLATE_NOOP("WorkspaceLoader", "expected an object, found null"),
         QT_TRANSLATE_NOOP("WorkspaceLoader", "expected an object, found a boolean"),
         QT_TRANSLATE_NOOP("WorkspaceLoader", "expected an object, found a number"),
         QT_TRANSLATE_NOOP("WorkspaceLoader", "expected an object, found a string"),
         QT_TRANSLATE_NOOP("WorkspaceLoader", "expected an object, found an array"),
         QT_TRANSLATE_NOOP("WorkspaceLoader", "expected an object, found an object"),
         QT_TRANSLATE_NOOP("WorkspaceLoader", "expected an object, found nothing")},
    };
    int column = 6;
    switch (found.type()) {
    case QJsonValue::Null:
        column = 0;
        break;
    case QJsonValue::Bool:
        column = 1;
        break;
    case QJsonValue::Double:
        column = 2;
        break;
    case QJsonValue::String:
        column = 3;
        break;
    case QJsonValue::Array:
        column = 4;
        break;
    case QJsonValue::Object:
        column = 5;
        break;
    case QJsonValue::Undefined:
        break;
    }
    return tr(sentences[static_cast<int>(expected)][column]);
}

} // namespace sluice
