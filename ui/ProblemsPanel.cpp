#include "ProblemsPanel.h"

#include "WorkspaceDocument.h"

#include <QDesktopServices>
#include <QHeaderView>
#include <QMetaMethod>
#include <QTreeWidget>
#include <QUrl>

namespace sluice {

ProblemsPanel::ProblemsPanel(WorkspaceDocument *document, QWidget *parent)
    : QDockWidget(tr("Problems"), parent)
    , m_document(document)
    , m_list(new QTreeWidget(this))
{
    setObjectName(QStringLiteral("problemsPanel"));
    m_list->setObjectName(QStringLiteral("problemsList"));
    m_list->setAccessibleName(tr("Problems"));
    m_list->setRootIsDecorated(false);
    m_list->setHeaderLabels({tr("Severity"), tr("Location"), tr("Message")});
    m_list->header()->setStretchLastSection(true);
    setWidget(m_list);
    connect(m_document, &WorkspaceDocument::loaded, this, &ProblemsPanel::refresh);
    connect(m_list, &QTreeWidget::itemActivated, this, &ProblemsPanel::open);
    refresh();
}

void ProblemsPanel::refresh()
{
    m_list->clear();
    for (const Diagnostic &d : m_document->diagnostics()) {
        auto *item = new QTreeWidgetItem(m_list,
                                         {d.severity == Diagnostic::Severity::Error ? tr("error") : tr("warning"),
                                          d.location.toString(), d.message});
        item->setData(0, Qt::UserRole, d.location.file);
        item->setData(0, Qt::UserRole + 1, d.location.line);
        item->setData(0, Qt::UserRole + 2, d.location.column);
    }
    m_list->resizeColumnToContents(0);
    m_list->resizeColumnToContents(1);
    const int count = static_cast<int>(m_document->diagnostics().size());
    setWindowTitle(count ? tr("Problems (%1)").arg(count) : tr("Problems"));
}

void ProblemsPanel::open(QTreeWidgetItem *item)
{
    const QString file = item->data(0, Qt::UserRole).toString();
    if (file.startsWith(QLatin1String("policies/")) && file.endsWith(QLatin1String(".xml"))
        && isSignalConnected(QMetaMethod::fromSignal(&ProblemsPanel::policyLocationActivated))) {
        Q_EMIT policyLocationActivated(file, item->data(0, Qt::UserRole + 1).toInt(),
                                       item->data(0, Qt::UserRole + 2).toInt());
    } else if (!file.isEmpty()) {
        QDesktopServices::openUrl(QUrl::fromLocalFile(m_document->absolutePath(file)));
    }
}

} // namespace sluice
