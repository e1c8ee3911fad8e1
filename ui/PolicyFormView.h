#pragma once

#include "policy/PolicyTree.h"

#include <QWidget>

#include <array>

class QLabel;
class QListWidget;
class QMenu;
class QToolButton;

namespace sluice {

class PolicyStepEditor;
class PolicyTextModel;

// The form view of one policy file: the four sections as ordered lists of
// steps (`<base />` is a step like the others), a palette that adds a step,
// reordering by drag and drop and Alt+Up / Alt+Down, Delete to remove, and
// the selected step's editor. It shows a model and asks for edits by
// signal; the page turns them into undo commands.
class PolicyFormView : public QWidget
{
    Q_OBJECT

public:
    explicit PolicyFormView(QWidget *parent = nullptr);

    // Shows `model` (which must outlive the next setModel call), keeping the
    // selected step when it still exists.
    void setModel(const PolicyTextModel *model);
    void selectStep(PolicySection section, int index);
    // The selected step: its section and index, index -1 when none.
    std::pair<PolicySection, int> selectedStep() const;
    QListWidget *sectionList(PolicySection section) const { return m_lists[static_cast<size_t>(section)]; }

    void moveSelected(int delta);
    void removeSelected();
    void addStep(const QString &policy);

Q_SIGNALS:
    void insertRequested(PolicySection section, int index, const QString &elementText);
    void removeRequested(PolicySection section, int index);
    void moveRequested(PolicySection section, int from, int to);
    void attributeEdited(PolicySection section, int index, const QString &name, const QString &value);
    void childTextsEdited(PolicySection section, int index, const QString &childName, const QStringList &texts);

private:
    void fillPalette();
    void refreshPalette();
    void showSelected();
    void focusSection(PolicySection section);

    const PolicyTextModel *m_model = nullptr;
    std::array<QListWidget *, PolicySectionCount> m_lists {};
    QLabel *m_note;
    QToolButton *m_add;
    QMenu *m_palette;
    PolicyStepEditor *m_editor;
    PolicySection m_section = PolicySection::Inbound;
    bool m_filling = false;
};

} // namespace sluice
