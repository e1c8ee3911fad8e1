#include "CallbackGauge.h"

#include "PrometheusFormat.h"

namespace sluice {

CallbackGauge::CallbackGauge(const QString &name, const QString &help, std::function<double()> read)
    : MetricFamily(name, help, MetricType::Gauge, {})
    , m_read(std::move(read))
{
}

void CallbackGauge::appendPrometheusText(QByteArray &out) const
{
    appendHeader(out);
    appendSample(out, "", {}, prometheus::formatValue(value()));
}

MetricFamilySnapshot CallbackGauge::snapshot() const
{
    MetricFamilySnapshot s = emptySnapshot();
    MetricSample sample;
    sample.value = value();
    s.samples.append(sample);
    return s;
}

} // namespace sluice
