#pragma once

#include "Ast.h"
#include "Parser.h"

#include <QCoreApplication>
#include <QHash>

#include <vector>

namespace sluice {

class TypeRegistry;

// Resolves names, members, overloads and types of a parsed program, at load.
// It rewrites the AST in place into pre-resolved nodes (see NodeKind's
// "after checking" kinds): the evaluator never looks anything up by name.
class Checker
{
    Q_DECLARE_TR_FUNCTIONS(Checker)

public:
    explicit Checker(const QString &source);

    bool check(ParsedProgram *program);
    const SyntaxError &error() const { return m_error; }
    int slotCount() const { return m_maxSlots; }
    const TypeInfo *resultType() const { return m_resultType; }

    // C# implicit conversion cost: 0 identity, >0 allowed, -1 impossible.
    static int conversionCost(const TypeInfo *from, const TypeInfo *to);
    // The static `context` type.
    static const TypeInfo *contextType();

private:
    struct Local
    {
        int slot;
        const TypeInfo *type;
    };
    struct Binding; // the outcome of overload resolution

    bool fail(int offset, const QString &message);
    bool failed() const { return !m_error.message.isEmpty(); }

    // scopes
    void pushScope();
    void popScope();
    int declare(const QString &name, const TypeInfo *type, int offset);
    const Local *lookup(const QString &name) const;

    const TypeInfo *resolveType(const TypeRef &ref);
    const TypeInfo *resolveTypeName(const QString &name, const std::vector<TypeRef> &args, int offset,
                                    bool report);

    bool checkStmt(StmtNode *s);
    bool checkBlockBody(std::vector<std::unique_ptr<StmtNode>> &body);
    const TypeInfo *checkExpr(ExprNode *n);
    const TypeInfo *checkCondition(ExprNode *n);
    const TypeInfo *checkName(ExprNode *n);
    const TypeInfo *checkMember(ExprNode *n);
    const TypeInfo *checkCall(ExprNode *n);
    const TypeInfo *checkLocalCall(ExprNode *n, StmtNode *function);
    bool checkLocalFunction(StmtNode *s);
    const TypeInfo *checkIndex(ExprNode *n);
    const TypeInfo *checkUnary(ExprNode *n);
    const TypeInfo *checkBinary(ExprNode *n);
    const TypeInfo *checkAssign(ExprNode *n);
    const TypeInfo *checkIncDec(ExprNode *n);
    const TypeInfo *checkConditional(ExprNode *n);
    const TypeInfo *checkCast(ExprNode *n);
    const TypeInfo *checkIsAs(ExprNode *n);
    const TypeInfo *checkNew(ExprNode *n);
    const TypeInfo *checkNewArray(ExprNode *n);
    const TypeInfo *checkAnonymous(ExprNode *n);
    const TypeInfo *checkInterpolated(ExprNode *n);
    const TypeInfo *checkLambda(ExprNode *n, const TypeInfo *parameterType, const TypeInfo *parameterType2);

    // members
    std::vector<const Member *> findMembers(const TypeInfo *type, const QString &name, bool isStatic,
                                            Member::Kind kind) const;
    bool hasAnyMember(const TypeInfo *type, const QString &name) const;
    // Resolves a call among candidates and rewrites `n` into an Invoke.
    // n->children: [receiver or null, args...]; argumentNames parallel.
    const TypeInfo *bindInvoke(ExprNode *n, const std::vector<const Member *> &candidates,
                               const TypeInfo *receiverType, const TypeInfo *genericArg, const QString &what);
    const TypeInfo *resolvePat(const TypePat &pat, const TypeInfo *receiver, const TypeInfo *genericArg,
                               const TypeInfo *lambdaResult) const;
    const TypeInfo *operatorCall(ExprNode *n, const char *opName, const TypeInfo *left, const TypeInfo *right);

    // Wraps `slot` in a numeric conversion when `to` is numeric and differs.
    void coerce(std::unique_ptr<ExprNode> &slot, const TypeInfo *to);
    bool requireConvertible(ExprNode *n, const TypeInfo *from, const TypeInfo *to);
    QString typeName(const TypeInfo *t) const;

    const QString &m_src;
    TypeRegistry &m_types;
    SyntaxError m_error;
    std::vector<QHash<QString, Local>> m_scopes;
    int m_nextSlot = 0;
    int m_maxSlots = 0;
    const TypeInfo *m_resultType = nullptr;
    bool m_sawReturn = false;
    int m_loopDepth = 0;
    std::vector<QHash<QString, StmtNode *>> m_functions; // local functions per block
    const TypeInfo *m_functionResult = nullptr;         // inside a local function: its declared result
};

} // namespace sluice
