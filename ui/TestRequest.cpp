#include "TestRequest.h"

#include <QRegularExpression>

namespace sluice {

namespace {

const QRegularExpression &parameterPattern()
{
    static const QRegularExpression pattern(QStringLiteral("\\{([^}]+)\\}"));
    return pattern;
}

} // namespace

QStringList TestRequest::templateParameters(const QString &urlTemplate)
{
    QStringList names;
    auto it = parameterPattern().globalMatch(urlTemplate);
    while (it.hasNext())
        names.append(it.next().captured(1));
    if (urlTemplate.endsWith(QLatin1Char('*')))
        names.append(QStringLiteral("*"));
    return names;
}

QString TestRequest::path() const
{
    QString path = urlTemplate.section(QLatin1Char('?'), 0, 0);
    for (const auto &[name, value] : parameters) {
        const QString encoded =
            name == QLatin1String("*") ? value : QString::fromLatin1(QUrl::toPercentEncoding(value));
        if (name == QLatin1String("*") && path.endsWith(QLatin1Char('*')))
            path = path.left(path.size() - 1) + encoded;
        else
            path.replace(QLatin1Char('{') + name + QLatin1Char('}'), encoded);
    }
    if (!path.startsWith(QLatin1Char('/')))
        path.prepend(QLatin1Char('/'));
    return apiPath.isEmpty() ? path : QLatin1Char('/') + apiPath + path;
}

QUrl TestRequest::url(const QUrl &base) const
{
    QUrl url = base;
    url.setPath(path(), QUrl::TolerantMode);
    if (!query.trimmed().isEmpty())
        url.setQuery(query.trimmed(), QUrl::TolerantMode);
    return url;
}

} // namespace sluice
