#include "Parser.h"
#include "ParserSupport.h"

namespace sluice {

using namespace parser_detail;

namespace {

constexpr int MaxTreeDepth = 400;

// Depth of the finished tree (iterative: long operator chains are deep too).
int treeDepth(const ExprNode *expr, const StmtNode *stmt, int *offset)
{
    struct Item
    {
        const ExprNode *e;
        const StmtNode *s;
        int depth;
    };
    std::vector<Item> stack{{expr, stmt, 1}};
    int deepest = 0;
    while (!stack.empty()) {
        const Item it = stack.back();
        stack.pop_back();
        if (it.depth > deepest) {
            deepest = it.depth;
            *offset = it.e ? it.e->offset : it.s->offset;
        }
        if (it.e) {
            for (const auto &c : it.e->children)
                if (c)
                    stack.push_back({c.get(), nullptr, it.depth + 1});
            if (it.e->lambdaBlock)
                stack.push_back({nullptr, it.e->lambdaBlock.get(), it.depth + 1});
        } else {
            const StmtNode *s = it.s;
            for (const auto &c : s->body)
                stack.push_back({nullptr, c.get(), it.depth + 1});
            for (const StmtNode *c : {s->then.get(), s->other.get(), s->finally.get()})
                if (c)
                    stack.push_back({nullptr, c, it.depth + 1});
            if (s->expr)
                stack.push_back({s->expr.get(), nullptr, it.depth + 1});
            for (const auto &e : s->exprs)
                stack.push_back({e.get(), nullptr, it.depth + 1});
            for (const SwitchSection &section : s->sections) {
                for (const auto &l : section.labels)
                    stack.push_back({l.get(), nullptr, it.depth + 1});
                for (const auto &b : section.body)
                    stack.push_back({nullptr, b.get(), it.depth + 1});
            }
        }
    }
    return deepest;
}

} // namespace

bool Parser::parseProgram(const QString &source, ParsedProgram *program, SyntaxError *error)
{
    std::vector<Token> tokens;
    if (!source.startsWith(QLatin1Char('@')) || source.size() < 2) {
        *error = {0, tr("a policy expression starts with '@(' or '@{'")};
        return false;
    }
    if (!Lexer::tokenize(source, 1, int(source.size()), &tokens, error))
        return false;
    Parser p(source, std::move(tokens));
    if (p.peek().is(QLatin1String("("))) {
        p.take();
        program->expression = p.parseExpression();
        if (!p.failed() && !p.peek().is(QLatin1String(")")))
            p.failHere(p.peek().kind == TokenKind::End ? tr("expected ')'")
                                                       : tr("unexpected '%1', expected ')'").arg(
                                                           source.mid(p.peek().start, p.peek().end - p.peek().start)));
        if (!p.failed())
            p.take();
    } else if (p.peek().is(QLatin1String("{"))) {
        program->block = p.parseBlock();
    } else {
        p.failHere(tr("a policy expression starts with '@(' or '@{'"));
    }
    if (!p.failed() && p.peek().kind != TokenKind::End)
        p.failHere(tr("unexpected text after the end of the policy expression"));
    if (!p.failed()) {
        int offset = 0;
        if (treeDepth(program->expression.get(), program->block.get(), &offset) > MaxTreeDepth)
            p.failAt(offset, tr("the expression is nested too deeply"));
    }
    if (p.failed()) {
        *error = p.m_error;
        return false;
    }
    return true;
}

std::unique_ptr<ExprNode> Parser::parseExpressionRange(const QString &source, int begin, int end, SyntaxError *error,
                                                      int depth)
{
    std::vector<Token> tokens;
    if (!Lexer::tokenize(source, begin, end, &tokens, error))
        return nullptr;
    Parser p(source, std::move(tokens));
    p.m_depth = depth;
    if (p.peek().kind == TokenKind::End) {
        *error = {begin, tr("empty interpolation hole")};
        return nullptr;
    }
    auto e = p.parseExpression();
    if (!p.failed() && p.peek().kind != TokenKind::End)
        p.failHere(tr("unexpected '%1' in interpolation hole").arg(p.peek().text));
    if (p.failed()) {
        *error = p.m_error;
        return nullptr;
    }
    return e;
}

const Token &Parser::peek(int ahead) const
{
    return m_tokens[std::min<size_t>(m_pos + size_t(ahead), m_tokens.size() - 1)];
}

bool Parser::accept(QLatin1String punct)
{
    if (peek().is(punct)) {
        take();
        return true;
    }
    return false;
}

bool Parser::acceptKeyword(QLatin1String word)
{
    if (peek().isKeyword(word)) {
        take();
        return true;
    }
    return false;
}

bool Parser::expect(QLatin1String punct)
{
    if (accept(punct))
        return true;
    if (peek().kind == TokenKind::End)
        return failHere(tr("expected '%1'").arg(punct));
    return failHere(tr("unexpected '%1', expected '%2'")
                        .arg(m_src.mid(peek().start, peek().end - peek().start), punct));
}

bool Parser::failAt(int offset, const QString &message)
{
    if (m_error.message.isEmpty())
        m_error = {offset, message};
    return false;
}

bool Parser::failHere(const QString &message)
{
    return failAt(peek().start, message);
}

// ---- types

bool Parser::parseType(TypeRef *type, bool allowNullable)
{
    const Token &t = peek();
    if (t.kind != TokenKind::Identifier || (t.keyword && !isPredefinedType(t.text)))
        return false;
    type->offset = t.start;
    type->name = take().text;
    if (!isPredefinedType(type->name)) {
        while (peek().is(QLatin1String(".")) && peek(1).isIdentifier()) {
            take();
            type->name += QLatin1Char('.') + take().text;
        }
        if (peek().is(QLatin1String("<")) && !tryTypeArguments(&type->args))
            return false;
    }
    if (allowNullable && peek().is(QLatin1String("?")) && !peek(1).is(QLatin1String("?"))) {
        // `T?` as a type (nullable) vs the conditional operator: a type context only
        const Token &after = peek(1);
        if (after.isIdentifier() || after.is(QLatin1String(")")) || after.is(QLatin1String(">"))
            || after.is(QLatin1String(",")) || after.is(QLatin1String("["))) {
            take();
            type->nullable = true;
        }
    }
    while (peek().is(QLatin1String("[")) && peek(1).is(QLatin1String("]"))) {
        take();
        take();
        ++type->rank;
    }
    return true;
}

bool Parser::tryTypeArguments(std::vector<TypeRef> *args)
{
    const size_t saved = m_pos;
    if (!accept(QLatin1String("<")))
        return false;
    std::vector<TypeRef> result;
    for (;;) {
        TypeRef t;
        if (!parseType(&t)) {
            m_pos = saved;
            return false;
        }
        result.push_back(std::move(t));
        if (accept(QLatin1String(",")))
            continue;
        if (accept(QLatin1String(">")))
            break;
        m_pos = saved;
        return false;
    }
    *args = std::move(result);
    return true;
}

// ---- expressions

} // namespace sluice
