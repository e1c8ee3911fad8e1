#include "HistogramFamily.h"

#include "PrometheusFormat.h"

#include <limits>

namespace sluice {

HistogramFamily::HistogramFamily(const QString &name, const QString &help, const QStringList &labelNames,
                                 const QList<double> &upperBounds)
    : MetricFamily(name, help, MetricType::Histogram, labelNames)
    , m_bounds(Histogram::normalisedBounds(upperBounds))
{
    for (const double bound : m_bounds)
        m_leLabels.append("le=\"" + prometheus::formatValue(bound) + '"');
    m_leLabels.append("le=\"" + prometheus::formatValue(std::numeric_limits<double>::infinity()) + '"');
    if (labelNames.isEmpty())
        withLabels({});
}

Histogram *HistogramFamily::withLabels(const QStringList &values)
{
    const QStringList normalised = normalisedValues(values);
    return m_children.findOrCreate(
        normalised, [this] { return std::make_unique<Histogram>(m_bounds); },
        [&] { return labelText(normalised); });
}

void HistogramFamily::appendPrometheusText(QByteArray &out) const
{
    if (m_children.isEmpty())
        return;
    appendHeader(out);
    m_children.forEach([&](const QStringList &, const LabelledChildren<Histogram>::Child &child) {
        const QList<std::uint64_t> counts = child.metric->cumulativeCounts();
        for (qsizetype i = 0; i < counts.size(); ++i)
            appendSample(out, "_bucket", child.labelText, QByteArray::number(counts.at(i)), m_leLabels.at(i));
        appendSample(out, "_sum", child.labelText, prometheus::formatValue(child.metric->sum()));
        appendSample(out, "_count", child.labelText, QByteArray::number(counts.constLast()));
    });
}

MetricFamilySnapshot HistogramFamily::snapshot() const
{
    MetricFamilySnapshot s = emptySnapshot();
    s.bucketBounds = m_bounds;
    m_children.forEach([&](const QStringList &values, const LabelledChildren<Histogram>::Child &child) {
        MetricSample sample;
        sample.labelValues = values;
        sample.bucketCounts = child.metric->cumulativeCounts();
        sample.count = sample.bucketCounts.constLast();
        sample.sum = child.metric->sum();
        sample.value = static_cast<double>(sample.count);
        s.samples.append(sample);
    });
    return s;
}

} // namespace sluice
