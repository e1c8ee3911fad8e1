// quota (per subscription, with <api>/<operation> quotas of their own) and
// quota-by-key (per counter-key): calls and/or bandwidth (kilobytes of
// request and response bodies) in fixed windows of renewal-period seconds
// (0: one window for ever). Over the quota the request fails with
// QuotaExceeded: 403 and APIM's body.
#include "gateway/GatewayRuntime.h"
#include "gateway/PolicyCompiler.h"
#include "gateway/RequestContext.h"
#include "gateway/ratelimit/RateLimitSupport.h"

#include <QCoreApplication>
#include <QDateTime>

#include <climits>
#include <limits>

#include <algorithm>

namespace sluice {

namespace {

using namespace RateLimitSupport;

constexpr qint64 MaxPeriodSeconds = 10LL * 366 * 24 * 3600;

struct QuotaLimit
{
    QByteArray key;
    qint64 calls = 0;
    qint64 bandwidthKb = 0;
    qint64 periodMs = 0;
    qint64 originMs = 0;
    QByteArray group; // the counters of one caller or key stay together
};

qint64 defaultOrigin()
{
    static const qint64 origin = QDateTime(QDate(1, 1, 1), QTime(0, 0), Qt::UTC).toMSecsSinceEpoch();
    return origin;
}

// Checks every limit, counts the call (`callAmount`, 0 when the call is
// counted later) and the bytes once the response is known.
StepResult checkQuotas(RequestContext &ctx, const QString &policyName, const std::vector<QuotaLimit> &limits,
                       qint64 callAmount)
{
    RateLimitCounters *counters = ctx.runtime().rateLimits();
    if (!counters)
        return StepResult::Continue;
    std::vector<RateLimitCheck> checks;
    std::vector<bool> isBandwidth;
    for (const QuotaLimit &l : limits) {
        if (l.calls > 0) {
            checks.push_back({l.key + "|calls", l.calls, l.periodMs, true, l.originMs, callAmount, l.group});
            isBandwidth.push_back(false);
        }
        if (l.bandwidthKb > 0) {
            checks.push_back({l.key + "|bytes", l.bandwidthKb * 1024, l.periodMs, true, l.originMs, 0, l.group});
            isBandwidth.push_back(true);
        }
    }
    std::shared_ptr<RequestContext> self = ctx.shared_from_this();
    counters->acquire(checks, &ctx.runtime(), [self, checks, isBandwidth, policyName](RateLimitOutcome o) {
        RequestContext &c = *self;
        if (!o.allowed) {
            const QString message = (isBandwidth[size_t(o.failed)]
                                         ? QCoreApplication::translate(
                                             "Gateway", "Out of bandwidth quota. Quota will be replenished in %1.")
                                         : QCoreApplication::translate(
                                             "Gateway", "Out of call volume quota. Quota will be replenished in %1."))
                                        .arg(timeSpanText(o.retryAfterMs));
            HttpResponse response = HttpResponse::apimError(403, message);
            response.headers.set("Retry-After", QByteArray::number(retrySeconds(o.retryAfterMs)));
            c.resume(
                c.fail({policyName, QStringLiteral("QuotaExceeded"), message, {}, {}, {}, 403}, std::move(response)));
            return;
        }
        for (size_t i = 0; i < checks.size(); ++i) {
            if (!isBandwidth[i])
                continue;
            c.onFinished([check = checks[i]](RequestContext &done) {
                RateLimitCheck add = check;
                add.amount = done.requestBody.size() + done.response.body.size();
                if (RateLimitCounters *store = done.runtime().rateLimits(); store && add.amount > 0)
                    store->add(add);
            });
        }
        c.resume(StepResult::Continue);
    });
    return StepResult::Pending;
}

class QuotaStep final : public PolicyStep
{
public:
    QuotaStep(const PolicyElement &e, ScopeLimit own, std::vector<ScopeLimit> scopes)
        : PolicyStep(e.name, e.location)
        , m_own(std::move(own))
        , m_scopes(std::move(scopes))
        , m_prefix(QByteArrayLiteral("q|") + e.location.toString().toUtf8() + '|')
    { }

    StepResult run(RequestContext &ctx) const override
    {
        const QByteArray caller = callerKey(ctx);
        std::vector<QuotaLimit> limits;
        auto add = [&](const ScopeLimit &s, const QByteArray &key) {
            limits.push_back({key, s.calls, s.bandwidthKb, s.periodSeconds * 1000, defaultOrigin(), caller});
        };
        add(m_own, m_prefix + caller);
        for (const MatchedScope &m : matchingScopes(m_scopes, ctx, m_prefix, caller))
            add(*m.limit, m.key);
        return checkQuotas(ctx, name(), limits, 1);
    }

private:
    ScopeLimit m_own;
    std::vector<ScopeLimit> m_scopes;
    QByteArray m_prefix;
};

class QuotaByKeyStep final : public PolicyStep
{
public:
    struct Settings
    {
        std::optional<CompiledValue> calls;
        std::optional<CompiledValue> bandwidth;
        CompiledValue period;
        CompiledValue counterKey;
        CompiledValue incrementCondition;
        qint64 originMs = 0;
    };

    QuotaByKeyStep(const PolicyElement &e, Settings settings)
        : PolicyStep(e.name, e.location)
        , m_s(std::move(settings))
        , m_afterResponse(referencesResponse(m_s.incrementCondition))
    { }

