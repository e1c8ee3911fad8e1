#include "PolicyMerger.h"

namespace sluice {

namespace {

PolicyElement emptyElement(const QString &name, const QString &file)
{
    PolicyElement e;
    e.name = name;
    e.location.file = file;
    return e;
}

} // namespace

PolicyDocument PolicyMerger::defaultDocument(bool global)
{
    PolicyDocument document;
    document.file = global ? QStringLiteral("<default global policy>") : QStringLiteral("<default policy>");
    for (int i = 0; i < PolicySectionCount; ++i) {
        PolicySectionBlock &block = document.sections[static_cast<size_t>(i)];
        block.present = true;
        block.location.file = document.file;
        if (!global)
            block.elements.push_back(emptyElement(QStringLiteral("base"), document.file));
    }
    if (global) {
        document.section(PolicySection::Backend)
            .elements.push_back(emptyElement(QStringLiteral("forward-request"), document.file));
    }
    return document;
}

EffectivePolicy PolicyMerger::merge(const std::vector<const PolicyDocument *> &chain)
{
    static const PolicyDocument globalDefault = defaultDocument(true);
    static const PolicyDocument scopeDefault = defaultDocument(false);

    EffectivePolicy effective; // what <base/> stands for: nothing above the global scope
    for (size_t level = 0; level < chain.size(); ++level) {
        const PolicyDocument *document = chain[level];
        if (!document || document->isFragment)
            document = level == 0 ? &globalDefault : &scopeDefault;
        for (int i = 0; i < PolicySectionCount; ++i) {
            const auto s = static_cast<PolicySection>(i);
            const PolicySectionBlock &block = document->section(s);
            if (!block.present)
                continue; // as if <base/> alone: the parent's elements stay
            std::vector<PolicyElement> merged;
            merged.reserve(block.elements.size() + effective.section(s).size());
            for (const PolicyElement &e : block.elements) {
                if (e.name == QLatin1String("base")) {
                    const std::vector<PolicyElement> &parent = effective.section(s);
                    merged.insert(merged.end(), parent.begin(), parent.end());
                } else {
                    merged.push_back(e);
                }
            }
            effective.section(s) = std::move(merged);
        }
    }
    return effective;
}

} // namespace sluice
