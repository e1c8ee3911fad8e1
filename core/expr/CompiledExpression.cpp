#include "CompiledExpression.h"

#include "Evaluator.h"
#include "TypeRegistry.h"

#include <QVarLengthArray>

namespace sluice {

CompiledExpression::CompiledExpression(std::shared_ptr<const CompiledProgram> program)
    : m_program(std::move(program))
{}

CompiledExpression::~CompiledExpression() = default;

EvaluationResult CompiledExpression::evaluate(EvaluationContext &context) const
{
    QVarLengthArray<Value, 16> locals;
    locals.resize(qMax(1, m_program->slotCount));
    Frame frame(context, locals.data());
    EvaluationResult result;
    try {
        if (m_program->program.expression) {
            result.value = Evaluator::eval(frame, m_program->program.expression.get());
        } else {
            Evaluator::exec(frame, m_program->program.block.get(), &result.value);
        }
    } catch (const RuntimeError &e) {
        result.value = Value();
        result.error = e.message.isEmpty() ? e.type : e.type + QStringLiteral(": ") + e.message;
        return result;
    } catch (const std::exception &e) {
        // a defect of the evaluator (e.g. a value of an unexpected kind): fail this evaluation only
        result.value = Value();
        result.error = QStringLiteral("InvalidOperationException: internal error: ") + QString::fromUtf8(e.what());
        return result;
    }
    if (ExprObject *o = result.value.object(); o && o->isBorrowed()) {
        if (ExprObjectPtr owned = o->detach())
            result.value = Value::fromObject(std::move(owned));
        else
            result.value = Value::fromString(o->toString());
    }
    return result;
}

QString CompiledExpression::evaluateToString(EvaluationContext &context, QString *error) const
{
    EvaluationResult r = evaluate(context);
    if (!r.ok()) {
        if (error)
            *error = r.error;
        return {};
    }
    return r.value.toString();
}

QString CompiledExpression::resultTypeName() const
{
    return m_program->resultType ? m_program->resultType->name : QStringLiteral("object");
}

bool CompiledExpression::resultIsBool() const
{
    return m_program->resultType && m_program->resultType->kind == TypeKind::Bool;
}

const QString &CompiledExpression::source() const
{
    return m_program->source;
}

} // namespace sluice
