#pragma once

#include "common/Diagnostic.h"

#include <QString>

#include <memory>
#include <optional>

namespace sluice {

class CompiledExpression;
class RequestContext;

// An attribute value or element text after load: a literal, or a compiled
// policy expression evaluated per request.
class CompiledValue
{
public:
    CompiledValue() = default;
    explicit CompiledValue(QString literal)
        : m_literal(std::move(literal))
    {}
    CompiledValue(std::shared_ptr<const CompiledExpression> expression, SourceLocation location);

    bool isConstant() const { return !m_expression; }
    // The literal text (empty for an expression).
    const QString &literal() const { return m_literal; }
    const std::shared_ptr<const CompiledExpression> &expression() const { return m_expression; }

    // The value as text (an expression's result through ToString(), "" for
    // null). std::nullopt when the expression failed: the failure is recorded in
    // ctx.lastError and the caller's step returns StepResult::Fail.
    std::optional<QString> evaluate(RequestContext &ctx) const;

private:
    QString m_literal;
    std::shared_ptr<const CompiledExpression> m_expression;
    SourceLocation m_location;
};

} // namespace sluice
