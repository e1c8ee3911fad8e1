#include "Parser.h"

namespace sluice {

namespace {

bool isPredefinedType(const QString &name)
{
    static const char *const names[] = {"string", "int", "long", "double", "bool", "char", "object", "decimal",
                                        "float", "byte", "uint", "ulong", "short", "ushort", "sbyte", "void"};
    for (const char *n : names) {
        if (name == QLatin1String(n))
            return true;
    }
    return false;
}

std::unique_ptr<ExprNode> makeNode(NodeKind kind, int offset)
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

std::unique_ptr<ExprNode> Parser::parseExpression()
{
    return parseAssignment();
}

bool Parser::isLambdaAhead() const
{
    if (peek().isIdentifier() && peek(1).is(QLatin1String("=>")))
        return true;
    if (!peek().is(QLatin1String("(")))
        return false;
    int depth = 0;
    for (size_t i = m_pos; i < m_tokens.size(); ++i) {
        const Token &t = m_tokens[i];
        if (t.is(QLatin1String("(")))
            ++depth;
        else if (t.is(QLatin1String(")")) && --depth == 0)
            return i + 1 < m_tokens.size() && m_tokens[i + 1].is(QLatin1String("=>"));
        else if (t.kind == TokenKind::End)
            return false;
    }
    return false;
}

std::unique_ptr<ExprNode> Parser::parseLambda()
{
    auto n = makeNode(NodeKind::Lambda, peek().start);
    if (accept(QLatin1String("("))) {
        while (!peek().is(QLatin1String(")"))) {
            // `x`, or `Type x`
            if (peek().isIdentifier() && (peek(1).is(QLatin1String(",")) || peek(1).is(QLatin1String(")")))) {
                n->lambdaParams.push_back(take().text);
            } else {
                TypeRef ignored;
                if (!parseType(&ignored) || !peek().isIdentifier()) {
                    failHere(tr("expected a lambda parameter"));
                    return nullptr;
                }
                n->lambdaParams.push_back(take().text);
            }
            if (!accept(QLatin1String(",")))
                break;
        }
        if (!expect(QLatin1String(")")))
            return nullptr;
    } else {
        n->lambdaParams.push_back(take().text);
    }
    if (!expect(QLatin1String("=>")))
        return nullptr;
    if (peek().is(QLatin1String("{"))) {
        n->lambdaBlock = parseBlock();
        if (!n->lambdaBlock)
            return nullptr;
    } else {
        auto body = parseExpression();
        if (!body)
            return nullptr;
        n->children.push_back(std::move(body));
    }
    return n;
}

std::unique_ptr<ExprNode> Parser::parseAssignment()
{
    if (isLambdaAhead())
        return parseLambda();
    auto left = parseConditional();
    if (!left)
        return nullptr;
    static const struct
    {
        const char *text;
        Op op;
    } assignments[] = {{"=", Op::None},  {"+=", Op::Add}, {"-=", Op::Sub}, {"*=", Op::Mul},
                       {"/=", Op::Div},  {"%=", Op::Mod}, {"&=", Op::And}, {"|=", Op::Or},
                       {"^=", Op::Xor},  {"?" "?=", Op::Coalesce}};
    for (const auto &a : assignments) {
        if (peek().is(QLatin1String(a.text))) {
            auto n = makeNode(NodeKind::Assign, take().start);
            n->op = a.op;
            auto right = parseAssignment();
            if (!right)
                return nullptr;
            n->children.push_back(std::move(left));
            n->children.push_back(std::move(right));
            return n;
        }
    }
    return left;
}

std::unique_ptr<ExprNode> Parser::parseConditional()
{
    auto cond = parseCoalesce();
    if (!cond || !peek().is(QLatin1String("?")))
        return cond;
    auto n = makeNode(NodeKind::Conditional, take().start);
    auto a = parseExpression();
    if (!a || !expect(QLatin1String(":")))
        return nullptr;
    auto b = parseExpression();
    if (!b)
        return nullptr;
    n->children.push_back(std::move(cond));
    n->children.push_back(std::move(a));
    n->children.push_back(std::move(b));
    return n;
}

std::unique_ptr<ExprNode> Parser::parseCoalesce()
{
    auto left = parseBinary(0);
    if (!left || !peek().is(QLatin1String("??")))
        return left;
    auto n = makeNode(NodeKind::Binary, take().start);
    n->op = Op::Coalesce;
    auto right = parseCoalesce();
    if (!right)
        return nullptr;
    n->children.push_back(std::move(left));
    n->children.push_back(std::move(right));
    return n;
}

std::unique_ptr<ExprNode> Parser::parseBinary(int level)
{
    if (level > 9)
        return parseUnary();
    auto left = parseBinary(level + 1);
    while (left) {
        const Token &t = peek();
        Op op = Op::None;
        int width = 1;
        if (t.kind == TokenKind::Punct) {
            const QString &p = t.text;
            switch (level) {
            case 0: op = p == QLatin1String("||") ? Op::OrElse : Op::None; break;
            case 1: op = p == QLatin1String("&&") ? Op::AndAlso : Op::None; break;
            case 2: op = p == QLatin1String("|") ? Op::Or : Op::None; break;
            case 3: op = p == QLatin1String("^") ? Op::Xor : Op::None; break;
            case 4: op = p == QLatin1String("&") ? Op::And : Op::None; break;
            case 5: op = p == QLatin1String("==") ? Op::Eq : p == QLatin1String("!=") ? Op::Ne : Op::None; break;
            case 6:
                if (p == QLatin1String(">") && peek(1).is(QLatin1String(">")) && peek(1).start == t.end)
                    break;
                op = p == QLatin1String("<")    ? Op::Lt
                    : p == QLatin1String(">")  ? Op::Gt
                    : p == QLatin1String("<=") ? Op::Le
                    : p == QLatin1String(">=") ? Op::Ge
                                               : Op::None;
                break;
            case 7:
                if (p == QLatin1String("<<")) {
                    op = Op::Shl;
                } else if (p == QLatin1String(">") && peek(1).is(QLatin1String(">")) && peek(1).start == t.end) {
                    op = Op::Shr;
                    width = 2;
                }
                break;
            case 8: op = p == QLatin1String("+") ? Op::Add : p == QLatin1String("-") ? Op::Sub : Op::None; break;
            case 9:
                op = p == QLatin1String("*")   ? Op::Mul
                    : p == QLatin1String("/") ? Op::Div
                    : p == QLatin1String("%") ? Op::Mod
                                              : Op::None;
                break;
            }
        } else if (level == 6 && (t.isKeyword(QLatin1String("is")) || t.isKeyword(QLatin1String("as")))) {
            const bool isIs = t.text == QLatin1String("is");
            auto n = makeNode(isIs ? NodeKind::Is : NodeKind::As, take().start);
            if (isIs && peek().isKeyword(QLatin1String("null"))) {
                take();
                n->typeRef.name = QStringLiteral("null");
            } else if (isIs && peek().isKeyword(QLatin1String("not")) ) {
                failHere(tr("patterns are not supported"));
                return nullptr;
            } else if (!parseType(&n->typeRef, !isIs)) {
                failHere(tr("expected a type"));
                return nullptr;
            }
            if (isIs && peek().isIdentifier()) {
                n->name = take().text; // `x is string s`
            }
            n->children.push_back(std::move(left));
            left = std::move(n);
            continue;
        }
        if (op == Op::None)
            break;
        auto n = makeNode(NodeKind::Binary, t.start);
        for (int i = 0; i < width; ++i)
            take();
        n->op = op;
        auto right = parseBinary(level + 1);
        if (!right)
            return nullptr;
        n->children.push_back(std::move(left));
        n->children.push_back(std::move(right));
        left = std::move(n);
    }
    return left;
}

bool Parser::isCastAhead()
{
    // at '(': `(Type)` followed by something that starts an operand
    const size_t saved = m_pos;
    take();
    TypeRef type;
    bool cast = false;
    if (parseType(&type) && peek().is(QLatin1String(")"))) {
        const Token &after = peek(1);
        if (isPredefinedType(type.name) && type.args.empty()) {
            cast = !(after.kind == TokenKind::Punct
                     && (after.text == QLatin1String(")") || after.text == QLatin1String(";")
                         || after.text == QLatin1String(",") || after.text == QLatin1String(".")));
        } else {
            cast = (after.kind == TokenKind::Identifier
                    && !(after.keyword
                         && (after.text == QLatin1String("is") || after.text == QLatin1String("as")
                             || after.text == QLatin1String("in"))))
                || after.kind == TokenKind::Int || after.kind == TokenKind::Long || after.kind == TokenKind::Double
                || after.kind == TokenKind::String || after.kind == TokenKind::Char
                || after.kind == TokenKind::Interpolated || after.is(QLatin1String("("))
                || after.is(QLatin1String("!")) || after.is(QLatin1String("~"));
        }
    }
    m_pos = saved;
    return cast;
}

std::unique_ptr<ExprNode> Parser::parseUnary()
{
    DepthGuard guard(m_depth);
    if (m_depth > MaxNesting) {
        failHere(tr("the expression is nested too deeply"));
        return nullptr;
    }
    const Token &t = peek();
    if (t.kind == TokenKind::Punct) {
        Op op = Op::None;
        if (t.text == QLatin1String("!"))
            op = Op::Not;
        else if (t.text == QLatin1String("-"))
            op = Op::Neg;
        else if (t.text == QLatin1String("+"))
            op = Op::Plus;
        else if (t.text == QLatin1String("~"))
            op = Op::Complement;
        else if (t.text == QLatin1String("++"))
            op = Op::PreInc;
        else if (t.text == QLatin1String("--"))
            op = Op::PreDec;
        if (op != Op::None) {
            auto n = makeNode(op == Op::PreInc || op == Op::PreDec ? NodeKind::IncDec : NodeKind::Unary, take().start);
            n->op = op;
            auto operand = parseUnary();
            if (!operand)
                return nullptr;
            // fold negative literals so that int.MinValue and -1L stay exact
            if (op == Op::Neg && operand->kind == NodeKind::Literal && !operand->isParenthesized) {
                const Value &v = operand->value;
                if (v.kind() == Value::Kind::Int) {
                    operand->value = Value::fromInt(qint32(-qint64(v.asInt())));
                    operand->offset = n->offset;
                    return operand;
                }
                if (v.kind() == Value::Kind::Long) {
                    const qint64 l = v.asLong();
                    operand->value = l == 2147483648LL ? Value::fromInt(qint32(-2147483647 - 1))
                                                       : Value::fromLong(qint64(0ULL - quint64(l)));
                    operand->offset = n->offset;
                    return operand;
                }
                if (v.kind() == Value::Kind::Double) {
                    operand->value = Value::fromDouble(-v.asDouble());
                    operand->offset = n->offset;
                    return operand;
                }
            }
            n->children.push_back(std::move(operand));
            return n;
        }
        if (t.text == QLatin1String("(") && isCastAhead()) {
            auto n = makeNode(NodeKind::Cast, take().start);
            parseType(&n->typeRef);
            take(); // ')'
            auto operand = parseUnary();
            if (!operand)
                return nullptr;
            n->children.push_back(std::move(operand));
            return n;
        }
    }
    auto primary = parsePrimary();
    if (!primary)
        return nullptr;
    return parsePostfix(std::move(primary));
}

bool Parser::parseArguments(ExprNode *call, QLatin1String close)
{
    // after the opening bracket
    if (accept(close))
        return true;
    for (;;) {
        QString name;
        if (peek().isIdentifier() && peek(1).is(QLatin1String(":")) && !peek(1).is(QLatin1String("::"))) {
            name = take().text;
            take();
        }
        std::unique_ptr<ExprNode> arg;
        if (peek().isKeyword(QLatin1String("out")) || peek().isKeyword(QLatin1String("ref"))) {
            const int start = take().start;
            if ((peek().kind == TokenKind::Identifier) && peek(1).isIdentifier()) {
                // out var x / out T x
                arg = makeNode(NodeKind::Name, peek(1).start);
                if (!parseType(&arg->typeRef))
                    return failHere(tr("expected a type"));
                arg->name = take().text;
            } else if (peek().isIdentifier()) {
                TypeRef declared;
                const size_t saved = m_pos;
                if (parseType(&declared) && peek().isIdentifier()) {
                    arg = makeNode(NodeKind::Name, peek().start);
                    arg->typeRef = declared;
                    arg->name = take().text;
                } else {
                    m_pos = saved;
                    arg = makeNode(NodeKind::Name, peek().start);
                    arg->name = take().text;
                }
            } else {
                return failAt(start, tr("expected a variable after 'out'"));
            }
            arg->isOutArgument = true;
        } else {
            arg = parseExpression();
            if (!arg)
                return false;
        }
        call->children.push_back(std::move(arg));
        call->argumentNames.push_back(name);
        if (accept(QLatin1String(","))) {
            if (close == QLatin1String("}") && accept(close))
                return true; // trailing comma in an initializer
            continue;
        }
        return expect(close);
    }
}

std::unique_ptr<ExprNode> Parser::parsePostfix(std::unique_ptr<ExprNode> e)
{
    bool conditionalChain = false;
    for (;;) {
        const Token &t = peek();
        if (t.is(QLatin1String(".")) || t.is(QLatin1String("?."))) {
            const bool conditional = t.text == QLatin1String("?.");
            conditionalChain = conditionalChain || conditional;
            take();
            if (peek().kind != TokenKind::Identifier) {
                failHere(tr("expected a member name after '%1'").arg(t.text));
                return nullptr;
            }
            auto n = makeNode(NodeKind::Member, peek().start);
            n->name = take().text;
            n->nullConditional = conditionalChain;
            if (peek().is(QLatin1String("<"))) {
                std::vector<TypeRef> args;
                const size_t saved = m_pos;
                if (tryTypeArguments(&args)) {
                    const Token &after = peek();
                    static const char *const follows[] = {"(", ")", "]", "}", ":", ";", ",", ".", "?", "==",
                                                          "!=", "|", "^", "&&", "||", "&", "["};
                    bool ok = after.kind == TokenKind::End;
                    for (const char *f : follows)
                        ok = ok || after.is(QLatin1String(f));
                    if (ok)
                        n->typeArgs = std::move(args);
                    else
                        m_pos = saved;
                }
            }
            n->children.push_back(std::move(e));
            e = std::move(n);
        } else if (t.is(QLatin1String("[")) || t.is(QLatin1String("?["))) {
            const bool conditional = t.text == QLatin1String("?[");
            conditionalChain = conditionalChain || conditional;
            auto n = makeNode(NodeKind::Index, take().start);
            n->nullConditional = conditionalChain;
            n->children.push_back(std::move(e));
            if (!parseArguments(n.get(), QLatin1String("]")))
                return nullptr;
            n->argumentNames.insert(n->argumentNames.begin(), QString());
            e = std::move(n);
        } else if (t.is(QLatin1String("("))) {
            auto n = makeNode(NodeKind::Call, take().start);
            n->nullConditional = conditionalChain;
            n->children.push_back(std::move(e));
            if (!parseArguments(n.get(), QLatin1String(")")))
                return nullptr;
            n->argumentNames.insert(n->argumentNames.begin(), QString());
            e = std::move(n);
        } else if (t.is(QLatin1String("++")) || t.is(QLatin1String("--"))) {
            auto n = makeNode(NodeKind::IncDec, take().start);
            n->op = t.text == QLatin1String("++") ? Op::PostInc : Op::PostDec;
            n->children.push_back(std::move(e));
            e = std::move(n);
        } else if (t.is(QLatin1String("!")) && (peek(1).is(QLatin1String(".")) || peek(1).is(QLatin1String(")")))) {
            take(); // null-forgiving operator
        } else {
            return e;
        }
    }
}

bool Parser::parseInterpolated(const Token &t, ExprNode *node)
{
    node->parts = t.parts;
    for (const InterpolationPart &part : t.parts) {
        if (!part.isHole)
            continue;
        SyntaxError error;
        auto hole = parseExpressionRange(m_src, part.start, part.end, &error, m_depth);
        if (!hole)
            return failAt(error.offset, error.message);
        node->children.push_back(std::move(hole));
    }
    return true;
}

std::unique_ptr<ExprNode> Parser::parsePrimary()
{
    const Token &t = peek();
    switch (t.kind) {
    case TokenKind::Int: {
        auto n = makeNode(NodeKind::Literal, take().start);
        n->value = Value::fromInt(qint32(t.intValue));
        return n;
    }
    case TokenKind::Long: {
        auto n = makeNode(NodeKind::Literal, take().start);
        n->value = Value::fromLong(t.intValue);
        return n;
    }
    case TokenKind::Double: {
        auto n = makeNode(NodeKind::Literal, take().start);
        n->value = Value::fromDouble(t.doubleValue);
        return n;
    }
    case TokenKind::String: {
        auto n = makeNode(NodeKind::Literal, take().start);
        n->value = Value::fromString(t.text);
        return n;
    }
    case TokenKind::Char: {
        auto n = makeNode(NodeKind::Literal, take().start);
        n->value = Value::fromChar(t.text.at(0).unicode());
        return n;
    }
    case TokenKind::Interpolated: {
        auto n = makeNode(NodeKind::Interpolated, t.start);
        const Token tok = take();
        if (!parseInterpolated(tok, n.get()))
            return nullptr;
        return n;
    }
    case TokenKind::Identifier: {
        if (t.keyword) {
            if (t.text == QLatin1String("true") || t.text == QLatin1String("false")) {
                auto n = makeNode(NodeKind::Literal, take().start);
                n->value = Value::fromBool(t.text == QLatin1String("true"));
                return n;
            }
            if (t.text == QLatin1String("null"))
                return makeNode(NodeKind::Literal, take().start);
            if (t.text == QLatin1String("new"))
                return parseNew();
            if (t.text == QLatin1String("typeof") || t.text == QLatin1String("default")) {
                auto n = makeNode(t.text == QLatin1String("typeof") ? NodeKind::Typeof : NodeKind::Default,
                                  take().start);
                if (n->kind == NodeKind::Default && !peek().is(QLatin1String("(")))
                    return makeNode(NodeKind::Literal, n->offset);
                if (!expect(QLatin1String("(")) || !parseType(&n->typeRef) || !expect(QLatin1String(")"))) {
                    failHere(tr("expected a type"));
                    return nullptr;
                }
                return n;
            }
            if (t.text == QLatin1String("checked") || t.text == QLatin1String("unchecked")) {
                take();
                if (!expect(QLatin1String("(")))
                    return nullptr;
                auto e = parseExpression();
                if (!e || !expect(QLatin1String(")")))
                    return nullptr;
                return e;
            }
            if (!isPredefinedType(t.text)) {
                failHere(tr("unexpected keyword '%1'").arg(t.text));
                return nullptr;
            }
        }
        auto n = makeNode(NodeKind::Name, t.start);
        n->name = take().text;
        if (peek().is(QLatin1String("<"))) {
            const size_t saved = m_pos;
            std::vector<TypeRef> args;
            if (tryTypeArguments(&args) && (peek().is(QLatin1String(".")) || peek().is(QLatin1String("("))))
                n->typeArgs = std::move(args);
            else
                m_pos = saved;
        }
        return n;
    }
    case TokenKind::Punct:
        if (t.text == QLatin1String("(")) {
            take();
            auto e = parseExpression();
            if (!e || !expect(QLatin1String(")")))
                return nullptr;
            e->isParenthesized = true;
            return e;
        }
        failHere(tr("unexpected '%1'").arg(t.text));
        return nullptr;
    case TokenKind::End:
        failHere(tr("unexpected end of expression"));
        return nullptr;
    }
    return nullptr;
}

std::unique_ptr<ExprNode> Parser::parseNew()
{
    const int start = take().start; // new
    if (accept(QLatin1String("["))) {
        auto n = makeNode(NodeKind::NewArray, start);
        if (!expect(QLatin1String("]")) || !expect(QLatin1String("{")))
            return nullptr;
        if (!parseArguments(n.get(), QLatin1String("}")))
            return nullptr;
        return n;
    }
    if (peek().is(QLatin1String("{"))) {
        // anonymous object
        auto n = makeNode(NodeKind::AnonymousObject, take().start);
        while (!peek().is(QLatin1String("}"))) {
            QString name;
            if (peek().kind == TokenKind::Identifier && peek(1).is(QLatin1String("="))) {
                name = take().text;
                take();
            }
            const int valueStart = peek().start;
            auto value = parseExpression();
            if (!value)
                return nullptr;
            if (name.isEmpty()) {
                if (value->kind == NodeKind::Member || value->kind == NodeKind::Name)
                    name = value->name;
                else {
                    failAt(valueStart, tr("an anonymous object member needs a name"));
                    return nullptr;
                }
            }
            n->argumentNames.push_back(name);
            n->children.push_back(std::move(value));
            if (!accept(QLatin1String(",")))
                break;
        }
        if (!expect(QLatin1String("}")))
            return nullptr;
        return n;
    }
    TypeRef type;
    // element type without the [] suffix: parse name and type arguments only
    if (!parseType(&type, false)) {
        failHere(tr("expected a type after 'new'"));
        return nullptr;
    }
    if (type.rank > 0 || peek().is(QLatin1String("["))) {
        auto n = makeNode(NodeKind::NewArray, start);
        if (type.rank == 0) {
            // new T[n]
            take();
            auto size = parseExpression();
            if (!size || !expect(QLatin1String("]")))
                return nullptr;
            n->sizedArray = true;
            n->children.push_back(std::move(size));
        } else {
            type.rank -= 1;
        }
        n->typeRef = type;
        if (accept(QLatin1String("{"))) {
            if (n->sizedArray) {
                n->children.clear();
                n->sizedArray = false;
            }
            if (!parseArguments(n.get(), QLatin1String("}")))
                return nullptr;
        } else if (!n->sizedArray) {
            failHere(tr("expected an array initializer"));
            return nullptr;
        }
        return n;
    }
    auto n = makeNode(NodeKind::New, start);
    n->typeRef = type;
    if (accept(QLatin1String("("))) {
        if (!parseArguments(n.get(), QLatin1String(")")))
            return nullptr;
    } else if (!peek().is(QLatin1String("{"))) {
        failHere(tr("expected '(' after the type"));
        return nullptr;
    }
    if (accept(QLatin1String("{"))) {
        n->initializerStart = int(n->children.size());
        while (!peek().is(QLatin1String("}"))) {
            if (peek().isIdentifier() && peek(1).is(QLatin1String("="))) {
                n->objectInitializer = true;
                n->argumentNames.push_back(take().text);
                take();
                auto v = parseExpression();
                if (!v)
                    return nullptr;
                n->children.push_back(std::move(v));
            } else if (accept(QLatin1String("{"))) {
                // dictionary element { key, value }: a nested NewArray holding both
                auto pair = makeNode(NodeKind::NewArray, peek().start);
                pair->name = QStringLiteral("{pair}");
                if (!parseArguments(pair.get(), QLatin1String("}")))
                    return nullptr;
                n->argumentNames.push_back(QString());
                n->children.push_back(std::move(pair));
            } else if (peek().is(QLatin1String("["))) {
                // [key] = value
                const int s = take().start;
                auto pair = makeNode(NodeKind::NewArray, s);
                pair->name = QStringLiteral("{pair}");
                auto key = parseExpression();
                if (!key || !expect(QLatin1String("]")) || !expect(QLatin1String("=")))
                    return nullptr;
                auto v = parseExpression();
                if (!v)
                    return nullptr;
                pair->children.push_back(std::move(key));
                pair->children.push_back(std::move(v));
                n->argumentNames.push_back(QString());
                n->children.push_back(std::move(pair));
            } else {
                auto v = parseExpression();
                if (!v)
                    return nullptr;
                n->argumentNames.push_back(QString());
                n->children.push_back(std::move(v));
            }
            if (!accept(QLatin1String(",")))
                break;
        }
        if (!expect(QLatin1String("}")))
            return nullptr;
    }
    return n;
}

// ---- statements

std::unique_ptr<StmtNode> Parser::parseBlock()
{
    auto b = std::make_unique<StmtNode>();
    b->kind = StmtKind::Block;
    b->offset = peek().start;
    if (!expect(QLatin1String("{")))
        return nullptr;
    while (!peek().is(QLatin1String("}"))) {
        if (peek().kind == TokenKind::End) {
            failHere(tr("expected '}'"));
            return nullptr;
        }
        if (!parseStatement(&b->body))
            return nullptr;
    }
    take();
    return b;
}

std::unique_ptr<StmtNode> Parser::parseEmbedded()
{
    std::vector<StmtPtr> list;
    const int start = peek().start;
    if (!parseStatement(&list))
        return nullptr;
    if (list.size() == 1)
        return std::move(list.front());
    auto b = std::make_unique<StmtNode>();
    b->kind = StmtKind::Block;
    b->offset = start;
    b->body = std::move(list);
    return b;
}

bool Parser::tryDeclaration(std::vector<StmtPtr> *out, bool requireSemicolon)
{
    const size_t saved = m_pos;
    TypeRef type;
    if (!parseType(&type) || !peek().isIdentifier()) {
        m_pos = saved;
        return false;
    }
    const Token &after = peek(1);
    if (!(after.is(QLatin1String("=")) || after.is(QLatin1String(";")) || after.is(QLatin1String(","))
          || after.isKeyword(QLatin1String("in")))) {
        m_pos = saved;
        return false;
    }
    for (;;) {
        auto d = std::make_unique<StmtNode>();
        d->kind = StmtKind::Declaration;
        d->offset = peek().start;
        d->typeRef = type;
        if (!peek().isIdentifier())
            return failHere(tr("expected a variable name"));
        d->name = take().text;
        if (accept(QLatin1String("="))) {
            if (peek().is(QLatin1String("{"))) {
                // array initializer `T[] a = { ... }`
                auto n = makeNode(NodeKind::NewArray, take().start);
                TypeRef elem = type;
                elem.rank = std::max(0, elem.rank - 1);
                n->typeRef = elem;
                if (!parseArguments(n.get(), QLatin1String("}")))
                    return false;
                d->expr = std::move(n);
            } else {
                d->expr = parseExpression();
                if (!d->expr)
                    return false;
            }
        }
        out->push_back(std::move(d));
        if (!accept(QLatin1String(",")))
            break;
    }
    if (requireSemicolon)
        return expect(QLatin1String(";"));
    return true;
}

bool Parser::tryLocalFunction(std::vector<StmtPtr> *out)
{
    // Type Name(Type a, Type b) { ... }
    const size_t saved = m_pos;
    TypeRef result;
    const bool isVoid = peek().isKeyword(QLatin1String("void"));
    if (!(isVoid || parseType(&result)) || !peek(isVoid ? 1 : 0).isIdentifier()
        || !peek(isVoid ? 2 : 1).is(QLatin1String("("))) {
        m_pos = saved;
        return false;
    }
    if (isVoid)
        result.name = take().text;
    auto f = std::make_unique<StmtNode>();
    f->kind = StmtKind::LocalFunction;
    f->offset = peek().start;
    f->typeRef = result;
    f->name = take().text;
    take(); // (
    while (!peek().is(QLatin1String(")"))) {
        TypeRef type;
        if (!parseType(&type) || !peek().isIdentifier()) {
            m_pos = saved;
            return false;
        }
        f->parameters.emplace_back(type, take().text);
        if (!accept(QLatin1String(",")))
            break;
    }
    if (!accept(QLatin1String(")")) || !peek().is(QLatin1String("{"))) {
        m_pos = saved;
        return false;
    }
    f->then = parseBlock();
    if (!f->then)
        return false;
    out->push_back(std::move(f));
    return true;
}

bool Parser::parseStatement(std::vector<StmtPtr> *out)
{
    DepthGuard guard(m_depth);
    if (m_depth > MaxNesting)
        return failHere(tr("the statements are nested too deeply"));
    const Token &t = peek();
    auto s = std::make_unique<StmtNode>();
    s->offset = t.start;
    if (t.is(QLatin1String("{"))) {
        auto b = parseBlock();
        if (!b)
            return false;
        out->push_back(std::move(b));
        return true;
    }
    if (t.is(QLatin1String(";"))) {
        take();
        s->kind = StmtKind::Empty;
        out->push_back(std::move(s));
        return true;
    }
    if (t.kind == TokenKind::Identifier && t.keyword) {
        const QString &k = t.text;
        if (k == QLatin1String("if")) {
            take();
            s->kind = StmtKind::If;
            if (!expect(QLatin1String("(")) || !(s->expr = parseExpression()) || !expect(QLatin1String(")")))
                return false;
            if (!(s->then = parseEmbedded()))
                return false;
            if (acceptKeyword(QLatin1String("else")) && !(s->other = parseEmbedded()))
                return false;
            out->push_back(std::move(s));
            return true;
        }
        if (k == QLatin1String("while")) {
            take();
            s->kind = StmtKind::While;
            if (!expect(QLatin1String("(")) || !(s->expr = parseExpression()) || !expect(QLatin1String(")")))
                return false;
            if (!(s->then = parseEmbedded()))
                return false;
            out->push_back(std::move(s));
            return true;
        }
        if (k == QLatin1String("do")) {
            take();
            s->kind = StmtKind::DoWhile;
            if (!(s->then = parseEmbedded()))
                return false;
            if (!acceptKeyword(QLatin1String("while")))
                return failHere(tr("expected 'while'"));
            if (!expect(QLatin1String("(")) || !(s->expr = parseExpression()) || !expect(QLatin1String(")"))
                || !expect(QLatin1String(";")))
                return false;
            out->push_back(std::move(s));
            return true;
        }
        if (k == QLatin1String("for")) {
            take();
            s->kind = StmtKind::For;
            if (!expect(QLatin1String("(")))
                return false;
            if (!peek().is(QLatin1String(";"))) {
                if (!tryDeclaration(&s->body, false)) {
                    if (failed())
                        return false;
                    do {
                        auto e = std::make_unique<StmtNode>();
                        e->kind = StmtKind::Expression;
                        e->offset = peek().start;
                        if (!(e->expr = parseExpression()))
                            return false;
                        s->body.push_back(std::move(e));
                    } while (accept(QLatin1String(",")));
                }
            }
            if (!expect(QLatin1String(";")))
                return false;
            if (!peek().is(QLatin1String(";")) && !(s->expr = parseExpression()))
                return false;
            if (!expect(QLatin1String(";")))
                return false;
            while (!peek().is(QLatin1String(")"))) {
                auto e = parseExpression();
                if (!e)
                    return false;
                s->exprs.push_back(std::move(e));
                if (!accept(QLatin1String(",")))
                    break;
            }
            if (!expect(QLatin1String(")")) || !(s->then = parseEmbedded()))
                return false;
            out->push_back(std::move(s));
            return true;
        }
        if (k == QLatin1String("foreach")) {
            take();
            s->kind = StmtKind::Foreach;
            if (!expect(QLatin1String("(")))
                return false;
            if (!parseType(&s->typeRef) || !peek().isIdentifier())
                return failHere(tr("expected 'var name in' in foreach"));
            s->name = take().text;
            if (!acceptKeyword(QLatin1String("in")))
                return failHere(tr("expected 'in'"));
            if (!(s->expr = parseExpression()) || !expect(QLatin1String(")")) || !(s->then = parseEmbedded()))
                return false;
            out->push_back(std::move(s));
            return true;
        }
        if (k == QLatin1String("return") || k == QLatin1String("throw")) {
            take();
            s->kind = k == QLatin1String("return") ? StmtKind::Return : StmtKind::Throw;
            if (!peek().is(QLatin1String(";")) && !(s->expr = parseExpression()))
                return false;
            if (!expect(QLatin1String(";")))
                return false;
            out->push_back(std::move(s));
            return true;
        }
        if (k == QLatin1String("break") || k == QLatin1String("continue")) {
            take();
            s->kind = k == QLatin1String("break") ? StmtKind::Break : StmtKind::Continue;
            if (!expect(QLatin1String(";")))
                return false;
            out->push_back(std::move(s));
            return true;
        }
        if (k == QLatin1String("try")) {
            take();
            s->kind = StmtKind::Try;
            if (!(s->then = parseBlock()))
                return false;
            if (acceptKeyword(QLatin1String("catch"))) {
                if (accept(QLatin1String("("))) {
                    if (!parseType(&s->typeRef))
                        return failHere(tr("expected an exception type"));
                    if (peek().isIdentifier())
                        s->name = take().text;
                    if (!expect(QLatin1String(")")))
                        return false;
                }
                if (!(s->other = parseBlock()))
                    return false;
                while (peek().isKeyword(QLatin1String("catch")))
                    return failHere(tr("only one catch clause is supported"));
            }
            if (acceptKeyword(QLatin1String("finally")) && !(s->finally = parseBlock()))
                return false;
            if (!s->other && !s->finally)
                return failHere(tr("expected 'catch' or 'finally'"));
            out->push_back(std::move(s));
            return true;
        }
        if (k == QLatin1String("using")) {
            // using (var x = e) stmt: a block with the declaration
            take();
            s->kind = StmtKind::Block;
            if (!expect(QLatin1String("(")))
                return false;
            if (!tryDeclaration(&s->body, false)) {
                if (failed())
                    return false;
                auto e = std::make_unique<StmtNode>();
                e->kind = StmtKind::Expression;
                if (!(e->expr = parseExpression()))
                    return false;
                s->body.push_back(std::move(e));
            }
            if (!expect(QLatin1String(")")))
                return false;
            auto inner = parseEmbedded();
            if (!inner)
                return false;
            s->body.push_back(std::move(inner));
            out->push_back(std::move(s));
            return true;
        }
        if (k == QLatin1String("switch")) {
            take();
            s->kind = StmtKind::Switch;
            if (!expect(QLatin1String("(")) || !(s->expr = parseExpression()) || !expect(QLatin1String(")"))
                || !expect(QLatin1String("{")))
                return false;
            while (!accept(QLatin1String("}"))) {
                SwitchSection section;
                bool any = false;
                for (;;) {
                    if (acceptKeyword(QLatin1String("case"))) {
                        auto label = parseExpression();
                        if (!label || !expect(QLatin1String(":")))
                            return false;
                        section.labels.push_back(std::move(label));
                        any = true;
                    } else if (peek().isKeyword(QLatin1String("default")) && peek(1).is(QLatin1String(":"))) {
                        take();
                        take();
                        section.hasDefault = true;
                        any = true;
                    } else {
                        break;
                    }
                }
                if (!any)
                    return failHere(tr("expected 'case' or 'default'"));
                while (!peek().isKeyword(QLatin1String("case"))
                       && !(peek().isKeyword(QLatin1String("default")) && peek(1).is(QLatin1String(":")))
                       && !peek().is(QLatin1String("}"))) {
                    if (peek().kind == TokenKind::End)
                        return failHere(tr("expected '}'"));
                    if (!parseStatement(&section.body))
                        return false;
                }
                s->sections.push_back(std::move(section));
            }
            out->push_back(std::move(s));
            return true;
        }
    }
    if (t.isKeyword(QLatin1String("const"))) {
        take();
        if (!tryDeclaration(out, true))
            return failed() ? false : failHere(tr("expected a constant declaration"));
        return true;
    }
    if ((t.isKeyword(QLatin1String("unchecked")) || t.isKeyword(QLatin1String("checked")))
        && peek(1).is(QLatin1String("{"))) {
        take();
        auto b = parseBlock();
        if (!b)
            return false;
        out->push_back(std::move(b));
        return true;
    }
    if (t.kind == TokenKind::Identifier) {
        if (tryLocalFunction(out))
            return true;
        if (failed())
            return false;
        if (tryDeclaration(out, true))
            return true;
        if (failed())
            return false;
    }
    s->kind = StmtKind::Expression;
    if (!(s->expr = parseExpression()))
        return false;
    if (!expect(QLatin1String(";")))
        return false;
    out->push_back(std::move(s));
    return true;
}

} // namespace sluice
