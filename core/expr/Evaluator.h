#pragma once

#include "Ast.h"
#include "Frame.h"
#include "Parser.h"

namespace sluice {

// Walks the checked tree. Runtime errors are thrown as RuntimeError.
class Evaluator
{
public:
    enum class Flow { Normal, Return, Break, Continue };

    static Value eval(Frame &f, const ExprNode *n);
    static Flow exec(Frame &f, const StmtNode *s, Value *result);

private:
    static Value invoke(Frame &f, const ExprNode *n);
    static Value binary(Frame &f, const ExprNode *n);
    static Value interpolate(Frame &f, const ExprNode *n);
    static Value construct(Frame &f, const ExprNode *n);
    static Flow execTry(Frame &f, const StmtNode *s, Value *result);
};

// Everything compile() produced: immutable after construction.
struct CompiledProgram
{
    QString source;
    ParsedProgram program;
    int slotCount = 0;
    const TypeInfo *resultType = nullptr;
};

} // namespace sluice
