#pragma once

#include "ContextObjects.h"
#include "ExpressionHost.h"

#include <QHash>
#include <QMap>

namespace sluice {

// A plain ExpressionHost over maps, for unit tests, the fuzzer and the benchmark.
class TestHost : public ExpressionHost
{
public:
    QString method = QStringLiteral("GET");
    QUrl url = QUrl(QStringLiteral("https://api.example.com/products/7?x=1"));
    QUrl original = QUrl(QStringLiteral("https://api.example.com/products/7?x=1"));
    QMap<QString, QString> matched;
    HeaderList requestHeaderList;
    HeaderList responseHeaderList;
    QByteArray requestBody;
    QByteArray responseBody;
    int statusCode = 200;
    QString statusReason = QStringLiteral("OK");
    QHash<QString, Value> variables;
    QHash<HostField, QString> fields;
    QList<HostObject> absent; // objects that are null
    QStringList groups;
    QDateTime now = QDateTime(QDate(2024, 1, 2), QTime(3, 4, 5), Qt::UTC);
    qint64 elapsedMs = 1500;
    mutable QStringList traces;

    QString requestMethod() const override { return method; }
    QUrl requestUrl() const override { return url; }
    QUrl originalUrl() const override { return original; }
    QString matchedParameter(QStringView name, bool *found) const override;
    QStringList matchedParameterNames() const override { return matched.keys(); }
    QStringList headerValues(HttpMessageKind message, QStringView name) const override;
    QStringList headerNames(HttpMessageKind message) const override;
    QByteArray body(HttpMessageKind message) const override
    {
        return message == HttpMessageKind::Request ? requestBody : responseBody;
    }
    int responseStatusCode() const override { return statusCode; }
    QString responseStatusReason() const override { return statusReason; }
    Value variable(QStringView name, bool *found) const override;
    QStringList variableNames() const override { return variables.keys(); }
    bool hasObject(HostObject object) const override { return !absent.contains(object); }
    QString field(HostField f) const override { return fields.value(f); }
    QStringList userGroups() const override { return groups; }
    QDateTime timestamp() const override { return now; }
    qint64 elapsedMilliseconds() const override { return elapsedMs; }
    void trace(const QString &source, const QString &message) const override
    {
        traces << source + QLatin1String(": ") + message;
    }
};

} // namespace sluice
