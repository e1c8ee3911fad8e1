// send-request: sends a request of its own (asynchronously, through the
// thread's pooled upstream client) and keeps the response in a variable as an
// IResponse: ((IResponse)context.Variables["r"]).Body.As<string>().
#include "expr/ContextObjects.h"
#include "gateway/ConcurrentStep.h"
#include "gateway/GatewayRuntime.h"
#include "gateway/HopByHop.h"
#include "gateway/PolicyCompiler.h"
#include "gateway/RequestContext.h"
#include "gateway/policies/OutgoingRequest.h"
#include "http/UpstreamClient.h"

#include <QCoreApplication>

#include <algorithm>

namespace sluice {

namespace {

class SendRequestStep final : public ConcurrentStep
{
public:
    struct Settings
    {
        OutgoingRequest request;
        CompiledValue variableName;
        CompiledValue timeoutSeconds;
        bool ignoreError = false;
    };

    SendRequestStep(const PolicyElement &e, Settings settings)
        : ConcurrentStep(e.name, e.location)
        , m_s(std::move(settings))
    { }

    void start(RequestContext &ctx, std::function<void(StepResult)> done) const override
    {
        const std::optional<QString> variable = m_s.variableName.evaluate(ctx);
        if (!variable) {
            done(StepResult::Fail);
            return;
        }
        const std::optional<qint64> timeout = m_s.timeoutSeconds.evaluateInteger(ctx, u"timeout");
        if (!timeout) {
            done(StepResult::Fail);
            return;
        }
        std::optional<UpstreamRequest> request = m_s.request.build(ctx, name());
        if (!request) {
            done(StepResult::Fail);
            return;
        }
        request->timeoutMs = int(std::clamp<qint64>(*timeout, 1, 240 * 60) * 1000);
        // The callback keeps the request alive while the call runs; the step
        // belongs to the configuration the request holds.
        std::shared_ptr<RequestContext> self = ctx.shared_from_this();
        ctx.runtime().upstream().send(std::move(*request), &ctx.runtime(),
                                      [this, self, variable = *variable, done = std::move(done)](UpstreamResult r) {
                                          done(complete(*self, variable, std::move(r)));
                                      });
    }

private:
    StepResult complete(RequestContext &ctx, const QString &variable, UpstreamResult result) const
    {
        if (!result.ok()) {
            if (m_s.ignoreError) {
                ctx.variables.insert(variable, Value());
                return StepResult::Continue;
            }
            const bool timeout = result.error == UpstreamResult::Error::Timeout;
            return ctx.fail(
                {name(),
                 timeout ? QStringLiteral("Timeout") : QStringLiteral("BackendConnectionFailure"),
                 timeout ? QCoreApplication::translate("Gateway", "the request of send-request timed out")
                         : QCoreApplication::translate("Gateway", "send-request failed: %1").arg(result.errorText),
                 {},
                 {},
                 {},
                 500});
        }
        HttpResponse &response = result.response;
        removeHopByHopHeaders(response.headers);
        HeaderList headers;
        for (const HttpHeaders::Field &f : response.headers.fields())
            headers.append({QString::fromLatin1(f.first), QString::fromLatin1(f.second)});
        const QString reason = response.reason.isEmpty()
            ? QString::fromLatin1(HttpResponse::standardReason(response.status))
            : QString::fromUtf8(response.reason);
        ctx.variables.insert(variable,
                             Value::fromObject(std::make_shared<ResponseSnapshot>(
                                 response.status, reason, std::move(headers), std::move(response.body))));
        return StepResult::Continue;
    }

    Settings m_s;
};

} // namespace

void registerSendRequestPolicy(PolicyCompiler &compiler)
{
    compiler.add(
        QStringLiteral("send-request"), [](const PolicyElement &e, CompileContext &ctx) -> std::unique_ptr<PolicyStep> {
            ctx.checkAttributes(e, {u"mode", u"response-variable-name", u"timeout", u"ignore-error"});
            auto variable = ctx.requiredAttribute(e, u"response-variable-name");
            auto timeout = ctx.integerValueAttribute(e, u"timeout", 60, 1, 240 * 60);
            const auto ignoreError = ctx.boolAttribute(e, u"ignore-error", false);
            if (const PolicyAttribute *a = e.attribute(u"ignore-error"); a && a->value.isExpression) {
                ctx.error(a->value.location,
                          QCoreApplication::translate("PolicyCompiler",
                                                      "attribute 'ignore-error' does not accept policy expressions"));
            }
            std::optional<OutgoingRequest> request = OutgoingRequest::compile(e, ctx);
            if (variable && variable->isConstant() && variable->literal().trimmed().isEmpty()) {
                ctx.error(e.attribute(u"response-variable-name")->value.location,
                          QCoreApplication::translate("PolicyCompiler", "attribute '%1' must not be empty")
                              .arg(QStringLiteral("response-variable-name")));
                variable.reset();
            }
            if (!variable || !timeout || !ignoreError || !request)
                return nullptr;
            SendRequestStep::Settings s {std::move(*request), std::move(*variable), std::move(*timeout), *ignoreError};
            return std::make_unique<SendRequestStep>(e, std::move(s));
        });
}

} // namespace sluice
