#pragma once

#include "common/Diagnostic.h"
#include "expr/Value.h"

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
    // The value as the expression produced it (a literal as a string).
    std::optional<Value> evaluateValue(RequestContext &ctx) const;
    // A bool (true/false in any case, or an expression's bool) and an integer (a
    // number or its text). A value of another kind fails the request with a
    // message naming `attribute`; literals were checked at load.
    std::optional<bool> evaluateBool(RequestContext &ctx, QStringView attribute) const;
    std::optional<qint64> evaluateInteger(RequestContext &ctx, QStringView attribute) const;

    // Literal text as a bool or integer; nullopt when it is not one.
    static std::optional<bool> parseBool(const QString &text);
    static std::optional<qint64> parseInteger(const QString &text);

private:
    std::optional<Value> failed(RequestContext &ctx, const QString &message) const;

    QString m_literal;
    std::shared_ptr<const CompiledExpression> m_expression;
    SourceLocation m_location;
};

} // namespace sluice
