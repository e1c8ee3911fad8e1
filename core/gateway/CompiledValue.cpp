#include "CompiledValue.h"

#include "GatewayExpressionHost.h"
#include "RequestContext.h"
#include "expr/CompiledExpression.h"
#include "expr/EvaluationContext.h"

#include <QCoreApplication>

#include <cmath>

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

std::optional<Value> CompiledValue::failed(RequestContext &ctx, const QString &message) const
{
    ctx.fail({QStringLiteral("expression"), QStringLiteral("ExpressionValueEvaluationFailure"),
              QCoreApplication::translate("Gateway", "Expression evaluation failed at %1: %2")
                  .arg(m_location.toString(), message),
              {}, {}, {}, 500});
    return std::nullopt;
}

std::optional<Value> CompiledValue::evaluateValue(RequestContext &ctx) const
{
    if (!m_expression)
        return Value::fromString(m_literal);
    GatewayExpressionHost host(ctx);
    EvaluationContext evaluation(host);
    EvaluationResult result = m_expression->evaluate(evaluation);
    if (!result.ok())
        return failed(ctx, result.error);
    return std::move(result.value);
}

std::optional<bool> CompiledValue::parseBool(const QString &text)
{
    const QString t = text.trimmed();
    if (t.compare(QLatin1String("true"), Qt::CaseInsensitive) == 0)
        return true;
    if (t.compare(QLatin1String("false"), Qt::CaseInsensitive) == 0)
        return false;
    return std::nullopt;
}

std::optional<qint64> CompiledValue::parseInteger(const QString &text)
{
    bool ok = false;
    const qint64 v = text.trimmed().toLongLong(&ok);
    return ok ? std::optional<qint64>(v) : std::nullopt;
}

std::optional<bool> CompiledValue::evaluateBool(RequestContext &ctx, QStringView attribute) const
{
    const std::optional<Value> v = evaluateValue(ctx);
    if (!v)
        return std::nullopt;
    if (v->kind() == Value::Kind::Bool)
        return v->asBool();
    if (v->isString())
        if (const auto b = parseBool(v->asString()))
            return b;
    failed(ctx, QCoreApplication::translate("Gateway", "'%1' must be true or false, not '%2'")
                    .arg(attribute, v->toString()));
    return std::nullopt;
}

std::optional<qint64> CompiledValue::evaluateInteger(RequestContext &ctx, QStringView attribute) const
{
    const std::optional<Value> v = evaluateValue(ctx);
    if (!v)
        return std::nullopt;
    switch (v->kind()) {
    case Value::Kind::Int:
    case Value::Kind::Long:
    case Value::Kind::Char:
        return v->toLong();
    case Value::Kind::Double:
        if (std::isfinite(v->asDouble()) && std::trunc(v->asDouble()) == v->asDouble())
            return qint64(v->asDouble());
        break;
    case Value::Kind::String:
        if (const auto i = parseInteger(v->asString()))
            return i;
        break;
    default:
        break;
    }
    failed(ctx, QCoreApplication::translate("Gateway", "'%1' must be an integer, not '%2'")
                    .arg(attribute, v->toString()));
    return std::nullopt;
}

} // namespace sluice
