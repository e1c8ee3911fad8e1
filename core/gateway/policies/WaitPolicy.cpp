// wait: starts its send-request and cache-lookup-value children side by side and goes on when all
// of them (for="all", the default) or the first (for="any") have completed.
#include "gateway/ConcurrentStep.h"
#include "gateway/PolicyCompiler.h"
#include "gateway/RequestContext.h"

#include <QCoreApplication>

namespace sluice {

namespace {

class WaitStep final : public ConcurrentStep
{
public:
    WaitStep(const PolicyElement &e, StepList children, bool any)
        : ConcurrentStep(e.name, e.location)
        , m_children(std::move(children))
        , m_any(any)
    { }

    void start(RequestContext &ctx, std::function<void(StepResult)> done) const override
    {
        if (m_children.empty()) {
            done(StepResult::Continue);
            return;
        }
        struct State
        {
            size_t remaining = 0;
            bool finished = false;
            std::function<void(StepResult)> done;
        };
        auto state = std::make_shared<State>();
        state->remaining = m_children.size();
        state->done = std::move(done);
        const bool any = m_any;
        for (const auto &child : m_children) {
            if (state->finished)
                break; // a child failed at once
            static_cast<const ConcurrentStep &>(*child).start(ctx, [state, any](StepResult result) {
                --state->remaining;
                if (state->finished)
                    return; // for="any" went on already, or a sibling failed
                if (result == StepResult::Fail || any || state->remaining == 0) {
                    state->finished = true;
                    auto finish = std::move(state->done);
                    finish(result == StepResult::Fail ? result : StepResult::Continue);
                }
            });
        }
    }

private:
    StepList m_children;
    bool m_any;
};

} // namespace

void registerWaitPolicy(PolicyCompiler &compiler)
{
    compiler.add(
        QStringLiteral("wait"), [](const PolicyElement &e, CompileContext &ctx) -> std::unique_ptr<PolicyStep> {
            ctx.checkAttributes(e, {u"for"});
            const std::optional<QString> mode = ctx.literalAttribute(e, u"for", QStringLiteral("all"));
            bool ok = mode.has_value();
            if (mode && *mode != QLatin1String("all") && *mode != QLatin1String("any")) {
                ctx.error(e.attribute(u"for")->value.location,
                          QCoreApplication::translate("PolicyCompiler", "for must be all or any, not '%1'").arg(*mode));
                ok = false;
            }
            StepList children;
            for (const PolicyElement &c : e.children) {
                std::unique_ptr<PolicyStep> step = ctx.compiler().compile(c, ctx);
                if (!step) {
                    ok = false;
                    continue;
                }
                if (!dynamic_cast<const ConcurrentStep *>(step.get())) {
                    ctx.error(c.location,
                              QCoreApplication::translate("PolicyCompiler",
                                                          "'%1' inside 'wait' is not supported by this gateway "
                                                          "(send-request, cache-lookup-value and wait are)")
                                  .arg(c.name));
                    ok = false;
                    continue;
                }
                children.push_back(std::move(step));
            }
            if (!ok)
                return nullptr;
            return std::make_unique<WaitStep>(e, std::move(children), *mode == QLatin1String("any"));
        });
}

} // namespace sluice
