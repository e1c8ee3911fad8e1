#pragma once

#include "Token.h"

#include <QCoreApplication>
#include <QString>

#include <vector>

namespace sluice {

struct SyntaxError
{
    int offset = -1; // into the source; -1 = none
    QString message;
};

// C# tokens of a policy expression: identifiers and keywords, literals
// (strings with escapes, verbatim and interpolated strings, chars, numbers
// with suffixes), punctuation; comments and whitespace are skipped.
class Lexer
{
    Q_DECLARE_TR_FUNCTIONS(Lexer)

public:
    // Tokens of source[begin, end); the last token is End. False on error.
    static bool tokenize(const QString &source, int begin, int end, std::vector<Token> *tokens, SyntaxError *error);
    static bool isKeyword(QStringView word);

private:
    Lexer(const QString &source, int begin, int end)
        : m_src(source)
        , m_pos(begin)
        , m_end(end)
    {}
    bool next(Token *t);
    bool lexNumber(Token *t);
    bool lexString(Token *t, bool verbatim);
    bool lexChar(Token *t);
    bool lexInterpolated(Token *t, bool verbatim);
    bool lexEscape(QString *out);
    bool fail(int offset, const QString &message);
    QChar at(int i) const { return i < m_end ? m_src.at(i) : QChar(); }

    const QString &m_src;
    int m_pos;
    int m_end;
    SyntaxError m_error;
    int m_interpolationDepth = 0;
};

} // namespace sluice
