#pragma once

#include "common/Diagnostic.h"

#include <QCoreApplication>
#include <QString>
#include <QStringView>

#include <vector>

namespace sluice {

class PolicySourceMap;

// One policy expression found in a policy document: `@( ... )` or `@{ ... }`
// filling a whole attribute value or a whole element text.
struct PolicyExpression
{
    enum class Context { Attribute, ElementText, CData };

    qsizetype begin = 0; // UTF-16 index of the '@' in the document
    qsizetype end = 0;   // one past the closing bracket
    Context context = Context::Attribute;
    // Source from '@' to the closing bracket with XML character references
    // (&quot; &amp; &lt; &#34; ...) resolved, except inside CDATA.
    QString text;
    int line = 0;   // of the '@'
    int column = 0; // of the '@'
};

struct PolicyExpressionScan
{
    std::vector<PolicyExpression> expressions; // in document order
    Diagnostics diagnostics;
    bool ok() const { return !hasErrors(diagnostics); }
};

// Finds every policy expression of a policy document before the XML parser
// sees it. APIM documents carry expressions raw: `value="@(h.Get("a"))"` holds
// quotes, `<`, `>` and `&&`. The scanner understands enough C# to find where an
// expression really ends: regular strings with escapes, verbatim strings
// (`@"..."` with `""`), interpolated strings (`$"..{x}.."`, `$@"..."`,
// `@$"..."`, with nested holes), character literals, `//` and `/* */`
// comments and nested (), {} and [].
//
// Only an `@(`/`@{` that starts an attribute value or an element text (after
// leading white space) is an expression. XML character references inside the
// expression are read as the characters they stand for, so both raw and
// XML-escaped documents scan the same.
class PolicyExpressionScanner
{
    Q_DECLARE_TR_FUNCTIONS(PolicyExpressionScanner)

public:
    static PolicyExpressionScan scan(const PolicySourceMap &source, const QString &fileLabel);
    static PolicyExpressionScan scan(const QString &document, const QString &fileLabel);

    // Where one expression ends. `at` is the index of an '@' followed by '(' or
    // '{'. `attributeQuote` is the quote that delimits the attribute value
    // holding the expression (null for element text), used only to explain a
    // missing closing bracket well. `decodeReferences` is false inside CDATA.
    // `limit` bounds the scan (end of a CDATA section), -1 for the whole text.
    struct Span
    {
        qsizetype end = -1;     // one past the closing bracket; -1 on failure
        qsizetype errorAt = -1; // index the first error points at
        QString error;          // translated message, empty on success
        bool fatal = false;     // the end could not be found
    };
    static Span scanExpression(QStringView document, qsizetype at, QChar attributeQuote = QChar(),
                               bool decodeReferences = true, qsizetype limit = -1);

    // The characters of document[begin, end) with XML character references
    // resolved and CR LF read as LF.
    static QString decodedText(QStringView document, qsizetype begin, qsizetype end, bool decodeReferences);
};

} // namespace sluice
