#include "PolicyValidator.h"

#include "PolicyCatalog.h"

namespace sluice {

namespace {

class Walker
{
    Q_DECLARE_TR_FUNCTIONS(PolicyValidator)

public:
    explicit Walker(const PolicyValidator::ImplementedPredicate &isImplemented)
        : m_isImplemented(isImplemented)
    {
    }

    Diagnostics diagnostics;

    void section(PolicySection s, const std::vector<PolicyElement> &elements)
    {
        const PolicyElement *firstBase = nullptr;
        for (const PolicyElement &e : elements) {
            if (e.name == QLatin1String("base")) {
                if (firstBase) {
                    error(e, tr("'base' appears more than once in section '%1'").arg(policySectionName(s)));
                    continue;
                }
                firstBase = &e;
            }
            policy(e, s, false, true);
        }
    }

    void fragment(const std::vector<PolicyElement> &elements)
    {
        for (const PolicyElement &e : elements)
            policy(e, PolicySection::Inbound, true, true);
    }

private:
    void error(const PolicyElement &e, const QString &message)
    {
        diagnostics.append(Diagnostic::error(e.location, message));
    }

    void policies(const std::vector<PolicyElement> &elements, PolicySection s, bool inFragment)
    {
        for (const PolicyElement &e : elements)
            policy(e, s, inFragment, false);
    }

    // `topLevel`: directly inside a section or fragment.
    void policy(const PolicyElement &e, PolicySection s, bool inFragment, bool topLevel)
    {
        const PolicyInfo *info = PolicyCatalog::find(e.name);
        if (!info) {
            error(e, tr("unknown policy element '%1'").arg(e.name));
            return;
        }
        if (e.name == QLatin1String("base")) {
            if (inFragment)
                error(e, tr("'base' is not allowed in a fragment"));
            else if (!topLevel)
                error(e, tr("'base' is only allowed directly inside a section"));
            return;
        }
        if (inFragment && !info->allowedInFragment) {
            error(e, tr("'%1' is not allowed in a fragment").arg(e.name));
        } else if (!inFragment && !info->allowedIn(s)) {
            error(e, tr("'%1' is not allowed in section '%2'").arg(e.name, policySectionName(s)));
        } else if (m_isImplemented && !m_isImplemented(e.name)) {
            error(e, tr("policy '%1' is not implemented by this gateway").arg(e.name));
        }
        switch (info->children) {
        case PolicyInfo::Children::Configuration:
            break;
        case PolicyInfo::Children::Policies:
            policies(e.children, s, inFragment);
            break;
        case PolicyInfo::Children::Choose:
            choose(e, s, inFragment);
            break;
        }
    }

    void choose(const PolicyElement &e, PolicySection s, bool inFragment)
    {
        bool sawWhen = false;
        const PolicyElement *otherwise = nullptr;
        for (const PolicyElement &c : e.children) {
            if (c.name == QLatin1String("when")) {
                if (otherwise)
                    error(c, tr("'when' must come before 'otherwise' in 'choose'"));
                if (!c.attribute(u"condition"))
                    error(c, tr("'when' needs a 'condition' attribute"));
                sawWhen = true;
            } else if (c.name == QLatin1String("otherwise")) {
                if (otherwise) {
                    error(c, tr("'otherwise' appears more than once in 'choose'"));
                }
                otherwise = &c;
            } else {
                error(c, tr("unexpected element '%1' in 'choose'; expected 'when' or 'otherwise'").arg(c.name));
                continue;
            }
            policies(c.children, s, inFragment);
        }
        if (!sawWhen)
            error(e, tr("'choose' needs at least one 'when'"));
    }

    const PolicyValidator::ImplementedPredicate &m_isImplemented;
};

} // namespace

Diagnostics PolicyValidator::validate(const PolicyDocument &document, const ImplementedPredicate &isImplemented)
{
    Walker walker(isImplemented);
    if (document.isFragment) {
        walker.fragment(document.fragment);
    } else {
        for (int i = 0; i < PolicySectionCount; ++i) {
            const auto s = static_cast<PolicySection>(i);
            walker.section(s, document.section(s).elements);
        }
    }
    return walker.diagnostics;
}

} // namespace sluice
