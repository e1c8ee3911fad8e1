#pragma once

#include <QList>
#include <QString>

#include <memory>

namespace sluice::dotnet {

class DotNetRegex;

// System.Text.RegularExpressions.Capture / Group. A group that did not take part
// in the match (or that does not exist: Groups["unknown"]) has Success == false,
// Value "", Index 0 and Length 0, as in .NET.
class DotNetGroup
{
public:
    DotNetGroup() = default;
    DotNetGroup(QString subject, qsizetype index, qsizetype length, QString name, bool success);

    bool success() const { return m_success; }
    QString value() const { return m_success ? m_subject.mid(m_index, m_length) : QString(); }
    qsizetype index() const { return m_index; }
    qsizetype length() const { return m_length; }
    QString name() const { return m_name; }
    // ToString() is Value.
    QString toString() const { return value(); }
    // Captures: QRegularExpression reports the last capture of each group only,
    // so this holds that one capture (empty when the group did not match).
    QList<DotNetGroup> captures() const;

private:
    QString m_subject;
    qsizetype m_index = 0;
    qsizetype m_length = 0;
    QString m_name;
    bool m_success = false;
};

// System.Text.RegularExpressions.Match: the whole match is group 0.
class DotNetMatch
{
public:
    DotNetMatch() = default; // Match.Empty: Success false, Value ""

    bool success() const { return m_success; }
    QString value() const { return group(0).value(); }
    qsizetype index() const { return m_success ? m_spans.value(0).start : 0; }
    qsizetype length() const { return m_success ? m_spans.value(0).length : 0; }
    QString toString() const { return value(); }

    // Groups.Count (including group 0 and groups that did not match).
    qsizetype groupCount() const;
    // Groups[number] / Groups[name]; unknown ones give an unsuccessful empty group.
    DotNetGroup group(int number) const;
    DotNetGroup group(const QString &name) const;
    // Groups in .NET order (by group number), for foreach over Groups.
    QList<DotNetGroup> groups() const;
    // Match.NextMatch(): the next match in the same input.
    DotNetMatch nextMatch() const;
    // Match.Result(replacement): the replacement pattern expanded for this match.
    QString result(const QString &replacement) const;

    // Internal: filled by DotNetRegex.
    struct Span
    {
        qsizetype start = -1; // -1 = did not participate
        qsizetype length = 0;
    };
    DotNetMatch(std::shared_ptr<const DotNetRegex> regex, QString subject, QList<Span> spans);
    const QString &subject() const { return m_subject; }
    const QList<Span> &spans() const { return m_spans; }
    // The group at a slot (slots are groups sorted by number, slot 0 = group 0).
    DotNetGroup groupAtSlot(qsizetype slot) const;

private:
    std::shared_ptr<const DotNetRegex> m_regex;
    QString m_subject;
    QList<Span> m_spans;
    bool m_success = false;
};

} // namespace sluice::dotnet
