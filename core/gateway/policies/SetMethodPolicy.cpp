// set-method: the method of the request that goes to the backend.
#include "gateway/policies/SetMethodPolicy.h"
#include "gateway/PolicyCompiler.h"
#include "gateway/RequestContext.h"
#include "gateway/policies/ExistsAction.h"

#include <QCoreApplication>

namespace sluice {

namespace {

QString invalidMethodMessage(const QString &method)
{
    return QCoreApplication::translate("PolicyCompiler", "'%1' is not a valid HTTP method").arg(method);
}

class SetMethodStep final : public PolicyStep
{
public:
    SetMethodStep(const PolicyElement &e, CompiledValue method)
        : PolicyStep(e.name, e.location)
        , m_method(std::move(method))
    { }

    StepResult run(RequestContext &ctx) const override
    {
        const std::optional<QString> method = m_method.evaluate(ctx);
        if (!method)
            return StepResult::Fail;
        const QString trimmed = method->trimmed();
        if (!isValidHeaderName(trimmed)) {
            return ctx.fail({name(),
                             QStringLiteral("ExpressionValueEvaluationFailure"),
                             invalidMethodMessage(trimmed),
                             {},
                             {},
                             {},
                             500});
        }
        ctx.method = trimmed.toUpper().toLatin1();
        return StepResult::Continue;
    }

private:
    CompiledValue m_method;
};

} // namespace

std::optional<CompiledValue> compileMethodElement(const PolicyElement &e, CompileContext &ctx, bool literalOnly)
{
    ctx.checkKnown(e, {});
    if (e.text.isExpression && literalOnly) {
        ctx.error(
            e.text.location,
            QCoreApplication::translate("PolicyCompiler", "'%1' does not accept policy expressions here").arg(e.name));
        return std::nullopt;
    }
    if (!e.text.isExpression && !isValidHeaderName(e.text.text.trimmed())) {
        ctx.error(e.text.isEmpty() ? e.location : e.text.location, invalidMethodMessage(e.text.text.trimmed()));
        return std::nullopt;
    }
    if (!e.text.isExpression)
        return CompiledValue(e.text.text.trimmed().toUpper());
    return ctx.value(e.text);
}

void registerSetMethodPolicy(PolicyCompiler &compiler)
{
    compiler.add(QStringLiteral("set-method"),
                 [](const PolicyElement &e, CompileContext &ctx) -> std::unique_ptr<PolicyStep> {
                     auto method = compileMethodElement(e, ctx, false);
                     if (!method)
                         return nullptr;
                     return std::make_unique<SetMethodStep>(e, std::move(*method));
                 });
}

} // namespace sluice
