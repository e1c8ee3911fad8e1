#include "GaugeFamily.h"

#include "PrometheusFormat.h"

namespace sluice {

GaugeFamily::GaugeFamily(const QString &name, const QString &help, const QStringList &labelNames)
    : MetricFamily(name, help, MetricType::Gauge, labelNames)
{
    if (labelNames.isEmpty())
        withLabels({});
}

Gauge *GaugeFamily::withLabels(const QStringList &values)
{
    const QStringList normalised = normalisedValues(values);
    return m_children.findOrCreate(
        normalised, [] { return std::make_unique<Gauge>(); },
        [&] { return labelText(normalised); });
}

void GaugeFamily::appendPrometheusText(QByteArray &out) const
{
    if (m_children.isEmpty())
        return;
    appendHeader(out);
    m_children.forEach([&](const QStringList &, const LabelledChildren<Gauge>::Child &child) {
        appendSample(out, "", child.labelText, prometheus::formatValue(child.metric->value()));
    });
}

MetricFamilySnapshot GaugeFamily::snapshot() const
{
    MetricFamilySnapshot s = emptySnapshot();
    m_children.forEach([&](const QStringList &values, const LabelledChildren<Gauge>::Child &child) {
        MetricSample sample;
        sample.labelValues = values;
        sample.value = child.metric->value();
        s.samples.append(sample);
    });
    return s;
}

} // namespace sluice
