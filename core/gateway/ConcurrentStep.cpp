#include "ConcurrentStep.h"

#include "RequestContext.h"

namespace sluice {

StepResult ConcurrentStep::run(RequestContext &ctx) const
{
    // The pipeline's own completion holds the request weakly: a request that
    // nobody waits for any more is freed (the work's own callback keeps it
    // alive while the work runs).
    std::weak_ptr<RequestContext> weak = ctx.shared_from_this();
    start(ctx, [weak](StepResult result) {
        if (const std::shared_ptr<RequestContext> c = weak.lock())
            c->resume(result);
    });
    return StepResult::Pending;
}

} // namespace sluice
