#pragma once

#include <QWidget>

class QLabel;
class QLineEdit;

namespace sluice {

// A line edit for an attribute value that may be a policy expression: the
// syntax is checked as the user types and an error shows with its column.
class ExpressionField : public QWidget
{
    Q_OBJECT

public:
    explicit ExpressionField(bool acceptsExpressions, QWidget *parent = nullptr);

    // Sets the value without emitting committed().
    void setValue(const QString &value);
    QString value() const;
    void setPlaceholderText(const QString &text);
    QLineEdit *lineEdit() const { return m_edit; }
    QLabel *errorLabel() const { return m_error; }
    bool hasError() const;

Q_SIGNALS:
    // The user finished editing and the value changed.
    void committed(const QString &value);

private:
    void check();

    QLineEdit *m_edit;
    QLabel *m_error;
    bool m_acceptsExpressions;
    QString m_committed;
};

} // namespace sluice
