// The statement half of the parser: blocks, declarations, local functions, control flow.
#include "Parser.h"
#include "ParserSupport.h"

namespace sluice {

using namespace parser_detail;

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
