#include "DotNetMatch.h"

#include "DotNetRegex.h"

namespace sluice::dotnet {

DotNetGroup::DotNetGroup(QString subject, qsizetype index, qsizetype length, QString name, bool success)
    : m_subject(std::move(subject))
    , m_index(index)
    , m_length(length)
    , m_name(std::move(name))
    , m_success(success)
{ }

QList<DotNetGroup> DotNetGroup::captures() const
{
    if (!m_success)
        return {};
    return {*this};
}

DotNetMatch::DotNetMatch(std::shared_ptr<const DotNetRegex> regex, QString subject, QList<Span> spans)
    : m_regex(std::move(regex))
    , m_subject(std::move(subject))
    , m_spans(std::move(spans))
{
    m_success = !m_spans.isEmpty() && m_spans.first().start >= 0;
}

qsizetype DotNetMatch::groupCount() const
{
    return m_regex ? m_regex->slotCount() : 1;
}

DotNetGroup DotNetMatch::groupAtSlot(qsizetype slot) const
{
    if (!m_regex || slot < 0 || slot >= m_spans.size())
        return slot == 0 ? DotNetGroup(QString(), 0, 0, QStringLiteral("0"), false) : DotNetGroup();
    const Span &span = m_spans.at(slot);
    const QString name = m_regex->groupNames().at(slot);
    if (span.start < 0)
        return DotNetGroup(QString(), 0, 0, name, false);
    return DotNetGroup(m_subject, span.start, span.length, name, true);
}

DotNetGroup DotNetMatch::group(int number) const
{
    if (!m_regex)
        return number == 0 ? groupAtSlot(0) : DotNetGroup();
    return groupAtSlot(m_regex->slotForNumber(number));
}

DotNetGroup DotNetMatch::group(const QString &name) const
{
    if (!m_regex)
        return DotNetGroup();
    return groupAtSlot(m_regex->slotForName(name));
}

QList<DotNetGroup> DotNetMatch::groups() const
{
    QList<DotNetGroup> out;
    for (qsizetype slot = 0; slot < groupCount(); ++slot)
        out.append(groupAtSlot(slot));
    return out;
}

DotNetMatch DotNetMatch::nextMatch() const
{
    if (!m_success || !m_regex)
        return {};
    qsizetype next = index() + length();
    if (length() == 0) {
        ++next; // .NET: after an empty match the scan resumes one character further
        if (next < m_subject.size() && m_subject.at(next).isLowSurrogate() && m_subject.at(next - 1).isHighSurrogate())
            ++next; // PCRE cannot start inside a surrogate pair
        if (next > m_subject.size())
            return {};
    }
    return m_regex->matchAt(m_subject, next);
}

QString DotNetMatch::result(const QString &replacement) const
{
    if (!m_success || !m_regex)
        return replacement;
    return m_regex->expandReplacement(replacement, *this);
}

} // namespace sluice::dotnet