    StepResult run(RequestContext &ctx) const override
    {
        QuotaLimit limit;
        limit.originMs = m_s.originMs;
        if (m_s.calls) {
            const std::optional<qint64> calls = m_s.calls->evaluateInteger(ctx, u"calls");
            if (!calls)
                return StepResult::Fail;
            limit.calls = std::max<qint64>(0, *calls);
        }
        if (m_s.bandwidth) {
            const std::optional<qint64> kb = m_s.bandwidth->evaluateInteger(ctx, u"bandwidth");
            if (!kb)
                return StepResult::Fail;
            limit.bandwidthKb = std::clamp<qint64>(*kb, 0, std::numeric_limits<qint64>::max() / 2048);
        }
        const std::optional<qint64> period = m_s.period.evaluateInteger(ctx, u"renewal-period");
        if (!period)
            return StepResult::Fail;
        limit.periodMs = std::clamp<qint64>(*period, 0, MaxPeriodSeconds) * 1000;
        const std::optional<QString> key = m_s.counterKey.evaluate(ctx);
        if (!key)
            return StepResult::Fail;
        limit.key = QByteArrayLiteral("qk|") + key->toUtf8();
        limit.group = limit.key;
        qint64 amount = 0;
        if (!m_afterResponse) {
            const std::optional<bool> condition = m_s.incrementCondition.evaluateBool(ctx, u"increment-condition");
            if (!condition)
                return StepResult::Fail;
            amount = *condition ? 1 : 0;
        } else if (limit.calls > 0) {
            ctx.onFinished([this, limit](RequestContext &done) {
                const std::optional<bool> condition = m_s.incrementCondition.evaluateBool(done, u"increment-condition");
                RateLimitCounters *counters = done.runtime().rateLimits();
                if (condition && *condition && counters && done.lastError.reason != QLatin1String("QuotaExceeded"))
                    counters->add(
                        {limit.key + "|calls", limit.calls, limit.periodMs, true, limit.originMs, 1, limit.group});
            });
        }
        return checkQuotas(ctx, name(), {limit}, amount);
    }

private:
    Settings m_s;
    bool m_afterResponse;
};

} // namespace

void registerQuotaPolicy(PolicyCompiler &compiler)
{
    compiler.add(QStringLiteral("quota"),
                 [](const PolicyElement &e, CompileContext &ctx) -> std::unique_ptr<PolicyStep> {
                     ctx.checkAttributes(e, {u"calls", u"bandwidth", u"renewal-period"});
                     ScopeLimit own;
                     const bool ok = compileQuotaLimit(e, ctx, MaxPeriodSeconds, &own);
                     auto scopes = compileScopes(e, ctx, true, MaxPeriodSeconds);
                     if (!ok || !scopes)
                         return nullptr;
                     return std::make_unique<QuotaStep>(e, std::move(own), std::move(*scopes));
                 });
}

void registerQuotaByKeyPolicy(PolicyCompiler &compiler)
{
    compiler.add(
        QStringLiteral("quota-by-key"), [](const PolicyElement &e, CompileContext &ctx) -> std::unique_ptr<PolicyStep> {
            ctx.checkKnown(e,
                           {u"calls", u"bandwidth", u"renewal-period", u"counter-key", u"increment-condition",
                            u"first-period-start"});
            QuotaByKeyStep::Settings s;
            bool ok = true;
            if (e.attribute(u"calls")) {
                s.calls = ctx.integerValueAttribute(e, u"calls", 0, 1, INT_MAX);
                ok = ok && s.calls;
            }
            if (e.attribute(u"bandwidth")) {
                s.bandwidth =
                    ctx.integerValueAttribute(e, u"bandwidth", 0, 1, std::numeric_limits<qint64>::max() / 2048);
                ok = ok && s.bandwidth;
            }
            if (!e.attribute(u"calls") && !e.attribute(u"bandwidth")) {
                ctx.error(e.location,
                          QCoreApplication::translate("PolicyCompiler", "'quota-by-key' needs 'calls' or 'bandwidth'"));
                ok = false;
            }
            std::optional<CompiledValue> period;
            if (!e.attribute(u"renewal-period"))
                ctx.requiredAttribute(e, u"renewal-period");
            else
                period = ctx.integerValueAttribute(e, u"renewal-period", 0, 0, MaxPeriodSeconds);
            auto key = ctx.requiredAttribute(e, u"counter-key");
            auto condition = ctx.boolValueAttribute(e, u"increment-condition", true);
            s.originMs = defaultOrigin();
            if (const std::optional<QString> start = ctx.literalAttribute(e, u"first-period-start");
                start && !start->isEmpty()) {
                const QDateTime t = QDateTime::fromString(start->trimmed(), Qt::ISODate);
                if (!t.isValid()) {
                    ctx.error(e.attribute(u"first-period-start")->value.location,
                              QCoreApplication::translate("PolicyCompiler",
                                                          "first-period-start must be an ISO 8601 date and "
                                                          "time (yyyy-MM-ddTHH:mm:ssZ), not '%1'")
                                  .arg(*start));
                    ok = false;
                } else {
                    s.originMs = t.toMSecsSinceEpoch();
                }
            } else if (!start) {
                ok = false;
            }
            if (!ok || !period || !key || !condition)
                return nullptr;
            s.period = std::move(*period);
            s.counterKey = std::move(*key);
            s.incrementCondition = std::move(*condition);
            return std::make_unique<QuotaByKeyStep>(e, std::move(s));
        });
}

} // namespace sluice
