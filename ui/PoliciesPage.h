#pragma once

#include "PolicyScope.h"
#include "policy/PolicyTree.h"

#include <QWidget>

#include <memory>
#include <optional>
#include <vector>

class QLabel;
class QTabWidget;
class QTreeWidget;

namespace sluice {

class EffectivePolicyView;
class PolicyFormView;
class PolicyTextModel;
class PolicyXmlView;
class WorkspaceDocument;

// The console's Policies page: the tree of scopes (global, products, APIs and
// their operations) and the selected scope's policy in three views: the
// form, the XML text, and the effective policy. Every edit is one undo
// command on the document's stack that stores the policy's new text; the
// page re-reads the text when the document says it changed.
class PoliciesPage : public QWidget
{
    Q_OBJECT

public:
    enum View { FormView, XmlView, EffectiveView };

    explicit PoliciesPage(WorkspaceDocument *document, QWidget *parent = nullptr);
    ~PoliciesPage() override;

    // Selects the scope of `file` ("policies/apis/echo.xml") and puts the XML
    // view's cursor at line:column. False when no scope has that file.
    bool showLocation(const QString &file, int line, int column);
    bool selectScope(const QString &relativePath);
    std::optional<PolicyScope> currentScope() const;
    const PolicyTextModel *model() const { return m_model.get(); }
    void showView(View view);

private:
    void fillScopes();
    void scopeSelected();
    void reread();
    void rereadOnce();
    void store(const std::optional<QString> &text, const QString &description);

    WorkspaceDocument *m_document;
    std::vector<PolicyScope> m_scopes;
    QTreeWidget *m_tree;
    QLabel *m_title;
    QTabWidget *m_views;
    PolicyFormView *m_form;
    PolicyXmlView *m_xml;
    EffectivePolicyView *m_effective;
    std::unique_ptr<PolicyTextModel> m_model;
    std::unique_ptr<PolicyTextModel> m_previous; // what the form showed until the last re-read
    bool m_rereading = false;
    bool m_rereadAgain = false;
};

} // namespace sluice
