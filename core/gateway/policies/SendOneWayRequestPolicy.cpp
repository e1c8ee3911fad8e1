// send-one-way-request: sends a request and goes on at once, without waiting
// for (or looking at) the response.
#include "gateway/GatewayRuntime.h"
#include "gateway/PolicyCompiler.h"
#include "gateway/RequestContext.h"
#include "gateway/policies/OutgoingRequest.h"
#include "http/UpstreamClient.h"

#include <algorithm>

namespace sluice {

namespace {

class SendOneWayRequestStep final : public PolicyStep
{
public:
    SendOneWayRequestStep(const PolicyElement &e, OutgoingRequest request, CompiledValue timeoutSeconds)
        : PolicyStep(e.name, e.location)
        , m_request(std::move(request))
        , m_timeoutSeconds(std::move(timeoutSeconds))
    { }

    StepResult run(RequestContext &ctx) const override
    {
        const std::optional<qint64> timeout = m_timeoutSeconds.evaluateInteger(ctx, u"timeout");
        if (!timeout)
            return StepResult::Fail;
        std::optional<UpstreamRequest> request = m_request.build(ctx, name());
        if (!request)
            return StepResult::Fail;
        request->timeoutMs = int(std::clamp<qint64>(*timeout, 1, 240 * 60) * 1000);
        // The runtime outlives the call; nothing of the request is kept.
        ctx.runtime().upstream().send(std::move(*request), &ctx.runtime(), [](UpstreamResult) {});
        return StepResult::Continue;
    }

private:
    OutgoingRequest m_request;
    CompiledValue m_timeoutSeconds;
};

} // namespace

void registerSendOneWayRequestPolicy(PolicyCompiler &compiler)
{
    compiler.add(QStringLiteral("send-one-way-request"),
                 [](const PolicyElement &e, CompileContext &ctx) -> std::unique_ptr<PolicyStep> {
                     ctx.checkAttributes(e, {u"mode", u"timeout"});
                     auto timeout = ctx.integerValueAttribute(e, u"timeout", 60, 1, 240 * 60);
                     std::optional<OutgoingRequest> request = OutgoingRequest::compile(e, ctx);
                     if (!timeout || !request)
                         return nullptr;
                     return std::make_unique<SendOneWayRequestStep>(e, std::move(*request), std::move(*timeout));
                 });
}

} // namespace sluice
