#pragma once

#include <QDockWidget>

class QTreeWidget;
class QTreeWidgetItem;

namespace sluice {

class WorkspaceDocument;

// Every workspace and policy problem of the open workspace with its location;
// double-click opens the file.
class ProblemsPanel : public QDockWidget
{
    Q_OBJECT

public:
    explicit ProblemsPanel(WorkspaceDocument *document, QWidget *parent = nullptr);

private:
    void refresh();
    void open(QTreeWidgetItem *item);

    WorkspaceDocument *m_document;
    QTreeWidget *m_list;
};

} // namespace sluice
