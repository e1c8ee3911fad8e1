#pragma once

#include "gateway/CompileContext.h"

namespace sluice {

// Shared with return-response, whose <set-status> child is the same policy.
std::unique_ptr<PolicyStep> compileSetStatus(const PolicyElement &element, CompileContext &ctx);

} // namespace sluice
