#include "PolicyHighlighter.h"

#include <QRegularExpression>

namespace sluice {

namespace {
constexpr int InComment = 1;
}

PolicyHighlighter::PolicyHighlighter(QTextDocument *document)
    : QSyntaxHighlighter(document)
{
    m_element.setForeground(QColor(0x1f, 0x4e, 0x9c));
    m_element.setFontWeight(QFont::Bold);
    m_attributeName.setForeground(QColor(0x8a, 0x3f, 0x9e));
    m_attributeValue.setForeground(QColor(0x2e, 0x7d, 0x32));
    m_comment.setForeground(QColor(0x75, 0x75, 0x75));
    m_comment.setFontItalic(true);
    m_expression.setForeground(QColor(0xb3, 0x55, 0x00));
    m_expression.setBackground(QColor(0xff, 0xf4, 0xe0));
}

QTextCharFormat PolicyHighlighter::format(Role role) const
{
    switch (role) {
    case Role::Element:
        return m_element;
    case Role::AttributeName:
        return m_attributeName;
    case Role::AttributeValue:
        return m_attributeValue;
    case Role::Comment:
        return m_comment;
    case Role::Expression:
        break;
    }
    return m_expression;
}

void PolicyHighlighter::setExpressionSpans(std::vector<std::pair<qsizetype, qsizetype>> spans)
{
    if (spans == m_expressions)
        return;
    m_expressions = std::move(spans);
    rehighlight();
}

void PolicyHighlighter::highlightBlock(const QString &text)
{
    static const QRegularExpression element(QStringLiteral("</?([A-Za-z_][\\w:.-]*)"));
    static const QRegularExpression attribute(QStringLiteral("([A-Za-z_][\\w:.-]*)\\s*=\\s*(\"[^\"]*\"|'[^']*')?"));
    for (auto it = element.globalMatch(text); it.hasNext();) {
        const QRegularExpressionMatch m = it.next();
        setFormat(static_cast<int>(m.capturedStart()), static_cast<int>(m.capturedLength()), m_element);
    }
    for (auto it = attribute.globalMatch(text); it.hasNext();) {
        const QRegularExpressionMatch m = it.next();
        setFormat(static_cast<int>(m.capturedStart(1)), static_cast<int>(m.capturedLength(1)), m_attributeName);
        if (m.capturedLength(2) > 0)
            setFormat(static_cast<int>(m.capturedStart(2)), static_cast<int>(m.capturedLength(2)), m_attributeValue);
    }

    const qsizetype blockStart = currentBlock().position();
    const qsizetype blockEnd = blockStart + text.size();
    for (const auto &[begin, end] : m_expressions) {
        if (end <= blockStart || begin >= blockEnd)
            continue;
        const qsizetype from = std::max(begin, blockStart) - blockStart;
        const qsizetype to = std::min(end, blockEnd) - blockStart;
        setFormat(static_cast<int>(from), static_cast<int>(to - from), m_expression);
    }

    // Comments last: nothing inside one is markup.
    setCurrentBlockState(0);
    qsizetype start = previousBlockState() == InComment ? 0 : text.indexOf(QLatin1String("<!--"));
    while (start >= 0) {
        const qsizetype close = text.indexOf(QLatin1String("-->"), start);
        if (close < 0) {
            setCurrentBlockState(InComment);
            setFormat(static_cast<int>(start), static_cast<int>(text.size() - start), m_comment);
            break;
        }
        setFormat(static_cast<int>(start), static_cast<int>(close + 3 - start), m_comment);
        start = text.indexOf(QLatin1String("<!--"), close + 3);
    }
}

} // namespace sluice
