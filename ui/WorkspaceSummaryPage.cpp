#include "WorkspaceSummaryPage.h"

#include "WorkspaceDocument.h"
#include "common/Redaction.h"

#include <QHeaderView>
#include <QLabel>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace sluice {

WorkspaceSummaryPage::WorkspaceSummaryPage(Kind kind, WorkspaceDocument *document, QWidget *parent)
    : QWidget(parent)
    , m_kind(kind)
    , m_document(document)
    , m_note(new QLabel(this))
    , m_tree(new QTreeWidget(this))
{
    m_note->setWordWrap(true);
    m_tree->setObjectName(QStringLiteral("summaryTree"));
    m_tree->setAlternatingRowColors(true);
    m_tree->header()->setStretchLastSection(true);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_note);
    layout->addWidget(m_tree, 1);
    connect(m_document, &WorkspaceDocument::loaded, this, &WorkspaceSummaryPage::refresh);
    refresh();
}

void WorkspaceSummaryPage::refresh()
{
    m_tree->clear();
    switch (m_kind) {
    case Kind::Apis:
        m_tree->setAccessibleName(tr("APIs and operations"));
        m_note->setText(tr("The workspace's APIs and their operations (read-only in this version; edit "
                           "workspace.json and reload with F5)."));
        fillApis();
        break;
    case Kind::Policies:
        m_tree->setAccessibleName(tr("Policy files"));
        m_note->setText(tr("The policy files of the workspace (read-only in this version; the form editor "
                           "comes later). Problems in them are listed in the Problems panel."));
        fillPolicies();
        break;
    case Kind::ExternalCaches:
        m_tree->setAccessibleName(tr("External caches"));
        m_note->setText(tr("The external caches of workspace.json (read-only in this version). A cache for a "
                           "location overrides the Default one."));
        fillCaches();
        break;
    case Kind::CacheBrowser:
        m_tree->setAccessibleName(tr("Caches"));
        m_note->setText(tr("Browsing cache entries comes in a later version. The caches a gateway of this "
                           "workspace uses are listed below."));
        fillCaches();
        break;
    }
    m_tree->expandAll();
    for (int c = 0; c < m_tree->columnCount(); ++c)
        m_tree->resizeColumnToContents(c);
}

void WorkspaceSummaryPage::fillApis()
{
    m_tree->setHeaderLabels({tr("API / operation"), tr("Method"), tr("URL"), tr("Backend")});
    for (const Api &api : m_document->workspace().apis) {
        auto *item = new QTreeWidgetItem(
            m_tree, {tr("%1 (%2)").arg(api.name, api.id), QString(), QLatin1Char('/') + api.path, api.serviceUrl});
        for (const Operation &op : api.operations)
            new QTreeWidgetItem(item, {tr("%1 (%2)").arg(op.name, op.id), op.method, op.urlTemplate, QString()});
    }
}

void WorkspaceSummaryPage::fillPolicies()
{
    m_tree->setHeaderLabels({tr("Policy file")});
    for (const QString &file : m_document->policyFiles())
        new QTreeWidgetItem(m_tree, {file});
}

void WorkspaceSummaryPage::fillCaches()
{
    m_tree->setHeaderLabels({tr("Cache"), tr("Use from"), tr("Endpoint"), tr("Description")});
    new QTreeWidgetItem(m_tree,
                        {tr("Built-in"), tr("every location"),
                         tr("in memory, %1 MB").arg(m_document->workspace().internalCache.capacityMegabytes),
                         QString()});
    for (const ExternalCache &cache : m_document->workspace().caches)
        new QTreeWidgetItem(
            m_tree, {cache.id, cache.useFrom, redactConnectionString(cache.connectionString), cache.description});
}

} // namespace sluice
