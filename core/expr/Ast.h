#pragma once

#include "Token.h"
#include "TypeInfo.h"
#include "Value.h"

#include <QString>

#include <memory>
#include <vector>

namespace sluice {

// A type as written: `string`, `JObject`, `List<string>`, `string[]`, `int?`,
// `System.Text.RegularExpressions.Regex`.
struct TypeRef
{
    QString name; // dotted
    std::vector<TypeRef> args;
    int rank = 0; // number of [] suffixes
    bool nullable = false;
    int offset = -1;
    bool isVar() const { return name == QLatin1String("var") && args.empty() && rank == 0; }
};

enum class NodeKind : quint8 {
    // as parsed
    Literal, Interpolated, Name, Member, Call, Index, Unary, Binary, Conditional, Assign, IncDec, Cast, Is, As,
    New, NewArray, AnonymousObject, Lambda, Typeof, Default,
    // after checking
    Local, Context, TypeName, NamespaceName, Invoke, Coalesce, AndAlso, OrElse, StoreLocal, StoreIndexer,
    NumericConvert, Box, MethodGroup, LocalCall,
};

enum class Op : quint8 {
    None,
    // unary
    Not, Neg, Plus, Complement, PreInc, PreDec, PostInc, PostDec,
    // binary
    Add, Sub, Mul, Div, Mod, Shl, Shr, Lt, Gt, Le, Ge, Eq, Ne, And, Or, Xor, AndAlso, OrElse, Coalesce,
};

struct StmtNode;

struct ExprNode
{
    NodeKind kind = NodeKind::Literal;
    Op op = Op::None;
    bool nullConditional = false; // ?. / ?[ (and the rest of its chain)
    bool isOutArgument = false;   // `out x` / `out var x` (as an argument)
    bool isParenthesized = false;
    int offset = 0;               // into the source, for messages
    QString name;                 // identifier, member name, lambda parameter
    Value value;                  // literal
    std::vector<std::unique_ptr<ExprNode>> children;
    std::vector<QString> argumentNames; // named arguments (parallel to call arguments), "" when positional
    std::vector<TypeRef> typeArgs;      // generic arguments of a member/call
    TypeRef typeRef;                    // cast/is/as/new/typeof/out-declaration type
    std::vector<InterpolationPart> parts;
    std::vector<QString> lambdaParams;
    std::unique_ptr<StmtNode> lambdaBlock; // lambda with a block body
    int initializerStart = -1;   // New: children from here are initializer elements
    bool objectInitializer = false; // New: `{ Name = value }` (names in argumentNames)
    bool sizedArray = false;     // NewArray: `new T[n]`, children[0] is the size

    // resolved by the checker
    const TypeInfo *type = nullptr;
    const TypeInfo *targetType = nullptr; // cast/is/as/new array element type
    const Member *member = nullptr;
    CallSite site;
    int slot = -1;                        // local slot (Local, StoreLocal, lambda parameter, out declaration)
    std::vector<int> outSlots;            // per argument: local slot receiving an out value, or -1
    const StmtNode *function = nullptr;   // LocalCall: the local function
    int nodeCount = 0;
};

enum class StmtKind : quint8 {
    Block, Expression, Declaration, If, While, DoWhile, For, Foreach, Return, Break, Continue, Throw, Try, Switch,
    Empty, LocalFunction,
};

struct SwitchSection
{
    std::vector<std::unique_ptr<ExprNode>> labels; // empty expression pointer = default
    bool hasDefault = false;
    std::vector<std::unique_ptr<StmtNode>> body;
};

struct StmtNode
{
    StmtKind kind = StmtKind::Empty;
    int offset = 0;
    std::vector<std::unique_ptr<StmtNode>> body; // Block; For: [init..]; Try: catch block is `other`
    std::unique_ptr<ExprNode> expr;              // condition, value, foreach collection, declaration initializer
    std::vector<std::unique_ptr<ExprNode>> exprs; // For: iterators
    std::unique_ptr<StmtNode> then;               // If/While/For/Foreach body, Try block
    std::unique_ptr<StmtNode> other;              // else, catch block
    std::unique_ptr<StmtNode> finally;            // Try finally
    std::vector<SwitchSection> sections;
    TypeRef typeRef;                              // Declaration/Foreach/catch type, local function result
    std::vector<std::pair<TypeRef, QString>> parameters; // local function
    std::vector<int> parameterSlots;
    std::vector<const TypeInfo *> parameterTypes;
    QString name;                                 // declared variable / catch variable
    int slot = -1;
    const TypeInfo *type = nullptr;
};

} // namespace sluice
