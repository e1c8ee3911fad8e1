#include "PolicyExpressionScanner.h"

#include "PolicyExpressionLexer.h"
#include "PolicySourceMap.h"

#include <QCoreApplication>


namespace sluice {

namespace {

using policylexer::Char;
using policylexer::isNameChar;
using policylexer::isXmlSpace;

bool startsExpression(QStringView text, qsizetype i)
{
    return i + 1 < text.size() && text.at(i) == QLatin1Char('@')
        && (text.at(i + 1) == QLatin1Char('(') || text.at(i + 1) == QLatin1Char('{'));
}

// Walks the XML just enough to know where attribute values and element texts
// start; pugixml does the real parsing afterwards.
class DocumentWalker
{
    Q_DECLARE_TR_FUNCTIONS(PolicyExpressionScanner)

public:
    DocumentWalker(const PolicySourceMap &source, const QString &file)
        : m_source(source)
        , m_text(source.text())
        , m_file(file)
    {
    }

    PolicyExpressionScan run()
    {
        const qsizetype n = m_text.size();
        qsizetype i = 0;
        bool textStart = false;
        while (i < n && !m_stop) {
            const QChar c = m_text.at(i);
            if (c == QLatin1Char('<')) {
                const QStringView rest = QStringView(m_text).mid(i);
                if (rest.startsWith(QLatin1String("<!--"))) {
                    i = skipPast(i + 4, QLatin1String("-->"));
                } else if (rest.startsWith(QLatin1String("<![CDATA["))) {
                    i = cdata(i + 9, textStart);
                    textStart = false;
                } else if (rest.startsWith(QLatin1String("<?"))) {
                    i = skipPast(i + 2, QLatin1String("?>"));
                } else if (rest.startsWith(QLatin1String("<!"))) {
                    i = skipDeclaration(i + 2);
                } else if (rest.startsWith(QLatin1String("</"))) {
                    const qsizetype close = m_text.indexOf(QLatin1Char('>'), i);
                    i = close < 0 ? n : close + 1;
                    textStart = false;
                } else {
                    i = startTag(i + 1, textStart);
                }
                continue;
            }
            if (textStart) {
                if (isXmlSpace(c)) {
                    ++i;
                    continue;
                }
                textStart = false;
                if (startsExpression(m_text, i)) {
                    i = elementTextExpression(i);
                    continue;
                }
            }
            ++i;
        }
        return std::move(m_result);
    }

private:
    qsizetype skipPast(qsizetype from, QLatin1String marker) const
    {
        const qsizetype at = m_text.indexOf(marker, from);
        return at < 0 ? m_text.size() : at + marker.size();
    }

    qsizetype skipDeclaration(qsizetype i) const
    {
        int brackets = 0;
        for (; i < m_text.size(); ++i) {
            const QChar c = m_text.at(i);
            if (c == QLatin1Char('['))
                ++brackets;
            else if (c == QLatin1Char(']'))
                --brackets;
            else if (c == QLatin1Char('>') && brackets <= 0)
                return i + 1;
        }
        return i;
    }

    qsizetype skipSpace(qsizetype i) const
    {
        while (i < m_text.size() && isXmlSpace(m_text.at(i)))
            ++i;
        return i;
    }

    void error(qsizetype at, const QString &message)
    {
        const PolicySourceMap::LineColumn lc = m_source.lineColumn(at);
        m_result.diagnostics.append(Diagnostic::error(SourceLocation{m_file, lc.line, lc.column, {}}, message));
    }

    // Scans the expression at `at`; returns its end, or -1 after a fatal error.
    qsizetype expression(qsizetype at, PolicyExpression::Context context, QChar quote, qsizetype limit)
    {
        const bool decode = context != PolicyExpression::Context::CData;
        const PolicyExpressionScanner::Span span
            = PolicyExpressionScanner::scanExpression(m_text, at, quote, decode, limit);
        if (!span.error.isEmpty())
            error(span.errorAt, span.error);
        if (span.end < 0) {
            m_stop = true;
            return -1;
        }
        PolicyExpression e;
        e.begin = at;
        e.end = span.end;
        e.context = context;
        e.text = PolicyExpressionScanner::decodedText(m_text, at, span.end, decode);
        const PolicySourceMap::LineColumn lc = m_source.lineColumn(at);
        e.line = lc.line;
        e.column = lc.column;
        m_result.expressions.push_back(std::move(e));
        return span.end;
    }

    qsizetype elementTextExpression(qsizetype at)
    {
        const qsizetype end = expression(at, PolicyExpression::Context::ElementText, QChar(), -1);
        if (end < 0)
            return m_text.size();
        const qsizetype next = skipSpace(end);
        if (next < m_text.size() && m_text.at(next) != QLatin1Char('<')) {
            error(next, tr("unexpected text after the policy expression; an "
                                                    "expression must fill the whole element text"));
        }
        return next;
    }

