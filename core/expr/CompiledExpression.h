#pragma once

#include "Value.h"

#include <QString>

#include <memory>

namespace sluice {

class EvaluationContext;
struct CompiledProgram;

struct EvaluationResult
{
    Value value;
    QString error; // runtime error text when not ok (e.g. "InvalidCastException: ...")

    bool ok() const { return error.isEmpty(); }
};

// A compiled policy expression: immutable, shareable between threads.
class CompiledExpression
{
public:
    explicit CompiledExpression(std::shared_ptr<const CompiledProgram> program);
    ~CompiledExpression();

    EvaluationResult evaluate(EvaluationContext &context) const;
    // evaluate() and ToString() of the result ("" for null); error text in *error.
    QString evaluateToString(EvaluationContext &context, QString *error) const;

    // Static type of the result in C# spelling ("string", "bool", "int", "object" ...).
    QString resultTypeName() const;
    bool resultIsBool() const;
    const QString &source() const;

private:
    std::shared_ptr<const CompiledProgram> m_program;
};

} // namespace sluice
