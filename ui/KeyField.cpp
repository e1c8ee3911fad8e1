#include "KeyField.h"

#include "WorkspaceItems.h"

#include <QApplication>
#include <QClipboard>
#include <QHBoxLayout>
#include <QLineEdit>
#include <QToolButton>

namespace sluice {

KeyField::KeyField(const QString &field, const QString &key, QWidget *parent)
    : QWidget(parent)
    , m_edit(new QLineEdit(key, this))
    , m_show(new QToolButton(this))
{
    setObjectName(field + QLatin1String("Field"));
    m_edit->setObjectName(field + QLatin1String("Edit"));
    m_edit->setAccessibleName(tr("Key"));
    m_edit->setEchoMode(QLineEdit::Password);
    m_show->setObjectName(field + QLatin1String("Show"));
    m_show->setCheckable(true);
    m_show->setAccessibleName(tr("Show key"));
    auto *copyButton = new QToolButton(this);
    copyButton->setObjectName(field + QLatin1String("Copy"));
    copyButton->setText(tr("Copy"));
    copyButton->setAccessibleName(tr("Copy key"));
    auto *regenerateButton = new QToolButton(this);
    regenerateButton->setObjectName(field + QLatin1String("Regenerate"));
    regenerateButton->setText(tr("Regenerate"));
    regenerateButton->setAccessibleName(tr("Regenerate key"));
    auto *row = new QHBoxLayout(this);
    row->setContentsMargins(0, 0, 0, 0);
    row->addWidget(m_edit, 1);
    row->addWidget(m_show);
    row->addWidget(copyButton);
    row->addWidget(regenerateButton);
    setShown(false);
    connect(m_show, &QToolButton::toggled, this, &KeyField::setShown);
    connect(copyButton, &QToolButton::clicked, this, &KeyField::copy);
    connect(regenerateButton, &QToolButton::clicked, this, &KeyField::regenerate);
    connect(m_edit, &QLineEdit::textChanged, this, &KeyField::keyChanged);
}

QString KeyField::key() const
{
    return m_edit->text().trimmed();
}

bool KeyField::isShown() const
{
    return m_edit->echoMode() == QLineEdit::Normal;
}

void KeyField::setShown(bool shown)
{
    m_edit->setEchoMode(shown ? QLineEdit::Normal : QLineEdit::Password);
    const QSignalBlocker blocker(m_show);
    m_show->setChecked(shown);
    m_show->setText(shown ? tr("Hide") : tr("Show"));
}

void KeyField::copy()
{
    QApplication::clipboard()->setText(key());
}

void KeyField::regenerate()
{
    m_edit->setText(WorkspaceItems::newSubscriptionKey());
}

} // namespace sluice
