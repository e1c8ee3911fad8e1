// cors: answers CORS preflight requests at the gateway and adds the CORS
// headers to the responses of allowed cross-origin requests.
#include "gateway/PolicyCompiler.h"
#include "gateway/RequestContext.h"
#include "gateway/policies/ExistsAction.h"

#include <QCoreApplication>
#include <QUrl>

#include <algorithm>
#include <climits>

namespace sluice {

namespace {

// "scheme://host:port" with the default port spelled out, lower-case; empty
// when `text` is no origin.
QString normalizedOrigin(const QString &text)
{
    const QUrl url(text.trimmed());
    if (!url.isValid() || url.scheme().isEmpty() || url.host().isEmpty())
        return {};
    const int port = url.port(url.scheme() == QLatin1String("https") ? 443 : 80);
    return (url.scheme() + QStringLiteral("://") + url.host() + QLatin1Char(':') + QString::number(port)).toLower();
}

class CorsStep final : public PolicyStep
{
public:
    struct Settings
    {
        bool anyOrigin = false;
        QStringList origins; // normalized
        CompiledValue allowCredentials;
        CompiledValue terminateUnmatched;
        CompiledValue maxAge;
        std::vector<CompiledValue> methods; // empty: GET and POST
        QStringList headers; // lower-case; "*" any
        QStringList exposeHeaders;
    };

    CorsStep(const PolicyElement &e, Settings settings)
        : PolicyStep(e.name, e.location)
        , m_s(std::move(settings))
    { }

    static bool isPreflight(const RequestContext &ctx)
    {
        const HttpRequest &r = ctx.originalRequest();
        return r.method == "OPTIONS" && r.headers.contains("Origin")
            && r.headers.contains("Access-Control-Request-Method");
    }

    StepResult run(RequestContext &ctx) const override
    {
        const HttpRequest &request = ctx.originalRequest();
        if (!request.headers.contains("Origin"))
            return StepResult::Continue; // not a cross-origin request
        const QString origin = QString::fromLatin1(request.headers.value("Origin")).trimmed();
        const std::optional<bool> credentials = m_s.allowCredentials.evaluateBool(ctx, u"allow-credentials");
        const std::optional<bool> terminate = m_s.terminateUnmatched.evaluateBool(ctx, u"terminate-unmatched-request");
        if (!credentials || !terminate)
            return StepResult::Fail;
        const bool originAllowed = m_s.anyOrigin || m_s.origins.contains(normalizedOrigin(origin));
        // With credentials the origin is echoed: browsers refuse "*" then.
        const QByteArray allowOrigin = m_s.anyOrigin && !*credentials ? QByteArray("*") : origin.toLatin1();

        if (isPreflight(ctx)) {
            const QByteArray method = request.headers.value("Access-Control-Request-Method").trimmed().toUpper();
            std::optional<bool> methodAllowed = allows(ctx, method);
            if (!methodAllowed)
                return StepResult::Fail;
            QList<QByteArray> requested;
            for (const QByteArray &h : request.headers.combined("Access-Control-Request-Headers").split(',')) {
                if (!h.trimmed().isEmpty())
                    requested.append(h.trimmed());
            }
            bool headersAllowed = true;
            for (const QByteArray &h : requested) {
                if (!m_s.headers.contains(QStringLiteral("*"))
                    && !m_s.headers.contains(QString::fromLatin1(h).toLower()))
                    headersAllowed = false;
            }
            if (!originAllowed || !*methodAllowed || !headersAllowed) {
                if (!*terminate)
                    return StepResult::Continue;
                return answer(ctx, HttpResponse {});
            }
            const std::optional<qint64> maxAge = m_s.maxAge.evaluateInteger(ctx, u"preflight-result-max-age");
            if (!maxAge)
                return StepResult::Fail;
            HttpResponse response;
            response.headers.add("Access-Control-Allow-Origin", allowOrigin);
            if (*credentials)
                response.headers.add("Access-Control-Allow-Credentials", "true");
            response.headers.add("Access-Control-Allow-Methods", method);
            if (!requested.isEmpty())
                response.headers.add("Access-Control-Allow-Headers", requested.join(", "));
            if (*maxAge > 0)
                response.headers.add("Access-Control-Max-Age", QByteArray::number(*maxAge));
            if (allowOrigin != "*")
                response.headers.add("Vary", "Origin");
            return answer(ctx, std::move(response));
        }

        if (!originAllowed)
            return *terminate ? answer(ctx, HttpResponse {}) : StepResult::Continue;
        HttpHeaders &out = ctx.extraResponseHeaders;
        out.set("Access-Control-Allow-Origin", allowOrigin);
        if (*credentials)
            out.set("Access-Control-Allow-Credentials", "true");
        if (!m_s.exposeHeaders.isEmpty())
            out.set("Access-Control-Expose-Headers", m_s.exposeHeaders.join(QStringLiteral(", ")).toLatin1());
        if (allowOrigin != "*")
            out.set("Vary", "Origin");
        return StepResult::Continue;
    }

private:
    std::optional<bool> allows(RequestContext &ctx, const QByteArray &method) const
    {
        if (m_s.methods.empty())
            return method == "GET" || method == "POST";
        for (const CompiledValue &m : m_s.methods) {
            const std::optional<QString> text = m.evaluate(ctx);
            if (!text)
                return std::nullopt;
            const QString t = text->trimmed();
            if (t == QLatin1String("*") || t.compare(QString::fromLatin1(method), Qt::CaseInsensitive) == 0)
                return true;
        }
        return false;
    }

