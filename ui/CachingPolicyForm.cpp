#include "CachingPolicyForm.h"

namespace sluice {

namespace {

using Type = PolicyAttributeSpec::Type;

PolicyAttributeSpec boolean(const char *name, const char *fallback, bool required = false)
{
    return {QString::fromLatin1(name), Type::Bool, {}, QString::fromLatin1(fallback), required, true};
}

PolicyAttributeSpec cachingType()
{
    return {QStringLiteral("caching-type"),
            Type::Choice,
            {QStringLiteral("prefer-external"), QStringLiteral("external"), QStringLiteral("internal")},
            QStringLiteral("prefer-external"),
            false,
            false};
}

PolicyAttributeSpec text(const char *name, bool required, bool expressions = true)
{
    return {QString::fromLatin1(name), Type::Text, {}, {}, required, expressions};
}

PolicyAttributeSpec duration()
{
    return {QStringLiteral("duration"), Type::Integer, {}, {}, true, true};
}

std::vector<CachingPolicyForm> makeForms()
{
    return {
        {QStringLiteral("cache-lookup"),
         {boolean("vary-by-developer", "", true),
          boolean("vary-by-developer-groups", "", true),
          cachingType(),
          {QStringLiteral("downstream-caching-type"),
           Type::Choice,
           {QStringLiteral("none"), QStringLiteral("private"), QStringLiteral("public")},
           QStringLiteral("none"),
           false,
           true},
          boolean("must-revalidate", "true"),
          boolean("allow-private-response-caching", "false")},
         {QStringLiteral("vary-by-header"), QStringLiteral("vary-by-query-parameter")}},
        {QStringLiteral("cache-store"), {duration(), boolean("cache-response", "false")}, {}},
        {QStringLiteral("cache-lookup-value"),
         {text("key", true), text("variable-name", true, false), text("default-value", false), cachingType()},
         {}},
        {QStringLiteral("cache-store-value"), {text("key", true), text("value", true), duration(), cachingType()}, {}},
        {QStringLiteral("cache-remove-value"), {text("key", true), cachingType()}, {}},
    };
}

} // namespace

const std::vector<CachingPolicyForm> &CachingPolicyForm::all()
{
    static const std::vector<CachingPolicyForm> forms = makeForms();
    return forms;
}

const CachingPolicyForm *CachingPolicyForm::find(const QString &policy)
{
    for (const CachingPolicyForm &form : all()) {
        if (form.policy == policy)
            return &form;
    }
    return nullptr;
}

QString CachingPolicyForm::newElementText(const QString &policy)
{
    QString attributes;
    if (const CachingPolicyForm *form = find(policy)) {
        for (const PolicyAttributeSpec &a : form->attributes) {
            if (!a.required)
                continue;
            const QString value = a.type == Type::Bool ? QStringLiteral("false")
                : a.type == Type::Integer              ? QStringLiteral("60")
                                                       : QString();
            attributes += QStringLiteral(" %1=\"%2\"").arg(a.name, value);
        }
    }
    return QStringLiteral("<%1%2 />").arg(policy, attributes);
}

} // namespace sluice
