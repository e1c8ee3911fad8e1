#pragma once

namespace sluice {

// The Prometheus metric types Sluice exposes.
enum class MetricType { Counter, Gauge, Histogram };

} // namespace sluice
