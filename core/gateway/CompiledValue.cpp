#include "CompiledValue.h"

#include "GatewayExpressionHost.h"
#include "RequestContext.h"
#include "expr/CompiledExpression.h"
#include "expr/EvaluationContext.h"

#include <QCoreApplication>

namespace sluice {

CompiledValue::CompiledValue(std::shared_ptr<const CompiledExpression> expression, SourceLocation location)
    : m_expression(std::move(expression))
    , m_location(std::move(location))
{}

std::optional<QString> CompiledValue::evaluate(RequestContext &ctx) const
{
    if (!m_expression)
        return m_literal;
    GatewayExpressionHost host(ctx);
    EvaluationContext evaluation(host);
    QString error;
    QString value = m_expression->evaluateToString(evaluation, &error);
    if (!error.isEmpty()) {
        ctx.fail({QStringLiteral("expression"), QStringLiteral("ExpressionValueEvaluationFailure"),
                  QCoreApplication::translate("Gateway", "Expression evaluation failed at %1: %2")
                      .arg(m_location.toString(), error),
                  {}, {}, {}, 500});
        return std::nullopt;
    }
    return value;
}

} // namespace sluice
