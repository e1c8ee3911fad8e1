#pragma once

#include "CompiledExpression.h"
#include "common/Diagnostic.h"

#include <QCoreApplication>
#include <QString>

#include <memory>

namespace sluice {

// sluice_expr: the C# subset of APIM policy expressions.
//
//   source ("@(...)" / "@{...}")
//     -> Lexer (tokens with offsets)          Lexer.h
//     -> Parser (AST of ExprNode/StmtNode)    Parser.h, Ast.h
//     -> Checker (names, members, overloads, types resolved at load; the AST is
//        rewritten in place into pre-resolved nodes: locals are frame slots,
//        members are native function pointers, no lookups by name at run time)
//     -> CompiledExpression (immutable; evaluate() from any number of threads)
//
// Errors carry file:line:col inside the policy file: `start` is the location of
// the '@' and offsets inside the source are mapped by counting newlines.
//
// Evaluation walks the resolved tree with a per-call Frame on the stack
// (locals inline, a step budget). `context` is an ExpressionHost supplied by
// the caller through an EvaluationContext. Runtime errors (InvalidCast,
// NullReference, budget exceeded ...) end the evaluation with a message; they
// are C++ exceptions internal to the evaluator (so that `try/catch` in
// expressions works) and never leave evaluate().
//
// Types follow C#: static types known at load (object, string, bool, char, int,
// long, double, IRequest, IResponse, JObject ...); members of `object`-typed
// values need a cast, as in C#; JToken indexers and Value<T>() are dynamic.
struct ExpressionEnvironment
{
    // `context.Response` is meaningful (outbound, on-error); informational only.
    bool responseAvailable = true;
};

struct CompileResult
{
    std::shared_ptr<const CompiledExpression> expression; // null when diagnostics hold an error
    Diagnostics diagnostics;

    bool ok() const { return expression != nullptr; }
};

class ExpressionCompiler
{
    Q_DECLARE_TR_FUNCTIONS(ExpressionCompiler)

public:
    // `source` includes the leading "@(" ... ")" or "@{" ... "}".
    static CompileResult compile(const QString &source, const SourceLocation &start,
                                 const ExpressionEnvironment &env = {});
};

} // namespace sluice
