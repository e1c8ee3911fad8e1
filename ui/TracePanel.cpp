#include "TracePanel.h"

#include "gateway/RequestTrace.h"

#include <QHeaderView>
#include <QLabel>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace sluice {

namespace {

enum Column { Scope, Section, Policy, Duration, Details, ColumnCount };

QString detailsText(const QList<std::pair<QString, QString>> &details)
{
    QStringList parts;
    for (const auto &[name, value] : details)
        parts.append(QStringLiteral("%1=%2").arg(name, value));
    return parts.join(QStringLiteral(", "));
}

} // namespace

TracePanel::TracePanel(QWidget *parent)
    : QWidget(parent)
    , m_summary(new QLabel(this))
    , m_steps(new QTreeWidget(this))
{
    m_summary->setObjectName(QStringLiteral("traceSummary"));
    m_summary->setWordWrap(true);
    m_summary->setTextFormat(Qt::PlainText);
    m_summary->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_steps->setObjectName(QStringLiteral("traceSteps"));
    m_steps->setAccessibleName(tr("Policy steps of the last traced request"));
    m_steps->setColumnCount(ColumnCount);
    m_steps->setHeaderLabels({tr("Scope"), tr("Section"), tr("Policy"), tr("Duration"), tr("Details")});
    m_steps->header()->setStretchLastSection(true);
    m_steps->setUniformRowHeights(true);
    m_steps->setAlternatingRowColors(true);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_summary);
    layout->addWidget(m_steps, 1);
    showNone(tr("Send a request with Trace checked to see its policy steps here."));
}

void TracePanel::showTrace(const RequestTrace &trace)
{
    m_steps->clear();
    m_summary->setText(tr("Trace %1: %2 %3, status %4, %L5 µs in total")
                           .arg(trace.id, QString::fromLatin1(trace.method), QString::fromLatin1(trace.path))
                           .arg(trace.status)
                           .arg(trace.totalUs));
    // Nested steps hang under the step that ran them (a step's depth is its nesting).
    QList<QTreeWidgetItem *> parents;
    for (const RequestTrace::Step &step : trace.steps) {
        while (parents.size() > step.depth)
            parents.removeLast();
        auto *item = parents.isEmpty() ? new QTreeWidgetItem(m_steps) : new QTreeWidgetItem(parents.constLast());
        item->setText(Scope, step.scope);
        item->setText(Section, step.section);
        item->setText(Policy, step.policy);
        item->setText(Duration, step.durationUs < 0 ? tr("unfinished") : tr("%L1 µs").arg(step.durationUs));
        item->setText(Details, detailsText(step.details));
        item->setToolTip(Policy, step.location);
        item->setData(Policy, Qt::UserRole, step.location);
        parents.append(item);
    }
    if (!trace.variables.isEmpty()) {
        auto *variables = new QTreeWidgetItem(m_steps, {tr("Variables")});
        for (const auto &[name, value] : trace.variables) {
            auto *item = new QTreeWidgetItem(variables);
            item->setText(Policy, name);
            item->setText(Details, value);
        }
    }
    for (const RequestTrace::Backend &call : trace.backendCalls) {
        auto *item = new QTreeWidgetItem(m_steps, {tr("Backend")});
        item->setText(Policy, call.url);
        item->setText(Duration, tr("%L1 µs").arg(call.durationUs));
        item->setText(Details, call.status ? tr("status %1").arg(call.status) : call.error);
    }
    for (const QString &error : trace.errors) {
        auto *item = new QTreeWidgetItem(m_steps, {tr("Error")});
        item->setText(Details, error);
    }
    m_steps->expandAll();
    for (int column = 0; column < Details; ++column)
        m_steps->resizeColumnToContents(column);
}

void TracePanel::showNone(const QString &reason)
{
    m_steps->clear();
    m_summary->setText(reason);
}

} // namespace sluice
