#include "MetricsRegistry.h"

#include "CallbackGauge.h"
#include "CounterFamily.h"
#include "GaugeFamily.h"
#include "Histogram.h"
#include "HistogramFamily.h"
#include "PrometheusFormat.h"

#include <QCoreApplication>

#include <algorithm>

namespace sluice {

namespace {

void setError(QString *error, const QString &message)
{
    if (error)
        *error = message;
}

bool validate(const QString &name, const QStringList &labelNames, MetricType type, QString *error)
{
    if (!prometheus::isValidMetricName(name)) {
        setError(error, QCoreApplication::translate("MetricsRegistry", "Invalid metric name \"%1\".").arg(name));
        return false;
    }
    for (qsizetype i = 0; i < labelNames.size(); ++i) {
        const QString &label = labelNames.at(i);
        if (!prometheus::isValidLabelName(label)
            || (type == MetricType::Histogram && label == QLatin1String("le"))) {
            setError(error, QCoreApplication::translate("MetricsRegistry", "Invalid label name \"%1\" for metric %2.")
                                .arg(label, name));
            return false;
        }
        if (labelNames.indexOf(label, i + 1) > 0) {
            setError(error, QCoreApplication::translate("MetricsRegistry", "Duplicate label name \"%1\" for metric %2.")
                                .arg(label, name));
            return false;
        }
    }
    return true;
}

MetricType typeOf(const CounterFamily *) { return MetricType::Counter; }
MetricType typeOf(const GaugeFamily *) { return MetricType::Gauge; }
MetricType typeOf(const HistogramFamily *) { return MetricType::Histogram; }
MetricType typeOf(const CallbackGauge *) { return MetricType::Gauge; }

} // namespace

MetricsRegistry::MetricsRegistry() = default;
MetricsRegistry::~MetricsRegistry() = default;

template<typename Family, typename Make>
Family *MetricsRegistry::add(const QString &name, const QStringList &labelNames, QString *error, Make make)
{
    const MetricType type = typeOf(static_cast<const Family *>(nullptr));
    if (!validate(name, labelNames, type, error))
        return nullptr;
    std::lock_guard lock(m_mutex);
    const auto it = std::lower_bound(m_families.begin(), m_families.end(), name,
                                     [](const std::unique_ptr<MetricFamily> &f, const QString &n) {
                                         return f->name() < n;
                                     });
    if (it != m_families.end() && (*it)->name() == name) {
        auto *existing = dynamic_cast<Family *>(it->get());
        if (existing && existing->labelNames() == labelNames)
            return existing;
        setError(error, QCoreApplication::translate("MetricsRegistry",
                                                    "Metric %1 is already registered with another type or labels.")
                            .arg(name));
        return nullptr;
    }
    std::unique_ptr<Family> family = make();
    Family *result = family.get();
    m_families.insert(it, std::move(family));
    return result;
}

CounterFamily *MetricsRegistry::addCounterFamily(const QString &name, const QString &help,
                                                 const QStringList &labelNames, QString *error)
{
    return add<CounterFamily>(name, labelNames, error,
                              [&] { return std::make_unique<CounterFamily>(name, help, labelNames); });
}

GaugeFamily *MetricsRegistry::addGaugeFamily(const QString &name, const QString &help,
                                             const QStringList &labelNames, QString *error)
{
    return add<GaugeFamily>(name, labelNames, error,
                            [&] { return std::make_unique<GaugeFamily>(name, help, labelNames); });
}

HistogramFamily *MetricsRegistry::addHistogramFamily(const QString &name, const QString &help,
                                                     const QStringList &labelNames,
                                                     const QList<double> &upperBounds, QString *error)
{
    HistogramFamily *family = add<HistogramFamily>(name, labelNames, error, [&] {
        return std::make_unique<HistogramFamily>(name, help, labelNames, upperBounds);
    });
    if (family && family->upperBounds() != Histogram::normalisedBounds(upperBounds)) {
        setError(error, QCoreApplication::translate("MetricsRegistry",
                                                    "Metric %1 is already registered with other buckets.")
                            .arg(name));
        return nullptr;
    }
    return family;
}

CallbackGauge *MetricsRegistry::addCallbackGauge(const QString &name, const QString &help,
                                                 std::function<double()> read, QString *error)
{
    return add<CallbackGauge>(name, {}, error,
                              [&] { return std::make_unique<CallbackGauge>(name, help, std::move(read)); });
}

const MetricFamily *MetricsRegistry::family(const QString &name) const
{
    std::lock_guard lock(m_mutex);
    for (const auto &f : m_families) {
        if (f->name() == name)
            return f.get();
    }
    return nullptr;
}

QByteArray MetricsRegistry::prometheusText() const
{
    QByteArray out;
    out.reserve(16 * 1024);
    std::lock_guard lock(m_mutex);
    for (const auto &f : m_families)
        f->appendPrometheusText(out);
    return out;
}

MetricsSnapshot MetricsRegistry::snapshot() const
{
    MetricsSnapshot result;
    std::lock_guard lock(m_mutex);
    for (const auto &f : m_families)
        result.families.insert(f->name(), f->snapshot());
    return result;
}

QList<double> MetricsRegistry::defaultBuckets() { return Histogram::defaultLatencyBuckets(); }

} // namespace sluice
