#pragma once

#include "gateway/CompileContext.h"
#include "gateway/policies/ExistsAction.h"
#include "http/UpstreamClient.h"

#include <optional>
#include <vector>

namespace sluice {

class RequestContext;

// The request a send-request or send-one-way-request policy sends: mode
// (new / copy), set-url, set-method, set-header and set-body children,
// compiled at load and built per request.
class OutgoingRequest
{
public:
    // Compiles the children and `mode`; reports problems and returns nullopt.
    static std::optional<OutgoingRequest> compile(const PolicyElement &e, CompileContext &ctx);

    // The request to send, or nullopt after an expression failed (ctx.lastError says why).
    std::optional<UpstreamRequest> build(RequestContext &ctx, const QString &policyName) const;

private:
    struct Header
    {
        CompiledValue name;
        ExistsAction action = ExistsAction::Override;
        std::vector<CompiledValue> values;
    };

    CompiledValue m_mode;
    std::optional<CompiledValue> m_url;
    std::optional<CompiledValue> m_method;
    std::vector<Header> m_headers;
    std::optional<CompiledValue> m_body;
    bool m_inOutbound = false;
};

} // namespace sluice
