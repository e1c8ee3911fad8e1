#include "DotNetRegex.h"

#include "DotNetRegexTranslator.h"

#include <QMutex>
#include <QMutexLocker>
#include <QRegularExpressionMatch>

namespace sluice::dotnet {

DotNetRegex::DotNetRegex(PrivateTag, QString pattern, RegexOptions options)
    : m_pattern(std::move(pattern))
    , m_options(options)
{ }

DotNetResult<DotNetRegex::Ptr> DotNetRegex::create(const QString &pattern, RegexOptions options)
{
    auto regex = std::make_shared<DotNetRegex>(PrivateTag {}, pattern, options);
    if (const auto error = regex->compile())
        return *error;
    return Ptr(std::move(regex));
}

DotNetResult<DotNetRegex::Ptr> DotNetRegex::cached(const QString &pattern, RegexOptions options)
{
    struct Cache
    {
        QMutex mutex;
        QHash<QPair<QString, int>, Ptr> regexes;
    };
    static Cache cache;
    const QPair<QString, int> key(pattern, options);
    {
        QMutexLocker lock(&cache.mutex);
        if (const auto it = cache.regexes.constFind(key); it != cache.regexes.cend())
            return *it;
    }
    auto created = create(pattern, options);
    if (!created)
        return created;
    QMutexLocker lock(&cache.mutex);
    if (cache.regexes.size() > 4096) // literal patterns are few; a runaway producer of patterns is not
        cache.regexes.clear();
    cache.regexes.insert(key, *created);
    return created;
}

std::optional<DotNetError> DotNetRegex::compile()
{
    if (m_options & int(RegexOption::RightToLeft))
        return DotNetError::notSupported(
            QCoreApplication::translate("DotNet", "RegexOptions.RightToLeft is not supported by this gateway."));
    const DotNetRegexTranslation t =
        translateDotNetRegex(m_pattern, m_options & int(RegexOption::IgnorePatternWhitespace),
                             m_options & int(RegexOption::ExplicitCapture));
    if (t.error)
        return t.error;
    QRegularExpression::PatternOptions qo = QRegularExpression::NoPatternOption;
    if (m_options & int(RegexOption::IgnoreCase))
        qo |= QRegularExpression::CaseInsensitiveOption;
    if (m_options & int(RegexOption::Multiline))
        qo |= QRegularExpression::MultilineOption;
    if (m_options & int(RegexOption::Singleline))
        qo |= QRegularExpression::DotMatchesEverythingOption;
    if (!(m_options & int(RegexOption::ECMAScript)))
        qo |= QRegularExpression::UseUnicodePropertiesOption;
    m_regex = QRegularExpression(t.pcrePattern, qo);
    if (!m_regex.isValid()) {
        return DotNetError::argument(QCoreApplication::translate("DotNet", "Invalid pattern '%1' at offset %2. %3")
                                         .arg(m_pattern)
                                         .arg(qMin(m_regex.patternErrorOffset(), m_pattern.size()))
                                         .arg(m_regex.errorString()));
    }
    m_regex.optimize();
    m_numbers = t.numbers;
    m_names = t.names;
    m_pcreIndexes = t.pcreIndexes;
    for (qsizetype slot = 0; slot < m_names.size(); ++slot)
        m_nameToSlot.insert(m_names.at(slot), slot);
    return std::nullopt;
}

qsizetype DotNetRegex::slotForNumber(int number) const
{
    if (number >= 0 && number < m_numbers.size() && m_numbers.at(number) == number)
        return number;
    const auto it = std::lower_bound(m_numbers.cbegin(), m_numbers.cend(), number);
    return (it != m_numbers.cend() && *it == number) ? it - m_numbers.cbegin() : -1;
}

qsizetype DotNetRegex::slotForName(const QString &name) const
{
    const qsizetype slot = m_nameToSlot.value(name, -1);
    if (slot >= 0 || name.isEmpty() || !name.front().isDigit())
        return slot;
    bool ok = false;
    const int number = name.toInt(&ok);
    return ok ? slotForNumber(number) : -1;
}

int DotNetRegex::groupNumberFromName(const QString &name) const
{
    const qsizetype slot = slotForName(name);
    return slot < 0 ? -1 : m_numbers.at(slot);
}

QString DotNetRegex::groupNameFromNumber(int number) const
{
    const qsizetype slot = slotForNumber(number);
    return slot < 0 ? QString() : m_names.at(slot);
}

DotNetMatch DotNetRegex::matchAt(const QString &input, qsizetype startAt) const
{
    if (startAt < 0 || startAt > input.size())
        return {};
    const QRegularExpressionMatch m = m_regex.match(input, startAt);
    if (!m.hasMatch())
        return {};
    QList<DotNetMatch::Span> spans(m_pcreIndexes.size());
    for (qsizetype slot = 0; slot < m_pcreIndexes.size(); ++slot) {
        DotNetMatch::Span &span = spans[slot];
        for (int index : m_pcreIndexes.at(slot)) {
            const qsizetype start = m.capturedStart(index);
            if (start >= 0 && start >= span.start) {
                span.start = start;
                span.length = m.capturedLength(index);
            }
        }
    }
    return DotNetMatch(shared_from_this(), input, std::move(spans));
}

bool DotNetRegex::isMatch(const QString &input, qsizetype startAt) const
{
    return startAt >= 0 && startAt <= input.size() && m_regex.match(input, startAt).hasMatch();
}

DotNetMatch DotNetRegex::match(const QString &input, qsizetype startAt) const
{
    return matchAt(input, startAt);
}

QList<DotNetMatch> DotNetRegex::matches(const QString &input, qsizetype startAt) const
{
    QList<DotNetMatch> result;
    DotNetMatch m = matchAt(input, startAt);
    while (m.success()) {
        result.append(m);
        m = m.nextMatch();
    }
    return result;
}

QString DotNetRegex::expandReplacement(const QString &replacement, const DotNetMatch &match) const
{
    QString out;
    out.reserve(replacement.size() + match.length());
    const qsizetype n = replacement.size();
    for (qsizetype i = 0; i < n; ++i) {
        const QChar c = replacement.at(i);
        if (c != u'$' || i + 1 >= n) {
            out += c;
            continue;
        }
        const QChar d = replacement.at(i + 1);
        if (d == u'$') {
            out += u'$';
            ++i;
        } else if (d == u'&') {
            out += match.value();
            ++i;
        } else if (d == u'`') {
            out += match.subject().left(match.index());
            ++i;
        } else if (d == u'\'') {
            out += match.subject().mid(match.index() + match.length());
            ++i;
        } else if (d == u'+') {
            out += match.groupAtSlot(slotCount() - 1).value();
            ++i;
        } else if (d == u'_') {
            out += match.subject();
            ++i;
        } else if (d == u'{') {
            const qsizetype end = replacement.indexOf(u'}', i + 2);
            const QString name = end < 0 ? QString() : replacement.mid(i + 2, end - i - 2);
            qsizetype slot = end < 0 ? -1 : slotForName(name);
            if (slot >= 0) {
                out += match.groupAtSlot(slot).value();
                i = end;
            } else {
                out += c;
            }
        } else if (d.unicode() >= u'0' && d.unicode() <= u'9') {
            qsizetype j = i + 1;
            qint64 number = 0;
            while (j < n && replacement.at(j).unicode() >= u'0' && replacement.at(j).unicode() <= u'9'
                   && number < 100000000) {
                number = number * 10 + (replacement.at(j).unicode() - u'0');
                ++j;
            }
            const qsizetype slot = slotForNumber(int(number));
            if (slot >= 0) {
                out += match.groupAtSlot(slot).value();
                i = j - 1;
            } else {
                out += c;
            }
        } else {
            out += c;
        }
    }
    return out;
}

QString DotNetRegex::replace(const QString &input, const std::function<QString(const DotNetMatch &)> &evaluator,
                             int count, qsizetype startAt) const
{
    if (count == 0)
        return input;
    DotNetMatch m = matchAt(input, startAt);
    if (!m.success())
        return input;
    QString out;
    qsizetype copied = 0;
    int done = 0;
    while (m.success() && (count < 0 || done < count)) {
        out += QStringView(input).mid(copied, m.index() - copied);
        out += evaluator(m);
        copied = m.index() + m.length();
        ++done;
        m = m.nextMatch();
    }
    out += QStringView(input).mid(copied);
    return out;
}

QString DotNetRegex::replace(const QString &input, const QString &replacement, int count, qsizetype startAt) const
{
    return replace(
        input, [&](const DotNetMatch &m) { return expandReplacement(replacement, m); }, count, startAt);
}

QStringList DotNetRegex::split(const QString &input, int count, qsizetype startAt) const
{
    if (count == 1)
        return {input};
    DotNetMatch m = matchAt(input, startAt);
    if (!m.success())
        return {input};
    QStringList out;
    qsizetype previous = 0;
    int pieces = 1;
    while (m.success()) {
        out.append(input.mid(previous, m.index() - previous));
        previous = m.index() + m.length();
        for (qsizetype slot = 1; slot < slotCount(); ++slot) {
            const DotNetGroup g = m.groupAtSlot(slot);
            if (g.success())
                out.append(g.value());
        }
        if (count > 0 && ++pieces >= count)
            break;
        m = m.nextMatch();
    }
    out.append(input.mid(previous));
    return out;
}

DotNetResult<bool> DotNetRegex::isMatch(const QString &input, const QString &pattern, RegexOptions options)
{
    const auto regex = cached(pattern, options);
    if (!regex)
        return regex.error();
    return (*regex)->isMatch(input);
}

DotNetResult<DotNetMatch> DotNetRegex::match(const QString &input, const QString &pattern, RegexOptions options)
{
    const auto regex = cached(pattern, options);
    if (!regex)
        return regex.error();
    return (*regex)->match(input);
}

DotNetResult<QList<DotNetMatch>> DotNetRegex::matches(const QString &input, const QString &pattern,
                                                      RegexOptions options)
{
    const auto regex = cached(pattern, options);
    if (!regex)
        return regex.error();
    return (*regex)->matches(input);
}

DotNetResult<QString> DotNetRegex::replace(const QString &input, const QString &pattern, const QString &replacement,
                                           RegexOptions options)
{
    const auto regex = cached(pattern, options);
    if (!regex)
        return regex.error();
    return (*regex)->replace(input, replacement);
}

DotNetResult<QStringList> DotNetRegex::split(const QString &input, const QString &pattern, RegexOptions options)
{
    const auto regex = cached(pattern, options);
    if (!regex)
        return regex.error();
    return (*regex)->split(input);
}

QString DotNetRegex::escape(const QString &text)
{
    QString out;
    out.reserve(text.size() + 8);
    for (QChar c : text) {
        switch (c.unicode()) {
        case u'\\':
        case u'*':
        case u'+':
        case u'?':
        case u'|':
        case u'{':
        case u'[':
        case u'(':
        case u')':
        case u'^':
        case u'$':
        case u'.':
        case u'#':
        case u' ':
            out += QLatin1Char('\\') + c;
            break;
        case u'\t':
            out += QLatin1String("\\t");
            break;
        case u'\n':
            out += QLatin1String("\\n");
            break;
        case u'\r':
            out += QLatin1String("\\r");
            break;
        case u'\f':
            out += QLatin1String("\\f");
            break;
        default:
            out += c;
            break;
        }
    }
    return out;
}

DotNetResult<QString> DotNetRegex::unescape(const QString &text)
{
    QString out;
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar c = text.at(i);
        if (c != u'\\') {
            out += c;
            continue;
        }
        if (++i >= text.size())
            return DotNetError::argument(QCoreApplication::translate("DotNet",
                                                                     "Invalid pattern '%1' at offset %2. "
                                                                     "Illegal \\\\ at end of pattern.")
                                             .arg(text)
                                             .arg(text.size()));
        switch (text.at(i).unicode()) {
        case u't':
            out += u'\t';
            break;
        case u'n':
            out += u'\n';
            break;
        case u'r':
            out += u'\r';
            break;
        case u'f':
            out += u'\f';
            break;
        case u'v':
            out += u'\v';
            break;
        case u'a':
            out += u'\a';
            break;
        case u'e':
            out += QChar(0x1b);
            break;
        case u'u':
            if (i + 4 < text.size()) {
                bool ok = false;
                const int code = text.mid(i + 1, 4).toInt(&ok, 16);
                if (ok) {
                    out += QChar(code);
                    i += 4;
                    break;
                }
            }
            return DotNetError::argument(QCoreApplication::translate("DotNet",
                                                                     "Invalid pattern '%1' at offset %2. "
                                                                     "Insufficient hex digits.")
                                             .arg(text)
                                             .arg(i + 1));
        default:
            out += text.at(i);
            break;
        }
    }
    return out;
}

} // namespace sluice::dotnet
