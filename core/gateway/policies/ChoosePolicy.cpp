// choose: the first <when> whose condition holds runs its policies, else
// <otherwise>; branches nest and may hold any policy of the section.
#include "expr/CompiledExpression.h"
#include "gateway/PolicyCompiler.h"
#include "gateway/RequestContext.h"

#include <QCoreApplication>

namespace sluice {

namespace {

class ChooseStep final : public PolicyStep
{
public:
    struct Branch
    {
        std::optional<CompiledValue> condition; // none: <otherwise>
        StepList steps;
    };

    ChooseStep(const PolicyElement &e, std::vector<Branch> branches)
        : PolicyStep(e.name, e.location)
        , m_branches(std::move(branches))
    { }

    StepResult run(RequestContext &ctx) const override
    {
        for (const Branch &branch : m_branches) {
            if (branch.condition) {
                const std::optional<bool> holds = branch.condition->evaluateBool(ctx, u"condition");
                if (!holds)
                    return StepResult::Fail;
                if (!*holds)
                    continue;
            }
            if (branch.steps.empty())
                return StepResult::Continue;
            // The branch runs as a nested sequence; its end completes this step.
            RequestContext *c = &ctx;
            ctx.runSequence(branch.steps, [c](StepResult result) { c->resume(result); });
            return StepResult::Pending;
        }
        return StepResult::Continue;
    }

private:
    std::vector<Branch> m_branches;
};

} // namespace

void registerChoosePolicy(PolicyCompiler &compiler)
{
    compiler.add(QStringLiteral("choose"),
                 [](const PolicyElement &e, CompileContext &ctx) -> std::unique_ptr<PolicyStep> {
                     ctx.checkKnown(e, {}, {u"when", u"otherwise"});
                     std::vector<ChooseStep::Branch> branches;
                     bool ok = true;
                     for (const PolicyElement &c : e.children) {
                         ChooseStep::Branch branch;
                         if (c.name == QLatin1String("when")) {
                             ctx.checkAttributes(c, {u"condition"});
                             if (!c.attribute(u"condition")) {
                                 ctx.error(c.location,
                                           QCoreApplication::translate("PolicyCompiler",
                                                                       "'when' requires the attribute 'condition'"));
                                 ok = false;
                                 continue;
                             }
                             branch.condition = ctx.boolValueAttribute(c, u"condition", false);
                             if (!branch.condition) {
                                 ok = false;
                                 continue;
                             }
                             const PolicyAttribute *a = c.attribute(u"condition");
                             if (branch.condition->expression() && !branch.condition->expression()->resultIsBool()) {
                                 ctx.error(a->value.location,
                                           QCoreApplication::translate("PolicyCompiler",
                                                                       "the condition must be a bool expression"));
                                 ok = false;
                                 continue;
                             }
                         } else if (c.name == QLatin1String("otherwise")) {
                             ctx.checkAttributes(c, {});
                         } else {
                             continue; // reported by checkKnown above
                         }
                         const int before = ctx.errorCount();
                         branch.steps = ctx.compileElements(c.children);
                         if (ctx.errorCount() != before)
                             ok = false;
                         branches.push_back(std::move(branch));
                     }
                     if (!ok)
                         return nullptr;
                     return std::make_unique<ChooseStep>(e, std::move(branches));
                 });
}

} // namespace sluice
