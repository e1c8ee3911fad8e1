#pragma once

#include "MetricType.h"

#include <QList>
#include <QMap>
#include <QString>
#include <QStringList>

#include <cstdint>
#include <optional>

namespace sluice {

// One labelled child of a family as plain values.
struct MetricSample
{
    QStringList labelValues;             // in the order of the family's label names
    double value = 0.0;                  // counter, gauge
    QList<std::uint64_t> bucketCounts;   // histogram: cumulative, one per bound, then +Inf
    double sum = 0.0;                    // histogram
    std::uint64_t count = 0;             // histogram

    // The label value for `labelName`, given the family's label names.
    QString label(const QStringList &labelNames, const QString &labelName) const;
};

// A family (one metric name) as plain values.
struct MetricFamilySnapshot
{
    QString name;
    QString help;
    MetricType type = MetricType::Counter;
    QStringList labelNames;
    QList<double> bucketBounds; // histogram only, without +Inf
    QList<MetricSample> samples;

    const MetricSample *sample(const QStringList &labelValues) const &;
    const MetricSample *sample(const QStringList &labelValues) const && = delete; // would dangle
    // Sum of the values (counters, gauges) or counts (histograms) of the samples
    // whose labels match every entry of `match` (label name -> value).
    double total(const QMap<QString, QString> &match = {}) const;
};

// What the console's dashboards read: every family by name, values copied out
// of the atomics at one moment (each value is exact; the set is not a
// transaction across values).
struct MetricsSnapshot
{
    QMap<QString, MetricFamilySnapshot> families;

    const MetricFamilySnapshot *family(const QString &name) const &;
    const MetricFamilySnapshot *family(const QString &name) const && = delete; // would dangle
    // The value of one child (counter, gauge), or the count of a histogram child.
    std::optional<double> value(const QString &familyName, const QStringList &labelValues = {}) const;
    // MetricFamilySnapshot::total of the family, 0 when there is no such family.
    double total(const QString &familyName, const QMap<QString, QString> &match = {}) const;
};

} // namespace sluice
