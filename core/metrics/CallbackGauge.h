#pragma once

#include "MetricFamily.h"

#include <functional>

namespace sluice {

// A gauge without labels whose value is computed when it is read (uptime,
// sizes owned elsewhere). The function must be thread-safe and cheap, and must
// not call into the registry (it runs while the registry renders).
class CallbackGauge final : public MetricFamily
{
public:
    CallbackGauge(const QString &name, const QString &help, std::function<double()> read);

    double value() const { return m_read ? m_read() : 0.0; }

    void appendPrometheusText(QByteArray &out) const override;
    MetricFamilySnapshot snapshot() const override;

private:
    std::function<double()> m_read;
};

} // namespace sluice
