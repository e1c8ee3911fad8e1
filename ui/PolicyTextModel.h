#pragma once

#include "common/Diagnostic.h"
#include "policy/PolicyOutline.h"
#include "policy/PolicyTree.h"

#include <QCoreApplication>
#include <QString>
#include <QStringList>

#include <optional>

namespace sluice {

// One policy file as the Policies page edits it: the text, what the core's
// parser and validator say about it, and its sections as ordered lists of
// steps, each step knowing the exact span of its element in the text.
//
// An edit never changes the model: it returns the whole new text, in which
// only the edited element (or the edited section's layout around a moved,
// added or removed step) differs; every other character (comments, white
// space, attribute order, elements the form does not know) stays as it was.
// The page stores that text through an undo command and reads it back.
class PolicyTextModel
{
    Q_DECLARE_TR_FUNCTIONS(PolicyTextModel)

public:
    // `text` empty: the scope has no policy file; the model shows the
    // document such a scope behaves as, and the first edit creates the file.
    PolicyTextModel(const QString &text, const QString &fileLabel, bool globalScope);

    const QString &text() const { return m_text; }
    bool isNew() const { return m_new; }
    // The text parsed and every section's steps are known: the form may edit.
    bool isEditable() const { return m_editable; }
    const Diagnostics &diagnostics() const { return m_diagnostics; }
    const std::optional<PolicyDocument> &document() const { return m_document; }

    int stepCount(PolicySection section) const;
    const PolicyElement &step(PolicySection section, int index) const;
    const PolicyElementSpan &stepSpan(PolicySection section, int index) const;
    QString stepText(PolicySection section, int index) const;
    // The step's policy name, empty when there is no such step.
    QString stepName(PolicySection section, int index) const;

    // An attribute set to `value` (a literal is escaped, an expression `@(...)`
    // written as it is); an empty value removes the attribute.
    std::optional<QString> withAttribute(PolicySection section, int index, const QString &name,
                                         const QString &value) const;
    // The step's child elements named `childName` (vary-by-header ...) holding `texts`, in order.
    std::optional<QString> withChildTexts(PolicySection section, int index, const QString &childName,
                                          const QStringList &texts) const;
    std::optional<QString> withStepInserted(PolicySection section, int index, const QString &elementText) const;
    std::optional<QString> withStepRemoved(PolicySection section, int index) const;
    std::optional<QString> withStepMoved(PolicySection section, int from, int to) const;

    // The text of a new policy file: the default document of a scope.
    static QString defaultText(bool globalScope);
    // `value` as attribute text inside `quote`s: expressions stay raw.
    static QString attributeText(const QString &value, QChar quote);

private:
    const PolicyElementSpan *sectionSpan(PolicySection section) const;
    bool validStep(PolicySection section, int index) const;
    QString newline() const;
    QString indentUnit() const;
    // The white space before `index` on its line; empty when other text precedes it.
    QString indentOf(qsizetype index) const;
    bool startsLine(qsizetype index) const;

    QString m_text;
    QString m_file;
    bool m_global = false;
    bool m_new = false;
    bool m_editable = false;
    Diagnostics m_diagnostics;
    std::optional<PolicyDocument> m_document;
    PolicyOutline m_outline;
};

} // namespace sluice
