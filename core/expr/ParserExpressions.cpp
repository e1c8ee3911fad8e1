// The expression half of the parser: precedence climbing from assignment down to primaries.
#include "Parser.h"
#include "ParserSupport.h"

namespace sluice {

using namespace parser_detail;

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

} // namespace sluice
