#include "OutgoingRequest.h"

#include "gateway/GatewayExpressionHost.h"
#include "gateway/HopByHop.h"
#include "gateway/RequestContext.h"
#include "gateway/policies/SetMethodPolicy.h"

#include <QCoreApplication>

namespace sluice {

std::optional<OutgoingRequest> OutgoingRequest::compile(const PolicyElement &e, CompileContext &ctx)
{
    OutgoingRequest r;
    r.m_inOutbound = ctx.section() == PolicySection::Outbound || ctx.section() == PolicySection::OnError;
    bool ok = true;
    const PolicyAttribute *mode = e.attribute(u"mode");
    if (auto m = ctx.attribute(e, u"mode", QStringLiteral("new"))) {
        r.m_mode = std::move(*m);
        if (r.m_mode.isConstant() && r.m_mode.literal().trimmed() != QLatin1String("new")
            && r.m_mode.literal().trimmed() != QLatin1String("copy")) {
            ctx.error(mode->value.location, QCoreApplication::translate("PolicyCompiler", "mode must be new or copy, not '%1'").arg(r.m_mode.literal()));
            ok = false;
        }
    } else {
        ok = false;
    }
    const bool copy = r.m_mode.isConstant() && r.m_mode.literal().trimmed() == QLatin1String("copy");
    int urls = 0;
    int methods = 0;
    int bodies = 0;
    for (const PolicyElement &c : e.children) {
        if (c.name == QLatin1String("set-url")) {
            ctx.checkKnown(c, {});
            if (++urls > 1)
                ctx.error(c.location, QCoreApplication::translate("PolicyCompiler", "'%1' may contain only one <%2>").arg(e.name, c.name));
            r.m_url = ctx.value(c.text);
            ok = ok && r.m_url && urls == 1;
            if (r.m_url && r.m_url->isConstant()) {
                const QUrl url(r.m_url->literal().trimmed());
                if (!url.isValid()
                    || (url.scheme() != QLatin1String("http") && url.scheme() != QLatin1String("https"))) {
                    ctx.error(c.text.location, QCoreApplication::translate("PolicyCompiler", "set-url must be an absolute http or https URL"));
                    ok = false;
                }
            }
        } else if (c.name == QLatin1String("set-method")) {
            if (++methods > 1)
                ctx.error(c.location, QCoreApplication::translate("PolicyCompiler", "'%1' may contain only one <%2>").arg(e.name, c.name));
            r.m_method = compileMethodElement(c, ctx, true);
            ok = ok && r.m_method && methods == 1;
        } else if (c.name == QLatin1String("set-header")) {
            ctx.checkKnown(c, {u"name", u"exists-action"}, {u"value"});
            auto name = ctx.requiredAttribute(c, u"name");
            const auto action = parseExistsAction(c, ctx);
            std::optional<std::vector<CompiledValue>> values;
            if (action)
                values = compileValueChildren(c, ctx, *action);
            if (name && name->isConstant() && !isValidHeaderName(name->literal())) {
                ctx.error(c.attribute(u"name")->value.location,
                          QCoreApplication::translate("PolicyCompiler", "'%1' is not a valid header name").arg(name->literal()));
                name.reset();
            }
            if (!name || !action || !values) {
                ok = false;
                continue;
            }
            r.m_headers.push_back({std::move(*name), *action, std::move(*values)});
        } else if (c.name == QLatin1String("set-body")) {
            ctx.checkKnown(c, {});
            if (++bodies > 1)
                ctx.error(c.location, QCoreApplication::translate("PolicyCompiler", "'%1' may contain only one <%2>").arg(e.name, c.name));
            r.m_body = ctx.value(c.text);
            ok = ok && r.m_body && bodies == 1;
        } else if (c.name == QLatin1String("authentication-certificate")
                   || c.name == QLatin1String("authentication-managed-identity") || c.name == QLatin1String("proxy")) {
            ctx.error(c.location, QCoreApplication::translate("PolicyCompiler", "<%1> inside '%2' is not implemented by this gateway").arg(c.name, e.name));
            ok = false;
        } else {
            ctx.error(c.location, QCoreApplication::translate("PolicyCompiler", "'%1' cannot contain '<%2>'").arg(e.name, c.name));
            ok = false;
        }
    }
    if (!copy && r.m_mode.isConstant() && !r.m_url) {
        ctx.error(e.location, QCoreApplication::translate("PolicyCompiler", "'%1' with mode=\"new\" requires a <set-url>").arg(e.name));
        ok = false;
    }
    if (!ok)
        return std::nullopt;
    return r;
}

std::optional<UpstreamRequest> OutgoingRequest::build(RequestContext &ctx, const QString &policyName) const
{
    const std::optional<QString> mode = m_mode.evaluate(ctx);
    if (!mode)
        return std::nullopt;
    const bool copy = mode->trimmed() == QLatin1String("copy");
    UpstreamRequest request;
    if (copy) {
        request.method = ctx.method;
        request.headers = ctx.requestHeaders;
        removeHopByHopHeaders(request.headers);
        request.headers.remove("Host");
        if (!m_inOutbound)
            request.body = ctx.requestBody;
        request.url = GatewayExpressionHost(ctx).requestUrl();
    } else if (mode->trimmed() != QLatin1String("new")) {
        ctx.fail({policyName,
                  QStringLiteral("ExpressionValueEvaluationFailure"),
                  QCoreApplication::translate("Gateway", "mode must be new or copy, not '%1'").arg(*mode),
                  {},
                  {},
                  {},
                  500});
        return std::nullopt;
    }
    if (m_url) {
        const std::optional<QString> url = m_url->evaluate(ctx);
        if (!url)
            return std::nullopt;
        request.url = QUrl(url->trimmed());
    }
    if (!request.url.isValid()
        || (request.url.scheme() != QLatin1String("http") && request.url.scheme() != QLatin1String("https"))) {
        ctx.fail({policyName,
                  QStringLiteral("ExpressionValueEvaluationFailure"),
                  QCoreApplication::translate("Gateway", "the URL of %1 is not an absolute http or https URL")
                      .arg(policyName),
                  {},
                  {},
                  {},
                  500});
        return std::nullopt;
    }
    if (m_method) {
        const std::optional<QString> method = m_method->evaluate(ctx);
        if (!method)
            return std::nullopt;
        request.method = method->toLatin1();
    }
    for (const Header &h : m_headers) {
        const std::optional<QString> evaluatedName = h.name.evaluate(ctx);
        if (!evaluatedName)
            return std::nullopt;
        const QByteArray name = evaluatedName->toLatin1();
        if (h.action == ExistsAction::Delete) {
            request.headers.remove(name);
            continue;
        }
        if (h.action == ExistsAction::Skip && request.headers.contains(name))
            continue;
        if (h.action == ExistsAction::Override)
            request.headers.remove(name);
        for (const CompiledValue &v : h.values) {
            const std::optional<QString> value = v.evaluate(ctx);
            if (!value)
                return std::nullopt;
            request.headers.add(name, value->toUtf8());
        }
    }
    if (m_body) {
        const std::optional<QString> body = m_body->evaluate(ctx);
        if (!body)
            return std::nullopt;
        request.body = body->toUtf8();
    }
    return request;
}

} // namespace sluice
