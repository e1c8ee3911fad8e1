#include "ExpressionCompiler.h"

#include "Checker.h"
#include "Evaluator.h"
#include "Parser.h"

namespace sluice {

namespace {

SourceLocation locationAt(const QString &source, const SourceLocation &start, int offset)
{
    SourceLocation loc = start;
    if (offset < 0)
        return loc;
    offset = qMin(offset, int(source.size()));
    int line = 0;
    int lineStart = 0;
    for (int i = 0; i < offset; ++i) {
        if (source.at(i) == QLatin1Char('\n')) {
            ++line;
            lineStart = i + 1;
        }
    }
    if (line == 0) {
        loc.column = start.column + offset;
    } else {
        loc.line = start.line + line;
        loc.column = offset - lineStart + 1;
    }
    return loc;
}

} // namespace

CompileResult ExpressionCompiler::compile(const QString &source, const SourceLocation &start,
                                          const ExpressionEnvironment &env)
{
    Q_UNUSED(env);
    CompileResult result;
    auto program = std::make_shared<CompiledProgram>();
    program->source = source;
    SyntaxError error;
    if (!Parser::parseProgram(source, &program->program, &error)) {
        result.diagnostics << Diagnostic::error(locationAt(source, start, error.offset), error.message);
        return result;
    }
    Checker checker(source);
    if (!checker.check(&program->program)) {
        result.diagnostics << Diagnostic::error(locationAt(source, start, checker.error().offset),
                                                checker.error().message);
        return result;
    }
    program->slotCount = checker.slotCount();
    program->resultType = checker.resultType();
    result.expression = std::make_shared<const CompiledExpression>(std::move(program));
    return result;
}

} // namespace sluice
