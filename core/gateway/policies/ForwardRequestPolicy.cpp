// forward-request: sends the request as the pipeline shaped it to the backend.
#include "gateway/GatewayRuntime.h"
#include "gateway/HopByHop.h"
#include "gateway/PolicyCompiler.h"
#include "gateway/RequestContext.h"
#include "gateway/RequestTrace.h"
#include "http/UpstreamClient.h"
#include "metrics/RouteMetrics.h"

#include <QElapsedTimer>

#include <QCoreApplication>

namespace sluice {

namespace {

class ForwardRequestStep final : public PolicyStep
{
public:
    ForwardRequestStep(const PolicyElement &e, int timeoutMs, bool failOnErrorStatus)
        : PolicyStep(e.name, e.location)
        , m_timeoutMs(timeoutMs)
        , m_failOnErrorStatus(failOnErrorStatus)
    {}

    StepResult run(RequestContext &ctx) const override
    {
        if (ctx.backendBaseUrl.isEmpty()) {
            return ctx.fail({name(), QStringLiteral("BackendUrlMissing"),
                             QCoreApplication::translate("Gateway", "no backend service URL is set for API '%1'")
                                 .arg(ctx.api ? ctx.api->id : QString()),
                             {}, {}, {}, 500});
        }
        UpstreamRequest request;
        request.method = ctx.method;
        QString base = ctx.backendBaseUrl;
        while (base.endsWith(QLatin1Char('/')))
            base.chop(1);
        QByteArray url = base.toUtf8() + ctx.path.toUtf8();
        const QByteArray query = ctx.encodedQuery();
        if (!query.isEmpty())
            url += '?' + query;
        request.url = QUrl::fromEncoded(url, QUrl::StrictMode);
        if (!request.url.isValid()) {
            return ctx.fail({name(), QStringLiteral("BackendUrlInvalid"),
                             QCoreApplication::translate("Gateway", "the backend URL is not valid"), {}, {}, {},
                             500});
        }
        request.headers = ctx.requestHeaders;
        removeHopByHopHeaders(request.headers);
        request.headers.remove("Host");
        const HttpRequest &original = ctx.originalRequest();
        QByteArray forwardedFor = original.headers.combined("X-Forwarded-For");
        if (!original.peerAddress.isEmpty()) {
            if (!forwardedFor.isEmpty())
                forwardedFor += ", ";
            forwardedFor += original.peerAddress.toLatin1();
        }
        if (!forwardedFor.isEmpty())
            request.headers.set("X-Forwarded-For", forwardedFor);
        if (!request.headers.contains("X-Forwarded-Proto"))
            request.headers.set("X-Forwarded-Proto", original.scheme);
        request.body = ctx.requestBody;
        request.timeoutMs = m_timeoutMs > 0 ? m_timeoutMs : ctx.forwardTimeoutMs;

        // The callback holds the request alive while the backend works.
        std::shared_ptr<RequestContext> self = ctx.shared_from_this();
        const bool failOnErrorStatus = m_failOnErrorStatus;
        const QString policyName = name();
        if (ctx.trace) {
            RequestTrace::Backend call;
            call.url = request.url.toString(QUrl::RemoveQuery);
            ctx.trace->detail(QStringLiteral("url"), call.url);
            ctx.trace->backendCalls.append(call);
        }
        QElapsedTimer timer;
        timer.start();
        ctx.runtime().upstream().send(
            std::move(request), &ctx.runtime(),
            [self, failOnErrorStatus, policyName, timer](UpstreamResult result) {
                RequestContext *c = self.get();
                if (c->metrics)
                    c->metrics->recordBackend(outcomeOf(result.error), timer.nsecsElapsed() / 1e9);
                if (c->trace)
                    traceBackend(*c, result, timer.nsecsElapsed());
                c->resume(complete(*c, std::move(result), failOnErrorStatus, policyName));
            });
        return StepResult::Pending;
    }

private:
    // The backend call of a traced request: URL (without the query, which may
    // carry credentials), status, duration, and what failed.
    static void traceBackend(RequestContext &ctx, const UpstreamResult &result, qint64 elapsedNs)
    {
        RequestTrace::Backend &call = ctx.trace->backendCalls.last();
        call.status = result.error == UpstreamResult::Error::None ? result.response.status : 0;
        call.durationUs = elapsedNs / 1000;
        call.error = result.errorText;
        ctx.trace->detail(QStringLiteral("status"), QString::number(call.status));
    }

    static BackendOutcome outcomeOf(UpstreamResult::Error error)
    {
        switch (error) {
        case UpstreamResult::Error::None: return BackendOutcome::Ok;
        case UpstreamResult::Error::Timeout: return BackendOutcome::Timeout;
        case UpstreamResult::Error::Protocol: return BackendOutcome::ProtocolError;
        default: return BackendOutcome::ConnectError;
        }
    }

    static StepResult complete(RequestContext &ctx, UpstreamResult result, bool failOnErrorStatus,
                               const QString &policyName)
    {
        switch (result.error) {
        case UpstreamResult::Error::None:
            break;
        case UpstreamResult::Error::Timeout:
            return ctx.fail({policyName, QStringLiteral("Timeout"),
                             QCoreApplication::translate("Gateway", "the backend did not answer in time"), {}, {},
                             {}, 504});
        default:
            return ctx.fail({policyName, QStringLiteral("BackendConnectionFailure"),
                             QCoreApplication::translate("Gateway", "the backend could not be reached: %1")
                                 .arg(result.errorText),
                             {}, {}, {}, 502});
        }
        ctx.response = std::move(result.response);
        removeHopByHopHeaders(ctx.response.headers);
        ctx.hasResponse = true;
        if (failOnErrorStatus && ctx.response.status >= 400) {
            return ctx.fail({policyName, QStringLiteral("BackendErrorStatus"),
                             QCoreApplication::translate("Gateway", "the backend answered with status %1")
                                 .arg(ctx.response.status),
                             {}, {}, {}, ctx.response.status});
        }
        return StepResult::Continue;
    }

    int m_timeoutMs;
    bool m_failOnErrorStatus;
};

} // namespace

void registerForwardRequestPolicy(PolicyCompiler &compiler)
{
    compiler.add(QStringLiteral("forward-request"),
                 [](const PolicyElement &e, CompileContext &ctx) -> std::unique_ptr<PolicyStep> {
                     ctx.checkKnown(e, {u"timeout", u"timeout-ms", u"follow-redirects", u"buffer-request-body",
                                        u"buffer-response", u"fail-on-error-status-code", u"http-version"});
                     const auto seconds = ctx.intAttribute(e, u"timeout", 0, 0, 240 * 60);
                     const auto ms = ctx.intAttribute(e, u"timeout-ms", 0, 0, 240 * 60 * 1000);
                     const auto followRedirects = ctx.boolAttribute(e, u"follow-redirects", false);
                     ctx.boolAttribute(e, u"buffer-request-body", false);
                     ctx.boolAttribute(e, u"buffer-response", true);
                     const auto failOnError = ctx.boolAttribute(e, u"fail-on-error-status-code", false);
                     if (!seconds || !ms || !followRedirects || !failOnError)
                         return nullptr;
                     if (*followRedirects) {
                         ctx.error(e.attribute(u"follow-redirects")->value.location,
                                   QCoreApplication::translate("PolicyCompiler",
                                                               "follow-redirects=\"true\" is not supported yet"));
                         return nullptr;
                     }
                     const int timeoutMs = *ms > 0 ? *ms : *seconds * 1000;
                     return std::make_unique<ForwardRequestStep>(e, timeoutMs, *failOnError);
                 });
}

} // namespace sluice
