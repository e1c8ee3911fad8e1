#pragma once

#include "DotNetError.h"

#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace sluice::dotnet {

// Translates a .NET regular expression into an equivalent PCRE2 pattern and
// computes the .NET group numbering. Internal to DotNetRegex.
struct DotNetRegexTranslation
{
    QString pcrePattern;
    QList<int> numbers; // .NET group numbers ascending (0 first)
    QStringList names; // per number: the name, or the number as text
    QList<QList<int>> pcreIndexes; // per number: PCRE capture indexes
    std::optional<DotNetError> error;
};

// ignorePatternWhitespace / explicitCapture are the RegexOptions flags; the
// translator applies both itself (PCRE sees neither).
DotNetRegexTranslation translateDotNetRegex(const QString &pattern, bool ignorePatternWhitespace, bool explicitCapture);

} // namespace sluice::dotnet
