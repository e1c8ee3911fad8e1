// set-status: sets the response status code and reason.
#include "gateway/PolicyCompiler.h"
#include "gateway/RequestContext.h"
#include "gateway/policies/SetStatusPolicy.h"

#include <QCoreApplication>

namespace sluice {

namespace {

class SetStatusStep final : public PolicyStep
{
public:
    SetStatusStep(const PolicyElement &e, CompiledValue code, CompiledValue reason)
        : PolicyStep(e.name, e.location)
        , m_code(std::move(code))
        , m_reason(std::move(reason))
    {}

    StepResult run(RequestContext &ctx) const override
    {
        const std::optional<QString> codeText = m_code.evaluate(ctx);
        const std::optional<QString> reason = m_reason.evaluate(ctx);
        if (!codeText || !reason)
            return StepResult::Fail;
        bool ok = false;
        const int code = codeText->trimmed().toInt(&ok);
        if (!ok || code < 100 || code > 599) {
            return ctx.fail({name(), QStringLiteral("InvalidStatusCode"),
                             QCoreApplication::translate("Gateway", "set-status produced an invalid status code"),
                             {}, {}, {}, 500});
        }
        ctx.response.status = code;
        ctx.response.reason = reason->toUtf8();
        ctx.hasResponse = true;
        return StepResult::Continue;
    }

private:
    CompiledValue m_code;
    CompiledValue m_reason;
};

} // namespace

std::unique_ptr<PolicyStep> compileSetStatus(const PolicyElement &e, CompileContext &ctx)
{
    ctx.checkKnown(e, {u"code", u"reason"});
    auto code = ctx.requiredAttribute(e, u"code");
    auto reason = ctx.attribute(e, u"reason");
    if (!code || !reason)
        return nullptr;
    if (code->isConstant()) {
        bool ok = false;
        const int value = code->literal().trimmed().toInt(&ok);
        if (!ok || value < 100 || value > 599) {
            ctx.error(e.attribute(u"code")->value.location,
                      QCoreApplication::translate("PolicyCompiler", "status code must be a number from 100 to 599"));
            return nullptr;
        }
    }
    return std::make_unique<SetStatusStep>(e, std::move(*code), std::move(*reason));
}

void registerSetStatusPolicy(PolicyCompiler &compiler)
{
    compiler.add(QStringLiteral("set-status"), compileSetStatus);
}

} // namespace sluice
