#pragma once

#include "PolicyStep.h"

#include <functional>

namespace sluice {

// A step that can run side by side with others of its kind (the children of
// `wait`): start() begins the work and calls `done` exactly once, on the
// request's thread, possibly before it returns. run() is start() completing
// through RequestContext::resume().
class ConcurrentStep : public PolicyStep
{
public:
    using PolicyStep::PolicyStep;

    virtual void start(RequestContext &ctx, std::function<void(StepResult)> done) const = 0;

    StepResult run(RequestContext &ctx) const override;
};

} // namespace sluice
