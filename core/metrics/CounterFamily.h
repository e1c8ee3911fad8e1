#pragma once

#include "Counter.h"
#include "LabelledChildren.h"
#include "MetricFamily.h"

namespace sluice {

// Counters under one name, one per combination of label values.
class CounterFamily final : public MetricFamily
{
public:
    CounterFamily(const QString &name, const QString &help, const QStringList &labelNames);

    // The child for these values (one per label name), created on first use.
    // The pointer stays valid as long as the family: cache it.
    Counter *withLabels(const QStringList &values);

    void appendPrometheusText(QByteArray &out) const override;
    MetricFamilySnapshot snapshot() const override;

private:
    LabelledChildren<Counter> m_children;
};

} // namespace sluice
