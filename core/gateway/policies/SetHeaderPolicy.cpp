// set-header: sets, appends, skips or deletes a header of the request (inbound,
// backend) or of the response (outbound, on-error).
#include "gateway/PolicyCompiler.h"
#include "gateway/RequestContext.h"
#include "gateway/policies/ExistsAction.h"

#include <QCoreApplication>

namespace sluice {

namespace {

class SetHeaderStep final : public PolicyStep
{
public:
    SetHeaderStep(const PolicyElement &e, CompiledValue headerName, ExistsAction action,
                  std::vector<CompiledValue> values, bool onResponse)
        : PolicyStep(e.name, e.location)
        , m_headerName(std::move(headerName))
        , m_action(action)
        , m_values(std::move(values))
        , m_onResponse(onResponse)
    {}

    StepResult run(RequestContext &ctx) const override
    {
        HttpHeaders &headers = m_onResponse ? ctx.response.headers : ctx.requestHeaders;
        const std::optional<QString> evaluatedName = m_headerName.evaluate(ctx);
        if (!evaluatedName)
            return StepResult::Fail;
        const QByteArray headerName = evaluatedName->toLatin1();
        switch (m_action) {
        case ExistsAction::Delete:
            headers.remove(headerName);
            return StepResult::Continue;
        case ExistsAction::Skip:
            if (headers.contains(headerName))
                return StepResult::Continue;
            break;
        case ExistsAction::Override:
            headers.remove(headerName);
            break;
        case ExistsAction::Append:
            break;
        }
        // Several <value> elements make one comma-separated field, as APIM sends them.
        QByteArray combined;
        for (const CompiledValue &v : m_values) {
            const std::optional<QString> value = v.evaluate(ctx);
            if (!value)
                return StepResult::Fail;
            if (!combined.isEmpty())
                combined += ',';
            combined += value->toUtf8();
        }
        if (m_action == ExistsAction::Append && headers.contains(headerName)) {
            const QByteArray existing = headers.combined(headerName);
            headers.set(headerName, existing + ',' + combined);
        } else {
            headers.add(headerName, combined);
        }
        return StepResult::Continue;
    }

private:
    CompiledValue m_headerName;
    ExistsAction m_action;
    std::vector<CompiledValue> m_values;
    bool m_onResponse;
};

} // namespace

void registerSetHeaderPolicy(PolicyCompiler &compiler)
{
    compiler.add(QStringLiteral("set-header"),
                 [](const PolicyElement &e, CompileContext &ctx) -> std::unique_ptr<PolicyStep> {
                     ctx.checkKnown(e, {u"name", u"exists-action"}, {u"value"});
                     auto headerName = ctx.requiredAttribute(e, u"name");
                     const auto action = parseExistsAction(e, ctx);
                     if (!headerName || !action)
                         return nullptr;
                     if (headerName->isConstant() && !isValidHeaderName(headerName->literal())) {
                         ctx.error(e.attribute(u"name")->value.location,
                                   QCoreApplication::translate("PolicyCompiler", "'%1' is not a valid header name")
                                       .arg(headerName->literal()));
                         return nullptr;
                     }
                     auto values = compileValueChildren(e, ctx, *action);
                     if (!values)
                         return nullptr;
                     return std::make_unique<SetHeaderStep>(e, std::move(*headerName), *action,
                                                            std::move(*values), ctx.actsOnResponse());
                 });
}

} // namespace sluice
