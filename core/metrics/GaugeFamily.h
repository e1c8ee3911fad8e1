#pragma once

#include "Gauge.h"
#include "LabelledChildren.h"
#include "MetricFamily.h"

namespace sluice {

// Gauges under one name, one per combination of label values.
class GaugeFamily final : public MetricFamily
{
public:
    GaugeFamily(const QString &name, const QString &help, const QStringList &labelNames);

    // The child for these values (one per label name), created on first use.
    // The pointer stays valid as long as the family: cache it.
    Gauge *withLabels(const QStringList &values);

    void appendPrometheusText(QByteArray &out) const override;
    MetricFamilySnapshot snapshot() const override;

private:
    LabelledChildren<Gauge> m_children;
};

} // namespace sluice
