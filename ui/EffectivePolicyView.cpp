#include "EffectivePolicyView.h"

#include "WorkspaceDocument.h"
#include "policy/PolicyMerger.h"
#include "policy/PolicyParser.h"

#include <QComboBox>
#include <QFormLayout>
#include <QHeaderView>
#include <QTreeWidget>
#include <QVBoxLayout>

#include <optional>

namespace sluice {

EffectivePolicyView::EffectivePolicyView(WorkspaceDocument *document, QWidget *parent)
    : QWidget(parent)
    , m_document(document)
    , m_product(new QComboBox(this))
    , m_tree(new QTreeWidget(this))
{
    m_product->setObjectName(QStringLiteral("effectiveProduct"));
    m_product->setAccessibleName(tr("Product of the subscription"));
    m_tree->setObjectName(QStringLiteral("effectiveTree"));
    m_tree->setAccessibleName(tr("Effective policy"));
    m_tree->setHeaderLabels({tr("Step"), tr("Scope"), tr("Location")});
    m_tree->header()->setStretchLastSection(true);
    auto *form = new QFormLayout;
    form->addRow(tr("&Product:"), m_product);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(form);
    layout->addWidget(m_tree, 1);
    connect(m_product, &QComboBox::activated, this, &EffectivePolicyView::refresh);
}

void EffectivePolicyView::setScope(const PolicyScope &scope)
{
    m_scope = scope;
    fillProducts();
    refresh();
}

void EffectivePolicyView::fillProducts()
{
    const QString current = m_product->currentData().toString();
    m_product->clear();
    m_product->addItem(tr("No product (subscription to all APIs or none)"), QString());
    if (m_scope.kind == PolicyScope::Kind::Api || m_scope.kind == PolicyScope::Kind::Operation) {
        for (const Product *product : m_document->workspace().productsOf(m_scope.apiId))
            m_product->addItem(product->name.isEmpty() ? product->id : product->name, product->id);
    }
    m_product->setCurrentIndex(std::max(m_product->findData(current), 0));
    m_product->setEnabled(m_product->count() > 1);
}

std::vector<EffectiveStep> EffectivePolicyView::steps(const std::vector<PolicyScope> &chain,
                                                      const std::function<QByteArray(const QString &)> &policyText)
{
    std::vector<std::optional<PolicyDocument>> documents;
    QHash<QString, QString> labels; // file -> scope
    for (const PolicyScope &scope : chain) {
        const QString path = scope.relativePath();
        const QByteArray text = policyText(path);
        labels.insert(path, scope.label());
        documents.push_back(text.isEmpty() ? std::nullopt
                                           : PolicyParser::parse(QString::fromUtf8(text), path).document);
    }
    std::vector<const PolicyDocument *> pointers;
    for (const std::optional<PolicyDocument> &d : documents)
        pointers.push_back(d ? &*d : nullptr);
    const EffectivePolicy effective = PolicyMerger::merge(pointers);
    const QString globalDefault = PolicyMerger::defaultDocument(true).file;

    std::vector<EffectiveStep> result;
    for (int i = 0; i < PolicySectionCount; ++i) {
        const auto section = static_cast<PolicySection>(i);
        for (const PolicyElement &e : effective.section(section)) {
            EffectiveStep step;
            step.section = section;
            step.policy = e.name;
            const auto label = labels.constFind(e.location.file);
            if (label != labels.cend()) {
                step.scope = label.value();
                step.file = e.location.file;
                step.line = e.location.line;
            } else {
                step.scope = e.location.file == globalDefault ? tr("Global (default)") : tr("Default");
            }
            result.push_back(std::move(step));
        }
    }
    return result;
}

void EffectivePolicyView::refresh()
{
    m_tree->clear();
    const std::vector<EffectiveStep> merged =
        steps(m_scope.chain(m_product->currentData().toString()),
              [this](const QString &path) { return m_document->policyText(path); });
    std::array<QTreeWidgetItem *, PolicySectionCount> sections {};
    for (int i = 0; i < PolicySectionCount; ++i) {
        sections[static_cast<size_t>(i)] =
            new QTreeWidgetItem(m_tree, {policySectionName(static_cast<PolicySection>(i))});
    }
    for (const EffectiveStep &step : merged) {
        new QTreeWidgetItem(
            sections[static_cast<size_t>(step.section)],
            {step.policy, step.scope, step.file.isEmpty() ? QString() : tr("%1:%2").arg(step.file).arg(step.line)});
    }
    m_tree->expandAll();
    m_tree->resizeColumnToContents(0);
    m_tree->resizeColumnToContents(1);
}

} // namespace sluice
