#include "PolicyStepEditor.h"

#include "CachingPolicyForm.h"
#include "ExpressionCheck.h"
#include "ExpressionField.h"
#include "policy/PolicyTree.h"

#include <QCheckBox>
#include <QComboBox>
#include <QFontDatabase>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QScopedValueRollback>
#include <QSpinBox>
#include <QStackedWidget>
#include <QToolButton>
#include <QVBoxLayout>

namespace sluice {

namespace {

using Type = PolicyAttributeSpec::Type;

constexpr int NotSet = -1; // the spin box's "not set" value
constexpr int MaxSeconds = 10 * 365 * 24 * 3600;

QString namedFor(const char *prefix, const QString &name)
{
    return QLatin1String(prefix) + name;
}

} // namespace

PolicyStepEditor::PolicyStepEditor(QWidget *parent)
    : QWidget(parent)
    , m_title(new QLabel(this))
    , m_pages(new QStackedWidget(this))
    , m_form(new QWidget(this))
    , m_formLayout(new QFormLayout(m_form))
    , m_xml(new QPlainTextEdit(this))
{
    m_title->setObjectName(QStringLiteral("stepTitle"));
    m_title->setWordWrap(true);
    m_form->setObjectName(QStringLiteral("stepForm"));
    m_xml->setObjectName(QStringLiteral("stepXml"));
    m_xml->setAccessibleName(tr("Step XML"));
    m_xml->setReadOnly(true);
    m_xml->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_pages->addWidget(new QWidget(this));
    m_pages->addWidget(m_form);
    m_pages->addWidget(m_xml);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_title);
    layout->addWidget(m_pages, 1);
    clear();
}

void PolicyStepEditor::clear()
{
    m_title->setText(tr("Select a step to edit it."));
    m_pages->setCurrentIndex(0);
}

void PolicyStepEditor::showStep(const PolicyElement &element, const QString &elementText)
{
    const CachingPolicyForm *form = CachingPolicyForm::find(element.name);
    if (!form) {
        m_title->setText(element.name == QLatin1String("base")
                             ? tr("<base />: the steps of the parent scope run here.")
                             : tr("%1 (shown as XML; edit it in the XML view)").arg(element.name));
        m_xml->setPlainText(elementText);
        m_pages->setCurrentIndex(2);
        return;
    }
    m_title->setText(element.name);
    if (form != m_shown)
        build(*form);
    const QScopedValueRollback<bool> filling(m_filling, true);
    for (Row &row : m_rows)
        setRowValue(row, element.attributeText(row.spec->name));
    for (const ListRow &row : m_lists) {
        row.list->clear();
        for (const PolicyElement *child : element.childrenNamed(row.child)) {
            auto *item = new QListWidgetItem(child->text.text, row.list);
            item->setFlags(item->flags() | Qt::ItemIsEditable);
        }
    }
    m_pages->setCurrentIndex(1);
}

void PolicyStepEditor::build(const CachingPolicyForm &form)
{
    while (m_formLayout->rowCount() > 0)
        m_formLayout->removeRow(0);
    m_rows.clear();
    m_lists.clear();
    m_shown = &form;
    for (const PolicyAttributeSpec &spec : form.attributes)
        m_rows.push_back(makeRow(spec));
    for (const QString &child : form.repeatedChildren)
        m_lists.push_back(makeList(child));
}

PolicyStepEditor::Row PolicyStepEditor::makeRow(const PolicyAttributeSpec &spec)
{
    Row row;
    row.spec = &spec;
    row.stack = new QStackedWidget(m_form);
    row.field = new ExpressionField(spec.expressions, m_form);
    row.field->setObjectName(namedFor("expr-", spec.name));
    row.field->lineEdit()->setAccessibleName(spec.name);
    row.field->setPlaceholderText(spec.required                     ? tr("required")
                                      : spec.defaultValue.isEmpty() ? QString()
                                                                    : tr("default: %1").arg(spec.defaultValue));
    const QString name = spec.name;
    connect(row.field, &ExpressionField::committed, this, [this, name](const QString &value) {
        if (!m_filling)
            Q_EMIT attributeEdited(name, value);
    });
    const auto commitControl = [this, name] {
        if (m_filling)
            return;
        for (const Row &r : m_rows) {
            if (r.spec->name == name)
                Q_EMIT attributeEdited(name, controlValue(r));
        }
    };

    QWidget *control = nullptr;
    switch (spec.type) {
    case Type::Bool:
        row.check = new QCheckBox(m_form);
        row.check->setTristate(true);
        control = row.check;
        connect(row.check, &QCheckBox::stateChanged, this, [this, name, commitControl] {
            for (const Row &r : m_rows) {
                if (r.spec->name == name)
                    updateCheckText(r);
            }
            commitControl();
        });
        break;
    case Type::Choice:
        row.combo = new QComboBox(m_form);
        row.combo->addItem(spec.defaultValue.isEmpty() ? tr("not set") : tr("default: %1").arg(spec.defaultValue),
                           QString());
        for (const QString &choice : spec.choices)
            row.combo->addItem(choice, choice);
        control = row.combo;
        connect(row.combo, &QComboBox::activated, this, commitControl);
        break;
    case Type::Integer:
        row.spin = new QSpinBox(m_form);
        row.spin->setRange(NotSet, MaxSeconds);
        row.spin->setSpecialValueText(spec.required ? tr("not set (required)") : tr("not set"));
        row.spin->setSuffix(tr(" s"));
        control = row.spin;
        connect(row.spin, &QSpinBox::editingFinished, this, commitControl);
        break;
    case Type::Text:
        break;
    }
    if (control) {
        control->setObjectName(namedFor("attr-", spec.name));
        control->setAccessibleName(spec.name);
        row.stack->addWidget(control);
    } else {
        row.stack->addWidget(new QWidget(m_form)); // a text attribute is its field
    }
    row.stack->addWidget(row.field);

    auto *line = new QWidget(m_form);
    auto *lineLayout = new QHBoxLayout(line);
    lineLayout->setContentsMargins(0, 0, 0, 0);
    lineLayout->addWidget(row.stack, 1);
    if (control) {
        row.toggle = new QToolButton(m_form);
        row.toggle->setObjectName(namedFor("exprToggle-", spec.name));
        row.toggle->setText(QStringLiteral("@"));
        row.toggle->setCheckable(true);
        row.toggle->setToolTip(spec.expressions ? tr("Write the value as text or a policy expression")
                                                : tr("Write the value as text"));
        row.toggle->setAccessibleName(tr("Text value of %1").arg(spec.name));
        QStackedWidget *stack = row.stack;
        connect(row.toggle, &QToolButton::toggled, this, [stack, commitControl](bool asText) {
            stack->setCurrentIndex(asText ? 1 : 0);
            if (!asText)
                commitControl();
        });
        lineLayout->addWidget(row.toggle);
    }
    row.stack->setCurrentIndex(control ? 0 : 1);
    m_formLayout->addRow(spec.required ? tr("%1 (required)").arg(spec.name) : spec.name, line);
    return row;
}

