#include "Lexer.h"

#include <QSet>

#include <cmath>

namespace sluice {

namespace {

bool isIdentStart(QChar c)
{
    return c.isLetter() || c == QLatin1Char('_');
}

bool isIdentPart(QChar c)
{
    return c.isLetterOrNumber() || c == QLatin1Char('_');
}

const char *const punctuation[] = {
    "?" "?=", "<<=", "=>", "==", "!=", "<=", ">=", "&&", "||", "??", "?.", "?[", "++", "--", "+=", "-=", "*=",
    "/=", "%=", "&=", "|=", "^=", "<<", "::", "(", ")", "[", "]", "{", "}", ".", ",", ";", ":", "?", "+", "-",
    "*", "/", "%", "!", "~", "&", "|", "^", "<", ">", "=",
};

} // namespace

bool Lexer::isKeyword(QStringView word)
{
    static const QSet<QString> keywords = [] {
        QSet<QString> s;
        for (const char *k :
             {"true", "false", "null", "new", "is", "as", "typeof", "if", "else", "for", "foreach", "in", "while",
              "do", "return", "break", "continue", "out", "ref", "this", "string", "int", "long", "double", "bool",
              "char", "object", "decimal", "float", "byte", "uint", "ulong", "short", "ushort", "sbyte", "try",
              "catch", "finally", "throw", "switch", "case", "default", "using", "checked", "unchecked", "lock",
              "void", "const", "static", "base", "goto", "sizeof", "params", "class", "struct", "namespace"})
            s.insert(QString::fromLatin1(k));
        return s;
    }();
    return keywords.contains(word.toString());
}

bool Lexer::tokenize(const QString &source, int begin, int end, std::vector<Token> *tokens, SyntaxError *error)
{
    Lexer lexer(source, begin, qMin(end, int(source.size())));
    for (;;) {
        Token t;
        if (!lexer.next(&t)) {
            *error = lexer.m_error;
            return false;
        }
        const bool done = t.kind == TokenKind::End;
        tokens->push_back(std::move(t));
        if (done)
            return true;
    }
}

bool Lexer::fail(int offset, const QString &message)
{
    m_error = {offset, message};
    return false;
}

bool Lexer::next(Token *t)
{
    // whitespace and comments
    for (;;) {
        while (m_pos < m_end && m_src.at(m_pos).isSpace())
            ++m_pos;
        if (at(m_pos) == QLatin1Char('/') && at(m_pos + 1) == QLatin1Char('/')) {
            while (m_pos < m_end && m_src.at(m_pos) != QLatin1Char('\n'))
                ++m_pos;
            continue;
        }
        if (at(m_pos) == QLatin1Char('/') && at(m_pos + 1) == QLatin1Char('*')) {
            const int start = m_pos;
            m_pos += 2;
            while (m_pos < m_end && !(m_src.at(m_pos) == QLatin1Char('*') && at(m_pos + 1) == QLatin1Char('/')))
                ++m_pos;
            if (m_pos >= m_end)
                return fail(start, tr("unterminated comment"));
            m_pos += 2;
            continue;
        }
        break;
    }
    t->start = m_pos;
    if (m_pos >= m_end) {
        t->kind = TokenKind::End;
        t->end = m_pos;
        return true;
    }
    const QChar c = m_src.at(m_pos);
    const QChar c1 = at(m_pos + 1);
    const QChar c2 = at(m_pos + 2);
    if (c == QLatin1Char('@') && c1 == QLatin1Char('"')) {
        ++m_pos;
        return lexString(t, true);
    }
    if ((c == QLatin1Char('$') && c1 == QLatin1Char('"')))
        return m_pos += 1, lexInterpolated(t, false);
    if ((c == QLatin1Char('$') && c1 == QLatin1Char('@') && c2 == QLatin1Char('"'))
        || (c == QLatin1Char('@') && c1 == QLatin1Char('$') && c2 == QLatin1Char('"')))
        return m_pos += 2, lexInterpolated(t, true);
    if (c == QLatin1Char('"'))
        return lexString(t, false);
    if (c == QLatin1Char('\''))
        return lexChar(t);
    if (c.isDigit() || (c == QLatin1Char('.') && c1.isDigit()))
        return lexNumber(t);
    if (isIdentStart(c) || (c == QLatin1Char('@') && isIdentStart(c1))) {
        const bool verbatim = c == QLatin1Char('@');
        if (verbatim)
            ++m_pos;
        const int s = m_pos;
        while (m_pos < m_end && isIdentPart(m_src.at(m_pos)))
            ++m_pos;
        t->kind = TokenKind::Identifier;
        t->text = m_src.mid(s, m_pos - s);
        t->keyword = !verbatim && isKeyword(t->text);
        t->end = m_pos;
        return true;
    }
    for (const char *p : punctuation) {
        const QLatin1String punct(p);
        if (QStringView(m_src).mid(m_pos, qMin<qsizetype>(punct.size(), m_end - m_pos)) == punct) {
            t->kind = TokenKind::Punct;
            t->text = punct;
            m_pos += int(punct.size());
            t->end = m_pos;
            return true;
        }
    }
    return fail(m_pos, tr("unexpected character '%1'").arg(c));
}

bool Lexer::lexNumber(Token *t)
{
    const int s = m_pos;
    bool isReal = false;
    bool hex = false;
    QString digits;
    if (at(m_pos) == QLatin1Char('0') && (at(m_pos + 1) == QLatin1Char('x') || at(m_pos + 1) == QLatin1Char('X'))) {
        m_pos += 2;
        hex = true;
        while (m_pos < m_end && (isxdigit(m_src.at(m_pos).toLatin1()) || m_src.at(m_pos) == QLatin1Char('_'))) {
            if (m_src.at(m_pos) != QLatin1Char('_'))
                digits += m_src.at(m_pos);
            ++m_pos;
        }
        bool ok = false;
        const quint64 v = digits.toULongLong(&ok, 16);
        if (!ok)
            return fail(s, tr("invalid number literal"));
        t->intValue = qint64(v);
    } else {
        auto takeDigits = [&] {
            while (m_pos < m_end && (m_src.at(m_pos).isDigit() || m_src.at(m_pos) == QLatin1Char('_'))) {
                if (m_src.at(m_pos) != QLatin1Char('_'))
                    digits += m_src.at(m_pos);
                ++m_pos;
            }
        };
        takeDigits();
        if (at(m_pos) == QLatin1Char('.') && at(m_pos + 1).isDigit()) {
            isReal = true;
            digits += QLatin1Char('.');
            ++m_pos;
            takeDigits();
        }
        if (at(m_pos) == QLatin1Char('e') || at(m_pos) == QLatin1Char('E')) {
            int p = m_pos + 1;
            if (at(p) == QLatin1Char('+') || at(p) == QLatin1Char('-'))
                ++p;
            if (at(p).isDigit()) {
                isReal = true;
                digits += m_src.mid(m_pos, p - m_pos);
                m_pos = p;
                takeDigits();
            }
        }
    }
    const QChar suffix = at(m_pos).toLower();
    TokenKind kind = TokenKind::Int;
    if (!hex && (suffix == QLatin1Char('d') || suffix == QLatin1Char('f') || suffix == QLatin1Char('m'))) {
        isReal = true;
        t->decimalSuffix = suffix == QLatin1Char('m');
        ++m_pos;
    } else if (suffix == QLatin1Char('l') || suffix == QLatin1Char('u')) {
        kind = TokenKind::Long;
        ++m_pos;
        if (at(m_pos).toLower() == QLatin1Char('l') || at(m_pos).toLower() == QLatin1Char('u'))
            ++m_pos;
    }
    if (isIdentPart(at(m_pos)))
        return fail(s, tr("invalid number literal"));
    if (isReal) {
        bool ok = false;
        t->doubleValue = digits.toDouble(&ok);
        if (!ok)
            return fail(s, tr("invalid number literal"));
        t->kind = TokenKind::Double;
    } else {
        if (!digits.isEmpty() && !hex) {
            bool ok = false;
            const quint64 v = digits.toULongLong(&ok, 10);
            if (!ok)
                return fail(s, tr("integer literal is too large"));
            t->intValue = qint64(v);
        }
        if (kind == TokenKind::Int && (t->intValue > 0x7fffffffLL || t->intValue < 0))
            kind = TokenKind::Long;
        t->kind = kind;
    }
    t->end = m_pos;
    return true;
}

bool Lexer::lexEscape(QString *out)
{
    // at the backslash
    const int s = m_pos;
    const QChar e = at(m_pos + 1);
    m_pos += 2;
    auto hex = [&](int minDigits, int maxDigits, uint *value) {
        int n = 0;
        *value = 0;
        while (n < maxDigits && m_pos < m_end && isxdigit(m_src.at(m_pos).toLatin1())) {
            *value = *value * 16 + uint(QString(m_src.at(m_pos)).toUInt(nullptr, 16));
            ++m_pos;
            ++n;
        }
        return n >= minDigits;
    };
    switch (e.unicode()) {
    case '\'': *out += QLatin1Char('\''); return true;
    case '"': *out += QLatin1Char('"'); return true;
    case '\\': *out += QLatin1Char('\\'); return true;
    case '0': *out += QChar(0); return true;
    case 'a': *out += QChar(7); return true;
    case 'b': *out += QChar(8); return true;
    case 'f': *out += QChar(12); return true;
    case 'n': *out += QLatin1Char('\n'); return true;
    case 'r': *out += QLatin1Char('\r'); return true;
    case 't': *out += QLatin1Char('\t'); return true;
    case 'v': *out += QChar(11); return true;
    case 'u': {
        uint v;
        if (!hex(4, 4, &v))
            return fail(s, tr("invalid escape sequence"));
        *out += QChar(char16_t(v));
        return true;
    }
    case 'x': {
        uint v;
        if (!hex(1, 4, &v))
            return fail(s, tr("invalid escape sequence"));
        *out += QChar(char16_t(v));
        return true;
    }
    case 'U': {
        uint v;
        if (!hex(8, 8, &v) || v > 0x10FFFF)
            return fail(s, tr("invalid escape sequence"));
        const char32_t cp = v;
        *out += QString::fromUcs4(&cp, 1);
        return true;
    }
    default:
        return fail(s, tr("invalid escape sequence '\\%1'").arg(e));
    }
}

bool Lexer::lexString(Token *t, bool verbatim)
{
    // at the opening quote
    ++m_pos;
    QString value;
    for (;;) {
        if (m_pos >= m_end)
            return fail(t->start, tr("unterminated string literal"));
        const QChar c = m_src.at(m_pos);
        if (c == QLatin1Char('"')) {
            if (verbatim && at(m_pos + 1) == QLatin1Char('"')) {
                value += c;
                m_pos += 2;
                continue;
            }
            ++m_pos;
            break;
        }
        if (!verbatim && c == QLatin1Char('\n'))
            return fail(t->start, tr("unterminated string literal"));
        if (!verbatim && c == QLatin1Char('\\')) {
            if (!lexEscape(&value))
                return false;
            continue;
        }
        value += c;
        ++m_pos;
    }
    t->kind = TokenKind::String;
    t->text = value;
    t->end = m_pos;
    return true;
}

bool Lexer::lexChar(Token *t)
{
    ++m_pos;
    QString value;
    if (at(m_pos) == QLatin1Char('\\')) {
        if (!lexEscape(&value))
            return false;
    } else if (m_pos < m_end && at(m_pos) != QLatin1Char('\'') && at(m_pos) != QLatin1Char('\n')) {
        value += at(m_pos);
        ++m_pos;
    }
    if (at(m_pos) != QLatin1Char('\'') || value.size() != 1)
        return fail(t->start, tr("character literal must hold exactly one character"));
    ++m_pos;
    t->kind = TokenKind::Char;
    t->text = value;
    t->end = m_pos;
    return true;
}

bool Lexer::lexInterpolated(Token *t, bool verbatim)
{
    if (m_interpolationDepth >= 8)
        return fail(t->start, tr("interpolated strings are nested too deeply"));
    struct Nest
    {
        int &d;
        ~Nest() { --d; }
    } nest{++m_interpolationDepth};
    // at the opening quote
    ++m_pos;
    InterpolationPart literal;
    auto flush = [&] {
        if (!literal.text.isEmpty())
            t->parts.push_back(literal);
        literal = {};
    };
    for (;;) {
        if (m_pos >= m_end)
            return fail(t->start, tr("unterminated string literal"));
        const QChar c = m_src.at(m_pos);
        if (c == QLatin1Char('"')) {
            if (verbatim && at(m_pos + 1) == QLatin1Char('"')) {
                literal.text += c;
                m_pos += 2;
                continue;
            }
            ++m_pos;
            break;
        }
        if (c == QLatin1Char('{') && at(m_pos + 1) == QLatin1Char('{')) {
            literal.text += c;
            m_pos += 2;
            continue;
        }
        if (c == QLatin1Char('}') && at(m_pos + 1) == QLatin1Char('}')) {
            literal.text += c;
            m_pos += 2;
            continue;
        }
        if (c == QLatin1Char('}'))
            return fail(m_pos, tr("unexpected '}' in interpolated string"));
        if (c == QLatin1Char('{')) {
            flush();
            InterpolationPart hole;
            hole.isHole = true;
            hole.start = ++m_pos;
            // find the end of the expression: a top-level ',' ':' or '}'
            int depth = 0;
            std::vector<Token> skipped;
            for (;;) {
                Token inner;
                const int before = m_pos;
                if (!next(&inner))
                    return false;
                if (inner.kind == TokenKind::End)
                    return fail(hole.start - 1, tr("unterminated interpolation hole"));
                if (inner.kind == TokenKind::Punct) {
                    const QString &p = inner.text;
                    if (p == QLatin1String("(") || p == QLatin1String("[") || p == QLatin1String("{")
                        || p == QLatin1String("?["))
                        ++depth;
                    else if (p == QLatin1String(")") || p == QLatin1String("]")
                             || (p == QLatin1String("}") && depth > 0))
                        --depth;
                    else if (depth == 0
                             && (p == QLatin1String("}") || p == QLatin1String(":") || p == QLatin1String(","))) {
                        hole.end = inner.start;
                        m_pos = before;
                        while (m_pos < m_end && m_src.at(m_pos).isSpace())
                            ++m_pos;
                        break;
                    }
                }
            }
            if (at(m_pos) == QLatin1Char(',')) {
                ++m_pos;
                const int s = m_pos;
                while (m_pos < m_end && m_src.at(m_pos) != QLatin1Char(':') && m_src.at(m_pos) != QLatin1Char('}'))
                    ++m_pos;
                bool ok = false;
                hole.alignment = m_src.mid(s, m_pos - s).trimmed().toInt(&ok);
                if (!ok)
                    return fail(s, tr("invalid alignment in interpolation hole"));
            }
            if (at(m_pos) == QLatin1Char(':')) {
                ++m_pos;
                hole.hasFormat = true;
                while (m_pos < m_end && m_src.at(m_pos) != QLatin1Char('}')) {
                    hole.text += m_src.at(m_pos);
                    ++m_pos;
                }
            }
            if (at(m_pos) != QLatin1Char('}'))
                return fail(hole.start - 1, tr("unterminated interpolation hole"));
            ++m_pos;
            t->parts.push_back(hole);
            continue;
        }
        if (!verbatim && c == QLatin1Char('\\')) {
            if (!lexEscape(&literal.text))
                return false;
            continue;
        }
        if (!verbatim && c == QLatin1Char('\n'))
            return fail(t->start, tr("unterminated string literal"));
        literal.text += c;
        ++m_pos;
    }
    flush();
    t->kind = TokenKind::Interpolated;
    t->end = m_pos;
    return true;
}

} // namespace sluice
