#include "CounterFamily.h"

namespace sluice {

CounterFamily::CounterFamily(const QString &name, const QString &help, const QStringList &labelNames)
    : MetricFamily(name, help, MetricType::Counter, labelNames)
{
    if (labelNames.isEmpty())
        withLabels({});
}

Counter *CounterFamily::withLabels(const QStringList &values)
{
    const QStringList normalised = normalisedValues(values);
    return m_children.findOrCreate(
        normalised, [] { return std::make_unique<Counter>(); },
        [&] { return labelText(normalised); });
}

void CounterFamily::appendPrometheusText(QByteArray &out) const
{
    if (m_children.isEmpty())
        return;
    appendHeader(out);
    m_children.forEach([&](const QStringList &, const LabelledChildren<Counter>::Child &child) {
        appendSample(out, "", child.labelText, QByteArray::number(child.metric->value()));
    });
}

MetricFamilySnapshot CounterFamily::snapshot() const
{
    MetricFamilySnapshot s = emptySnapshot();
    m_children.forEach([&](const QStringList &values, const LabelledChildren<Counter>::Child &child) {
        MetricSample sample;
        sample.labelValues = values;
        sample.value = static_cast<double>(child.metric->value());
        s.samples.append(sample);
    });
    return s;
}

} // namespace sluice