    qsizetype cdata(qsizetype contentStart, bool textStart)
    {
        qsizetype close = m_text.indexOf(QLatin1String("]]>"), contentStart);
        if (close < 0)
            close = m_text.size();
        const qsizetype first = skipSpace(contentStart);
        if (textStart && first < close && startsExpression(m_text, first)) {
            const qsizetype end = expression(first, PolicyExpression::Context::CData, QChar(), close);
            if (end < 0)
                return m_text.size();
            if (skipSpace(end) < close) {
                error(skipSpace(end), tr("unexpected text after the policy expression; "
                                                                  "an expression must fill the whole element "
                                                                  "text"));
            }
        }
        return std::min(m_text.size(), close + 3);
    }

    // At the character after '<' of a start tag; returns the index after it.
    qsizetype startTag(qsizetype i, bool &textStart)
    {
        const qsizetype n = m_text.size();
        textStart = false;
        while (i < n && isNameChar(m_text.at(i)))
            ++i;
        while (i < n && !m_stop) {
            i = skipSpace(i);
            if (i >= n)
                break;
            const QChar c = m_text.at(i);
            if (c == QLatin1Char('>')) {
                textStart = true;
                return i + 1;
            }
            if (c == QLatin1Char('/') && i + 1 < n && m_text.at(i + 1) == QLatin1Char('>'))
                return i + 2;
            if (c == QLatin1Char('<'))
                return i; // malformed: let the main loop and pugixml deal with it
            const qsizetype nameStart = i;
            while (i < n && isNameChar(m_text.at(i)))
                ++i;
            if (i == nameStart) {
                ++i;
                continue;
            }
            i = skipSpace(i);
            if (i >= n || m_text.at(i) != QLatin1Char('='))
                continue;
            i = skipSpace(i + 1);
            if (i >= n || (m_text.at(i) != QLatin1Char('"') && m_text.at(i) != QLatin1Char('\'')))
                continue;
            const QChar quote = m_text.at(i);
            const qsizetype valueStart = i + 1;
            if (startsExpression(m_text, valueStart)) {
                const qsizetype end = expression(valueStart, PolicyExpression::Context::Attribute, quote, -1);
                if (end < 0)
                    return n;
                const qsizetype next = skipSpace(end);
                if (next < n && m_text.at(next) == quote) {
                    i = next + 1;
                    continue;
                }
                error(next, tr("unexpected text after the policy expression; an "
                                                        "expression must fill the whole attribute value"));
                const qsizetype close = m_text.indexOf(quote, next);
                i = close < 0 ? n : close + 1;
                continue;
            }
            const qsizetype close = m_text.indexOf(quote, valueStart);
            i = close < 0 ? n : close + 1;
        }
        return i;
    }

    const PolicySourceMap &m_source;
    const QString &m_text;
    QString m_file;
    PolicyExpressionScan m_result;
    bool m_stop = false;
};

} // namespace

PolicyExpressionScanner::Span PolicyExpressionScanner::scanExpression(QStringView document, qsizetype at,
                                                                      QChar attributeQuote,
                                                                      bool decodeReferences, qsizetype limit)
{
    if (!startsExpression(document, at)) {
        Span span;
        span.errorAt = at;
        span.error = tr("a policy expression starts with '@(' or '@{'");
        span.fatal = true;
        return span;
    }
    return policylexer::scanExpression(document, at, attributeQuote, decodeReferences, limit);
}

QString PolicyExpressionScanner::decodedText(QStringView document, qsizetype begin, qsizetype end,
                                             bool decodeReferences)
{
    end = std::min(end, document.size());
    QString result;
    result.reserve(end - begin);
    for (qsizetype i = begin; i < end;) {
        const QChar c = document.at(i);
        if (c == QLatin1Char('\r') && i + 1 < end && document.at(i + 1) == QLatin1Char('\n')) {
            ++i;
            continue;
        }
        if (c == QLatin1Char('&') && decodeReferences) {
            const Char ref = policylexer::characterReference(document, i, end);
            if (ref.length > 0) {
                const char32_t units[1] = {ref.c};
                result.append(QString::fromUcs4(units, 1));
                i += ref.length;
                continue;
            }
        }
        result.append(c);
        ++i;
    }
    return result;
}

PolicyExpressionScan PolicyExpressionScanner::scan(const PolicySourceMap &source, const QString &fileLabel)
{
    DocumentWalker walker(source, fileLabel);
    return walker.run();
}

PolicyExpressionScan PolicyExpressionScanner::scan(const QString &document, const QString &fileLabel)
{
    const PolicySourceMap source(document);
    return scan(source, fileLabel);
}

} // namespace sluice
