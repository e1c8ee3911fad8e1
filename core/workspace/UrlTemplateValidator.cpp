#include "UrlTemplateValidator.h"

namespace sluice {

UrlTemplateValidator::Result UrlTemplateValidator::check(const QString &urlTemplate)
{
    Result result;
    if (!urlTemplate.startsWith(QLatin1Char('/'))) {
        result.error = tr("must start with '/'");
        return result;
    }
    const qsizetype query = urlTemplate.indexOf(QLatin1Char('?'));
    const QString path = query < 0 ? urlTemplate : urlTemplate.left(query);

    QString routeKey;
    qsizetype segmentStart = 0; // index of the '/' that opened the current segment
    qsizetype i = 0;
    while (i < path.size()) {
        const QChar c = path.at(i);
        if (c == QLatin1Char('{')) {
            qsizetype close = i + 1;
            while (close < path.size() && path.at(close) != QLatin1Char('}')
                   && path.at(close) != QLatin1Char('{') && path.at(close) != QLatin1Char('/'))
                ++close;
            if (close >= path.size() || path.at(close) != QLatin1Char('}')) {
                result.error = tr("unbalanced '{' at position %1").arg(i + 1);
                return result;
            }
            const QString name = path.mid(i + 1, close - i - 1);
            if (name.isEmpty()) {
                result.error = tr("empty parameter name at position %1").arg(i + 1);
                return result;
            }
            if (!isValidParameterName(name)) {
                result.error = tr("invalid parameter name '%1'").arg(name);
                return result;
            }
            if (result.parameters.contains(name)) {
                result.error = tr("duplicate parameter '%1'").arg(name);
                return result;
            }
            const bool wholeSegment =
                i == segmentStart + 1 && (close + 1 == path.size() || path.at(close + 1) == QLatin1Char('/'));
            if (!wholeSegment) {
                result.error = tr("parameter '%1' must be a whole path segment ('/{%1}')").arg(name);
                return result;
            }
            result.parameters.append(name);
            routeKey.append(QLatin1String("{}"));
            i = close + 1;
            continue;
        }
        if (c == QLatin1Char('}')) {
            result.error = tr("unbalanced '}' at position %1").arg(i + 1);
            return result;
        }
        if (c == QLatin1Char('*')) {
            const bool wholeSegment =
                i == segmentStart + 1 && (i + 1 == path.size() || path.at(i + 1) == QLatin1Char('/'));
            if (!wholeSegment) {
                result.error = tr("'*' must be a whole path segment ('/*')");
                return result;
            }
            if (i + 1 != path.size()) {
                result.error = tr("the '/*' wildcard is only allowed as the last segment");
                return result;
            }
        }
        if (c == QLatin1Char('#')) {
            result.error = tr("'#' is not allowed (position %1)").arg(i + 1);
            return result;
        }
        if (c.isSpace()) {
            result.error = tr("whitespace is not allowed (position %1)").arg(i + 1);
            return result;
        }
        if (c == QLatin1Char('/'))
            segmentStart = i;
        routeKey.append(c.toLower());
        ++i;
    }
    if (routeKey.size() > 1 && routeKey.endsWith(QLatin1Char('/')))
        routeKey.chop(1); // "/items/" serves the same requests as "/items"
    result.routeKey = routeKey;
    return result;
}

bool UrlTemplateValidator::isValidParameterName(QStringView name)
{
    if (name.isEmpty())
        return false;
    for (qsizetype i = 0; i < name.size(); ++i) {
        const char16_t c = name.at(i).unicode();
        const bool letter = (c >= u'a' && c <= u'z') || (c >= u'A' && c <= u'Z') || c == u'_';
        const bool rest = (c >= u'0' && c <= u'9') || c == u'-';
        if (!letter && !(rest && i > 0))
            return false;
    }
    return true;
}

} // namespace sluice
