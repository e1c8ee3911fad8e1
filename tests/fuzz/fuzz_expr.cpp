// libFuzzer entry point for the policy expression language: lexer, parser,
// checker and (when the input compiles) evaluation against a fixed TestHost
// with a small step budget. It must never crash, hang or leak.
//
//   ./fuzz_expr tests/fuzz/corpus/expr

#include "expr/EvaluationContext.h"
#include "expr/ExpressionCompiler.h"
#include "expr/TestHost.h"

#include <QByteArray>
#include <QString>

#include <cstddef>
#include <cstdint>

namespace {

sluice::TestHost &host()
{
    static sluice::TestHost h = [] {
        sluice::TestHost t;
        t.matched.insert(QStringLiteral("id"), QStringLiteral("7"));
        t.requestHeaderList = {{QStringLiteral("Authorization"), QStringLiteral("Bearer a.b.c")},
                               {QStringLiteral("Cache-Control"), QStringLiteral("max-age=5")}};
        t.responseHeaderList = {{QStringLiteral("Content-Type"), QStringLiteral("application/json")}};
        t.requestBody = QByteArrayLiteral("{\"a\":[1,2,{\"b\":\"c\"}],\"n\":1.5}");
        t.responseBody = QByteArrayLiteral("[1,\"x\",null,true]");
        t.variables.insert(QStringLiteral("x"), sluice::Value::fromString(QStringLiteral("y")));
        t.variables.insert(QStringLiteral("n"), sluice::Value::fromInt(3));
        return t;
    }();
    return h;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size > 4096)
        return 0;
    QString source = QString::fromUtf8(reinterpret_cast<const char *>(data), qsizetype(size));
    if (!source.startsWith(QLatin1String("@(")) && !source.startsWith(QLatin1String("@{")))
        source = QStringLiteral("@(") + source + QLatin1Char(')');
    const sluice::CompileResult compiled =
        sluice::ExpressionCompiler::compile(source, {QStringLiteral("fuzz.xml"), 1, 1, {}});
    if (!compiled.ok())
        return 0;
    sluice::EvaluationContext context(host(), 20000);
    (void)compiled.expression->evaluate(context);
    (void)compiled.expression->resultTypeName();
    return 0;
}
