#pragma once

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonObject>
#include <QJsonValue>
#include <QSet>
#include <QString>

#include <optional>

namespace sluice {

class WorkspaceIssues;

// Reads the fields of one JSON object, reporting wrong types, missing required
// fields and (in finish()) keys that no accessor asked for. Optional fields may
// be absent or null. Every accessor keeps going after a problem.
class JsonFieldReader
{
    Q_DECLARE_TR_FUNCTIONS(WorkspaceLoader)

public:
    JsonFieldReader(const QJsonObject &object, QString path, WorkspaceIssues &issues);

    const QString &path() const { return m_path; }
    QString pathOf(QLatin1String key) const;

    // Marks `key` as known; true when present and not null.
    bool has(QLatin1String key);

    // Absent or null -> std::nullopt; another type -> error and std::nullopt.
    std::optional<QString> optionalString(QLatin1String key);
    // Missing -> error; empty -> error unless allowEmpty.
    std::optional<QString> requiredString(QLatin1String key, bool allowEmpty = false);
    // A required id: non-empty, [A-Za-z0-9._-]+.
    QString id(QLatin1String key = QLatin1String("id"));
    bool boolean(QLatin1String key, bool defaultValue);
    // An integral number in [min, max]; `defaultValue` when absent or wrong (reported).
    qint64 integer(QLatin1String key, qint64 defaultValue, qint64 min, qint64 max);
    // Absent or null -> empty; another type -> error and empty.
    QJsonArray array(QLatin1String key);
    std::optional<QJsonObject> object(QLatin1String key);

    // Warns about every key no accessor asked for.
    void finish();

    // An element of an array that must be an object / a string; reports another type.
    static std::optional<QJsonObject> objectAt(const QJsonValue &value, const QString &path,
                                               WorkspaceIssues &issues);
    static std::optional<QString> stringAt(const QJsonValue &value, const QString &path,
                                           WorkspaceIssues &issues);

    static bool isValidId(const QString &id);
    enum class Expected { String, Boolean, Integer, Array, Object };
    // "expected a string, found a number": one whole sentence per pair, for translators.
    static QString typeMismatch(Expected expected, const QJsonValue &found);

private:
    QJsonValue take(QLatin1String key);

    QJsonObject m_object;
    QString m_path;
    WorkspaceIssues &m_issues;
    QSet<QString> m_known;
};

} // namespace sluice
