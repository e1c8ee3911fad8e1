#pragma once

#include "PolicyScope.h"
#include "policy/PolicyTree.h"

#include <QWidget>

#include <functional>

class QComboBox;
class QTreeWidget;

namespace sluice {

class WorkspaceDocument;

// One step of an effective policy and the scope it came from.
struct EffectiveStep
{
    PolicySection section = PolicySection::Inbound;
    QString policy;
    QString scope; // "Global", "Product p", ...; "Global (default)" for the default of a missing file
    QString file; // the policy file, empty for a default
    int line = 0;
};

// The policy in force for the selected scope after merging its chain at each
// `<base />` (the core's PolicyMerger), each step labelled by its scope.
// For an API or operation the product is the subscription's, chosen above.
class EffectivePolicyView : public QWidget
{
    Q_OBJECT

public:
    EffectivePolicyView(WorkspaceDocument *document, QWidget *parent = nullptr);

    void setScope(const PolicyScope &scope);
    void refresh();

    // The merged steps of `chain` (broadest first), the texts read by `policyText`.
    static std::vector<EffectiveStep> steps(const std::vector<PolicyScope> &chain,
                                            const std::function<QByteArray(const QString &)> &policyText);

private:
    void fillProducts();

    WorkspaceDocument *m_document;
    PolicyScope m_scope;
    QComboBox *m_product;
    QTreeWidget *m_tree;
};

} // namespace sluice
