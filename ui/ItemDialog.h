#pragma once

#include <QDialog>
#include <QHash>
#include <QMap>

#include <functional>

class QCheckBox;
class QComboBox;
class QDialogButtonBox;
class QFormLayout;
class QLabel;
class QLineEdit;
class QListWidget;
class QPushButton;

namespace sluice {

class KeyField;

// A form for one item (an API, a user, a subscription...): labelled fields,
// each with its problem shown inline below it, and OK enabled only while the
// checker finds none. Fields are found by name: the field "id" is the
// widget "idEdit" with its problem in "idError".
class ItemDialog : public QDialog
{
    Q_OBJECT

public:
    // Problems by field name; "" for the item as a whole.
    using Checker = std::function<QMap<QString, QString>()>;

    ItemDialog(const QString &title, QWidget *parent = nullptr);

    QLineEdit *addText(const QString &field, const QString &label, const QString &value);
    QCheckBox *addCheck(const QString &field, const QString &label, bool checked);
    // Choices as (shown text, stored value).
    QComboBox *addChoice(const QString &field, const QString &label, const QList<std::pair<QString, QString>> &choices,
                         const QString &current);
    // A list of checkable (shown text, stored value) items.
    QListWidget *addChecklist(const QString &field, const QString &label,
                              const QList<std::pair<QString, QString>> &items, const QStringList &checked);
    KeyField *addKey(const QString &field, const QString &label, const QString &key);

    QString text(const QString &field) const;
    bool isChecked(const QString &field) const;
    QString choice(const QString &field) const;
    QStringList checkedItems(const QString &field) const;
    QString key(const QString &field) const;

    void setChecker(Checker checker);
    // Runs the checker: shows every problem and enables OK when there is none.
    void recheck();
    QMap<QString, QString> problems() const { return m_problems; }
    QPushButton *okButton() const;

private:
    void addRow(const QString &field, const QString &label, QWidget *editor);

    QFormLayout *m_form;
    QDialogButtonBox *m_buttons;
    QLabel *m_itemError;
    QHash<QString, QWidget *> m_editors;
    QHash<QString, QLabel *> m_errors;
    QMap<QString, QString> m_problems;
    Checker m_checker;
};

} // namespace sluice
