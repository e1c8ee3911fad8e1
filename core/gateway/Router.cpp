#include "Router.h"

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
            if (!segment.isEmpty())
                route.prefix.append(segment.toLower());
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

Router::Match Router::match(QByteArrayView method, QByteArrayView encodedPath) const
{
    Match result;
    const QString path = QString::fromUtf8(encodedPath);
    const QStringList segments = splitPathSegments(path);

    for (const ApiRoute &api : m_apis) {
        if (api.prefix.size() > segments.size())
            continue;
        bool prefixMatches = true;
        for (qsizetype i = 0; i < api.prefix.size(); ++i) {
            if (segments.at(i).compare(api.prefix.at(i), Qt::CaseInsensitive) != 0) {
                prefixMatches = false;
                break;
            }
        }
        if (!prefixMatches)
            continue;
        result.api = &api;
        // Skip the prefix's encoded segments in the raw path.
        qsizetype pos = path.startsWith(QLatin1Char('/')) ? 1 : 0;
        for (qsizetype i = 0; i < api.prefix.size(); ++i) {
            const qsizetype slash = path.indexOf(QLatin1Char('/'), pos);
            pos = slash < 0 ? path.size() : slash + 1;
        }
        result.relativePath = QLatin1Char('/') + path.mid(pos);
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
