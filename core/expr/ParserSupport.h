#pragma once

// Internal to the parser's source files (Parser*.cpp): small shared helpers.

#include "Ast.h"

#include <QString>

#include <memory>

namespace sluice::parser_detail {

inline bool isPredefinedType(const QString &name)
{
    static const char *const names[] = {"string", "int", "long", "double", "bool", "char", "object", "decimal",
                                        "float", "byte", "uint", "ulong", "short", "ushort", "sbyte", "void"};
    for (const char *n : names) {
        if (name == QLatin1String(n))
            return true;
    }
    return false;
}

inline std::unique_ptr<ExprNode> makeNode(NodeKind kind, int offset)
{
    auto n = std::make_unique<ExprNode>();
    n->kind = kind;
    n->offset = offset;
    return n;
}


struct DepthGuard
{
    int &depth;
    explicit DepthGuard(int &d)
        : depth(d)
    {
        ++depth;
    }
    ~DepthGuard() { --depth; }
};

constexpr int MaxNesting = 64;

} // namespace sluice::parser_detail
