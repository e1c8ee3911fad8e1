#pragma once

#include "Histogram.h"
#include "LabelledChildren.h"
#include "MetricFamily.h"

namespace sluice {

// Histograms under one name with shared bucket bounds, one per combination of
// label values. "le" is reserved and may not be a label name.
class HistogramFamily final : public MetricFamily
{
public:
    HistogramFamily(const QString &name, const QString &help, const QStringList &labelNames,
                    const QList<double> &upperBounds);

    // The child for these values (one per label name), created on first use.
    // The pointer stays valid as long as the family: cache it.
    Histogram *withLabels(const QStringList &values);

    const QList<double> &upperBounds() const { return m_bounds; }

    void appendPrometheusText(QByteArray &out) const override;
    MetricFamilySnapshot snapshot() const override;

private:
    QList<double> m_bounds;
    QList<QByteArray> m_leLabels; // `le="0.005"`, ..., `le="+Inf"`
    LabelledChildren<Histogram> m_children;
};

} // namespace sluice
