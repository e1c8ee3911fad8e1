#include "PolicyExpressionLexer.h"

#include <QCoreApplication>

#include <algorithm>
#include <cctype>
#include <vector>

namespace sluice::policylexer {

bool isXmlSpace(QChar c)
{
    return c == QLatin1Char(' ') || c == QLatin1Char('\t') || c == QLatin1Char('\n') || c == QLatin1Char('\r');
}

bool isNameChar(QChar c)
{
    return c.isLetterOrNumber() || c == QLatin1Char('-') || c == QLatin1Char('_') || c == QLatin1Char(':')
        || c == QLatin1Char('.');
}

// An XML character reference at `p` (`&quot;`, `&#34;`, `&#x22;`...), or a
// Char of length 0 when there is none.
Char characterReference(QStringView text, qsizetype p, qsizetype limit)
{
    const qsizetype maxEnd = std::min<qsizetype>(limit, p + 12);
    qsizetype semi = -1;
    for (qsizetype i = p + 1; i < maxEnd; ++i) {
        if (text.at(i) == QLatin1Char(';')) {
            semi = i;
            break;
        }
    }
    if (semi < 0)
        return {};
    const QStringView name = text.mid(p + 1, semi - p - 1);
    const qsizetype length = semi - p + 1;
    if (name == QLatin1String("quot"))
        return Char{U'"', length};
    if (name == QLatin1String("amp"))
        return Char{U'&', length};
    if (name == QLatin1String("lt"))
        return Char{U'<', length};
    if (name == QLatin1String("gt"))
        return Char{U'>', length};
    if (name == QLatin1String("apos"))
        return Char{U'\'', length};
    if (name.size() >= 2 && name.at(0) == QLatin1Char('#')) {
        bool ok = false;
        uint value = 0;
        if (name.at(1) == QLatin1Char('x'))
            value = name.mid(2).toUInt(&ok, 16);
        else
            value = name.mid(1).toUInt(&ok, 10);
        if (ok && value > 0 && value <= 0x10FFFF && (value < 0xD800 || value > 0xDFFF))
            return Char{value, length};
    }
    return {};
}

namespace {

constexpr int MaxNesting = 200; // interpolated strings inside holes inside strings...

char32_t closerOf(char32_t opener)
{
    switch (opener) {
    case U'(': return U')';
    case U'[': return U']';
    default: return U'}';
    }
}

QString charText(char32_t c)
{
    return QString(QChar(static_cast<char16_t>(c)));
}

struct Open
{
    char32_t opener;
    qsizetype at;
};

// Reads C# source from a document, one logical character at a time.
class ExpressionLexer
{
    Q_DECLARE_TR_FUNCTIONS(PolicyExpressionScanner)

public:
    ExpressionLexer(QStringView text, qsizetype limit, bool decode, QChar attributeQuote)
        : m_text(text)
        , m_limit(limit < 0 || limit > text.size() ? text.size() : limit)
        , m_decode(decode)
        , m_quote(attributeQuote)
    {
    }

    PolicyExpressionScanner::Span run(qsizetype at)
    {
        PolicyExpressionScanner::Span span;
        m_at = at;
        m_pos = at + 1; // the '@'
        const Char opener = get(m_pos);
        std::vector<Open> stack;
        stack.push_back(Open{opener.c, m_pos});
        m_pos += opener.length;
        const bool ok = scanCode(stack, Mode::TopLevel, 0);
        if (!m_error.isEmpty() && m_fatal && m_candidate) {
            // A quote of the enclosing attribute followed by what reads as
            // the rest of the tag: the expression simply lacks its closer.
            m_error = tr("policy expression is missing its closing '%1'").arg(charText(closerOf(opener.c)));
            m_errorAt = at;
        }
        span.error = m_error;
        span.errorAt = m_errorAt;
        span.fatal = m_fatal || !ok;
        span.end = ok ? m_pos : -1;
        return span;
    }

private:
    enum class Mode { TopLevel, Hole, VerbatimHole };

    Char get(qsizetype p) const
    {
        if (p >= m_limit)
            return Char{EndOfInput, 0};
        const QChar c = m_text.at(p);
        if (c == QLatin1Char('&') && m_decode) {
            const Char ref = characterReference(m_text, p, m_limit);
            if (ref.length > 0)
                return ref;
        }
        if (c.isHighSurrogate() && p + 1 < m_limit && m_text.at(p + 1).isLowSurrogate())
            return Char{QChar::surrogateToUcs4(c, m_text.at(p + 1)), 2};
        return Char{c.unicode(), 1};
    }

