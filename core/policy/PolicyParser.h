#pragma once

#include "PolicyTree.h"

#include <QCoreApplication>
#include <QString>

#include <optional>

namespace sluice {

struct PolicyDocumentResult
{
    std::optional<PolicyDocument> document; // empty when the file has errors
    Diagnostics diagnostics;                // errors and warnings, with file:line:col

    bool ok() const { return document.has_value(); }
};

// Reads an APIM policy document into a PolicyDocument.
//
// APIM documents are not strict XML: policy expressions sit raw in attribute
// values and element texts. The parser first finds every expression with
// PolicyExpressionScanner, hides each behind a placeholder of the same length
// in bytes, lets pugixml parse the rest, and puts the expressions back into
// the tree with the position of their '@'. Every position is a 1-based line
// and column counted in characters.
class PolicyParser
{
    Q_DECLARE_TR_FUNCTIONS(PolicyParser)

public:
    // A whole document: root <policies> (sections inbound, backend, outbound,
    // on-error, each at most once) or <fragment>.
    static PolicyDocumentResult parse(const QString &text, const QString &fileLabel);

    // Also accepts a snippet: several top-level elements, a bare section or
    // sections. Top-level sections fill the sections of the document; other
    // top-level elements become a fragment (isFragment = true).
    static PolicyDocumentResult parseSnippet(const QString &text, const QString &fileLabel);

    // Reads a UTF-8 file (a BOM is allowed) and parses it as a whole document.
    static PolicyDocumentResult parseFile(const QString &path, const QString &fileLabel);

    // Section element name -> section ("inbound" ...); false when not a section.
    static bool sectionFromName(QStringView name, PolicySection *section);
};

} // namespace sluice
