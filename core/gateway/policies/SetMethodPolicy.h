#pragma once

#include "gateway/CompileContext.h"

namespace sluice {

// A <set-method> element's method (upper-case literal, or an expression);
// shared with send-request, where APIM allows no expression (`literalOnly`).
std::optional<CompiledValue> compileMethodElement(const PolicyElement &e, CompileContext &ctx, bool literalOnly);

} // namespace sluice