    bool fail(qsizetype at, const QString &message, bool fatal = true)
    {
        if (m_error.isEmpty()) {
            m_error = message;
            m_errorAt = at;
        }
        if (fatal)
            m_fatal = true;
        return false;
    }

    bool failUnterminated(const std::vector<Open> &stack)
    {
        const char32_t closer = stack.empty() ? U')' : closerOf(stack.back().opener);
        return fail(m_at, tr("policy expression is missing its closing '%1'").arg(charText(closer)));
    }

    // After a quote that could end the enclosing attribute: does the rest read
    // like the remainder of a start tag (`/>`, `>`, ` name=`, end of input)?
    bool looksLikeAttributeEnd(qsizetype p) const
    {
        const qsizetype n = m_text.size();
        while (p < n && isXmlSpace(m_text.at(p)))
            ++p;
        if (p >= n || m_text.at(p) == QLatin1Char('>') || m_text.at(p) == QLatin1Char('/'))
            return true;
        const qsizetype nameStart = p;
        while (p < n && isNameChar(m_text.at(p)))
            ++p;
        if (p == nameStart)
            return false;
        while (p < n && isXmlSpace(m_text.at(p)))
            ++p;
        return p < n && m_text.at(p) == QLatin1Char('=');
    }

    bool scanCode(std::vector<Open> &stack, Mode mode, int depth)
    {
        if (depth > MaxNesting)
            return fail(m_pos, tr("policy expression is nested too deeply"));
        for (;;) {
            const Char ch = get(m_pos);
            switch (ch.c) {
            case EndOfInput:
                return failUnterminated(stack);
            case U'(':
            case U'[':
            case U'{':
                stack.push_back(Open{ch.c, m_pos});
                m_pos += ch.length;
                break;
            case U')':
            case U']':
            case U'}':
                if (stack.empty()) {
                    if (ch.c == U'}') { // end of an interpolation hole
                        m_pos += ch.length;
                        return true;
                    }
                    return fail(m_pos, tr("policy expression has an unexpected '%1'").arg(charText(ch.c)));
                }
                if (closerOf(stack.back().opener) != ch.c) {
                    return fail(m_pos, tr("policy expression has '%1' where '%2' was expected")
                                           .arg(charText(ch.c), charText(closerOf(stack.back().opener))));
                }
                stack.pop_back();
                m_pos += ch.length;
                if (stack.empty() && mode == Mode::TopLevel)
                    return true;
                break;
            case U':':
                m_pos += ch.length;
                if (mode != Mode::TopLevel && stack.empty())
                    return scanFormatSpecifier(mode);
                break;
            case U'"':
                if (mode == Mode::TopLevel && stack.size() == 1 && !m_quote.isNull() && !m_candidate
                    && m_text.at(m_pos) == m_quote && looksLikeAttributeEnd(m_pos + 1))
                    m_candidate = true;
                if (!scanString(false, false, depth))
                    return false;
                break;
            case U'\'':
                if (mode == Mode::TopLevel && stack.size() == 1 && !m_quote.isNull() && !m_candidate
                    && m_text.at(m_pos) == m_quote && looksLikeAttributeEnd(m_pos + 1))
                    m_candidate = true;
                if (!scanCharLiteral())
                    return false;
                break;
            case U'@':
            case U'$': {
                const Char next = get(m_pos + ch.length);
                if (next.c == U'"') {
                    const bool verbatim = ch.c == U'@';
                    const bool interpolated = ch.c == U'$';
                    m_pos += ch.length;
                    if (!scanString(verbatim, interpolated, depth))
                        return false;
                    break;
                }
                const Char third = get(m_pos + ch.length + next.length);
                if ((next.c == U'@' || next.c == U'$') && next.c != ch.c && third.c == U'"') {
                    m_pos += ch.length + next.length;
                    if (!scanString(true, true, depth))
                        return false;
                    break;
                }
                m_pos += ch.length; // a verbatim identifier such as @class
                break;
            }
            case U'/': {
                const Char next = get(m_pos + ch.length);
                if (next.c == U'/') {
                    skipLineComment();
                } else if (next.c == U'*') {
                    if (!scanBlockComment())
                        return false;
                } else {
                    m_pos += ch.length;
                }
                break;
            }
            default:
                m_pos += ch.length;
                break;
            }
        }
    }

    bool scanFormatSpecifier(Mode mode)
    {
        for (;;) {
            const Char ch = get(m_pos);
            if (ch.c == EndOfInput)
                return failUnterminated({});
            if (ch.c == U'}') {
                m_pos += ch.length;
                return true;
            }
            if (mode == Mode::Hole && (ch.c == U'\n' || ch.c == U'\r'))
                return fail(m_pos, tr("policy expression has an unterminated string literal"));
            m_pos += ch.length;
        }
    }

