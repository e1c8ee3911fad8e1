#include "ExistsAction.h"

#include <QCoreApplication>

namespace sluice {

std::optional<ExistsAction> parseExistsAction(const PolicyElement &element, CompileContext &ctx)
{
    const auto text = ctx.literalAttribute(element, u"exists-action", QStringLiteral("override"));
    if (!text)
        return std::nullopt;
    const QString t = text->trimmed().toLower();
    if (t == QLatin1String("override"))
        return ExistsAction::Override;
    if (t == QLatin1String("skip"))
        return ExistsAction::Skip;
    if (t == QLatin1String("append"))
        return ExistsAction::Append;
    if (t == QLatin1String("delete"))
        return ExistsAction::Delete;
    ctx.error(element.attribute(u"exists-action")->value.location,
              QCoreApplication::translate("PolicyCompiler",
                                          "exists-action must be override, skip, append or delete, not '%1'")
                  .arg(*text));
    return std::nullopt;
}

std::optional<std::vector<CompiledValue>> compileValueChildren(const PolicyElement &element, CompileContext &ctx,
                                                               ExistsAction action)
{
    std::vector<CompiledValue> values;
    bool ok = true;
    for (const PolicyElement *v : element.childrenNamed(u"value")) {
        ctx.checkKnown(*v, {});
        auto compiled = ctx.value(v->text);
        if (!compiled)
            ok = false;
        else
            values.push_back(std::move(*compiled));
    }
    if (!ok)
        return std::nullopt;
    if (values.empty() && action != ExistsAction::Delete) {
        ctx.error(element.location, QCoreApplication::translate("PolicyCompiler", "'%1' needs at least one <value>")
                                        .arg(element.name));
        return std::nullopt;
    }
    return values;
}

bool isValidHeaderName(const QString &name)
{
    if (name.isEmpty())
        return false;
    for (QChar c : name) {
        const ushort u = c.unicode();
        const bool tchar = (u >= 'a' && u <= 'z') || (u >= 'A' && u <= 'Z') || (u >= '0' && u <= '9')
                           || QStringView(u"!#$%&'*+-.^_`|~").contains(c);
        if (!tchar)
            return false;
    }
    return true;
}

} // namespace sluice
