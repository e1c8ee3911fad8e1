// rate-limit (per subscription, with <api>/<operation> limits of their own)
// and rate-limit-by-key (per counter-key): sliding windows of
// renewal-period seconds. Over the limit the request fails with
// RateLimitExceeded: 429, Retry-After and APIM's body.
#include "gateway/GatewayRuntime.h"
#include "gateway/PolicyCompiler.h"
#include "gateway/RequestContext.h"
#include "gateway/ratelimit/RateLimitSupport.h"

#include <QCoreApplication>

#include <climits>

#include <algorithm>

namespace sluice {

namespace {

using namespace RateLimitSupport;

constexpr qint64 MaxRenewalSeconds = 300;

StepResult exceeded(RequestContext &ctx, const QString &policyName, const Outputs &outputs, qint64 retryAfterMs)
{
    const qint64 seconds = retrySeconds(retryAfterMs);
    HttpResponse response = rateLimitResponse(seconds);
    outputs.exceeded(ctx, seconds, response);
    return ctx.fail({policyName,
                     QStringLiteral("RateLimitExceeded"),
                     QCoreApplication::translate("Gateway", "Rate limit is exceeded"),
                     {},
                     {},
                     {},
                     429},
                    std::move(response));
}

// Sends the checks to the counters; the completion resumes the request.
template<typename Completion>
StepResult acquire(RequestContext &ctx, std::vector<RateLimitCheck> checks, Completion complete)
{
    RateLimitCounters *counters = ctx.runtime().rateLimits();
    if (!counters)
        return StepResult::Continue;
    std::shared_ptr<RequestContext> self = ctx.shared_from_this();
    counters->acquire(
        std::move(checks), &ctx.runtime(),
        [self, complete = std::move(complete)](RateLimitOutcome outcome) { self->resume(complete(*self, outcome)); });
    return StepResult::Pending;
}

class RateLimitStep final : public PolicyStep
{
public:
    RateLimitStep(const PolicyElement &e, qint64 calls, qint64 periodSeconds, std::vector<ScopeLimit> scopes,
                  Outputs outputs)
        : PolicyStep(e.name, e.location)
        , m_calls(calls)
        , m_periodSeconds(periodSeconds)
        , m_scopes(std::move(scopes))
        , m_outputs(std::move(outputs))
        , m_prefix(QByteArrayLiteral("rl|") + e.location.toString().toUtf8() + '|')
    { }

    StepResult run(RequestContext &ctx) const override
    {
        const QByteArray caller = callerKey(ctx);
        std::vector<RateLimitCheck> checks;
        checks.push_back({m_prefix + caller, m_calls, m_periodSeconds * 1000, false, 0, 1, caller});
        for (const MatchedScope &m : matchingScopes(m_scopes, ctx, m_prefix, caller))
            checks.push_back({m.key, m.limit->calls, m.limit->periodSeconds * 1000, false, 0, 1, caller});
        return acquire(ctx, std::move(checks), [this](RequestContext &c, const RateLimitOutcome &o) {
            if (!o.allowed)
                return exceeded(c, name(), m_outputs, o.retryAfterMs);
            m_outputs.allowed(c, o.remaining.front(), m_calls);
            return StepResult::Continue;
        });
    }

private:
    qint64 m_calls;
    qint64 m_periodSeconds;
    std::vector<ScopeLimit> m_scopes;
    Outputs m_outputs;
    QByteArray m_prefix;
};

class RateLimitByKeyStep final : public PolicyStep
{
public:
    struct Settings
    {
        CompiledValue calls;
        CompiledValue period;
        CompiledValue counterKey;
        CompiledValue incrementCondition;
        CompiledValue incrementCount;
        Outputs outputs;
    };

    RateLimitByKeyStep(const PolicyElement &e, Settings settings)
        : PolicyStep(e.name, e.location)
        , m_s(std::move(settings))
        , m_afterResponse(referencesResponse(m_s.incrementCondition) || referencesResponse(m_s.incrementCount))
    { }

