#pragma once

#include "Ast.h"
#include "Lexer.h"

#include <QCoreApplication>

#include <memory>

namespace sluice {

struct ParsedProgram
{
    std::unique_ptr<ExprNode> expression; // "@(...)"
    std::unique_ptr<StmtNode> block;      // "@{...}"
};

// Recursive-descent parser for the C# subset (C# precedence, casts,
// generic calls, lambdas, statements of a method body).
class Parser
{
    Q_DECLARE_TR_FUNCTIONS(Parser)

public:
    // source starts with "@(" or "@{".
    static bool parseProgram(const QString &source, ParsedProgram *program, SyntaxError *error);
    // One expression in source[begin, end) (interpolation holes).
    static std::unique_ptr<ExprNode> parseExpressionRange(const QString &source, int begin, int end,
                                                          SyntaxError *error, int depth = 0);

private:
    Parser(const QString &source, std::vector<Token> tokens)
        : m_src(source)
        , m_tokens(std::move(tokens))
    {}

    using ExprPtr = std::unique_ptr<ExprNode>;
    using StmtPtr = std::unique_ptr<StmtNode>;

    const Token &peek(int ahead = 0) const;
    const Token &take() { return m_tokens[std::min<size_t>(m_pos++, m_tokens.size() - 1)]; }
    bool accept(QLatin1String punct);
    bool acceptKeyword(QLatin1String word);
    bool expect(QLatin1String punct);
    bool failAt(int offset, const QString &message);
    bool failHere(const QString &message);
    bool failed() const { return !m_error.message.isEmpty(); }

    ExprPtr parseExpression();
    ExprPtr parseAssignment();
    ExprPtr parseConditional();
    ExprPtr parseCoalesce();
    ExprPtr parseBinary(int level);
    ExprPtr parseUnary();
    ExprPtr parsePostfix(ExprPtr e);
    ExprPtr parsePrimary();
    ExprPtr parseNew();
    ExprPtr parseLambda();
    bool parseArguments(ExprNode *call, QLatin1String close);
    bool parseInterpolated(const Token &t, ExprNode *node);

    bool parseType(TypeRef *type, bool allowNullable = true);
    bool tryTypeArguments(std::vector<TypeRef> *args); // speculative: restores on failure
    bool isLambdaAhead() const;
    bool isCastAhead();

    bool parseStatement(std::vector<StmtPtr> *out);
    StmtPtr parseEmbedded();
    StmtPtr parseBlock();
    bool tryDeclaration(std::vector<StmtPtr> *out, bool requireSemicolon);
    bool tryLocalFunction(std::vector<StmtPtr> *out);

    const QString &m_src;
    std::vector<Token> m_tokens;
    size_t m_pos = 0;
    int m_depth = 0; // recursion guard (hostile inputs must not overflow the stack)
    SyntaxError m_error;
};

} // namespace sluice
