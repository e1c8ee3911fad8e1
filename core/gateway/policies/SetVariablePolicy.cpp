// set-variable: context.Variables[name] = value, typed as the expression's
// value (a literal is a string).
#include "gateway/PolicyCompiler.h"
#include "gateway/RequestContext.h"
#include "gateway/RequestTrace.h"

#include <QCoreApplication>

namespace sluice {

namespace {

class SetVariableStep final : public PolicyStep
{
public:
    SetVariableStep(const PolicyElement &e, QString variableName, CompiledValue value)
        : PolicyStep(e.name, e.location)
        , m_variableName(std::move(variableName))
        , m_value(std::move(value))
    { }

    StepResult run(RequestContext &ctx) const override
    {
        std::optional<Value> value = m_value.evaluateValue(ctx);
        if (!value)
            return StepResult::Fail;
        if (ctx.trace)
            ctx.trace->variable(m_variableName, value->toString());
        ctx.variables.insert(m_variableName, std::move(*value));
        return StepResult::Continue;
    }

private:
    QString m_variableName;
    CompiledValue m_value;
};

} // namespace

void registerSetVariablePolicy(PolicyCompiler &compiler)
{
    compiler.add(QStringLiteral("set-variable"),
                 [](const PolicyElement &e, CompileContext &ctx) -> std::unique_ptr<PolicyStep> {
                     ctx.checkKnown(e, {u"name", u"value"});
                     std::optional<QString> variableName;
                     if (!e.attribute(u"name"))
                         ctx.requiredAttribute(e, u"name"); // reports it
                     else
                         variableName = ctx.literalAttribute(e, u"name");
                     if (variableName && variableName->trimmed().isEmpty()) {
                         ctx.error(e.attribute(u"name")->value.location,
                                   QCoreApplication::translate("PolicyCompiler", "attribute '%1' must not be empty")
                                       .arg(QStringLiteral("name")));
                         variableName.reset();
                     }
                     auto value = ctx.requiredAttribute(e, u"value");
                     if (!variableName || !value)
                         return nullptr;
                     return std::make_unique<SetVariableStep>(e, *variableName, std::move(*value));
                 });
}

} // namespace sluice
