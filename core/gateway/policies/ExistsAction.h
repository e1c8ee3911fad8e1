#pragma once

#include "gateway/CompileContext.h"

#include <optional>
#include <vector>

namespace sluice {

// The exists-action attribute shared by set-header and set-query-parameter.
enum class ExistsAction { Override, Skip, Append, Delete };

std::optional<ExistsAction> parseExistsAction(const PolicyElement &element, CompileContext &ctx);

// The <value> children; at least one unless the action is delete.
std::optional<std::vector<CompiledValue>> compileValueChildren(const PolicyElement &element, CompileContext &ctx,
                                                               ExistsAction action);

// RFC 9110 token.
bool isValidHeaderName(const QString &name);

} // namespace sluice
