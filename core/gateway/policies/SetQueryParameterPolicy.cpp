// set-query-parameter: sets, appends, skips or deletes a query parameter of the backend request.
#include "gateway/PolicyCompiler.h"
#include "gateway/RequestContext.h"
#include "gateway/policies/ExistsAction.h"

namespace sluice {

namespace {

class SetQueryParameterStep final : public PolicyStep
{
public:
    SetQueryParameterStep(const PolicyElement &e, CompiledValue parameterName, ExistsAction action,
                          std::vector<CompiledValue> values)
        : PolicyStep(e.name, e.location)
        , m_parameterName(std::move(parameterName))
        , m_action(action)
        , m_values(std::move(values))
    {}

    StepResult run(RequestContext &ctx) const override
    {
        const std::optional<QString> evaluatedName = m_parameterName.evaluate(ctx);
        if (!evaluatedName)
            return StepResult::Fail;
        const QString &parameter = *evaluatedName;
        QList<std::pair<QString, QString>> query = ctx.queryParameters();
        const bool exists = std::any_of(query.begin(), query.end(), [&](const auto &p) { return p.first == parameter; });
        auto removeAll = [&] {
            query.removeIf([&](const auto &p) { return p.first == parameter; });
        };
        switch (m_action) {
        case ExistsAction::Delete:
            if (!exists)
                return StepResult::Continue;
            removeAll();
            break;
        case ExistsAction::Skip:
            if (exists)
                return StepResult::Continue;
            break;
        case ExistsAction::Override:
            removeAll();
            break;
        case ExistsAction::Append:
            break;
        }
        if (m_action != ExistsAction::Delete) {
            for (const CompiledValue &v : m_values) {
                const std::optional<QString> value = v.evaluate(ctx);
                if (!value)
                    return StepResult::Fail;
                query.append({parameter, *value});
            }
        }
        ctx.setQueryParameters(std::move(query));
        return StepResult::Continue;
    }

private:
    CompiledValue m_parameterName;
    ExistsAction m_action;
    std::vector<CompiledValue> m_values;
};

} // namespace

void registerSetQueryParameterPolicy(PolicyCompiler &compiler)
{
    compiler.add(QStringLiteral("set-query-parameter"),
                 [](const PolicyElement &e, CompileContext &ctx) -> std::unique_ptr<PolicyStep> {
                     ctx.checkKnown(e, {u"name", u"exists-action"}, {u"value"});
                     auto parameterName = ctx.requiredAttribute(e, u"name");
                     const auto action = parseExistsAction(e, ctx);
                     if (!parameterName || !action)
                         return nullptr;
                     auto values = compileValueChildren(e, ctx, *action);
                     if (!values)
                         return nullptr;
                     return std::make_unique<SetQueryParameterStep>(e, std::move(*parameterName), *action,
                                                                    std::move(*values));
                 });
}

} // namespace sluice
