#include "MetricFamily.h"

#include "PrometheusFormat.h"

namespace sluice {

MetricFamily::MetricFamily(const QString &name, const QString &help, MetricType type,
                           const QStringList &labelNames)
    : m_name(name)
    , m_help(help)
    , m_type(type)
    , m_labelNames(labelNames)
    , m_nameUtf8(name.toUtf8())
{
    for (const QString &labelName : labelNames)
        m_labelNamesUtf8.append(labelName.toUtf8());
}

MetricFamily::~MetricFamily() = default;

void MetricFamily::appendHeader(QByteArray &out) const
{
    out += "# HELP " + m_nameUtf8 + ' ' + prometheus::escapeHelp(m_help) + '\n';
    out += "# TYPE " + m_nameUtf8 + ' ' + prometheus::typeName(m_type) + '\n';
}

void MetricFamily::appendSample(QByteArray &out, const char *suffix, const QByteArray &labelText,
                                const QByteArray &value, const QByteArray &extraLabel) const
{
    out += m_nameUtf8;
    out += suffix;
    if (!labelText.isEmpty() || !extraLabel.isEmpty()) {
        out += '{';
        out += labelText;
        if (!labelText.isEmpty() && !extraLabel.isEmpty())
            out += ',';
        out += extraLabel;
        out += '}';
    }
    out += ' ';
    out += value;
    out += '\n';
}

QStringList MetricFamily::normalisedValues(const QStringList &values) const
{
    Q_ASSERT_X(values.size() == m_labelNames.size(), "MetricFamily::withLabels",
               "one value per label name");
    if (values.size() == m_labelNames.size())
        return values;
    QStringList result = values.mid(0, m_labelNames.size());
    while (result.size() < m_labelNames.size())
        result.append(QString());
    return result;
}

QByteArray MetricFamily::labelText(const QStringList &values) const
{
    QByteArray text;
    for (qsizetype i = 0; i < m_labelNamesUtf8.size(); ++i) {
        if (i > 0)
            text += ',';
        text += m_labelNamesUtf8.at(i) + "=\"" + prometheus::escapeLabelValue(values.value(i)) + '"';
    }
    return text;
}

MetricFamilySnapshot MetricFamily::emptySnapshot() const
{
    MetricFamilySnapshot s;
    s.name = m_name;
    s.help = m_help;
    s.type = m_type;
    s.labelNames = m_labelNames;
    return s;
}

} // namespace sluice
