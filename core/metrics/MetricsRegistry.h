#pragma once

#include "MetricsSnapshot.h"

#include <QByteArray>
#include <QList>
#include <QString>
#include <QStringList>

#include <functional>
#include <memory>
#include <mutex>
#include <vector>

namespace sluice {

class CallbackGauge;
class CounterFamily;
class GaugeFamily;
class HistogramFamily;
class MetricFamily;

// Owns metric families and renders them. Registration is meant for start-up but
// is thread-safe; rendering may run on any thread while others record.
//
// add*() returns the family, or the existing one when a family of the same
// name, type and label names (and bounds, for histograms) is already
// registered. It returns nullptr and sets *error (never containing a label
// value) for an invalid metric or label name, or a conflicting registration.
class MetricsRegistry
{
public:
    MetricsRegistry();
    ~MetricsRegistry();
    MetricsRegistry(const MetricsRegistry &) = delete;
    MetricsRegistry &operator=(const MetricsRegistry &) = delete;

    CounterFamily *addCounterFamily(const QString &name, const QString &help,
                                    const QStringList &labelNames = {}, QString *error = nullptr);
    GaugeFamily *addGaugeFamily(const QString &name, const QString &help,
                                const QStringList &labelNames = {}, QString *error = nullptr);
    HistogramFamily *addHistogramFamily(const QString &name, const QString &help,
                                        const QStringList &labelNames = {},
                                        const QList<double> &upperBounds = defaultBuckets(),
                                        QString *error = nullptr);
    CallbackGauge *addCallbackGauge(const QString &name, const QString &help,
                                    std::function<double()> read, QString *error = nullptr);

    const MetricFamily *family(const QString &name) const;

    // Prometheus text exposition format 0.0.4, families ordered by name.
    QByteArray prometheusText() const;
    MetricsSnapshot snapshot() const;

    static QList<double> defaultBuckets();

private:
    template<typename Family, typename Make>
    Family *add(const QString &name, const QStringList &labelNames, QString *error, Make make);

    mutable std::mutex m_mutex;
    std::vector<std::unique_ptr<MetricFamily>> m_families; // sorted by name
};

} // namespace sluice
