// find-and-replace: every occurrence of `from` in the body of the request
// (inbound, backend) or the response (outbound, on-error) becomes `to`.
#include "gateway/PolicyCompiler.h"
#include "gateway/RequestContext.h"

#include <QCoreApplication>

namespace sluice {

namespace {

class FindAndReplaceStep final : public PolicyStep
{
public:
    FindAndReplaceStep(const PolicyElement &e, CompiledValue from, CompiledValue to, bool onResponse)
        : PolicyStep(e.name, e.location)
        , m_from(std::move(from))
        , m_to(std::move(to))
        , m_onResponse(onResponse)
    { }

    StepResult run(RequestContext &ctx) const override
    {
        const std::optional<QString> from = m_from.evaluate(ctx);
        if (!from)
            return StepResult::Fail;
        const std::optional<QString> to = m_to.evaluate(ctx);
        if (!to)
            return StepResult::Fail;
        if (from->isEmpty())
            return StepResult::Continue; // nothing to find
        QByteArray &body = m_onResponse ? ctx.response.body : ctx.requestBody;
        body.replace(from->toUtf8(), to->toUtf8());
        return StepResult::Continue;
    }

private:
    CompiledValue m_from;
    CompiledValue m_to;
    bool m_onResponse;
};

} // namespace

void registerFindAndReplacePolicy(PolicyCompiler &compiler)
{
    compiler.add(QStringLiteral("find-and-replace"),
                 [](const PolicyElement &e, CompileContext &ctx) -> std::unique_ptr<PolicyStep> {
                     ctx.checkKnown(e, {u"from", u"to"});
                     auto from = ctx.requiredAttribute(e, u"from");
                     auto to = ctx.requiredAttribute(e, u"to");
                     if (!from || !to)
                         return nullptr;
                     if (from->isConstant() && from->literal().isEmpty()) {
                         ctx.error(e.attribute(u"from")->value.location,
                                   QCoreApplication::translate("PolicyCompiler", "attribute '%1' must not be empty")
                                       .arg(QStringLiteral("from")));
                         return nullptr;
                     }
                     return std::make_unique<FindAndReplaceStep>(e, std::move(*from), std::move(*to),
                                                                 ctx.actsOnResponse());
                 });
}

} // namespace sluice
