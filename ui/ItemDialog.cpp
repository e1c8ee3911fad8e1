#include "ItemDialog.h"

#include "KeyField.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QVBoxLayout>

namespace sluice {

ItemDialog::ItemDialog(const QString &title, QWidget *parent)
    : QDialog(parent)
    , m_form(new QFormLayout)
    , m_buttons(new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this))
    , m_itemError(new QLabel(this))
{
    setObjectName(QStringLiteral("itemDialog"));
    setWindowTitle(title);
    m_itemError->setObjectName(QStringLiteral("itemError"));
    m_itemError->setWordWrap(true);
    m_itemError->hide();
    okButton()->setObjectName(QStringLiteral("okButton"));
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(m_form);
    layout->addWidget(m_itemError);
    layout->addWidget(m_buttons);
    connect(m_buttons, &QDialogButtonBox::accepted, this, [this] {
        recheck();
        if (m_problems.isEmpty())
            accept();
    });
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
}

QPushButton *ItemDialog::okButton() const
{
    return m_buttons->button(QDialogButtonBox::Ok);
}

void ItemDialog::addRow(const QString &field, const QString &label, QWidget *editor)
{
    editor->setAccessibleName(QString(label).remove(QLatin1Char('&')));
    auto *error = new QLabel(this);
    error->setObjectName(field + QLatin1String("Error"));
    error->setWordWrap(true);
    error->hide();
    auto *cell = new QWidget(this);
    auto *column = new QVBoxLayout(cell);
    column->setContentsMargins(0, 0, 0, 0);
    column->addWidget(editor);
    column->addWidget(error);
    auto *title = new QLabel(label, this);
    title->setBuddy(editor);
    m_form->addRow(title, cell);
    m_editors.insert(field, editor);
    m_errors.insert(field, error);
}

QLineEdit *ItemDialog::addText(const QString &field, const QString &label, const QString &value)
{
    auto *edit = new QLineEdit(value, this);
    edit->setObjectName(field + QLatin1String("Edit"));
    connect(edit, &QLineEdit::textChanged, this, &ItemDialog::recheck);
    addRow(field, label, edit);
    return edit;
}

QCheckBox *ItemDialog::addCheck(const QString &field, const QString &label, bool checked)
{
    auto *box = new QCheckBox(this);
    box->setObjectName(field + QLatin1String("Check"));
    box->setChecked(checked);
    connect(box, &QCheckBox::toggled, this, &ItemDialog::recheck);
    addRow(field, label, box);
    return box;
}

QComboBox *ItemDialog::addChoice(const QString &field, const QString &label,
                                 const QList<std::pair<QString, QString>> &choices, const QString &current)
{
    auto *combo = new QComboBox(this);
    combo->setObjectName(field + QLatin1String("Choice"));
    for (const auto &[shown, value] : choices)
        combo->addItem(shown, value);
    combo->setCurrentIndex(std::max(0, combo->findData(current)));
    connect(combo, &QComboBox::currentIndexChanged, this, &ItemDialog::recheck);
    addRow(field, label, combo);
    return combo;
}

QListWidget *ItemDialog::addChecklist(const QString &field, const QString &label,
                                      const QList<std::pair<QString, QString>> &items, const QStringList &checked)
{
    auto *list = new QListWidget(this);
    list->setObjectName(field + QLatin1String("List"));
    list->setMaximumHeight(120);
    for (const auto &[shown, value] : items) {
        auto *item = new QListWidgetItem(shown, list);
        item->setData(Qt::UserRole, value);
        item->setFlags(Qt::ItemIsEnabled | Qt::ItemIsUserCheckable | Qt::ItemIsSelectable);
        item->setCheckState(checked.contains(value) ? Qt::Checked : Qt::Unchecked);
    }
    connect(list, &QListWidget::itemChanged, this, &ItemDialog::recheck);
    addRow(field, label, list);
    return list;
}

KeyField *ItemDialog::addKey(const QString &field, const QString &label, const QString &key)
{
    auto *editor = new KeyField(field, key, this);
    connect(editor, &KeyField::keyChanged, this, &ItemDialog::recheck);
    addRow(field, label, editor);
    return editor;
}

QString ItemDialog::text(const QString &field) const
{
    const auto *edit = qobject_cast<QLineEdit *>(m_editors.value(field));
    return edit ? edit->text().trimmed() : QString();
}

bool ItemDialog::isChecked(const QString &field) const
{
    const auto *box = qobject_cast<QCheckBox *>(m_editors.value(field));
    return box && box->isChecked();
}

QString ItemDialog::choice(const QString &field) const
{
    const auto *combo = qobject_cast<QComboBox *>(m_editors.value(field));
    return combo ? combo->currentData().toString() : QString();
}

QStringList ItemDialog::checkedItems(const QString &field) const
{
    QStringList values;
    if (const auto *list = qobject_cast<QListWidget *>(m_editors.value(field))) {
        for (int i = 0; i < list->count(); ++i) {
            if (list->item(i)->checkState() == Qt::Checked)
                values.append(list->item(i)->data(Qt::UserRole).toString());
        }
    }
    return values;
}

QString ItemDialog::key(const QString &field) const
{
    const auto *editor = qobject_cast<KeyField *>(m_editors.value(field));
    return editor ? editor->key() : QString();
}

void ItemDialog::setChecker(Checker checker)
{
    m_checker = std::move(checker);
    recheck();
}

void ItemDialog::recheck()
{
    m_problems = m_checker ? m_checker() : QMap<QString, QString>();
    QStringList unplaced; // problems of fields the form does not show
    for (auto it = m_problems.cbegin(); it != m_problems.cend(); ++it) {
        if (!m_errors.contains(it.key()))
            unplaced.append(it.value());
    }
    for (auto it = m_errors.cbegin(); it != m_errors.cend(); ++it) {
        const QString problem = m_problems.value(it.key());
        it.value()->setText(problem);
        it.value()->setVisible(!problem.isEmpty());
    }
    m_itemError->setText(unplaced.join(QLatin1Char('\n')));
    m_itemError->setVisible(!unplaced.isEmpty());
    okButton()->setEnabled(m_problems.isEmpty());
}

} // namespace sluice
