#pragma once

#include "common/Diagnostic.h"

#include <memory>
#include <vector>

namespace sluice {

class RequestContext;

// What a step tells the pipeline (the nginx phase-handler model):
enum class StepResult {
    Continue,       // go on with the next step
    Return,         // the response in the context is final: skip everything else (return-response, mock-response, 401/429)
    SkipToOutbound, // the response is set; skip the rest of inbound and the backend, run outbound (a cache hit)
    Pending,        // the step resumes later through RequestContext::resume(); nothing else runs meanwhile
    Fail,           // RequestContext::lastError() says what failed; the pipeline jumps to on-error
};

// One compiled policy. Steps are immutable after load and shared by every
// gateway thread: all per-request state lives in the RequestContext.
class PolicyStep
{
public:
    PolicyStep(QString policyName, SourceLocation location)
        : m_name(std::move(policyName))
        , m_location(std::move(location))
    {}
    virtual ~PolicyStep() = default;
    PolicyStep(const PolicyStep &) = delete;
    PolicyStep &operator=(const PolicyStep &) = delete;

    // Runs the step. A step that returns Pending must later call
    // ctx.resume(result) exactly once, on the same thread.
    virtual StepResult run(RequestContext &ctx) const = 0;

    const QString &name() const { return m_name; }
    const SourceLocation &location() const { return m_location; }

private:
    QString m_name;
    SourceLocation m_location;
};

using StepList = std::vector<std::unique_ptr<PolicyStep>>;

} // namespace sluice