    static StepResult answer(RequestContext &ctx, HttpResponse response)
    {
        response.status = 200;
        ctx.response = std::move(response);
        ctx.hasResponse = true;
        return StepResult::Return;
    }

    Settings m_s;
};

// The texts of `parent`'s <childName> children (literal only).
std::optional<QStringList> literalChildren(const PolicyElement &parent, QStringView childName, CompileContext &ctx)
{
    ctx.checkKnown(parent, {}, {childName});
    QStringList out;
    bool ok = true;
    for (const PolicyElement *c : parent.childrenNamed(childName)) {
        ctx.checkKnown(*c, {});
        if (c->text.isExpression) {
            ctx.error(c->text.location, QCoreApplication::translate("PolicyCompiler", "<%1> does not accept policy expressions").arg(childName));
            ok = false;
        } else if (c->text.text.trimmed().isEmpty()) {
            ctx.error(c->location, QCoreApplication::translate("PolicyCompiler", "<%1> must not be empty").arg(childName));
            ok = false;
        } else {
            out.append(c->text.text.trimmed());
        }
    }
    if (ok && out.isEmpty()) {
        ctx.error(parent.location, QCoreApplication::translate("PolicyCompiler", "<%1> needs at least one <%2>").arg(parent.name, childName));
        ok = false;
    }
    if (!ok)
        return std::nullopt;
    return out;
}

} // namespace

void registerCorsPolicy(PolicyCompiler &compiler)
{
    compiler.add(
        QStringLiteral("cors"), [](const PolicyElement &e, CompileContext &ctx) -> std::unique_ptr<PolicyStep> {
            ctx.checkKnown(e, {u"allow-credentials", u"terminate-unmatched-request"},
                           {u"allowed-origins", u"allowed-methods", u"allowed-headers", u"expose-headers"});
            CorsStep::Settings s;
            bool ok = true;
            auto credentials = ctx.boolValueAttribute(e, u"allow-credentials", false);
            auto terminate = ctx.boolValueAttribute(e, u"terminate-unmatched-request", true);
            ok = credentials && terminate;
            for (const PolicyElement &c : e.children) {
                if (std::count_if(e.children.begin(), e.children.end(),
                                  [&](const PolicyElement &o) { return o.name == c.name; })
                        > 1
                    && &c != e.child(c.name)) {
                    ctx.error(c.location, QCoreApplication::translate("PolicyCompiler", "'cors' may contain only one <%1>").arg(c.name));
                    ok = false;
                }
            }
            if (const PolicyElement *origins = e.child(u"allowed-origins")) {
                if (auto list = literalChildren(*origins, u"origin", ctx)) {
                    for (const QString &o : *list) {
                        if (o == QLatin1String("*")) {
                            s.anyOrigin = true;
                            continue;
                        }
                        const QString normalized = normalizedOrigin(o);
                        if (normalized.isEmpty()) {
                            ctx.error(origins->location, QCoreApplication::translate("PolicyCompiler", "'%1' is not an origin (scheme://host[:port])").arg(o));
                            ok = false;
                        }
                        s.origins.append(normalized);
                    }
                    if (s.anyOrigin && list->size() > 1) {
                        ctx.error(origins->location, QCoreApplication::translate("PolicyCompiler", "<allowed-origins> with '*' must contain nothing else"));
                        ok = false;
                    }
                } else {
                    ok = false;
                }
            } else {
                ctx.error(e.location, QCoreApplication::translate("PolicyCompiler", "'cors' requires <allowed-origins>"));
                ok = false;
            }
            std::optional<CompiledValue> maxAge = CompiledValue(QStringLiteral("0"));
            if (const PolicyElement *methods = e.child(u"allowed-methods")) {
                ctx.checkKnown(*methods, {u"preflight-result-max-age"}, {u"method"});
                maxAge = ctx.integerValueAttribute(*methods, u"preflight-result-max-age", 0, 0, INT_MAX);
                ok = ok && maxAge;
                for (const PolicyElement *m : methods->childrenNamed(u"method")) {
                    ctx.checkKnown(*m, {});
                    if (auto v = ctx.value(m->text)) {
                        if (v->isConstant() && v->literal().trimmed() != QLatin1String("*")
                            && !isValidHeaderName(v->literal().trimmed())) {
                            ctx.error(m->location, QCoreApplication::translate("PolicyCompiler", "'%1' is not a valid HTTP method").arg(v->literal()));
                            ok = false;
                        }
                        s.methods.push_back(std::move(*v));
                    } else {
                        ok = false;
                    }
                }
                if (s.methods.empty()) {
                    ctx.error(methods->location, QCoreApplication::translate("PolicyCompiler", "<allowed-methods> needs at least one <method>"));
                    ok = false;
                }
            }
            if (const PolicyElement *headers = e.child(u"allowed-headers")) {
                if (auto list = literalChildren(*headers, u"header", ctx)) {
                    for (const QString &h : *list)
                        s.headers.append(h.toLower());
                } else {
                    ok = false;
                }
            }
            if (const PolicyElement *expose = e.child(u"expose-headers")) {
                if (auto list = literalChildren(*expose, u"header", ctx))
                    s.exposeHeaders = *list;
                else
                    ok = false;
            }
            if (!ok)
                return nullptr;
            s.allowCredentials = std::move(*credentials);
            s.terminateUnmatched = std::move(*terminate);
            s.maxAge = std::move(*maxAge);
            return std::make_unique<CorsStep>(e, std::move(s));
        });
}

} // namespace sluice
