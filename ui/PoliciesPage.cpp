#include "PoliciesPage.h"

#include "EffectivePolicyView.h"
#include "PolicyFormView.h"
#include "PolicyTextCommand.h"
#include "PolicyTextModel.h"
#include "PolicyXmlView.h"
#include "WorkspaceDocument.h"

#include <QHeaderView>
#include <QLabel>
#include <QScopedValueRollback>
#include <QSplitter>
#include <QTabWidget>
#include <QTreeWidget>
#include <QUndoStack>
#include <QVBoxLayout>

namespace sluice {

namespace {
constexpr int ScopeRole = Qt::UserRole;
}

PoliciesPage::PoliciesPage(WorkspaceDocument *document, QWidget *parent)
    : QWidget(parent)
    , m_document(document)
    , m_tree(new QTreeWidget(this))
    , m_title(new QLabel(this))
    , m_views(new QTabWidget(this))
    , m_form(new PolicyFormView(this))
    , m_xml(new PolicyXmlView(this))
    , m_effective(new EffectivePolicyView(document, this))
{
    m_tree->setObjectName(QStringLiteral("scopeTree"));
    m_tree->setAccessibleName(tr("Policy scopes"));
    m_tree->setHeaderLabels({tr("Scope"), tr("Policy file")});
    m_tree->header()->setStretchLastSection(true);
    m_title->setObjectName(QStringLiteral("policyTitle"));
    m_views->setObjectName(QStringLiteral("policyViews"));
    m_form->setObjectName(QStringLiteral("policyForm"));
    m_xml->setObjectName(QStringLiteral("policyXml"));
    m_effective->setObjectName(QStringLiteral("effectivePolicy"));
    m_views->addTab(m_form, tr("&Form"));
    m_views->addTab(m_xml, tr("&XML"));
    m_views->addTab(m_effective, tr("&Effective policy"));

    auto *right = new QWidget(this);
    auto *rightLayout = new QVBoxLayout(right);
    rightLayout->setContentsMargins(0, 0, 0, 0);
    rightLayout->addWidget(m_title);
    rightLayout->addWidget(m_views, 1);
    auto *splitter = new QSplitter(this);
    splitter->addWidget(m_tree);
    splitter->addWidget(right);
    splitter->setStretchFactor(1, 1);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(splitter);

    connect(m_tree, &QTreeWidget::currentItemChanged, this, &PoliciesPage::scopeSelected);
    connect(m_document, &WorkspaceDocument::loaded, this, &PoliciesPage::fillScopes);
    connect(m_document, &WorkspaceDocument::workspaceEdited, this, &PoliciesPage::fillScopes);
    connect(m_document, &WorkspaceDocument::policyTextEdited, this, [this](const QString &path) {
        const std::optional<PolicyScope> scope = currentScope();
        if (scope && scope->relativePath() == path)
            reread();
        else
            m_effective->refresh();
    });

    connect(m_xml, &PolicyXmlView::textEdited, this, [this](const QString &text) {
        const std::optional<PolicyScope> scope = currentScope();
        if (!scope)
            return;
        m_document->undoStack()->push(new PolicyTextCommand(m_document, scope->relativePath(), text.toUtf8(),
                                                            tr("Edit %1").arg(scope->relativePath()),
                                                            PolicyTextCommand::Kind::Typing));
    });
    connect(m_form, &PolicyFormView::attributeEdited, this,
            [this](PolicySection section, int index, const QString &name, const QString &value) {
                store(m_model->withAttribute(section, index, name, value),
                      tr("Set %1 of %2").arg(name, m_model->stepName(section, index)));
            });
    connect(m_form, &PolicyFormView::childTextsEdited, this,
            [this](PolicySection section, int index, const QString &child, const QStringList &texts) {
                store(m_model->withChildTexts(section, index, child, texts),
                      tr("Edit %1 of %2").arg(child, m_model->stepName(section, index)));
            });
    connect(m_form, &PolicyFormView::insertRequested, this,
            [this](PolicySection section, int index, const QString &text) {
                store(m_model->withStepInserted(section, index, text), tr("Add step"));
            });
    connect(m_form, &PolicyFormView::removeRequested, this, [this](PolicySection section, int index) {
        store(m_model->withStepRemoved(section, index), tr("Remove %1").arg(m_model->stepName(section, index)));
    });
    connect(m_form, &PolicyFormView::moveRequested, this, [this](PolicySection section, int from, int to) {
        const std::optional<QString> moved = m_model->withStepMoved(section, from, to);
        if (!moved || *moved == m_model->text()) {
            // The list shows the text as it is again (a drop the text cannot
            // follow), once the list that asked is done.
            QMetaObject::invokeMethod(this, &PoliciesPage::reread, Qt::QueuedConnection);
            return;
        }
        store(moved, tr("Move %1").arg(m_model->stepName(section, from)));
    });
    fillScopes();
}

PoliciesPage::~PoliciesPage() = default;

void PoliciesPage::store(const std::optional<QString> &text, const QString &description)
{
    const std::optional<PolicyScope> scope = currentScope();
    if (!scope || !text || *text == m_model->text())
        return;
    m_document->undoStack()->push(
        new PolicyTextCommand(m_document, scope->relativePath(), text->toUtf8(), description));
}

void PoliciesPage::fillScopes()
{
    const std::optional<PolicyScope> previous = currentScope();
    const QString previousPath = previous ? previous->relativePath() : QString();
    m_scopes = PolicyScope::all(m_document->workspace());
    {
        const QSignalBlocker blocker(m_tree);
        m_tree->clear();
        QTreeWidgetItem *products = nullptr;
        QTreeWidgetItem *apis = nullptr;
        QTreeWidgetItem *api = nullptr;
        for (size_t i = 0; i < m_scopes.size(); ++i) {
            const PolicyScope &scope = m_scopes[i];
            QTreeWidgetItem *parent = nullptr;
            switch (scope.kind) {
            case PolicyScope::Kind::Global:
                break;
            case PolicyScope::Kind::Product:
                if (!products)
                    products = new QTreeWidgetItem(m_tree, {tr("Products")});
                parent = products;
                break;
            case PolicyScope::Kind::Api:
                if (!apis)
                    apis = new QTreeWidgetItem(m_tree, {tr("APIs")});
                parent = apis;
                break;
            case PolicyScope::Kind::Operation:
                parent = api;
                break;
            }
            const bool exists = m_document->isOpen() && !m_document->policyText(scope.relativePath()).isEmpty();
            const QStringList columns = {scope.label(), exists ? scope.relativePath() : tr("none")};
            auto *item = parent ? new QTreeWidgetItem(parent, columns) : new QTreeWidgetItem(m_tree, columns);
            item->setData(0, ScopeRole, static_cast<int>(i));
            item->setToolTip(1,
                             exists ? scope.relativePath()
                                    : tr("No policy file: the first edit creates %1").arg(scope.relativePath()));
            if (scope.kind == PolicyScope::Kind::Api)
                api = item;
        }
        m_tree->expandAll();
        m_tree->resizeColumnToContents(0);
    }
    if (!m_document->isOpen() || !selectScope(previousPath.isEmpty() ? m_scopes.front().relativePath() : previousPath))
        scopeSelected();
}

std::optional<PolicyScope> PoliciesPage::currentScope() const
{
    const QTreeWidgetItem *item = m_tree->currentItem();
    if (!item || !item->data(0, ScopeRole).isValid())
        return std::nullopt;
    const auto index = static_cast<size_t>(item->data(0, ScopeRole).toInt());
    return index < m_scopes.size() ? std::optional<PolicyScope>(m_scopes[index]) : std::nullopt;
}

bool PoliciesPage::selectScope(const QString &relativePath)
{
    for (QTreeWidgetItemIterator it(m_tree); *it; ++it) {
        const QVariant index = (*it)->data(0, ScopeRole);
        if (index.isValid() && m_scopes[static_cast<size_t>(index.toInt())].relativePath() == relativePath) {
            if (m_tree->currentItem() == *it)
                scopeSelected();
            else
                m_tree->setCurrentItem(*it);
            return true;
        }
    }
    return false;
}

void PoliciesPage::scopeSelected()
{
    const std::optional<PolicyScope> scope = currentScope();
    if (scope)
        m_effective->setScope(*scope);
    reread();
}

void PoliciesPage::reread()
{
    // A view may report an edit while it is being filled: read again after.
    if (m_rereading) {
        m_rereadAgain = true;
        return;
    }
    const QScopedValueRollback<bool> rereading(m_rereading, true);
    do {
        m_rereadAgain = false;
        rereadOnce();
    } while (m_rereadAgain);
}

void PoliciesPage::rereadOnce()
{
    const std::optional<PolicyScope> scope = currentScope();
    // The views hold pointers into the model: the old one lives until they have the new one.
    m_previous = std::move(m_model);
    if (!scope || !m_document->isOpen()) {
        m_model = std::make_unique<PolicyTextModel>(QString(), QString(), true);
        m_title->setText(m_document->isOpen() ? tr("Select a scope.") : tr("No workspace is open."));
        m_views->setEnabled(false);
    } else {
        const QString path = scope->relativePath();
        m_model = std::make_unique<PolicyTextModel>(QString::fromUtf8(m_document->policyText(path)), path,
                                                    scope->kind == PolicyScope::Kind::Global);
        m_title->setText(m_model->isNew() ? tr("%1 — no policy file yet (%2)").arg(scope->label(), path)
                                          : tr("%1 — %2").arg(scope->label(), path));
        m_views->setEnabled(true);
    }
    m_form->setModel(m_model.get());
    m_xml->setModel(*m_model);
    m_effective->refresh();
    m_previous.reset();
}

bool PoliciesPage::showLocation(const QString &file, int line, int column)
{
    if (!selectScope(file))
        return false;
    showView(XmlView);
    m_xml->goTo(line, column);
    return true;
}

void PoliciesPage::showView(View view)
{
    m_views->setCurrentIndex(view);
}

} // namespace sluice
