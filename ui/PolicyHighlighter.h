#pragma once

#include <QSyntaxHighlighter>
#include <QTextCharFormat>

#include <utility>
#include <vector>

namespace sluice {

// Colours a policy document: element names, attribute names and values,
// comments, and the policy expressions (whose spans the core's scanner finds:
// they may hold quotes and '<' and run over several lines).
class PolicyHighlighter : public QSyntaxHighlighter
{
    Q_OBJECT

public:
    enum class Role { Element, AttributeName, AttributeValue, Comment, Expression };

    explicit PolicyHighlighter(QTextDocument *document);

    // [begin, end) character positions in the document; rehighlights.
    void setExpressionSpans(std::vector<std::pair<qsizetype, qsizetype>> spans);
    QTextCharFormat format(Role role) const;

protected:
    void highlightBlock(const QString &text) override;

private:
    std::vector<std::pair<qsizetype, qsizetype>> m_expressions;
    QTextCharFormat m_element;
    QTextCharFormat m_attributeName;
    QTextCharFormat m_attributeValue;
    QTextCharFormat m_comment;
    QTextCharFormat m_expression;
};

} // namespace sluice
