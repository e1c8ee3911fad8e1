#include "DotNetRegexTranslator.h"

#include <QMap>

namespace sluice::dotnet {

namespace {

bool isWordChar(QChar c)
{
    return c.isLetterOrNumber() || c == u'_' || c.category() == QChar::Mark_NonSpacing
        || c.category() == QChar::Punctuation_Connector;
}

bool isAllDigits(const QString &s)
{
    if (s.isEmpty())
        return false;
    for (QChar c : s)
        if (c < u'0' || c > u'9')
            return false;
    return true;
}

class Translator
{
public:
    Translator(const QString &pattern, bool x, bool n)
        : m_p(pattern)
    {
        m_cur = {x, n};
    }

    DotNetRegexTranslation run();

private:
    struct Scope
    {
        bool x = false;
        bool n = false;
    };
    struct Capture
    {
        QString name; // empty: unnamed
        int pcreIndex = 0;
    };
    struct Ref
    {
        qsizetype outPos = 0;
        QString name; // group name or digits
        bool conditional = false;
        qsizetype offset = 0;
    };

    void fail(qsizetype offset, const QString &reason)
    {
        if (m_error)
            return;
        m_error = DotNetError::argument(QCoreApplication::translate("DotNet", "Invalid pattern '%1' at offset %2. %3")
                                            .arg(m_p)
                                            .arg(offset)
                                            .arg(reason));
    }
    void unsupported(qsizetype offset, const QString &construct)
    {
        if (m_error)
            return;
        m_error = DotNetError::notSupported(
            QCoreApplication::translate("DotNet",
                                        "The regular expression construct %1 at offset %2 of '%3' is not "
                                        "supported by this gateway.")
                .arg(construct)
                .arg(offset)
                .arg(m_p));
    }
    bool at(qsizetype i, char16_t c) const { return i < m_p.size() && m_p.at(i) == c; }
    void escape(qsizetype &i, bool inClass);
    void charClass(qsizetype &i);
    void group(qsizetype &i);
    void quantifier(qsizetype &i, qsizetype length);
    bool hexDigits(qsizetype from, int count) const;

