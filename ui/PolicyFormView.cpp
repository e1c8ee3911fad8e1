#include "PolicyFormView.h"

#include "CachingPolicyForm.h"
#include "PolicyStepEditor.h"
#include "PolicyTextModel.h"
#include "policy/PolicyCatalog.h"

#include <QAction>
#include <QHBoxLayout>
#include <QLabel>
#include <QListWidget>
#include <QMenu>
#include <QScopedValueRollback>
#include <QSplitter>
#include <QToolButton>
#include <QVBoxLayout>

namespace sluice {

namespace {

QString sectionTitle(PolicySection section)
{
    switch (section) {
    case PolicySection::Inbound:
        return PolicyFormView::tr("Inbound");
    case PolicySection::Backend:
        return PolicyFormView::tr("Backend");
    case PolicySection::Outbound:
        return PolicyFormView::tr("Outbound");
    case PolicySection::OnError:
        break;
    }
    return PolicyFormView::tr("On error");
}

QString kindTitle(PolicyInfo::Kind kind)
{
    switch (kind) {
    case PolicyInfo::Kind::Flow:
        return PolicyFormView::tr("Flow");
    case PolicyInfo::Kind::Transformation:
        return PolicyFormView::tr("Transformation");
    case PolicyInfo::Kind::Caching:
        return PolicyFormView::tr("Caching");
    case PolicyInfo::Kind::RateLimiting:
        return PolicyFormView::tr("Rate limiting");
    case PolicyInfo::Kind::Advanced:
        break;
    }
    return PolicyFormView::tr("Advanced");
}

// A step's line in its section's list: the element with its main attributes.
QString stepLabel(const PolicyElement &element)
{
    QString label = element.name;
    for (const PolicyAttribute &a : element.attributes)
        label += QStringLiteral(" %1=\"%2\"").arg(a.name, a.value.text);
    return label.size() > 120 ? label.left(119) + QChar(0x2026) : label;
}

} // namespace

PolicyFormView::PolicyFormView(QWidget *parent)
    : QWidget(parent)
    , m_note(new QLabel(this))
    , m_add(new QToolButton(this))
    , m_palette(new QMenu(this))
    , m_editor(new PolicyStepEditor(this))
{
    m_note->setObjectName(QStringLiteral("formNote"));
    m_note->setWordWrap(true);
    m_editor->setObjectName(QStringLiteral("stepEditor"));
    m_add->setObjectName(QStringLiteral("addStepButton"));
    m_add->setText(tr("&Add step"));
    m_add->setAccessibleName(tr("Add step"));
    m_add->setPopupMode(QToolButton::InstantPopup);
    m_add->setMenu(m_palette);
    m_palette->setObjectName(QStringLiteral("stepPalette"));
    fillPalette();

    auto *up = new QToolButton(this);
    up->setText(tr("Move up"));
    up->setToolTip(tr("Move the step up (Alt+Up)"));
    auto *down = new QToolButton(this);
    down->setText(tr("Move down"));
    down->setToolTip(tr("Move the step down (Alt+Down)"));
    auto *remove = new QToolButton(this);
    remove->setText(tr("Remove"));
    remove->setToolTip(tr("Remove the step (Delete)"));
    connect(up, &QToolButton::clicked, this, [this] { moveSelected(-1); });
    connect(down, &QToolButton::clicked, this, [this] { moveSelected(1); });
    connect(remove, &QToolButton::clicked, this, &PolicyFormView::removeSelected);
    auto *tools = new QHBoxLayout;
    tools->addWidget(m_add);
    tools->addWidget(up);
    tools->addWidget(down);
    tools->addWidget(remove);
    tools->addStretch();

    auto *sections = new QWidget(this);
    sections->setObjectName(QStringLiteral("formSections"));
    auto *sectionsLayout = new QVBoxLayout(sections);
    sectionsLayout->setContentsMargins(0, 0, 0, 0);
    sectionsLayout->addLayout(tools);
    sectionsLayout->addWidget(m_note);
    for (int i = 0; i < PolicySectionCount; ++i) {
        const auto section = static_cast<PolicySection>(i);
        auto *list = new QListWidget(sections);
        list->setObjectName(QStringLiteral("steps-") + policySectionName(section));
        list->setAccessibleName(tr("%1 steps").arg(sectionTitle(section)));
        list->setDragDropMode(QAbstractItemView::InternalMove);
        list->setDefaultDropAction(Qt::MoveAction);
        auto *title = new QLabel(sectionTitle(section), sections);
        title->setBuddy(list);
        sectionsLayout->addWidget(title);
        sectionsLayout->addWidget(list, 1);
        m_lists[static_cast<size_t>(i)] = list;
        connect(list, &QListWidget::currentRowChanged, this, [this, section](int row) {
            if (m_filling || row < 0)
                return;
            focusSection(section);
            showSelected();
        });
        connect(list->model(), &QAbstractItemModel::rowsMoved, this,
                [this, section](const QModelIndex &, int start, int, const QModelIndex &, int row) {
                    if (m_filling)
                        return;
                    // After the drop has finished: the edit refills this list.
                    const int to = row > start ? row - 1 : row;
                    QMetaObject::invokeMethod(
                        this, [this, section, start, to] { Q_EMIT moveRequested(section, start, to); },
                        Qt::QueuedConnection);
                });
    }

    // Keyboard: in the lists, not in the step editor's fields.
    const auto addAction = [this, sections](const QKeySequence &key, auto slot) {
        auto *action = new QAction(this);
        action->setShortcut(key);
        action->setShortcutContext(Qt::WidgetWithChildrenShortcut);
        connect(action, &QAction::triggered, this, slot);
        sections->addAction(action);
    };
    addAction(QKeySequence(Qt::ALT | Qt::Key_Up), [this] { moveSelected(-1); });
    addAction(QKeySequence(Qt::ALT | Qt::Key_Down), [this] { moveSelected(1); });
    addAction(QKeySequence(QKeySequence::Delete), [this] { removeSelected(); });

    auto *splitter = new QSplitter(this);
    splitter->addWidget(sections);
    splitter->addWidget(m_editor);
    splitter->setStretchFactor(1, 1);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(splitter);

    connect(m_editor, &PolicyStepEditor::attributeEdited, this, [this](const QString &name, const QString &value) {
        const auto [section, index] = selectedStep();
        if (index >= 0)
            Q_EMIT attributeEdited(section, index, name, value);
    });
    connect(m_editor, &PolicyStepEditor::childTextsEdited, this,
            [this](const QString &child, const QStringList &texts) {
                const auto [section, index] = selectedStep();
                if (index >= 0)
                    Q_EMIT childTextsEdited(section, index, child, texts);
            });
}

void PolicyFormView::fillPalette()
{
    const PolicyInfo::Kind kinds[] = {PolicyInfo::Kind::Caching, PolicyInfo::Kind::Flow,
                                      PolicyInfo::Kind::Transformation, PolicyInfo::Kind::RateLimiting,
                                      PolicyInfo::Kind::Advanced};
    for (PolicyInfo::Kind kind : kinds) {
        QMenu *group = m_palette->addMenu(kindTitle(kind));
        for (const PolicyInfo &info : PolicyCatalog::all()) {
            if (info.kind != kind)
                continue;
            QAction *action = group->addAction(info.name);
            action->setData(info.name);
            action->setObjectName(QStringLiteral("palette-") + info.name);
            connect(action, &QAction::triggered, this, [this, name = info.name] { addStep(name); });
        }
    }
}

void PolicyFormView::refreshPalette()
{
    const bool editable = m_model && m_model->isEditable();
    m_add->setEnabled(editable);
    for (QAction *action : m_palette->findChildren<QAction *>()) {
        const QString name = action->data().toString();
        if (const PolicyInfo *info = name.isEmpty() ? nullptr : PolicyCatalog::find(name))
            action->setEnabled(info->allowedIn(m_section));
    }
}

void PolicyFormView::focusSection(PolicySection section)
{
    m_section = section;
    for (int i = 0; i < PolicySectionCount; ++i) {
        if (static_cast<PolicySection>(i) != section) {
            const QSignalBlocker blocker(m_lists[static_cast<size_t>(i)]);
            m_lists[static_cast<size_t>(i)]->setCurrentRow(-1);
        }
    }
    refreshPalette();
}

void PolicyFormView::setModel(const PolicyTextModel *model)
{
    const auto [section, index] = selectedStep();
    m_model = model;
    {
        const QScopedValueRollback<bool> filling(m_filling, true);
        for (int i = 0; i < PolicySectionCount; ++i) {
            const auto s = static_cast<PolicySection>(i);
            QListWidget *list = m_lists[static_cast<size_t>(i)];
            list->clear();
            const int count = model ? model->stepCount(s) : 0;
            for (int step = 0; step < count; ++step) {
                const PolicyElement &element = model->step(s, step);
                auto *item = new QListWidgetItem(
                    element.name == QLatin1String("base") ? QStringLiteral("<base />") : stepLabel(element), list);
                item->setToolTip(model->stepText(s, step));
            }
            list->setEnabled(model && model->isEditable());
        }
    }
    if (!model || model->isEditable()) {
        m_note->setText(model && model->isNew() ? tr("This scope has no policy file yet: the first edit creates it.")
                                                : QString());
    } else {
        m_note->setText(tr("The form cannot read this policy: fix the problems shown in the XML view."));
    }
    m_note->setVisible(!m_note->text().isEmpty());
    selectStep(section, model ? std::min(index, model->stepCount(section) - 1) : -1);
    refreshPalette();
}

void PolicyFormView::selectStep(PolicySection section, int index)
{
    {
        const QScopedValueRollback<bool> filling(m_filling, true);
        m_lists[static_cast<size_t>(section)]->setCurrentRow(index);
    }
    focusSection(section);
    showSelected();
}

std::pair<PolicySection, int> PolicyFormView::selectedStep() const
{
    return {m_section, m_lists[static_cast<size_t>(m_section)]->currentRow()};
}

void PolicyFormView::showSelected()
{
    const auto [section, index] = selectedStep();
    if (!m_model || index < 0 || index >= m_model->stepCount(section)) {
        m_editor->clear();
        return;
    }
    m_editor->showStep(m_model->step(section, index), m_model->stepText(section, index));
}

void PolicyFormView::moveSelected(int delta)
{
    const auto [section, index] = selectedStep();
    const int to = index + delta;
    if (!m_model || index < 0 || to < 0 || to >= m_model->stepCount(section))
        return;
    Q_EMIT moveRequested(section, index, to);
    selectStep(section, to);
}

void PolicyFormView::removeSelected()
{
    const auto [section, index] = selectedStep();
    if (m_model && index >= 0)
        Q_EMIT removeRequested(section, index);
}

void PolicyFormView::addStep(const QString &policy)
{
    if (!m_model || !m_model->isEditable())
        return;
    const auto [section, index] = selectedStep();
    const int at = index < 0 ? m_model->stepCount(section) : index + 1;
    Q_EMIT insertRequested(section, at, CachingPolicyForm::newElementText(policy));
    selectStep(section, at);
}

} // namespace sluice
