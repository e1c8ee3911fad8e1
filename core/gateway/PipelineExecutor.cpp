#include "PipelineExecutor.h"

#include "RequestContext.h"

#include <QCoreApplication>

namespace sluice {

namespace {

// The run's callbacks live in the context's executor frames, so the run holds
// the context weakly: whoever waits on it (an upstream callback, a timer)
// holds it strongly, and a request nobody waits on any more is freed.
struct Run
{
    std::weak_ptr<RequestContext> ctx;
    const CompiledPipeline *pipeline = nullptr;
    PipelineExecutor::Finished finished;
    // The section running now. Kept here so that the section callbacks capture
    // only the shared_ptr, which std::function stores without allocating.
    PolicySection section = PolicySection::Inbound;

    void finish()
    {
        if (const auto c = ctx.lock())
            finished(c);
    }
};

void runSection(const std::shared_ptr<Run> &run, PolicySection section);

void runOnError(const std::shared_ptr<Run> &run)
{
    const auto ctx = run->ctx.lock();
    if (!ctx)
        return;
    PipelineExecutor::setDefaultErrorResponse(*ctx);
    ctx->setCurrentSection(PolicySection::OnError);
    ctx->runSequence(run->pipeline->section(PolicySection::OnError), [run](StepResult result) {
        if (result == StepResult::Fail) {
            if (const auto c = run->ctx.lock())
                PipelineExecutor::setDefaultErrorResponse(*c);
        }
        run->finish();
    });
}

void runSection(const std::shared_ptr<Run> &run, PolicySection next)
{
    const auto ctx = run->ctx.lock();
    if (!ctx)
        return;
    ctx->setCurrentSection(next);
    run->section = next;
    ctx->runSequence(run->pipeline->section(next), [run](StepResult result) {
        const PolicySection section = run->section;
        switch (result) {
        case StepResult::Fail:
            runOnError(run);
            return;
        case StepResult::Return:
            run->finish();
            return;
        case StepResult::SkipToOutbound:
            if (section == PolicySection::Outbound)
                run->finish();
            else
                runSection(run, PolicySection::Outbound);
            return;
        case StepResult::Continue:
        case StepResult::Pending:
            break;
        }
        switch (section) {
        case PolicySection::Inbound:
            runSection(run, PolicySection::Backend);
            return;
        case PolicySection::Backend:
            runSection(run, PolicySection::Outbound);
            return;
        case PolicySection::Outbound:
        case PolicySection::OnError:
            run->finish();
            return;
        }
    });
}

} // namespace

void PipelineExecutor::run(const std::shared_ptr<RequestContext> &ctx, const CompiledPipeline &pipeline,
                           Finished finished)
{
    auto r = std::make_shared<Run>(Run{ctx, &pipeline, std::move(finished), PolicySection::Inbound});
    runSection(r, PolicySection::Inbound);
}

void PipelineExecutor::setDefaultErrorResponse(RequestContext &ctx)
{
    const int status = ctx.lastError.status >= 400 ? ctx.lastError.status : 500;
    QString message;
    switch (status) {
    case 502:
        message = QCoreApplication::translate("Gateway", "Bad gateway: the backend could not be reached");
        break;
    case 504:
        message = QCoreApplication::translate("Gateway", "Gateway timeout: the backend did not answer in time");
        break;
    default:
        message = QCoreApplication::translate("Gateway", "Internal server error");
        break;
    }
    ctx.response = HttpResponse::apimError(status, message, ctx.requestId());
    ctx.hasResponse = true;
}

} // namespace sluice
