#pragma once

#include "PolicyExpressionScanner.h"

#include <QChar>
#include <QStringView>

namespace sluice::policylexer {

// The C# side of PolicyExpressionScanner (internal to the policy module).

inline constexpr char32_t EndOfInput = 0xFFFFFFFFu;

bool isXmlSpace(QChar c);
bool isNameChar(QChar c); // XML name characters, as far as the scanner needs them

// A character of the document as C# sees it: an XML character reference counts
// as the one character it stands for.
struct Char
{
    char32_t c = EndOfInput;
    qsizetype length = 0;
};

// An XML character reference at `p` (`&quot;`, `&#34;`, `&#x22;`...), or a
// Char of length 0 when there is none. `limit` bounds the reference.
Char characterReference(QStringView text, qsizetype p, qsizetype limit);

// See PolicyExpressionScanner::scanExpression(); `at` is an '@' followed by '(' or '{'.
PolicyExpressionScanner::Span scanExpression(QStringView text, qsizetype at, QChar attributeQuote,
                                             bool decodeReferences, qsizetype limit);

} // namespace sluice::policylexer
