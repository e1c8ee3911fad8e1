#include "PolicyTree.h"

namespace sluice {

const PolicyAttribute *PolicyElement::attribute(QStringView attributeName) const
{
    for (const PolicyAttribute &a : attributes) {
        if (a.name == attributeName)
            return &a;
    }
    return nullptr;
}

QString PolicyElement::attributeText(QStringView attributeName, const QString &fallback) const
{
    const PolicyAttribute *a = attribute(attributeName);
    return a ? a->value.text : fallback;
}

const PolicyElement *PolicyElement::child(QStringView childName) const
{
    for (const PolicyElement &c : children) {
        if (c.name == childName)
            return &c;
    }
    return nullptr;
}

std::vector<const PolicyElement *> PolicyElement::childrenNamed(QStringView childName) const
{
    std::vector<const PolicyElement *> result;
    for (const PolicyElement &c : children) {
        if (c.name == childName)
            result.push_back(&c);
    }
    return result;
}

QString policySectionName(PolicySection section)
{
    switch (section) {
    case PolicySection::Inbound: return QStringLiteral("inbound");
    case PolicySection::Backend: return QStringLiteral("backend");
    case PolicySection::Outbound: return QStringLiteral("outbound");
    case PolicySection::OnError: return QStringLiteral("on-error");
    }
    return {};
}

} // namespace sluice