    // At the opening '"' (after any '@'/'$' prefix).
    bool scanString(bool verbatim, bool interpolated, int depth)
    {
        const qsizetype start = m_pos;
        m_pos += get(m_pos).length;
        for (;;) {
            const Char ch = get(m_pos);
            if (ch.c == EndOfInput)
                return fail(start, tr("policy expression has an unterminated string literal"));
            if (!verbatim && (ch.c == U'\n' || ch.c == U'\r'))
                return fail(start, tr("policy expression has an unterminated string literal"));
            m_pos += ch.length;
            if (ch.c == U'"') {
                if (verbatim && get(m_pos).c == U'"') {
                    m_pos += get(m_pos).length;
                    continue;
                }
                return true;
            }
            if (ch.c == U'\\' && !verbatim) {
                const Char escaped = get(m_pos);
                if (escaped.c == EndOfInput || escaped.c == U'\n' || escaped.c == U'\r')
                    return fail(start, tr("policy expression has an unterminated string literal"));
                m_pos += escaped.length;
                continue;
            }
            if (interpolated && ch.c == U'{') {
                if (get(m_pos).c == U'{') {
                    m_pos += get(m_pos).length;
                    continue;
                }
                std::vector<Open> holeStack;
                if (!scanCode(holeStack, verbatim ? Mode::VerbatimHole : Mode::Hole, depth + 1))
                    return false;
                continue;
            }
            if (interpolated && ch.c == U'}' && get(m_pos).c == U'}')
                m_pos += get(m_pos).length;
        }
    }

    // At the opening '\''. A character literal holds one character or one
    // escape sequence.
    bool scanCharLiteral()
    {
        const qsizetype start = m_pos;
        m_pos += get(m_pos).length;
        Char ch = get(m_pos);
        bool valid = true;
        if (ch.c == EndOfInput || ch.c == U'\n' || ch.c == U'\r' || ch.c == U'\'') {
            valid = false;
        } else if (ch.c == U'\\') {
            m_pos += ch.length;
            const Char escaped = get(m_pos);
            if (escaped.c == EndOfInput || escaped.c == U'\n' || escaped.c == U'\r') {
                valid = false;
            } else {
                m_pos += escaped.length;
                const int maxDigits = escaped.c == U'u' ? 4 : escaped.c == U'U' ? 8 : escaped.c == U'x' ? 4 : 0;
                for (int i = 0; i < maxDigits; ++i) {
                    const Char digit = get(m_pos);
                    if (digit.c > 0x7F || !std::isxdigit(static_cast<int>(digit.c)))
                        break;
                    m_pos += digit.length;
                }
            }
        } else {
            m_pos += ch.length;
        }
        if (valid && get(m_pos).c == U'\'') {
            m_pos += get(m_pos).length;
            return true;
        }
        // Not a character literal: skip to a closing quote on the same line
        // and go on, so that later problems are found too.
        const QString message = tr("character literal in policy expression must hold exactly one character");
        m_pos = start + get(start).length;
        for (;;) {
            const Char c = get(m_pos);
            if (c.c == EndOfInput || c.c == U'\n' || c.c == U'\r')
                return fail(start, message);
            m_pos += c.length;
            if (c.c == U'\'') {
                fail(start, message, false);
                return true;
            }
        }
    }

    void skipLineComment()
    {
        for (;;) {
            const Char ch = get(m_pos);
            if (ch.c == EndOfInput || ch.c == U'\n' || ch.c == U'\r')
                return;
            m_pos += ch.length;
        }
    }

    bool scanBlockComment()
    {
        const qsizetype start = m_pos;
        m_pos += 2;
        for (;;) {
            const Char ch = get(m_pos);
            if (ch.c == EndOfInput)
                return fail(start, tr("policy expression has an unterminated comment"));
            m_pos += ch.length;
            if (ch.c == U'*' && get(m_pos).c == U'/') {
                m_pos += get(m_pos).length;
                return true;
            }
        }
    }

    QStringView m_text;
    qsizetype m_limit;
    bool m_decode;
    QChar m_quote;
    qsizetype m_at = 0;
    qsizetype m_pos = 0;
    QString m_error;
    qsizetype m_errorAt = -1;
    bool m_fatal = false;
    bool m_candidate = false;
};

} // namespace

PolicyExpressionScanner::Span scanExpression(QStringView text, qsizetype at, QChar attributeQuote,
                                             bool decodeReferences, qsizetype limit)
{
    ExpressionLexer lexer(text, limit, decodeReferences, attributeQuote);
    return lexer.run(at);
}

} // namespace sluice::policylexer
