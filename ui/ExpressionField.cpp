#include "ExpressionField.h"

#include "ExpressionCheck.h"

#include <QLabel>
#include <QLineEdit>
#include <QVBoxLayout>

namespace sluice {

ExpressionField::ExpressionField(bool acceptsExpressions, QWidget *parent)
    : QWidget(parent)
    , m_edit(new QLineEdit(this))
    , m_error(new QLabel(this))
    , m_acceptsExpressions(acceptsExpressions)
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(2);
    layout->addWidget(m_edit);
    layout->addWidget(m_error);
    m_error->setObjectName(QStringLiteral("expressionError"));
    m_error->setStyleSheet(QStringLiteral("color: #c62828"));
    m_error->setWordWrap(true);
    m_error->hide();
    connect(m_edit, &QLineEdit::textChanged, this, &ExpressionField::check);
    connect(m_edit, &QLineEdit::editingFinished, this, [this] {
        if (m_edit->text() == m_committed)
            return;
        m_committed = m_edit->text();
        Q_EMIT committed(m_committed);
    });
}

void ExpressionField::setValue(const QString &value)
{
    m_committed = value;
    if (m_edit->text() != value)
        m_edit->setText(value);
    check();
}

QString ExpressionField::value() const
{
    return m_edit->text();
}

void ExpressionField::setPlaceholderText(const QString &text)
{
    m_edit->setPlaceholderText(text);
}

bool ExpressionField::hasError() const
{
    return !m_error->text().isEmpty();
}

void ExpressionField::check()
{
    const QString value = m_edit->text();
    QString error;
    if (ExpressionCheck::isExpression(value)) {
        error = m_acceptsExpressions ? ExpressionCheck::check(value).text()
                                     : tr("this attribute does not accept policy expressions");
    }
    m_error->setText(error);
    m_error->setVisible(!error.isEmpty());
    m_edit->setToolTip(error);
}

} // namespace sluice
