#include "PolicyOutline.h"

#include "PolicyExpressionScanner.h"

namespace sluice {

namespace {

bool isNameEnd(QChar c)
{
    return c.isSpace() || c == QLatin1Char('/') || c == QLatin1Char('>') || c == QLatin1Char('=');
}

// Reads the start tag whose '<' is at `at`; false when it does not end.
bool readStartTag(const QString &s, qsizetype at, PolicyElementSpan *element)
{
    const qsizetype n = s.size();
    qsizetype i = at + 1;
    while (i < n && !isNameEnd(s.at(i)))
        ++i;
    element->name = s.mid(at + 1, i - at - 1);
    element->begin = at;
    if (element->name.isEmpty())
        return false;
    while (i < n) {
        const QChar c = s.at(i);
        if (c.isSpace()) {
            ++i;
        } else if (c == QLatin1Char('>')) {
            element->startTagEnd = i + 1;
            return true;
        } else if (c == QLatin1Char('/') && i + 1 < n && s.at(i + 1) == QLatin1Char('>')) {
            element->selfClosing = true;
            element->startTagEnd = i + 2;
            element->endTagBegin = element->startTagEnd;
            element->end = element->startTagEnd;
            return true;
        } else {
            PolicyAttributeSpan attribute;
            attribute.begin = i;
            while (i < n && !isNameEnd(s.at(i)))
                ++i;
            attribute.name = s.mid(attribute.begin, i - attribute.begin);
            while (i < n && s.at(i).isSpace())
                ++i;
            if (attribute.name.isEmpty() || i >= n || s.at(i) != QLatin1Char('='))
                return false;
            ++i;
            while (i < n && s.at(i).isSpace())
                ++i;
            if (i >= n || (s.at(i) != QLatin1Char('"') && s.at(i) != QLatin1Char('\'')))
                return false;
            attribute.quote = s.at(i);
            attribute.valueBegin = i + 1;
            const qsizetype close = s.indexOf(attribute.quote, attribute.valueBegin);
            if (close < 0)
                return false;
            attribute.valueEnd = close;
            element->attributes.push_back(std::move(attribute));
            i = close + 1;
        }
    }
    return false;
}

// Skips a comment, CDATA section, processing instruction or declaration at
// `at`; the index after it, `at` when there is none there, -1 when it does not end.
qsizetype skipMarkup(const QString &s, qsizetype at)
{
    static const struct
    {
        QLatin1String open;
        QLatin1String close;
    } markup[] = {
        {QLatin1String("<!--"), QLatin1String("-->")},
        {QLatin1String("<![CDATA["), QLatin1String("]]>")},
        {QLatin1String("<?"), QLatin1String("?>")},
        {QLatin1String("<!"), QLatin1String(">")},
    };
    const QStringView rest = QStringView(s).mid(at);
    for (const auto &kind : markup) {
        if (rest.startsWith(kind.open)) {
            const qsizetype close = s.indexOf(kind.close, at + kind.open.size());
            return close < 0 ? -1 : close + kind.close.size();
        }
    }
    return at;
}

} // namespace

const PolicyAttributeSpan *PolicyElementSpan::attribute(QStringView attributeName) const
{
    for (const PolicyAttributeSpan &a : attributes) {
        if (a.name == attributeName)
            return &a;
    }
    return nullptr;
}

std::vector<const PolicyElementSpan *> PolicyElementSpan::childrenNamed(QStringView childName) const
{
    std::vector<const PolicyElementSpan *> result;
    for (const PolicyElementSpan &c : children) {
        if (c.name == childName)
            result.push_back(&c);
    }
    return result;
}

PolicyOutline PolicyOutline::read(const QString &text)
{
    PolicyOutline outline;
    const PolicyExpressionScan scan = PolicyExpressionScanner::scan(text, QString());
    if (!scan.ok())
        return outline;
    // Expressions hidden behind characters that mean nothing to XML, as the parser does.
    QString s = text;
    for (const PolicyExpression &e : scan.expressions) {
        for (qsizetype i = e.begin; i < e.end; ++i)
            s[i] = QLatin1Char('_');
    }

    std::vector<PolicyElementSpan> open; // the elements whose end tag is still to come
    const auto place = [&](PolicyElementSpan element) {
        (open.empty() ? outline.roots : open.back().children).push_back(std::move(element));
    };
    const qsizetype n = s.size();
    qsizetype i = 0;
    while (i < n) {
        if (s.at(i) != QLatin1Char('<')) {
            ++i;
            continue;
        }
        const qsizetype skipped = skipMarkup(s, i);
        if (skipped < 0)
            return {};
        if (skipped > i) {
            i = skipped;
            continue;
        }
        if (i + 1 < n && s.at(i + 1) == QLatin1Char('/')) {
            const qsizetype close = s.indexOf(QLatin1Char('>'), i);
            if (close < 0 || open.empty())
                return {};
            const QString name = s.mid(i + 2, close - i - 2).trimmed();
            if (name != open.back().name)
                return {};
            PolicyElementSpan element = std::move(open.back());
            open.pop_back();
            element.endTagBegin = i;
            element.end = close + 1;
            place(std::move(element));
            i = close + 1;
            continue;
        }
        PolicyElementSpan element;
        if (!readStartTag(s, i, &element))
            return {};
        i = element.startTagEnd;
        if (element.selfClosing)
            place(std::move(element));
        else
            open.push_back(std::move(element));
    }
    if (!open.empty())
        return {};
    outline.ok = true;
    return outline;
}

} // namespace sluice
