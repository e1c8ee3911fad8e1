// retry: runs its policies, then again while `condition` holds, up to
// `count` more times, waiting between attempts (fixed, linear or exponential
// as APIM documents). A failure inside ends the retry and goes to on-error.
#include "expr/CompiledExpression.h"
#include "gateway/GatewayRuntime.h"
#include "gateway/PolicyCompiler.h"
#include "gateway/RequestContext.h"

#include <QCoreApplication>
#include <QRandomGenerator>
#include <QTimer>

#include <cmath>

#include <algorithm>

namespace sluice {

namespace {

class RetryStep final : public PolicyStep
{
public:
    struct Settings
    {
        CompiledValue condition;
        CompiledValue count;
        CompiledValue interval;
        std::optional<CompiledValue> maxInterval;
        std::optional<CompiledValue> delta;
        CompiledValue firstFastRetry;
        StepList steps;
    };

    RetryStep(const PolicyElement &e, Settings settings)
        : PolicyStep(e.name, e.location)
        , m_s(std::move(settings))
    { }

    StepResult run(RequestContext &ctx) const override
    {
        attempt(ctx, 0);
        return StepResult::Pending;
    }

private:
    // Runs the children; `retries` attempts were made before this one.
    void attempt(RequestContext &ctx, int retries) const
    {
        RequestContext *c = &ctx;
        ctx.runSequence(m_s.steps, [this, c, retries](StepResult result) { afterAttempt(*c, retries, result); });
    }

    void afterAttempt(RequestContext &ctx, int retries, StepResult result) const
    {
        if (result != StepResult::Continue) {
            ctx.resume(result);
            return;
        }
        const std::optional<bool> again = m_s.condition.evaluateBool(ctx, u"condition");
        const std::optional<qint64> count = m_s.count.evaluateInteger(ctx, u"count");
        if (!again || !count) {
            ctx.resume(StepResult::Fail);
            return;
        }
        if (!*again || retries >= std::clamp<qint64>(*count, 0, 50)) {
            ctx.resume(StepResult::Continue);
            return;
        }
        const std::optional<qint64> waitMs = waitBefore(ctx, retries + 1);
        if (!waitMs) {
            ctx.resume(StepResult::Fail);
            return;
        }
        if (*waitMs <= 0) {
            attempt(ctx, retries + 1);
            return;
        }
        // The timer keeps the request alive; a client that left ends the retries.
        std::shared_ptr<RequestContext> self = ctx.shared_from_this();
        QTimer::singleShot(std::chrono::milliseconds(*waitMs), &ctx.runtime(), [this, self, retries] {
            if (self->isClientGone())
                return;
            attempt(*self, retries + 1);
        });
    }

    // The wait before retry number `n` (1-based), in milliseconds.
    std::optional<qint64> waitBefore(RequestContext &ctx, int n) const
    {
        const std::optional<bool> fast = m_s.firstFastRetry.evaluateBool(ctx, u"first-fast-retry");
        const std::optional<qint64> interval = m_s.interval.evaluateInteger(ctx, u"interval");
        if (!fast || !interval)
            return std::nullopt;
        if (*fast && n == 1)
            return 0;
        std::optional<qint64> delta;
        std::optional<qint64> maxInterval;
        if (m_s.delta && !(delta = m_s.delta->evaluateInteger(ctx, u"delta")))
            return std::nullopt;
        if (m_s.maxInterval && !(maxInterval = m_s.maxInterval->evaluateInteger(ctx, u"max-interval")))
            return std::nullopt;
        double seconds = double(std::max<qint64>(0, *interval));
        if (delta && maxInterval) {
            const double jitter = 0.8 + 0.4 * QRandomGenerator::global()->generateDouble();
            seconds += (std::pow(2.0, qMin(n - 1, 30)) - 1.0) * double(*delta) * jitter;
        } else if (delta) {
            seconds += double(n - 1) * double(*delta);
        }
        if (maxInterval)
            seconds = qMin(seconds, double(*maxInterval));
        return qint64(qMin(seconds, 24.0 * 3600) * 1000.0);
    }

    Settings m_s;
};

} // namespace

void registerRetryPolicy(PolicyCompiler &compiler)
{
    compiler.add(
        QStringLiteral("retry"), [](const PolicyElement &e, CompileContext &ctx) -> std::unique_ptr<PolicyStep> {
            ctx.checkAttributes(e,
                                {u"condition", u"count", u"interval", u"max-interval", u"delta", u"first-fast-retry"});
            constexpr qint64 MaxSeconds = 24 * 3600;
            auto required = [&](QStringView name, auto &&compile) -> std::optional<CompiledValue> {
                if (!e.attribute(name)) {
                    ctx.requiredAttribute(e, name);
                    return std::nullopt;
                }
                return compile();
            };
            auto condition = required(u"condition", [&] { return ctx.boolValueAttribute(e, u"condition", false); });
            auto count = required(u"count", [&] { return ctx.integerValueAttribute(e, u"count", 1, 1, 50); });
            auto interval =
                required(u"interval", [&] { return ctx.integerValueAttribute(e, u"interval", 0, 0, MaxSeconds); });
            std::optional<CompiledValue> maxInterval;
            std::optional<CompiledValue> delta;
            bool ok = true;
            if (e.attribute(u"max-interval")) {
                maxInterval = ctx.integerValueAttribute(e, u"max-interval", 0, 0, MaxSeconds);
                ok = ok && maxInterval;
            }
            if (e.attribute(u"delta")) {
                delta = ctx.integerValueAttribute(e, u"delta", 0, 0, MaxSeconds);
                ok = ok && delta;
            }
            auto firstFast = ctx.boolValueAttribute(e, u"first-fast-retry", false);
            if (condition && condition->expression() && !condition->expression()->resultIsBool()) {
                ctx.error(e.attribute(u"condition")->value.location,
                          QCoreApplication::translate("PolicyCompiler", "the condition must be a bool expression"));
                condition.reset();
            }
            const int before = ctx.errorCount();
            StepList steps = ctx.compileElements(e.children);
            if (!condition || !count || !interval || !firstFast || !ok || ctx.errorCount() != before)
                return nullptr;
            RetryStep::Settings s {std::move(*condition),  std::move(*count), std::move(*interval),
                                   std::move(maxInterval), std::move(delta),  std::move(*firstFast),
                                   std::move(steps)};
            return std::make_unique<RetryStep>(e, std::move(s));
        });
}

} // namespace sluice
