#include "UrlTemplate.h"

#include "UrlTemplateValidator.h"

#include <QCoreApplication>
#include <QUrl>

namespace sluice {

namespace {

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
    // One grammar for the workspace validator and the router: the validator
    // decides what is valid, this only builds the segments.
    const UrlTemplateValidator::Result check = UrlTemplateValidator::check(templateText);
    if (!check.ok()) {
        if (error)
            *error = check.error;
        return std::nullopt;
    }
    QStringView path = QStringView(templateText);
    const qsizetype question = path.indexOf(QLatin1Char('?'));
    if (question >= 0)
        path = path.left(question);

    UrlTemplate t;
    t.m_text = templateText;
    const QList<QStringView> parts = path.mid(1).split(QLatin1Char('/'));
    for (qsizetype i = 0; i < parts.size(); ++i) {
        const QStringView part = parts.at(i);
        if (part.isEmpty() && i == parts.size() - 1 && parts.size() > 1)
            break; // trailing slash
        Segment s;
        if (part == QLatin1String("*")) {
            s.kind = Segment::Kind::Wildcard;
        } else if (part.startsWith(QLatin1Char('{'))) {
            s.kind = Segment::Kind::Parameter;
            s.text = part.mid(1, part.size() - 2).toString();
        } else {
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
    if (!m_segments.empty() && m_segments.front().kind == Segment::Kind::Wildcard)
        return Parameters(); // "/*" matches everything: no need to look at the path
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
