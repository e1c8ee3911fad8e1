#include "UrlTemplate.h"

#include <QCoreApplication>
#include <QUrl>

namespace sluice {

namespace {

bool isParameterName(QStringView name)
{
    if (name.isEmpty() || !(name.front().isLetter() || name.front() == QLatin1Char('_')))
        return false;
    for (QChar c : name) {
        if (!(c.isLetterOrNumber() || c == QLatin1Char('_') || c == QLatin1Char('-')))
            return false;
    }
    return true;
}

QString decodeSegment(QStringView segment)
{
    if (!segment.contains(QLatin1Char('%')))
        return segment.toString();
    return QUrl::fromPercentEncoding(segment.toUtf8());
}

} // namespace

QStringList splitPathSegments(QStringView path)
{
    QStringList result;
    if (path.startsWith(QLatin1Char('/')))
        path = path.mid(1);
    if (path.isEmpty())
        return result;
    qsizetype start = 0;
    while (true) {
        const qsizetype slash = path.indexOf(QLatin1Char('/'), start);
        if (slash < 0) {
            result.append(decodeSegment(path.mid(start)));
            break;
        }
        result.append(decodeSegment(path.mid(start, slash - start)));
        start = slash + 1;
    }
    return result;
}

std::optional<UrlTemplate> UrlTemplate::parse(const QString &templateText, QString *error)
{
    auto fail = [&](const QString &message) -> std::optional<UrlTemplate> {
        if (error)
            *error = message;
        return std::nullopt;
    };
    if (!templateText.startsWith(QLatin1Char('/')))
        return fail(QCoreApplication::translate("UrlTemplate", "must start with '/'"));

    // The query part of a template ("/items?page={page}") does not take part in path matching.
    QStringView path = QStringView(templateText);
    const qsizetype question = path.indexOf(QLatin1Char('?'));
    if (question >= 0)
        path = path.left(question);

    UrlTemplate t;
    t.m_text = templateText;
    QStringList seen;
    const QList<QStringView> parts = path.mid(1).split(QLatin1Char('/'));
    for (qsizetype i = 0; i < parts.size(); ++i) {
        const QStringView part = parts.at(i);
        if (part.isEmpty() && i == parts.size() - 1 && parts.size() > 1)
            break; // trailing slash
        Segment s;
        if (part == QLatin1String("*")) {
            if (i != parts.size() - 1)
                return fail(QCoreApplication::translate("UrlTemplate", "'*' is allowed only as the last segment"));
            s.kind = Segment::Kind::Wildcard;
        } else if (part.startsWith(QLatin1Char('{'))) {
            if (!part.endsWith(QLatin1Char('}')))
                return fail(QCoreApplication::translate("UrlTemplate", "unbalanced '{'"));
            QStringView name = part.mid(1, part.size() - 2);
            if (name.startsWith(QLatin1Char('*')))
                name = name.mid(1); // "{*rest}" catch-all written the ASP.NET way
            if (!isParameterName(name))
                return fail(QCoreApplication::translate("UrlTemplate", "invalid parameter name '%1'").arg(name));
            if (seen.contains(name.toString()))
                return fail(QCoreApplication::translate("UrlTemplate", "duplicate parameter '%1'").arg(name));
            seen.append(name.toString());
            s.kind = Segment::Kind::Parameter;
            s.text = name.toString();
        } else {
            if (part.contains(QLatin1Char('{')))
                return fail(QCoreApplication::translate("UrlTemplate", "unbalanced '{'"));
            if (part.contains(QLatin1Char('}')))
                return fail(QCoreApplication::translate("UrlTemplate", "unbalanced '}'"));
            s.kind = Segment::Kind::Literal;
            s.text = decodeSegment(part);
        }
        t.m_segments.append(s);
    }
    if (t.m_segments.size() == 1 && t.m_segments.front().kind == Segment::Kind::Literal
        && t.m_segments.front().text.isEmpty())
        t.m_segments.clear(); // "/"

    for (const Segment &s : t.m_segments) {
        switch (s.kind) {
        case Segment::Kind::Literal: t.m_specificity += 100; break;
        case Segment::Kind::Parameter: t.m_specificity += 10; break;
        case Segment::Kind::Wildcard: t.m_specificity -= 1000; break;
        }
    }
    return t;
}

std::optional<UrlTemplate::Parameters> UrlTemplate::match(QStringView path) const
{
    QStringList segments = splitPathSegments(path);
    if (!segments.isEmpty() && segments.back().isEmpty())
        segments.removeLast(); // "/items/" matches "/items"
    Parameters params;
    qsizetype i = 0;
    for (const Segment &s : m_segments) {
        if (s.kind == Segment::Kind::Wildcard)
            return params;
        if (i >= segments.size())
            return std::nullopt;
        const QString &value = segments.at(i);
        if (s.kind == Segment::Kind::Literal) {
            if (value.compare(s.text, Qt::CaseInsensitive) != 0)
                return std::nullopt;
        } else {
            if (value.isEmpty())
                return std::nullopt;
            params.append({s.text, value});
        }
        ++i;
    }
    if (i != segments.size())
        return std::nullopt;
    return params;
}

QString UrlTemplate::expand(const QString &templateText, const Parameters &values, QStringList *used)
{
    QString result;
    result.reserve(templateText.size() + 16);
    qsizetype i = 0;
    while (i < templateText.size()) {
        const QChar c = templateText.at(i);
        if (c == QLatin1Char('{')) {
            const qsizetype close = templateText.indexOf(QLatin1Char('}'), i + 1);
            if (close > i) {
                const QString name = templateText.mid(i + 1, close - i - 1);
                const QString key = name.startsWith(QLatin1Char('*')) ? name.mid(1) : name;
                for (const auto &[n, v] : values) {
                    if (n == key) {
                        result += QString::fromLatin1(QUrl::toPercentEncoding(v));
                        if (used)
                            used->append(key);
                        break;
                    }
                }
                i = close + 1;
                continue;
            }
        }
        result += c;
        ++i;
    }
    return result;
}

} // namespace sluice
