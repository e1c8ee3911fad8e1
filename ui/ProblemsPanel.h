#pragma once

#include <QDockWidget>

class QTreeWidget;
class QTreeWidgetItem;

namespace sluice {

class WorkspaceDocument;

// Every workspace and policy problem of the open workspace with its location;
// double-click opens the file (a policy file in the console's editor).
class ProblemsPanel : public QDockWidget
{
    Q_OBJECT

public:
    explicit ProblemsPanel(WorkspaceDocument *document, QWidget *parent = nullptr);

Q_SIGNALS:
    // A problem of a policy file was activated; the console shows it in its
    // editor instead of opening the file.
    void policyLocationActivated(const QString &file, int line, int column);

private:
    void refresh();
    void open(QTreeWidgetItem *item);

    WorkspaceDocument *m_document;
    QTreeWidget *m_list;
};

} // namespace sluice
