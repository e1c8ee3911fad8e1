#include "EnvReferenceResolver.h"

namespace sluice {

EnvReferenceResolver::EnvReferenceResolver(Lookup lookup)
    : m_lookup(std::move(lookup))
{
}

EnvReferenceResolver::Result EnvReferenceResolver::resolve(const QString &text) const
{
    Result result;
    result.value.reserve(text.size());
    const qsizetype n = text.size();
    qsizetype i = 0;
    while (i < n) {
        const QChar c = text.at(i);
        if (c != QLatin1Char('$')) {
            result.value.append(c);
            ++i;
            continue;
        }
        // "$${" -> literal "${"
        if (i + 2 < n && text.at(i + 1) == QLatin1Char('$') && text.at(i + 2) == QLatin1Char('{')) {
            result.value.append(QLatin1String("${"));
            i += 3;
            continue;
        }
        if (i + 1 < n && text.at(i + 1) == QLatin1Char('{')) {
            const qsizetype close = text.indexOf(QLatin1Char('}'), i + 2);
            if (close < 0) {
                if (result.syntaxError.isEmpty())
                    result.syntaxError = tr("unterminated '${' (write '$${' for a literal '${')");
                result.value.append(QStringView(text).mid(i));
                break;
            }
            const QString name = text.mid(i + 2, close - i - 2);
            if (!isValidVariableName(name)) {
                if (result.syntaxError.isEmpty())
                    result.syntaxError = tr("invalid environment variable name in '${...}' "
                                            "(use letters, digits and '_'; write '$${' for a literal '${')");
                result.value.append(QStringView(text).mid(i, close + 1 - i));
            } else if (const std::optional<QString> value = m_lookup ? m_lookup(name) : std::nullopt) {
                result.value.append(*value);
            } else {
                if (!result.unsetVariables.contains(name))
                    result.unsetVariables.append(name);
            }
            i = close + 1;
            continue;
        }
        result.value.append(c);
        ++i;
    }
    return result;
}

bool EnvReferenceResolver::isValidVariableName(QStringView name)
{
    if (name.isEmpty())
        return false;
    for (qsizetype i = 0; i < name.size(); ++i) {
        const char16_t c = name.at(i).unicode();
        const bool letter = (c >= u'a' && c <= u'z') || (c >= u'A' && c <= u'Z') || c == u'_';
        const bool digit = c >= u'0' && c <= u'9';
        if (!letter && !(digit && i > 0))
            return false;
    }
    return true;
}

} // namespace sluice