    const QString &m_p;
    QString m_out;
    Scope m_cur;
    QList<Scope> m_stack;
    QList<Capture> m_caps;
    QList<Ref> m_refs;
    int m_pcreCount = 0;
    bool m_quantifiable = false;
    int m_quantifierState = 0; // 0 none, 1 after quantifier, 2 after lazy quantifier
    std::optional<DotNetError> m_error;
};

bool Translator::hexDigits(qsizetype from, int count) const
{
    if (from + count > m_p.size())
        return false;
    for (int k = 0; k < count; ++k) {
        const QChar c = m_p.at(from + k);
        if (!((c >= u'0' && c <= u'9') || (c >= u'a' && c <= u'f') || (c >= u'A' && c <= u'F')))
            return false;
    }
    return true;
}

void Translator::escape(qsizetype &i, bool inClass)
{
    if (i + 1 >= m_p.size()) {
        fail(i + 1, QCoreApplication::translate("DotNet", "Illegal \\\\ at end of pattern."));
        i = m_p.size();
        return;
    }
    const QChar d = m_p.at(i + 1);
    const char16_t u = d.unicode();
    if (!inClass && u >= u'1' && u <= u'9') {
        qsizetype j = i + 1;
        while (j < m_p.size() && m_p.at(j).isDigit() && m_p.at(j).unicode() < 128)
            ++j;
        m_refs.append({m_out.size(), m_p.mid(i + 1, j - i - 1), false, j});
        i = j;
        return;
    }
    if (!inClass && u == u'k') {
        const qsizetype open = i + 2;
        if (!at(open, u'<') && !at(open, u'\'')) {
            fail(open, QCoreApplication::translate("DotNet", "Malformed \\\\k<...> named back reference."));
            i = m_p.size();
            return;
        }
        const char16_t close = at(open, u'<') ? u'>' : u'\'';
        const qsizetype end = m_p.indexOf(QChar(close), open + 1);
        if (end < 0) {
            fail(open, QCoreApplication::translate("DotNet", "Malformed \\\\k<...> named back reference."));
            i = m_p.size();
            return;
        }
        m_refs.append({m_out.size(), m_p.mid(open + 1, end - open - 1), false, end + 1});
        i = end + 1;
        return;
    }
    switch (u) {
    case u'u':
        if (!hexDigits(i + 2, 4)) {
            fail(i + 2, QCoreApplication::translate("DotNet", "Insufficient hex digits."));
            i = m_p.size();
            return;
        }
        m_out += QLatin1String("\\x{") + m_p.mid(i + 2, 4) + QLatin1Char('}');
        i += 6;
        return;
    case u'x':
        if (!hexDigits(i + 2, 2)) {
            fail(i + 2, QCoreApplication::translate("DotNet", "Insufficient hex digits."));
            i = m_p.size();
            return;
        }
        m_out += QLatin1String("\\x{") + m_p.mid(i + 2, 2) + QLatin1Char('}');
        i += 4;
        return;
    case u'v':
        m_out += QLatin1String("\\x{0B}");
        i += 2;
        return;
    case u'b':
        m_out += inClass ? QStringLiteral("\\x{08}") : QStringLiteral("\\b");
        i += 2;
        return;
    case u'p':
    case u'P': {
        const qsizetype end = at(i + 2, u'{') ? m_p.indexOf(u'}', i + 3) : -1;
        if (end < 0) {
            fail(i + 2, QCoreApplication::translate("DotNet", "Incomplete \\\\p{X} character escape."));
            i = m_p.size();
            return;
        }
        const QString name = m_p.mid(i + 3, end - i - 3);
        if (name.startsWith(QLatin1String("Is"))) {
            unsupported(i, QLatin1String("\\p{") + name + QLatin1Char('}'));
            i = m_p.size();
            return;
        }
        m_out += m_p.mid(i, end + 1 - i);
        i = end + 1;
        return;
    }
    case u'c':
        if (i + 2 >= m_p.size()) {
            fail(i + 2, QCoreApplication::translate("DotNet", "Missing control character."));
            i = m_p.size();
            return;
        }
        m_out += m_p.mid(i, 3);
        i += 3;
        return;
    case u'0': {
        qsizetype j = i + 2;
        while (j < i + 4 && j < m_p.size() && m_p.at(j) >= u'0' && m_p.at(j) <= u'7')
            ++j;
        m_out += QLatin1String("\\o{0") + m_p.mid(i + 2, j - i - 2) + QLatin1Char('}');
        i = j;
        return;
    }
    default:
        break;
    }
    static const QString known = QStringLiteral("AZzGBdDwWsSeafnrt");
    if (d.isLetterOrNumber() && (inClass ? !QStringLiteral("dDwWsSeafnrt").contains(d) : !known.contains(d))) {
        fail(i + 2, QCoreApplication::translate("DotNet", "Unrecognized escape sequence \\\\%1.").arg(d));
        i = m_p.size();
        return;
    }
    m_out += m_p.mid(i, 2);
    i += 2;
}

void Translator::charClass(qsizetype &i)
{
    const qsizetype start = i;
    m_out += QLatin1Char('[');
    ++i;
    if (at(i, u'^')) {
        m_out += QLatin1Char('^');
        ++i;
    }
    bool first = true;
    while (i < m_p.size()) {
        const QChar c = m_p.at(i);
        if (c == u']' && !first) {
            m_out += QLatin1Char(']');
            ++i;
            return;
        }
        first = false;
        if (c == u'\\') {
            escape(i, true);
            if (m_error)
                return;
        } else if (c == u'-' && at(i + 1, u'[')) {
            unsupported(i, QStringLiteral("character class subtraction -[...]"));
            i = m_p.size();
            return;
        } else if (c == u'[' || c == u']') {
            m_out += QLatin1Char('\\') + c;
            ++i;
        } else {
            m_out += c;
            ++i;
        }
    }
    fail(start + 1 < m_p.size() ? m_p.size() : start + 1,
         QCoreApplication::translate("DotNet", "Unterminated [] set."));
}

void Translator::group(qsizetype &i)
{
    const qsizetype start = i;
    m_quantifiable = false;
    m_quantifierState = 0;
    if (!at(i + 1, u'?')) {
        m_stack.append(m_cur);
        if (m_cur.n) {
            m_out += QLatin1String("(?:");
        } else {
            m_out += QLatin1Char('(');
            m_caps.append({QString(), ++m_pcreCount});
        }
        ++i;
        return;
    }
    qsizetype j = i + 2;
    if (j >= m_p.size()) {
        fail(j, QCoreApplication::translate("DotNet", "Unrecognized grouping construct."));
        i = m_p.size();
        return;
    }
    const QChar c = m_p.at(j);
    if (c == u'#') {
        const qsizetype end = m_p.indexOf(u')', j);
        if (end < 0) {
            fail(m_p.size(), QCoreApplication::translate("DotNet", "Unterminated (?#...) comment."));
            i = m_p.size();
            return;
        }
        i = end + 1;
        return;
    }
    if (c == u':' || c == u'=' || c == u'!' || c == u'>') {
        m_stack.append(m_cur);
        m_out += m_p.mid(i, 3);
        i += 3;
        return;
    }
    if (c == u'<' && (at(j + 1, u'=') || at(j + 1, u'!'))) {
        m_stack.append(m_cur);
        m_out += m_p.mid(i, 4);
        i += 4;
        return;
    }
    if (c == u'<' || c == u'\'') {
        const char16_t close = c == u'<' ? u'>' : u'\'';
        const qsizetype end = m_p.indexOf(QChar(close), j + 1);
        const QString name = end < 0 ? QString() : m_p.mid(j + 1, end - j - 1);
        if (name.contains(u'-')) {
            unsupported(start, QStringLiteral("balancing group (?<%1>...)").arg(name));
            i = m_p.size();
            return;
        }
        bool valid = end > j + 1;
        for (QChar ch : name)
            valid = valid && isWordChar(ch);
        if (!valid) {
            fail(j + 1,
                 QCoreApplication::translate("DotNet",
                                             "Invalid group name: Group names must begin with a "
                                             "word character."));
            i = m_p.size();
            return;
        }
        if (isAllDigits(name) && name.toInt() == 0) {
            fail(j + 1, QCoreApplication::translate("DotNet", "Capture number cannot be zero."));
            i = m_p.size();
            return;
        }
        m_stack.append(m_cur);
        m_out += QLatin1Char('(');
        m_caps.append({name, ++m_pcreCount});
        i = end + 1;
        return;
    }
    if (c == u'(') {
        // (?(name)yes|no) or (?(expression)yes|no)
        qsizetype k = j + 1;
        while (k < m_p.size() && isWordChar(m_p.at(k)))
            ++k;
        m_stack.append(m_cur);
        if (k > j + 1 && at(k, u')')) {
            m_out += QLatin1String("(?(");
            m_refs.append({m_out.size(), m_p.mid(j + 1, k - j - 1), true, j + 1});
            i = k + 1;
            return;
        }
        m_stack.append(m_cur); // the assertion closes at the expression's ')'
        m_out += QLatin1String("(?(?=");
        i = j + 1;
        return;
    }
    // Inline options (?imnsx-imnsx) or (?imnsx-imnsx:...)
    Scope scope = m_cur;
    QString on, off;
    bool negate = false;
    qsizetype k = j;
    for (; k < m_p.size(); ++k) {
        const QChar f = m_p.at(k).toLower();
        if (f == u'-') {
            negate = true;
        } else if (f == u'i' || f == u'm' || f == u's') {
            (negate ? off : on) += f;
        } else if (f == u'x') {
            scope.x = !negate;
        } else if (f == u'n') {
            scope.n = !negate;
        } else {
            break;
        }
    }
    if (k >= m_p.size() || (m_p.at(k) != u')' && m_p.at(k) != u':')) {
        fail(k + 1, QCoreApplication::translate("DotNet", "Unrecognized grouping construct."));
        i = m_p.size();
        return;
    }
    QString flags = on;
    if (!off.isEmpty())
        flags += QLatin1Char('-') + off;
    if (m_p.at(k) == u')') {
        m_cur = scope;
        if (!flags.isEmpty())
            m_out += QLatin1String("(?") + flags + QLatin1Char(')');
    } else {
        m_stack.append(m_cur);
        m_cur = scope;
        m_out += QLatin1String("(?") + flags + QLatin1Char(':');
    }
    i = k + 1;
}

void Translator::quantifier(qsizetype &i, qsizetype length)
{
    const QString text = m_p.mid(i, length);
    if (m_quantifierState == 1 && text == QLatin1String("?")) {
        m_out += text;
        m_quantifierState = 2;
        i += length;
        return;
    }
    if (m_quantifierState != 0) {
        fail(i + length, QCoreApplication::translate("DotNet", "Nested quantifier '%1'.").arg(m_p.at(i)));
        i = m_p.size();
        return;
    }
    if (!m_quantifiable) {
        fail(i + length, QCoreApplication::translate("DotNet", "Quantifier '%1' following nothing.").arg(m_p.at(i)));
        i = m_p.size();
        return;
    }
    m_out += text;
    m_quantifierState = 1;
    i += length;
}

DotNetRegexTranslation Translator::run()
{
    qsizetype i = 0;
    while (i < m_p.size() && !m_error) {
        const QChar c = m_p.at(i);
        if (m_cur.x && (c == u' ' || c == u'\t' || c == u'\n' || c == u'\r' || c == u'\f' || c == u'\v')) {
            ++i;
            continue;
        }
        if (m_cur.x && c == u'#') {
            while (i < m_p.size() && m_p.at(i) != u'\n')
                ++i;
            continue;
        }
        switch (c.unicode()) {
        case u'\\':
            escape(i, false);
            m_quantifiable = true;
            m_quantifierState = 0;
            break;
        case u'[':
            charClass(i);
            m_quantifiable = true;
            m_quantifierState = 0;
            break;
        case u'(':
            group(i);
            break;
        case u')':
            if (m_stack.isEmpty()) {
                fail(i + 1, QCoreApplication::translate("DotNet", "Too many )'s."));
                i = m_p.size();
                break;
            }
            m_cur = m_stack.takeLast();
            m_out += QLatin1Char(')');
            ++i;
            m_quantifiable = true;
            m_quantifierState = 0;
            break;
        case u'*':
        case u'+':
        case u'?':
            quantifier(i, 1);
            break;
        case u'{': {
            qsizetype k = i + 1;
            while (k < m_p.size() && m_p.at(k).isDigit())
                ++k;
            bool isQuantifier = k > i + 1;
            if (isQuantifier && at(k, u',')) {
                ++k;
                while (k < m_p.size() && m_p.at(k).isDigit())
                    ++k;
            }
            isQuantifier = isQuantifier && at(k, u'}');
            if (isQuantifier) {
                quantifier(i, k + 1 - i);
            } else {
                m_out += QLatin1String("\\{");
                ++i;
                m_quantifiable = true;
                m_quantifierState = 0;
            }
            break;
        }
        case u'|':
            m_out += c;
            ++i;
            m_quantifiable = false;
            m_quantifierState = 0;
            break;
        case u'#':
        case u' ':
            m_out += QLatin1Char('\\') + c; // literal even if PCRE were in extended mode
            ++i;
            m_quantifiable = true;
            m_quantifierState = 0;
            break;
        default:
            m_out += c;
            ++i;
            m_quantifiable = true;
            m_quantifierState = 0;
            break;
        }
    }
    if (!m_error && !m_stack.isEmpty())
        fail(m_p.size(), QCoreApplication::translate("DotNet", "Not enough )'s."));

    DotNetRegexTranslation result;
    if (m_error) {
        result.error = m_error;
        return result;
    }

    // .NET numbering: unnamed groups 1..n in order (explicit numbers as given),
    // then names, in order of first appearance, on the next free numbers.
    QMap<int, QList<int>> byNumber; // number -> pcre indexes
    QMap<int, QString> nameOf;
    int autocap = 1;
    for (const Capture &cap : std::as_const(m_caps)) {
        if (cap.name.isEmpty())
            byNumber[autocap++].append(cap.pcreIndex);
        else if (isAllDigits(cap.name))
            byNumber[cap.name.toInt()].append(cap.pcreIndex);
    }
    QHash<QString, int> nameNumbers;
    for (const Capture &cap : std::as_const(m_caps)) {
        if (cap.name.isEmpty() || isAllDigits(cap.name))
            continue;
        auto it = nameNumbers.constFind(cap.name);
        if (it == nameNumbers.cend()) {
            while (byNumber.contains(autocap))
                ++autocap;
            it = nameNumbers.insert(cap.name, autocap++);
            nameOf.insert(*it, cap.name);
        }
        byNumber[*it].append(cap.pcreIndex);
    }
    byNumber[0].append(0);

    auto resolve = [&](const QString &name) -> QList<int> {
        if (isAllDigits(name))
            return byNumber.value(name.toInt());
        const auto it = nameNumbers.constFind(name);
        return it == nameNumbers.cend() ? QList<int>() : byNumber.value(*it);
    };

    QString out;
    qsizetype copied = 0;
    for (const Ref &ref : std::as_const(m_refs)) {
        out += QStringView(m_out).mid(copied, ref.outPos - copied);
        copied = ref.outPos;
        const QList<int> idx = resolve(ref.name);
        if (ref.conditional) {
            if (idx.isEmpty() || (idx.size() == 1 && idx.first() == 0 && !isAllDigits(ref.name)))
                out += QLatin1String("?=") + ref.name + QLatin1Char(')');
            else
                out += QString::number(idx.first()) + QLatin1Char(')');
            continue;
        }
        if (idx.isEmpty()) {
            result.error = DotNetError::argument(
                QCoreApplication::translate("DotNet", "Invalid pattern '%1' at offset %2. %3")
                    .arg(m_p)
                    .arg(ref.offset)
                    .arg(isAllDigits(ref.name)
                             ? QCoreApplication::translate("DotNet", "Reference to undefined group number %1.")
                                   .arg(ref.name)
                             : QCoreApplication::translate("DotNet", "Reference to undefined group name '%1'.")
                                   .arg(ref.name)));
            return result;
        }
        if (idx.size() == 1) {
            out += QLatin1String("(?:\\g{") + QString::number(idx.first()) + QLatin1String("})");
        } else {
            out += QLatin1String("(?:");
            for (qsizetype k = 0; k < idx.size(); ++k)
                out += (k ? QLatin1String("|\\g{") : QLatin1String("\\g{")) + QString::number(idx.at(k))
                    + QLatin1Char('}');
            out += QLatin1Char(')');
        }
    }
    out += QStringView(m_out).mid(copied);
    result.pcrePattern = out;
    for (auto it = byNumber.cbegin(); it != byNumber.cend(); ++it) {
        result.numbers.append(it.key());
        result.names.append(nameOf.value(it.key(), QString::number(it.key())));
        result.pcreIndexes.append(it.value());
    }
    return result;
}

} // namespace

DotNetRegexTranslation translateDotNetRegex(const QString &pattern, bool ignorePatternWhitespace, bool explicitCapture)
{
    Translator translator(pattern, ignorePatternWhitespace, explicitCapture);
    return translator.run();
}

} // namespace sluice::dotnet
