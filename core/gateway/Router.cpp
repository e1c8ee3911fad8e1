#include "Router.h"

#include <QUrl>

#include <algorithm>

namespace sluice {

const CompiledPipeline &OperationRoute::pipelineFor(const Product *product) const
{
    if (product) {
        const auto it = productPipelines.constFind(product->id);
        if (it != productPipelines.constEnd())
            return **it;
    }
    return *pipeline;
}

Router::Router(const Workspace &workspace)
{
    for (const Api &api : workspace.apis) {
        ApiRoute route;
        route.api = &api;
        for (const QString &segment : splitPathSegments(api.path)) {
            if (segment.isEmpty())
                continue;
            route.prefix.append(segment.toLower());
            const QString &lower = route.prefix.back();
            const bool ascii = std::all_of(lower.begin(), lower.end(), [](QChar c) { return c.unicode() < 0x80; });
            route.asciiPrefix.append(ascii ? lower.toLatin1() : QByteArray());
        }
        for (const Operation &op : api.operations) {
            auto tpl = UrlTemplate::parse(op.urlTemplate);
            if (!tpl)
                continue; // reported by workspace validation
            OperationRoute o;
            o.api = &api;
            o.operation = &op;
            o.method = op.method.toLatin1();
            o.urlTemplate = std::move(*tpl);
            route.operations.push_back(std::move(o));
        }
        std::stable_sort(route.operations.begin(), route.operations.end(),
                         [](const OperationRoute &a, const OperationRoute &b) {
                             return a.urlTemplate.specificity() > b.urlTemplate.specificity();
                         });
        m_apis.push_back(std::move(route));
    }
    std::stable_sort(m_apis.begin(), m_apis.end(),
                     [](const ApiRoute &a, const ApiRoute &b) { return a.prefix.size() > b.prefix.size(); });
}

namespace {

// An undecoded segment against an expected one (lower case), ignoring case;
// ASCII on both sides (the usual case) compared byte by byte, with no case
// folding tables.
bool sameSegment(QByteArrayView raw, const QString &expected, const QByteArray &expectedAscii)
{
    const bool rawAscii = std::all_of(raw.begin(), raw.end(), [](char c) { return static_cast<unsigned char>(c) < 0x80; });
    if (!rawAscii || expectedAscii.isNull())
        return QAnyStringView::compare(QUtf8StringView(raw), expected, Qt::CaseInsensitive) == 0;
    if (raw.size() != expectedAscii.size())
        return false;
    for (qsizetype i = 0; i < raw.size(); ++i) {
        const char c = raw[i];
        if ((c >= 'A' && c <= 'Z' ? char(c + ('a' - 'A')) : c) != expectedAscii[i])
            return false;
    }
    return true;
}

// Whether the raw (percent-encoded, UTF-8) path starts with the API's decoded,
// lower-case prefix segments; *rest is then the byte position after them.
// Decodes a segment only when it holds a '%': most paths need no allocation.
bool matchPrefix(QByteArrayView path, const ApiRoute &api, qsizetype *rest)
{
    qsizetype pos = path.startsWith('/') ? 1 : 0;
    for (qsizetype i = 0; i < api.prefix.size(); ++i) {
        const QString &expected = api.prefix.at(i);
        if (pos > path.size())
            return false;
        qsizetype slash = path.indexOf('/', pos);
        if (slash < 0)
            slash = path.size();
        const QByteArrayView raw = path.sliced(pos, slash - pos);
        const bool same = raw.contains('%')
            ? QUrl::fromPercentEncoding(raw.toByteArray()).compare(expected, Qt::CaseInsensitive) == 0
            : sameSegment(raw, expected, api.asciiPrefix.at(i));
        if (!same)
            return false;
        pos = slash + 1;
    }
    *rest = std::min(pos, path.size());
    return true;
}

} // namespace

Router::Match Router::match(QByteArrayView method, QByteArrayView encodedPath) const
{
    Match result;
    for (const ApiRoute &api : m_apis) {
        qsizetype rest = 0;
        if (!matchPrefix(encodedPath, api, &rest))
            continue;
        result.api = &api;
        // "/" and the rest, converted once (the rest's own '/' when it has one).
        if (rest > 0 && encodedPath.at(rest - 1) == '/')
            result.relativePath = QString::fromUtf8(encodedPath.sliced(rest - 1));
        else
            result.relativePath = QLatin1Char('/') + QString::fromUtf8(encodedPath.sliced(rest));
        break;
    }
    if (!result.api)
        return result;

    const OperationRoute *fallback = nullptr;
    UrlTemplate::Parameters fallbackParameters;
    for (const OperationRoute &op : result.api->operations) {
        const bool exact = op.method == "*" || op.method == method;
        const bool headAsGet = !exact && method == "HEAD" && op.method == "GET";
        if (!exact && !headAsGet)
            continue;
        auto params = op.urlTemplate.match(result.relativePath);
        if (!params)
            continue;
        if (exact) {
            result.operation = &op;
            result.parameters = std::move(*params);
            return result;
        }
        if (!fallback) {
            fallback = &op;
            fallbackParameters = std::move(*params);
        }
    }
    result.operation = fallback;
    result.parameters = std::move(fallbackParameters);
    return result;
}

} // namespace sluice
