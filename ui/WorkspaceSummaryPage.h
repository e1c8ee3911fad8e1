#pragma once

#include <QWidget>

class QLabel;
class QTreeWidget;

namespace sluice {

class WorkspaceDocument;

// A read-only view of one part of the open workspace, for the pages whose
// editors come later: the APIs and operations, the policy files, the
// external caches, and what the cache browser will browse.
class WorkspaceSummaryPage : public QWidget
{
    Q_OBJECT

public:
    enum class Kind { Apis, Policies, ExternalCaches, CacheBrowser };

    WorkspaceSummaryPage(Kind kind, WorkspaceDocument *document, QWidget *parent = nullptr);

private:
    void refresh();
    void fillApis();
    void fillPolicies();
    void fillCaches();

    Kind m_kind;
    WorkspaceDocument *m_document;
    QLabel *m_note;
    QTreeWidget *m_tree;
};

} // namespace sluice
