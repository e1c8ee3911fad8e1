#include "ExpressionCheck.h"

#include "expr/Parser.h"
#include "policy/PolicyExpressionScanner.h"

namespace sluice {

bool ExpressionCheck::isExpression(const QString &value)
{
    return value.startsWith(QLatin1String("@(")) || value.startsWith(QLatin1String("@{"));
}

ExpressionCheck ExpressionCheck::check(const QString &value)
{
    ExpressionCheck result;
    if (!isExpression(value))
        return result;
    // The form writes the value raw into the attribute; references stay as typed.
    const PolicyExpressionScanner::Span span = PolicyExpressionScanner::scanExpression(value, 0, QChar(), false);
    if (!span.error.isEmpty() || span.end < 0) {
        result.ok = false;
        result.position = static_cast<int>(std::max<qsizetype>(span.errorAt, 0));
        result.message = span.error.isEmpty() ? tr("the expression does not end") : span.error;
        return result;
    }
    if (span.end != value.size()) {
        result.ok = false;
        result.position = static_cast<int>(span.end);
        result.message = tr("text after the end of the expression");
        return result;
    }
    ParsedProgram program;
    SyntaxError error;
    if (!Parser::parseProgram(value, &program, &error)) {
        result.ok = false;
        result.position = std::max(error.offset, 0);
        result.message = error.message;
    }
    return result;
}

QString ExpressionCheck::text() const
{
    return ok ? QString() : tr("column %1: %2").arg(position + 1).arg(message);
}

} // namespace sluice
