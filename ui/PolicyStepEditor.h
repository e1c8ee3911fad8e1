#pragma once

#include <QWidget>

#include <vector>

class QCheckBox;
class QComboBox;
class QFormLayout;
class QLabel;
class QListWidget;
class QPlainTextEdit;
class QSpinBox;
class QStackedWidget;
class QToolButton;

namespace sluice {

class ExpressionField;
struct CachingPolicyForm;
struct PolicyAttributeSpec;
struct PolicyElement;

// The editor of one step of a section. A caching policy gets its full form:
// every attribute with its control (a check box, a combo box of the
// documented values, a spin box, a text field), the documented default as
// placeholder, a switch to an expression field where APIM accepts one, and
// lists for the repeated vary-by elements. Any other policy shows its
// element as read-only XML.
class PolicyStepEditor : public QWidget
{
    Q_OBJECT

public:
    explicit PolicyStepEditor(QWidget *parent = nullptr);

    // `elementText` is the step's XML. The form's widgets stay (and keep
    // focus) when the same policy is shown again with other values.
    void showStep(const PolicyElement &element, const QString &elementText);
    void clear();

Q_SIGNALS:
    void attributeEdited(const QString &name, const QString &value);
    void childTextsEdited(const QString &childName, const QStringList &texts);

private:
    struct Row
    {
        const PolicyAttributeSpec *spec = nullptr;
        QStackedWidget *stack = nullptr; // 0: the typed control, 1: the text or expression field
        QCheckBox *check = nullptr;
        QComboBox *combo = nullptr;
        QSpinBox *spin = nullptr;
        ExpressionField *field = nullptr;
        QToolButton *toggle = nullptr;
    };
    struct ListRow
    {
        QString child;
        QListWidget *list = nullptr;
    };

    void build(const CachingPolicyForm &form);
    Row makeRow(const PolicyAttributeSpec &spec);
    ListRow makeList(const QString &child);
    void setRowValue(Row &row, const QString &value);
    QString controlValue(const Row &row) const;
    void updateCheckText(const Row &row);
    void commitList(const ListRow &row);

    QLabel *m_title;
    QStackedWidget *m_pages; // 0: nothing, 1: the form, 2: read-only XML
    QWidget *m_form;
    QFormLayout *m_formLayout;
    QPlainTextEdit *m_xml;
    const CachingPolicyForm *m_shown = nullptr;
    std::vector<Row> m_rows;
    std::vector<ListRow> m_lists;
    bool m_filling = false;
};

} // namespace sluice