    StepResult run(RequestContext &ctx) const override
    {
        const std::optional<qint64> calls = m_s.calls.evaluateInteger(ctx, u"calls");
        if (!calls)
            return StepResult::Fail;
        const std::optional<qint64> period = m_s.period.evaluateInteger(ctx, u"renewal-period");
        if (!period)
            return StepResult::Fail;
        const std::optional<QString> key = m_s.counterKey.evaluate(ctx);
        if (!key)
            return StepResult::Fail;
        RateLimitCheck check {QByteArrayLiteral("rlk|") + key->toUtf8(),
                              std::max<qint64>(0, *calls),
                              std::clamp<qint64>(*period, 1, MaxRenewalSeconds) * 1000,
                              false,
                              0,
                              0,
                              {}};
        if (!m_afterResponse) {
            const std::optional<qint64> amount = incrementNow(ctx);
            if (!amount)
                return StepResult::Fail;
            check.amount = *amount;
        }
        const qint64 limit = check.limit;
        return acquire(ctx, {check}, [this, check, limit](RequestContext &c, const RateLimitOutcome &o) {
            if (!o.allowed)
                return exceeded(c, name(), m_s.outputs, o.retryAfterMs);
            m_s.outputs.allowed(c, o.remaining.front(), limit);
            if (m_afterResponse) {
                // The condition reads the response: counted once it is known.
                c.onFinished([this, check](RequestContext &done) {
                    if (const std::optional<qint64> amount = incrementNow(done); amount && *amount > 0) {
                        if (RateLimitCounters *counters = done.runtime().rateLimits()) {
                            RateLimitCheck add = check;
                            add.amount = *amount;
                            counters->add(add);
                        }
                    }
                });
            }
            return StepResult::Continue;
        });
    }

private:
    // increment-count when increment-condition holds, else 0.
    std::optional<qint64> incrementNow(RequestContext &ctx) const
    {
        const std::optional<bool> condition = m_s.incrementCondition.evaluateBool(ctx, u"increment-condition");
        if (!condition)
            return std::nullopt;
        if (!*condition)
            return 0;
        const std::optional<qint64> count = m_s.incrementCount.evaluateInteger(ctx, u"increment-count");
        if (!count)
            return std::nullopt;
        return std::max<qint64>(0, *count);
    }

    Settings m_s;
    bool m_afterResponse;
};

} // namespace

void registerRateLimitPolicy(PolicyCompiler &compiler)
{
    compiler.add(
        QStringLiteral("rate-limit"), [](const PolicyElement &e, CompileContext &ctx) -> std::unique_ptr<PolicyStep> {
            ctx.checkAttributes(e,
                                {u"calls", u"renewal-period", u"retry-after-header-name", u"retry-after-variable-name",
                                 u"remaining-calls-header-name", u"remaining-calls-variable-name",
                                 u"total-calls-header-name"});
            const auto calls = requiredInteger(e, ctx, u"calls", 1, INT_MAX);
            const auto period = requiredInteger(e, ctx, u"renewal-period", 1, MaxRenewalSeconds);
            auto outputs = Outputs::compile(e, ctx);
            auto scopes = compileScopes(e, ctx, false, MaxRenewalSeconds);
            if (!calls || !period || !outputs || !scopes)
                return nullptr;
            return std::make_unique<RateLimitStep>(e, *calls, *period, std::move(*scopes), std::move(*outputs));
        });
}

void registerRateLimitByKeyPolicy(PolicyCompiler &compiler)
{
    compiler.add(QStringLiteral("rate-limit-by-key"),
                 [](const PolicyElement &e, CompileContext &ctx) -> std::unique_ptr<PolicyStep> {
                     ctx.checkKnown(e,
                                    {u"calls", u"renewal-period", u"counter-key", u"increment-condition",
                                     u"increment-count", u"retry-after-header-name", u"retry-after-variable-name",
                                     u"remaining-calls-header-name", u"remaining-calls-variable-name",
                                     u"total-calls-header-name"});
                     auto required = [&](QStringView name, qint64 min, qint64 max) -> std::optional<CompiledValue> {
                         if (!e.attribute(name)) {
                             ctx.requiredAttribute(e, name);
                             return std::nullopt;
                         }
                         return ctx.integerValueAttribute(e, name, 0, min, max);
                     };
                     auto calls = required(u"calls", 1, INT_MAX);
                     auto period = required(u"renewal-period", 1, MaxRenewalSeconds);
                     auto key = ctx.requiredAttribute(e, u"counter-key");
                     auto condition = ctx.boolValueAttribute(e, u"increment-condition", true);
                     auto count = ctx.integerValueAttribute(e, u"increment-count", 1, 0, INT_MAX);
                     auto outputs = Outputs::compile(e, ctx);
                     if (!calls || !period || !key || !condition || !count || !outputs)
                         return nullptr;
                     RateLimitByKeyStep::Settings s {std::move(*calls),     std::move(*period), std::move(*key),
                                                     std::move(*condition), std::move(*count),  std::move(*outputs)};
                     return std::make_unique<RateLimitByKeyStep>(e, std::move(s));
                 });
}

} // namespace sluice
