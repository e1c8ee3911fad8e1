#pragma once

#include "RateLimitCounters.h"
#include "gateway/CompileContext.h"
#include "http/HttpMessage.h"

#include <optional>

namespace sluice {

class RequestContext;

// What rate-limit, rate-limit-by-key, quota and quota-by-key share.
namespace RateLimitSupport {

// The literal header and variable names a limit policy reports through.
struct Outputs
{
    QString retryAfterHeader;
    QString retryAfterVariable;
    QString remainingHeader;
    QString remainingVariable;
    QString totalHeader;

    // Compiles the *-name attributes that `e` has (all literal).
    static std::optional<Outputs> compile(const PolicyElement &e, CompileContext &ctx);
    // After a call within the limit: remaining and total calls.
    void allowed(RequestContext &ctx, qint64 remaining, qint64 total) const;
    // Over the limit: the retry-after variable and header, and Retry-After.
    void exceeded(RequestContext &ctx, qint64 retryAfterSeconds, HttpResponse &response) const;
};

// Whether an expression reads context.Response (then it is evaluated once the
// response is known, not in inbound).
bool referencesResponse(const CompiledValue &value);

// Whole seconds, rounded up, at least 1.
qint64 retrySeconds(qint64 ms);
// "hh:mm:ss" (with "d." in front beyond a day), as .NET prints a TimeSpan.
QString timeSpanText(qint64 ms);

// 429 with APIM's body: "Rate limit is exceeded. Try again in N seconds."
HttpResponse rateLimitResponse(qint64 retryAfterSeconds);

// The caller a per-subscription policy counts for: the subscription id, or
// the client address when the request has no subscription.
QByteArray callerKey(const RequestContext &ctx);

// A literal whole-number attribute in [min, max] that must be present.
std::optional<qint64> requiredInteger(const PolicyElement &e, CompileContext &ctx, QStringView name, qint64 min,
                                      qint64 max);

// An <api> or <operation> child of rate-limit or quota: a limit of its own
// for the calls to that API (by name or id) or operation.
struct ScopeLimit
{
    QString name;
    QString id;
    qint64 calls = 0; // 0: none (a quota may limit only bandwidth)
    qint64 bandwidthKb = 0; // quota only
    qint64 periodSeconds = 0;
    std::vector<ScopeLimit> operations;
    SourceLocation location;
};

// calls and/or bandwidth (at least one) and renewal-period (0 to maxPeriod)
// of a quota or of one of its <api>/<operation> children, into *s.
bool compileQuotaLimit(const PolicyElement &e, CompileContext &ctx, qint64 maxPeriod, ScopeLimit *s);

// The <api> and <operation> limits that apply to this request, each with its
// counter key: prefix + "api:<id>|" [+ "op:<id>|"] + caller.
struct MatchedScope
{
    const ScopeLimit *limit;
    QByteArray key;
};
std::vector<MatchedScope> matchingScopes(const std::vector<ScopeLimit> &scopes, const RequestContext &ctx,
                                         const QByteArray &prefix, const QByteArray &caller);

// The <api> children of `e` (each with <operation> children). Rate limits
// need calls and renewal-period (at most maxPeriod); quotas renewal-period
// and calls or bandwidth.
std::optional<std::vector<ScopeLimit>> compileScopes(const PolicyElement &e, CompileContext &ctx, bool quota,
                                                     qint64 maxPeriod);

} // namespace RateLimitSupport

} // namespace sluice
