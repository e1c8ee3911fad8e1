#include "MetricsSnapshot.h"

namespace sluice {

QString MetricSample::label(const QStringList &labelNames, const QString &labelName) const
{
    const qsizetype index = labelNames.indexOf(labelName);
    return index >= 0 && index < labelValues.size() ? labelValues.at(index) : QString();
}

const MetricSample *MetricFamilySnapshot::sample(const QStringList &labelValues) const &
{
    for (const MetricSample &s : samples) {
        if (s.labelValues == labelValues)
            return &s;
    }
    return nullptr;
}

double MetricFamilySnapshot::total(const QMap<QString, QString> &match) const
{
    double result = 0.0;
    for (const MetricSample &s : samples) {
        bool matches = true;
        for (auto it = match.cbegin(); it != match.cend() && matches; ++it)
            matches = labelNames.contains(it.key()) && s.label(labelNames, it.key()) == it.value();
        if (matches)
            result += type == MetricType::Histogram ? static_cast<double>(s.count) : s.value;
    }
    return result;
}

const MetricFamilySnapshot *MetricsSnapshot::family(const QString &name) const &
{
    const auto it = families.constFind(name);
    return it == families.cend() ? nullptr : &it.value();
}

std::optional<double> MetricsSnapshot::value(const QString &familyName, const QStringList &labelValues) const
{
    const MetricFamilySnapshot *f = family(familyName);
    if (!f)
        return std::nullopt;
    const MetricSample *s = f->sample(labelValues);
    if (!s)
        return std::nullopt;
    return f->type == MetricType::Histogram ? static_cast<double>(s->count) : s->value;
}

double MetricsSnapshot::total(const QString &familyName, const QMap<QString, QString> &match) const
{
    const MetricFamilySnapshot *f = family(familyName);
    return f ? f->total(match) : 0.0;
}

} // namespace sluice
