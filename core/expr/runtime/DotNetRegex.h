#pragma once

#include "DotNetError.h"
#include "DotNetMatch.h"

#include <QHash>
#include <QList>
#include <QRegularExpression>
#include <QString>

#include <functional>
#include <memory>

namespace sluice::dotnet {

// System.Text.RegularExpressions.RegexOptions (same bit values as .NET).
enum class RegexOption : int {
    None = 0,
    IgnoreCase = 1,
    Multiline = 2,
    ExplicitCapture = 4,
    Compiled = 8, // accepted, no effect
    Singleline = 16,
    IgnorePatternWhitespace = 32,
    RightToLeft = 64, // unsupported: construction reports NotSupportedException
    ECMAScript = 256, // \d \w \s are ASCII only
    CultureInvariant = 512, // accepted, no effect
};
using RegexOptions = int; // bitwise OR of RegexOption values

// System.Text.RegularExpressions.Regex on top of QRegularExpression (PCRE2).
//
// The .NET pattern is translated: named groups are numbered the .NET way
// (unnamed groups first, then named ones, left to right), so Groups[n], $n and
// \n mean what they mean in .NET; \uXXXX, \k<name>, \k'name', (?'name'...),
// inline options (?imnsx-imnsx) and ExplicitCapture work. Constructs PCRE
// cannot express (balancing groups (?<a-b>...), character class subtraction
// [a-z-[aeiou]], \p{IsBlock}, RightToLeft) are reported as errors at
// construction, naming the construct. Matching iterates like .NET: after an
// empty match the next attempt starts one character further.
class DotNetRegex : public std::enable_shared_from_this<DotNetRegex>
{
    struct PrivateTag
    {
    };

public:
    using Ptr = std::shared_ptr<const DotNetRegex>;

    // new Regex(pattern, options): ArgumentException for an invalid pattern
    // ("Invalid pattern '(' at offset 1. Not enough )'s.").
    static DotNetResult<Ptr> create(const QString &pattern, RegexOptions options = 0);
    // The same through a process-wide, thread-safe cache (static Regex.* methods
    // and literal patterns in expressions).
    static DotNetResult<Ptr> cached(const QString &pattern, RegexOptions options = 0);

    // Static-style helpers (Regex.IsMatch(input, pattern) and friends).
    static DotNetResult<bool> isMatch(const QString &input, const QString &pattern, RegexOptions options = 0);
    static DotNetResult<DotNetMatch> match(const QString &input, const QString &pattern, RegexOptions options = 0);
    static DotNetResult<QList<DotNetMatch>> matches(const QString &input, const QString &pattern,
                                                    RegexOptions options = 0);
    static DotNetResult<QString> replace(const QString &input, const QString &pattern, const QString &replacement,
                                         RegexOptions options = 0);
    static DotNetResult<QStringList> split(const QString &input, const QString &pattern, RegexOptions options = 0);
    // Regex.Escape / Regex.Unescape.
    static QString escape(const QString &text);
    static DotNetResult<QString> unescape(const QString &text);

    // Instance methods. startAt is a UTF-16 index as in .NET.
    bool isMatch(const QString &input, qsizetype startAt = 0) const;
    DotNetMatch match(const QString &input, qsizetype startAt = 0) const;
    QList<DotNetMatch> matches(const QString &input, qsizetype startAt = 0) const;
    // count < 0: all matches.
    QString replace(const QString &input, const QString &replacement, int count = -1, qsizetype startAt = 0) const;
    QString replace(const QString &input, const std::function<QString(const DotNetMatch &)> &evaluator, int count = -1,
                    qsizetype startAt = 0) const;
    // count <= 0: no limit.
    QStringList split(const QString &input, int count = 0, qsizetype startAt = 0) const;

    QString pattern() const { return m_pattern; }
    RegexOptions options() const { return m_options; }
    // GetGroupNumbers / GetGroupNames (names of unnamed groups are their numbers).
    QList<int> groupNumbers() const { return m_numbers; }
    QStringList groupNames() const { return m_names; }
    int groupNumberFromName(const QString &name) const; // -1 when unknown
    QString groupNameFromNumber(int number) const; // "" when unknown
    // The PCRE pattern that .NET's pattern became (for diagnostics and tests).
    QString translatedPattern() const { return m_regex.pattern(); }

    // Internal (used by DotNetMatch).
    qsizetype slotForNumber(int number) const;
    qsizetype slotForName(const QString &name) const;
    qsizetype slotCount() const { return m_numbers.size(); }
    DotNetMatch matchAt(const QString &input, qsizetype startAt) const;
    QString expandReplacement(const QString &replacement, const DotNetMatch &match) const;

    DotNetRegex(PrivateTag, QString pattern, RegexOptions options);

private:
    struct Translation;
    std::optional<DotNetError> compile();

    QString m_pattern;
    RegexOptions m_options = 0;
    QRegularExpression m_regex;
    QList<int> m_numbers; // .NET group numbers, ascending; slot = position
    QStringList m_names; // name per slot
    QList<QList<int>> m_pcreIndexes; // PCRE capture indexes per slot
    QHash<QString, qsizetype> m_nameToSlot;
};

} // namespace sluice::dotnet
