// cache-store: keeps the current response under the key cache-lookup made,
// for `duration` seconds, and hands it to the requests that waited for it.
#include "gateway/GatewayRuntime.h"
#include "gateway/PolicyCompiler.h"
#include "gateway/RequestContext.h"
#include "gateway/RequestTrace.h"
#include "gateway/caching/CacheRecord.h"
#include "gateway/caching/ResponseCacheState.h"
#include "cache/CacheStore.h"
#include "metrics/CacheMetrics.h"

#include <QCoreApplication>
#include <QDateTime>

namespace sluice {

namespace {

class CacheStoreStep final : public PolicyStep
{
public:
    CacheStoreStep(const PolicyElement &e, CompiledValue duration, CompiledValue cacheResponse)
        : PolicyStep(e.name, e.location)
        , m_duration(std::move(duration))
        , m_cacheResponse(std::move(cacheResponse))
    {}

    StepResult run(RequestContext &ctx) const override
    {
        ResponseCacheState *s = (ctx.responseCache ? &*ctx.responseCache : nullptr);
        // Nothing to do on a hit (the response came from the cache) or a bypass.
        if (!s || s->outcome != ResponseCacheState::Outcome::Miss || !s->store || !ctx.hasResponse) {
            if (ctx.trace)
                ctx.trace->detail(QStringLiteral("outcome"), QStringLiteral("not-needed"));
            return StepResult::Continue;
        }
        const auto duration = m_duration.evaluateInteger(ctx, u"duration");
        if (!duration)
            return StepResult::Fail;
        const auto cacheResponse = m_cacheResponse.evaluateBool(ctx, u"cache-response");
        if (!cacheResponse)
            return StepResult::Fail;
        if (*duration <= 0)
            return skip(ctx, *s, CacheStoreSkip::Duration);
        if (ctx.response.status != 200 && !*cacheResponse)
            return skip(ctx, *s, CacheStoreSkip::Status);

        HttpResponse copy = ctx.response;
        copy.headers.remove("Age");
        const QByteArray record = CacheRecord::encodeResponse(copy, QDateTime::currentMSecsSinceEpoch());
        if (record.size() > ctx.runtime().caches()->options().maxEntryBytes)
            return skip(ctx, *s, CacheStoreSkip::TooLarge);

        const qint64 ttlMs = qMin<qint64>(*duration, std::numeric_limits<qint64>::max() / 1000) * 1000;
        // The built-in cache answers inside store(): resuming from there is
        // allowed (the executor treats it like a later resume).
        std::shared_ptr<RequestContext> self = ctx.shared_from_this();
        s->store->store(s->key, record, ttlMs, &ctx.runtime(),
                        [self, record, ttlMs, durationSeconds = *duration](CacheWrite write) {
                            ResponseCacheState &state = *self->responseCache;
                            if (self->trace) {
                                self->trace->detail(QStringLiteral("store"), state.store->name());
                                self->trace->detail(QStringLiteral("outcome"), write.ok ? QStringLiteral("stored")
                                                                                        : QStringLiteral("skipped"));
                                if (!write.ok)
                                    self->trace->detail(QStringLiteral("reason"),
                                                        CacheMetrics::storeSkipName(CacheStoreSkip::StoreError));
                                self->trace->detail(QStringLiteral("ttl"), QString::number(durationSeconds));
                            }
                            if (write.ok) {
                                if (state.metrics)
                                    state.metrics->recordStore();
                                state.freshSeconds = durationSeconds;
                                self->cacheStatus = QByteArrayLiteral("sluice; fwd=miss; stored");
                                if (state.lease)
                                    state.lease->release(RequestCollapser::Stored{record, ttlMs});
                            } else if (state.metrics) {
                                state.metrics->recordStoreSkip(CacheStoreSkip::StoreError);
                            }
                            self->resume(StepResult::Continue);
                        });
        return StepResult::Pending;
    }

private:
    static StepResult skip(RequestContext &ctx, ResponseCacheState &s, CacheStoreSkip reason)
    {
        if (ctx.trace) {
            ctx.trace->detail(QStringLiteral("outcome"), QStringLiteral("skipped"));
            ctx.trace->detail(QStringLiteral("reason"), CacheMetrics::storeSkipName(reason));
        }
        if (s.metrics)
            s.metrics->recordStoreSkip(reason);
        return StepResult::Continue;
    }

    CompiledValue m_duration;
    CompiledValue m_cacheResponse;
};

} // namespace

void registerCacheStorePolicy(PolicyCompiler &compiler)
{
    compiler.add(QStringLiteral("cache-store"),
                 [](const PolicyElement &e, CompileContext &ctx) -> std::unique_ptr<PolicyStep> {
                     ctx.checkKnown(e, {u"duration", u"cache-response"});
                     if (!e.attribute(u"duration")) {
                         ctx.error(e.location, QCoreApplication::translate("PolicyCompiler",
                                                                           "'%1' requires the attribute '%2'")
                                                   .arg(e.name, QStringLiteral("duration")));
                         return nullptr;
                     }
                     auto duration = ctx.integerValueAttribute(e, u"duration", 0, 0, 10LL * 365 * 24 * 3600);
                     auto cacheResponse = ctx.boolValueAttribute(e, u"cache-response", false);
                     if (!duration || !cacheResponse)
                         return nullptr;
                     return std::make_unique<CacheStoreStep>(e, std::move(*duration), std::move(*cacheResponse));
                 });
}

} // namespace sluice
