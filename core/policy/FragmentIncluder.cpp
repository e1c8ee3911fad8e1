#include "FragmentIncluder.h"

#include "NamedValueSubstitution.h"
#include "PolicyParser.h"

#include <QDir>
#include <QFileInfo>
#include <QRegularExpression>

namespace sluice {

FragmentIncluder::FragmentIncluder(QString fragmentsDir, const QMap<QString, QString> &namedValues)
    : m_dir(std::move(fragmentsDir))
    , m_namedValues(namedValues)
{ }

Diagnostics FragmentIncluder::expand(PolicyDocument &document)
{
    Diagnostics diagnostics;
    QStringList stack;
    if (document.isFragment) {
        expandElements(document.fragment, diagnostics, stack);
    } else {
        for (PolicySectionBlock &section : document.sections)
            expandElements(section.elements, diagnostics, stack);
    }
    return diagnostics;
}

void FragmentIncluder::expandElements(std::vector<PolicyElement> &elements, Diagnostics &diagnostics,
                                      QStringList &stack)
{
    std::vector<PolicyElement> out;
    out.reserve(elements.size());
    for (PolicyElement &e : elements) {
        if (e.name != QLatin1String("include-fragment")) {
            expandElements(e.children, diagnostics, stack); // choose/when, retry, wait ...
            out.push_back(std::move(e));
            continue;
        }
        bool ok = true;
        for (const PolicyAttribute &a : e.attributes) {
            if (a.name != QLatin1String("fragment-id") && a.name != QLatin1String("id")) {
                diagnostics.append(
                    Diagnostic::error(a.location, tr("'include-fragment' has no attribute '%1'").arg(a.name)));
                ok = false;
            }
        }
        for (const PolicyElement &c : e.children) {
            diagnostics.append(
                Diagnostic::error(c.location, tr("'include-fragment' cannot contain '<%1>'").arg(c.name)));
            ok = false;
        }
        const PolicyAttribute *idAttribute = e.attribute(u"fragment-id");
        if (!idAttribute) {
            diagnostics.append(
                Diagnostic::error(e.location, tr("'include-fragment' requires the attribute 'fragment-id'")));
            continue;
        }
        const QString id = idAttribute->value.text.trimmed();
        static const QRegularExpression validId(QStringLiteral("^[A-Za-z0-9][A-Za-z0-9._-]*$"));
        if (idAttribute->value.isExpression || !validId.match(id).hasMatch()) {
            diagnostics.append(Diagnostic::error(idAttribute->value.location,
                                                 tr("'%1' is not a valid fragment id").arg(idAttribute->value.text)));
            continue;
        }
        if (!ok)
            continue;
        if (stack.contains(id) || stack.size() >= MaxDepth) {
            diagnostics.append(Diagnostic::error(e.location,
                                                 tr("fragment '%1' includes itself (%2)")
                                                     .arg(id, (stack + QStringList {id}).join(QStringLiteral(" > ")))));
            continue;
        }
        const std::vector<PolicyElement> *included = fragment(id, diagnostics);
        if (!included) {
            diagnostics.append(
                Diagnostic::error(e.location, tr("fragment '%1' not found (expected fragments/%1.xml)").arg(id)));
            continue;
        }
        std::vector<PolicyElement> copy = *included;
        stack.append(id);
        expandElements(copy, diagnostics, stack);
        stack.removeLast();
        for (PolicyElement &f : copy)
            out.push_back(std::move(f));
    }
    elements = std::move(out);
}

const std::vector<PolicyElement> *FragmentIncluder::fragment(const QString &id, Diagnostics &diagnostics)
{
    auto it = m_fragments.find(id);
    if (it == m_fragments.end()) {
        std::optional<std::vector<PolicyElement>> elements;
        const QString path = QDir(m_dir).filePath(id + QStringLiteral(".xml"));
        const QString label = QStringLiteral("fragments/") + id + QStringLiteral(".xml");
        if (QFileInfo::exists(path)) {
            PolicyDocumentResult result = PolicyParser::parseFile(path, label);
            diagnostics += result.diagnostics;
            if (result.document && !result.document->isFragment) {
                diagnostics.append(Diagnostic::error({label, 1, 1, {}}, tr("a fragment must have a <fragment> root")));
                elements = std::vector<PolicyElement>(); // reported: not "not found" as well
            } else if (result.document) {
                elements = std::move(result.document->fragment);
                diagnostics += NamedValueSubstitution::apply(*elements, m_namedValues);
                for (auto e = elements->begin(); e != elements->end();) {
                    if (e->name == QLatin1String("base")) {
                        diagnostics.append(Diagnostic::error(e->location, tr("'base' is not allowed in a fragment")));
                        e = elements->erase(e);
                    } else {
                        ++e;
                    }
                }
            } else {
                elements = std::vector<PolicyElement>(); // reported by the parser
            }
        }
        it = m_fragments.insert(id, std::move(elements));
    }
    return it->has_value() ? &**it : nullptr;
}

} // namespace sluice
