#pragma once

#include "EvaluationContext.h"
#include "Value.h"

#include <QCoreApplication>
#include <QString>

namespace sluice {

struct ExprNode;

// A runtime error of an evaluation (.NET exception type and message). Thrown
// inside the evaluator only; evaluate() turns it into EvaluationResult::error.
struct RuntimeError
{
    QString type;    // "InvalidCastException"
    QString message;
    bool catchable = true; // false for the step budget: `catch` cannot swallow it
};

// Per-evaluation state: locals, step budget, the host. Lives on the stack of
// evaluate(); never shared between threads.
class Frame
{
public:
    Frame(EvaluationContext &context, Value *locals)
        : m_context(context)
        , m_locals(locals)
        , m_budget(context.stepBudget())
    {}

    const ExpressionHost &host() const { return m_context.host(); }
    ContextObjects &objects() { return m_context.objects(); }
    Value &local(int slot) { return m_locals[slot]; }

    void step()
    {
        if (++m_steps > m_budget)
            budgetExceeded();
    }
    [[noreturn]] void budgetExceeded() const;
    [[noreturn]] static void fail(const QString &type, const QString &message);
    [[noreturn]] static void nullReference();
    [[noreturn]] static void invalidCast(const Value &value, const TypeInfo *target);
    [[noreturn]] static void argumentNull(const QString &parameter);
    [[noreturn]] static void argumentOutOfRange(const QString &parameter);
    [[noreturn]] static void format();

    void enter()
    {
        if (++m_depth > 64)
            fail(QStringLiteral("InsufficientExecutionStackException"),
                 QCoreApplication::translate("Expression", "Insufficient stack to continue executing the program safely."));
    }
    void leave() { --m_depth; }

    // Calls a lambda argument with one or two arguments.
    Value call(const Value &lambda, const Value &argument);
    Value call(const Value &lambda, const Value &a, const Value &b);

private:
    EvaluationContext &m_context;
    Value *m_locals;
    qint64 m_steps = 0;
    int m_depth = 0;
    qint64 m_budget;
};

} // namespace sluice
