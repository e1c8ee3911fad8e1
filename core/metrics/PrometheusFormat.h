#pragma once

#include "MetricType.h"

#include <QByteArray>
#include <QString>

// Helpers for the Prometheus text exposition format 0.0.4
// (https://prometheus.io/docs/instrumenting/exposition_formats/).
namespace sluice::prometheus {

// The content type of prometheusText().
inline constexpr char contentType[] = "text/plain; version=0.0.4; charset=utf-8";

// A label value inside double quotes: backslash, double quote and line feed escaped.
QByteArray escapeLabelValue(const QString &value);

// A HELP text: backslash and line feed escaped.
QByteArray escapeHelp(const QString &help);

// A sample value: integers without a fraction, other finite values in the shortest
// form that reads back exactly, and "+Inf", "-Inf", "NaN".
QByteArray formatValue(double value);

// "counter", "gauge", "histogram".
QByteArray typeName(MetricType type);

// [a-zA-Z_:][a-zA-Z0-9_:]*
bool isValidMetricName(const QString &name);

// [a-zA-Z_][a-zA-Z0-9_]*, not starting with "__" (reserved).
bool isValidLabelName(const QString &name);

} // namespace sluice::prometheus
