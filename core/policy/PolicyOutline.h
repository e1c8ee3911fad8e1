#pragma once

#include <QString>
#include <QStringView>

#include <vector>

namespace sluice {

// One attribute of a start tag, by position in the document text.
struct PolicyAttributeSpan
{
    QString name;
    qsizetype begin = 0; // first character of the name
    qsizetype valueBegin = 0; // first character inside the quotes
    qsizetype valueEnd = 0; // the closing quote
    QChar quote; // '"' or '\''
};

// Where one element sits in the document text, so that an editor can replace
// exactly that element (or one attribute of it) and leave every other byte as
// it was. All positions are UTF-16 indices into the text given to read().
struct PolicyElementSpan
{
    QString name;
    qsizetype begin = 0; // the '<' of the start tag
    qsizetype startTagEnd = 0; // one past the '>' of the start tag
    qsizetype endTagBegin = 0; // the '<' of the end tag; startTagEnd when self-closing
    qsizetype end = 0; // one past the last '>' of the element
    bool selfClosing = false;
    std::vector<PolicyAttributeSpan> attributes; // in document order
    std::vector<PolicyElementSpan> children; // elements only, in document order

    const PolicyAttributeSpan *attribute(QStringView attributeName) const;
    std::vector<const PolicyElementSpan *> childrenNamed(QStringView childName) const;
};

// The element structure of a policy document with exact positions: what
// PolicyParser reads as a tree of values, read here as a tree of spans
// (comments, processing instructions and CDATA are skipped, not elements).
// Policy expressions are found with PolicyExpressionScanner first, so the
// quotes, '<' and '>' inside them do not count. The element children of a
// section are, in order, the elements PolicyParser puts in that section.
struct PolicyOutline
{
    bool ok = false; // false when the expressions or the tags do not scan
    std::vector<PolicyElementSpan> roots;

    static PolicyOutline read(const QString &text);
};

} // namespace sluice
