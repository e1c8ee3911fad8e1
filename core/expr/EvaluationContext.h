#pragma once

#include "ContextObjects.h"
#include "ExpressionHost.h"

namespace sluice {

// Per-request evaluation state: the host (`context`) and the step budget.
// Cheap to create (no allocation); one per request or per evaluation. Not
// shared between threads while an evaluation runs.
class EvaluationContext
{
public:
    static constexpr qint64 DefaultStepBudget = 100000;

    explicit EvaluationContext(const ExpressionHost &host, qint64 stepBudget = DefaultStepBudget)
        : m_host(host)
        , m_objects(&host)
        , m_stepBudget(stepBudget)
    {}
    EvaluationContext(const EvaluationContext &) = delete;
    EvaluationContext &operator=(const EvaluationContext &) = delete;

    const ExpressionHost &host() const { return m_host; }
    qint64 stepBudget() const { return m_stepBudget; }
    void setStepBudget(qint64 budget) { m_stepBudget = budget; }
    ContextObjects &objects() { return m_objects; }

private:
    const ExpressionHost &m_host;
    ContextObjects m_objects;
    qint64 m_stepBudget;
};

} // namespace sluice
