#pragma once

#include <QWidget>

class QLineEdit;
class QToolButton;

namespace sluice {

// A subscription key in a form: shown masked, with Show/Hide, Copy (to the
// clipboard) and Regenerate (a fresh random key). For the field "primaryKey"
// the children are "primaryKeyEdit", "primaryKeyShow", "primaryKeyCopy" and
// "primaryKeyRegenerate".
class KeyField : public QWidget
{
    Q_OBJECT

public:
    KeyField(const QString &field, const QString &key, QWidget *parent = nullptr);

    QString key() const;
    bool isShown() const;
    void setShown(bool shown);
    void copy();
    void regenerate();

Q_SIGNALS:
    void keyChanged();

private:
    QLineEdit *m_edit;
    QToolButton *m_show;
};

} // namespace sluice
