// return-response: ends the pipeline at once with a response built from its
// children (set-status, set-header, set-body), or from a response variable.
#include "gateway/PolicyCompiler.h"
#include "gateway/RequestContext.h"

#include <QCoreApplication>

namespace sluice {

namespace {

class ReturnResponseStep final : public PolicyStep
{
public:
    ReturnResponseStep(const PolicyElement &e, StepList children)
        : PolicyStep(e.name, e.location)
        , m_children(std::move(children))
    {}

    StepResult run(RequestContext &ctx) const override
    {
        ctx.response = HttpResponse{};
        ctx.hasResponse = true;
        // The children are synchronous response mutators.
        for (const auto &child : m_children) {
            const StepResult r = child->run(ctx);
            if (r == StepResult::Fail)
                return r;
        }
        return StepResult::Return;
    }

private:
    StepList m_children;
};

} // namespace

void registerReturnResponsePolicy(PolicyCompiler &compiler)
{
    compiler.add(QStringLiteral("return-response"),
                 [](const PolicyElement &e, CompileContext &ctx) -> std::unique_ptr<PolicyStep> {
                     ctx.checkKnown(e, {u"response-variable-name"}, {u"set-status", u"set-header", u"set-body"});
                     if (const PolicyAttribute *v = e.attribute(u"response-variable-name")) {
                         ctx.error(v->location, QCoreApplication::translate(
                                                    "PolicyCompiler",
                                                    "response-variable-name is not supported yet"));
                         return nullptr;
                     }
                     // Children act on the response whatever section the policy is in.
                     CompileContext responseCtx(ctx.compiler(), ctx.workspace(), PolicySection::Outbound,
                                                ctx.diagnosticsSink());
                     StepList children = responseCtx.compileElements(e.children);
                     if (responseCtx.hasErrors())
                         return nullptr;
                     return std::make_unique<ReturnResponseStep>(e, std::move(children));
                 });
}

} // namespace sluice