PolicyStepEditor::ListRow PolicyStepEditor::makeList(const QString &child)
{
    ListRow row;
    row.child = child;
    row.list = new QListWidget(m_form);
    row.list->setObjectName(namedFor("list-", child));
    row.list->setAccessibleName(child);
    row.list->setMaximumHeight(90);
    auto *add = new QPushButton(tr("Add"), m_form);
    add->setObjectName(namedFor("add-", child));
    add->setAccessibleName(tr("Add %1").arg(child));
    auto *remove = new QPushButton(tr("Remove"), m_form);
    remove->setObjectName(namedFor("remove-", child));
    remove->setAccessibleName(tr("Remove %1").arg(child));
    QListWidget *list = row.list;
    connect(list, &QListWidget::itemChanged, this, [this, row] {
        if (!m_filling)
            commitList(row);
    });
    connect(add, &QPushButton::clicked, this, [this, list] {
        const QScopedValueRollback<bool> filling(m_filling, true);
        auto *item = new QListWidgetItem(list);
        item->setFlags(item->flags() | Qt::ItemIsEditable);
        list->setCurrentItem(item);
        list->editItem(item); // committed when its text is set
    });
    connect(remove, &QPushButton::clicked, this, [this, row] {
        if (QListWidgetItem *item = row.list->currentItem()) {
            delete item;
            commitList(row);
        }
    });
    auto *buttons = new QVBoxLayout;
    buttons->addWidget(add);
    buttons->addWidget(remove);
    buttons->addStretch();
    auto *line = new QWidget(m_form);
    auto *lineLayout = new QHBoxLayout(line);
    lineLayout->setContentsMargins(0, 0, 0, 0);
    lineLayout->addWidget(row.list, 1);
    lineLayout->addLayout(buttons);
    m_formLayout->addRow(child, line);
    return row;
}

void PolicyStepEditor::commitList(const ListRow &row)
{
    QStringList texts;
    for (int i = 0; i < row.list->count(); ++i) {
        const QString text = row.list->item(i)->text().trimmed();
        if (!text.isEmpty())
            texts.append(text);
    }
    Q_EMIT childTextsEdited(row.child, texts);
}

void PolicyStepEditor::setRowValue(Row &row, const QString &value)
{
    row.field->setValue(value);
    bool fits = !ExpressionCheck::isExpression(value);
    if (row.check) {
        fits = fits && (value.isEmpty() || value == QLatin1String("true") || value == QLatin1String("false"));
        if (fits)
            row.check->setCheckState(value.isEmpty()                      ? Qt::PartiallyChecked
                                         : value == QLatin1String("true") ? Qt::Checked
                                                                          : Qt::Unchecked);
        updateCheckText(row);
    } else if (row.combo) {
        const int index = row.combo->findData(value);
        fits = fits && index >= 0;
        if (fits)
            row.combo->setCurrentIndex(index);
    } else if (row.spin) {
        bool ok = value.isEmpty();
        const int seconds = ok ? NotSet : value.trimmed().toInt(&ok);
        fits = fits && ok && seconds >= 0;
        if (fits || value.isEmpty())
            row.spin->setValue(seconds);
    }
    if (row.toggle) {
        row.toggle->setChecked(!fits);
        row.stack->setCurrentIndex(fits ? 0 : 1);
    }
}

QString PolicyStepEditor::controlValue(const Row &row) const
{
    if (row.toggle && row.toggle->isChecked())
        return row.field->value();
    if (row.check) {
        switch (row.check->checkState()) {
        case Qt::Checked:
            return QStringLiteral("true");
        case Qt::Unchecked:
            return QStringLiteral("false");
        case Qt::PartiallyChecked:
            return {};
        }
    }
    if (row.combo)
        return row.combo->currentData().toString();
    if (row.spin)
        return row.spin->value() == NotSet ? QString() : QString::number(row.spin->value());
    return row.field->value();
}

void PolicyStepEditor::updateCheckText(const Row &row)
{
    switch (row.check->checkState()) {
    case Qt::Checked:
        row.check->setText(tr("true"));
        break;
    case Qt::Unchecked:
        row.check->setText(tr("false"));
        break;
    case Qt::PartiallyChecked:
        row.check->setText(row.spec->defaultValue.isEmpty() ? tr("not set")
                                                            : tr("not set (default: %1)").arg(row.spec->defaultValue));
        break;
    }
}

} // namespace sluice
