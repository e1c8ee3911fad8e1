#pragma once

#include "Router.h"

#include <functional>
#include <memory>

namespace sluice {

class RequestContext;

// Runs the sections of a compiled pipeline for one request, following APIM:
//   inbound  -> backend -> outbound -> done
//   a step answering with Return (return-response, mock-response) ends the
//     pipeline at once: no backend, no outbound;
//   SkipToOutbound (a cache hit) skips the backend and runs outbound;
//   a failure anywhere jumps to on-error, whose response is final; a failure
//     inside on-error gives the default error response.
class PipelineExecutor
{
public:
    using Finished = std::function<void(const std::shared_ptr<RequestContext> &)>;

    // `finished` is called once with ctx.response final, unless the request is
    // abandoned first (nobody holds the context any more).
    static void run(const std::shared_ptr<RequestContext> &ctx, const CompiledPipeline &pipeline, Finished finished);

    // A CORS preflight: only the inbound cors policies run.
    static void runPreflight(RequestContext &ctx);

    // The APIM-shaped response for ctx.lastError (status from lastError.status).
    static void setDefaultErrorResponse(RequestContext &ctx);
};

} // namespace sluice
