#include "PipelineExecutor.h"

#include "RequestContext.h"

#include <QCoreApplication>

namespace sluice {

namespace {

// The section callbacks live in the context's executor frames and capture the
// context by plain pointer: they can only run while it is alive (it runs
// them), they fit std::function's local storage (no allocation), and a
// request nobody waits on any more is freed with its frames.
void finish(RequestContext *ctx)
{
    if (ctx->pipelineFinished)
        ctx->pipelineFinished(ctx->shared_from_this());
}

void runOnError(RequestContext *ctx)
{
    PipelineExecutor::setDefaultErrorResponse(*ctx);
    ctx->setCurrentSection(PolicySection::OnError);
    ctx->runSequence(ctx->pipeline->section(PolicySection::OnError), [ctx](StepResult result) {
        if (result == StepResult::Fail)
            PipelineExecutor::setDefaultErrorResponse(*ctx);
        finish(ctx);
    });
}

void runSection(RequestContext *ctx, PolicySection next)
{
    ctx->setCurrentSection(next);
    ctx->runSequence(ctx->pipeline->section(next), [ctx](StepResult result) {
        const PolicySection section = ctx->currentSection();
        switch (result) {
        case StepResult::Fail:
            runOnError(ctx);
            return;
        case StepResult::Return:
            finish(ctx);
            return;
        case StepResult::SkipToOutbound:
            if (section == PolicySection::Outbound)
                finish(ctx);
            else
                runSection(ctx, PolicySection::Outbound);
            return;
        case StepResult::Continue:
        case StepResult::Pending:
            break;
        }
        switch (section) {
        case PolicySection::Inbound:
            runSection(ctx, PolicySection::Backend);
            return;
        case PolicySection::Backend:
            runSection(ctx, PolicySection::Outbound);
            return;
        case PolicySection::Outbound:
        case PolicySection::OnError:
            finish(ctx);
            return;
        }
    });
}

} // namespace

void PipelineExecutor::run(const std::shared_ptr<RequestContext> &ctx, const CompiledPipeline &pipeline,
                           Finished finished)
{
    ctx->pipeline = &pipeline;
    ctx->pipelineFinished = std::move(finished);
    if (ctx->corsPreflight) {
        runPreflight(*ctx);
        return;
    }
    runSection(ctx.get(), PolicySection::Inbound);
}

// APIM evaluates only the cors policies (direct children of inbound) on a
// preflight; they answer synchronously. Without one the operation does not exist.
void PipelineExecutor::runPreflight(RequestContext &ctx)
{
    bool sawCors = false;
    for (const auto &step : ctx.pipeline->section(PolicySection::Inbound)) {
        if (step->name() != QLatin1String("cors"))
            continue;
        sawCors = true;
        const StepResult result = step->run(ctx);
        if (result == StepResult::Fail) {
            setDefaultErrorResponse(ctx);
            break;
        }
        if (result == StepResult::Return)
            break;
    }
    if (!ctx.hasResponse) {
        ctx.response = sawCors
            ? HttpResponse {}
            : HttpResponse::apimError(404, QCoreApplication::translate("Gateway", "Resource not found"));
        ctx.hasResponse = true;
    }
    finish(&ctx);
}

void PipelineExecutor::setDefaultErrorResponse(RequestContext &ctx)
{
    if (ctx.errorResponse()) {
        ctx.response = *ctx.errorResponse();
        ctx.hasResponse = true;
        return;
    }
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
