#pragma once

#include "PolicyStep.h"
#include "caching/ResponseCacheState.h"
#include "expr/Value.h"
#include "http/HttpExchange.h"
#include "policy/PolicyTree.h"
#include "workspace/UrlTemplate.h"
#include "workspace/Workspace.h"

#include <QDateTime>
#include <QElapsedTimer>
#include <QHash>
#include <QVarLengthArray>

#include <functional>
#include <memory>
#include <optional>
#include <vector>

namespace sluice {

class GatewayConfig;
class GatewayRuntime;
class RouteMetrics;
struct OperationRoute;
struct RequestTrace;
struct CompiledPipeline;

// APIM's context.LastError.
struct LastError
{
    QString source; // policy name or "forward-request", "configuration", ...
    QString reason; // e.g. "BackendConnectionFailure", "Timeout"
    QString message; // human-readable, never a secret
    QString scope; // "global", "product", "api", "operation"
    QString section; // "inbound", "backend", "outbound", "on-error"
    QString policyId;
    int status = 500; // the status the client gets unless on-error changes it
};

// One record of the trace policy (and of expressions' context.Trace).
struct TraceRecord
{
    QString source;
    QString severity; // "verbose", "information" or "error"
    QString message;
    QList<std::pair<QString, QString>> metadata;
};

// Everything one request carries through the pipeline: the (mutable) backend
// request, the response, variables, the caller's identity and the executor's
// position. Held by shared_ptr; asynchronous steps keep it alive with
// shared_from_this() and must check isClientGone() when they resume.
class RequestContext : public std::enable_shared_from_this<RequestContext>
{
public:
    RequestContext(std::shared_ptr<const GatewayConfig> config, GatewayRuntime *runtime, HttpExchangePtr exchange);
    ~RequestContext();

    // ---- identity and routing
    const GatewayConfig &config() const { return *m_config; }
    GatewayRuntime &runtime() const { return *m_runtime; }
    const HttpRequest &originalRequest() const { return m_exchange->request(); }
    const HttpExchangePtr &exchange() const { return m_exchange; }
    bool isClientGone() const { return !m_exchange->isConnectionOpen(); }

    const Api *api = nullptr;
    const Operation *operation = nullptr;
    const OperationRoute *route = nullptr;
    UrlTemplate::Parameters matchedParameters;
    const Subscription *subscription = nullptr;
    const Product *product = nullptr;
    const User *user = nullptr;
    RouteMetrics *metrics = nullptr; // this route's metrics, null when not measured
    // A CORS preflight (OPTIONS with Origin and Access-Control-Request-Method)
    // routed to the operation of the method it asks about: only cors runs.
    bool corsPreflight = false;

    // ---- the request as it will go to the backend
    QByteArray method;
    QString backendBaseUrl; // service URL (set-backend-service changes it)
    QString path; // relative to the API, percent-encoded, starts with '/'
    HttpHeaders requestHeaders;
    QByteArray requestBody;
    int forwardTimeoutMs = 300'000;

    // Query parameters, decoded, in order. `rawQuery` is forwarded as received
    // unless a policy changed the parameters.
    QList<std::pair<QString, QString>> queryParameters() const;
    void setQueryParameters(QList<std::pair<QString, QString>> parameters);
    QByteArray encodedQuery() const;
    void setRawQuery(const QByteArray &raw);

    // ---- the response
    HttpResponse response;
    bool hasResponse = false; // a backend answered or a policy produced a response

    QHash<QString, Value> variables; // context.Variables
    QString subscriptionKey; // the key the caller sent (context.Subscription.Key)
    LastError lastError;
    std::vector<TraceRecord> traces; // what trace policies recorded, in order
    // The request's trace when it asked for one and the gateway allows it;
    // null for every other request (steps check it and do nothing else).
    std::unique_ptr<RequestTrace> trace;
    // Fields added to whatever response the client gets (rate-limit counters,
    // CORS on an actual request), applied when the pipeline has finished.
    HttpHeaders extraResponseHeaders;
    QByteArray cacheStatus; // RFC 9211 Cache-Status member, empty when no cache policy ran
    std::optional<ResponseCacheState> responseCache; // set by cache-lookup

    qint64 elapsedMs() const { return m_timer.elapsed(); }
    QDateTime timestamp() const { return QDateTime::fromMSecsSinceEpoch(m_timestampMs, Qt::UTC); }
    qint64 elapsedNs() const { return m_timer.nsecsElapsed(); }
    // Made on first use: most requests never need one.
    QString requestId() const;

    // ---- failure
    // Records the error and the default response for it; returns StepResult::Fail.
    StepResult fail(const LastError &error);
    // Like fail(), with the response the client gets unless on-error changes it
    // (check-header, rate-limit, quota answer with their own status and body).
    StepResult fail(const LastError &error, HttpResponse errorResponse);
    const std::optional<HttpResponse> &errorResponse() const { return m_errorResponse; }

    // Work done once the response is final, before it is sent (counters that
    // depend on the response: rate-limit-by-key's increment-condition, quota bandwidth).
    void onFinished(std::function<void(RequestContext &)> work) { m_finishers.push_back(std::move(work)); }
    void runFinishers();
    PolicySection currentSection() const { return m_section; }
    void setCurrentSection(PolicySection section) { m_section = section; }

    // ---- executor
    // The pipeline this request runs and who gets the final response
    // (PipelineExecutor sets both).
    const CompiledPipeline *pipeline = nullptr;
    std::function<void(const std::shared_ptr<RequestContext> &)> pipelineFinished;
    // Runs `steps` in order, then calls `done` with Continue, or with the first
    // result that ended the sequence (Return, SkipToOutbound, Fail). `steps`
    // must outlive the run (they belong to the shared configuration).
    void runSequence(const StepList &steps, std::function<void(StepResult)> done);
    // Completes a step that returned Pending.
    void resume(StepResult result);

private:
    struct Frame
    {
        const StepList *steps = nullptr;
        size_t next = 0;
        bool waiting = false; // its current step runs or is pending
        std::function<void(StepResult)> done;
    };
    void drive();
    void finishFrame(StepResult result);

    std::shared_ptr<const GatewayConfig> m_config;
    GatewayRuntime *m_runtime = nullptr;
    HttpExchangePtr m_exchange;
    QElapsedTimer m_timer;
    qint64 m_timestampMs = 0;
    mutable QString m_requestId;
    PolicySection m_section = PolicySection::Inbound;

    QByteArray m_rawQuery;
    mutable std::optional<QList<std::pair<QString, QString>>> m_query; // decoded on demand
    bool m_queryModified = false;

    std::optional<HttpResponse> m_errorResponse;
    std::vector<std::function<void(RequestContext &)>> m_finishers;

    QVarLengthArray<Frame, 4> m_frames; // nesting is shallow: no allocation
    bool m_driving = false;
};

} // namespace sluice
