#pragma once

#include "PolicyTree.h"

#include <QCoreApplication>
#include <QHash>
#include <QMap>
#include <QString>

#include <optional>

namespace sluice {

// Replaces every `<include-fragment fragment-id="x" />` (at any depth, in
// fragments too) with the elements of WORKSPACE/fragments/x.xml, a document
// with a `<fragment>` root, as APIM merges fragments when a policy is saved.
// Each fragment file is read, and its named values substituted, once. The
// included elements keep their own file:line:col, so later errors point into
// the fragment. A missing fragment, a cycle or `<base />` in a fragment is an
// error at its position.
class FragmentIncluder
{
    Q_DECLARE_TR_FUNCTIONS(FragmentIncluder)

public:
    FragmentIncluder(QString fragmentsDir, const QMap<QString, QString> &namedValues);

    Diagnostics expand(PolicyDocument &document);

    static constexpr int MaxDepth = 16;

private:
    void expandElements(std::vector<PolicyElement> &elements, Diagnostics &diagnostics, QStringList &stack);
    const std::vector<PolicyElement> *fragment(const QString &id, Diagnostics &diagnostics);

    QString m_dir;
    const QMap<QString, QString> &m_namedValues;
    QHash<QString, std::optional<std::vector<PolicyElement>>> m_fragments; // nullopt: unreadable
};

} // namespace sluice
