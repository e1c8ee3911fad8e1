#pragma once

#include "MetricType.h"
#include "MetricsSnapshot.h"

#include <QByteArray>
#include <QString>
#include <QStringList>

namespace sluice {

// One metric name with its help text, type and fixed label names. Subclasses
// hold the children; MetricsRegistry owns the families.
//
// Label values must never carry secrets or request data (headers, keys, URLs
// from clients): only names an operator configured (API, operation and cache
// ids) and fixed vocabularies (status class, outcome). That also bounds the
// number of children.
class MetricFamily
{
public:
    virtual ~MetricFamily();
    MetricFamily(const MetricFamily &) = delete;
    MetricFamily &operator=(const MetricFamily &) = delete;

    const QString &name() const { return m_name; }
    const QString &help() const { return m_help; }
    MetricType type() const { return m_type; }
    const QStringList &labelNames() const { return m_labelNames; }

    // Appends "# HELP", "# TYPE" and the samples; nothing for a family without
    // children.
    virtual void appendPrometheusText(QByteArray &out) const = 0;
    virtual MetricFamilySnapshot snapshot() const = 0;

protected:
    MetricFamily(const QString &name, const QString &help, MetricType type, const QStringList &labelNames);

    void appendHeader(QByteArray &out) const;
    // name + suffix + {labelText[,extra]} + ' ' + value + '\n'
    void appendSample(QByteArray &out, const char *suffix, const QByteArray &labelText,
                      const QByteArray &value, const QByteArray &extraLabel = {}) const;
    // Exactly one value per label name: a wrong count is a programming error
    // (asserted in debug builds); release builds pad with "" or drop extras.
    QStringList normalisedValues(const QStringList &values) const;
    // `a="x",b="y"` for normalised values.
    QByteArray labelText(const QStringList &values) const;
    MetricFamilySnapshot emptySnapshot() const;

private:
    QString m_name;
    QString m_help;
    MetricType m_type;
    QStringList m_labelNames;
    QByteArray m_nameUtf8;
    QList<QByteArray> m_labelNamesUtf8;
};

} // namespace sluice
