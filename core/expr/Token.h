#pragma once

#include <QString>

#include <vector>

namespace sluice {

enum class TokenKind : quint8 { End, Identifier, Int, Long, Double, String, Char, Interpolated, Punct };

// One piece of an interpolated string: literal text, or a hole with the source
// range of its expression and an optional alignment / format.
struct InterpolationPart
{
    bool isHole = false;
    QString text;   // literal text (unescaped), or the format string of a hole
    int start = 0;  // hole: expression source range (offsets into the whole source)
    int end = 0;
    int alignment = 0;
    bool hasFormat = false;
};

struct Token
{
    TokenKind kind = TokenKind::End;
    int start = 0; // offset of the first character in the source
    int end = 0;   // offset after the last character
    QString text;  // identifier name, punctuation, string/char value
    qint64 intValue = 0;
    double doubleValue = 0;
    bool keyword = false;  // a reserved C# keyword (not written as @name)
    bool decimalSuffix = false;
    std::vector<InterpolationPart> parts; // Interpolated only

    bool is(QLatin1String punct) const { return kind == TokenKind::Punct && text == punct; }
    bool isKeyword(QLatin1String word) const { return kind == TokenKind::Identifier && keyword && text == word; }
    bool isIdentifier() const { return kind == TokenKind::Identifier && !keyword; }
};

} // namespace sluice
