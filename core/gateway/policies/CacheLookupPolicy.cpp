// cache-lookup: answers a GET from the cache when a fresh copy is stored
// (skipping the backend), collapses concurrent misses for one key into one
// backend call, and records what happened for cache-store, the downstream
// caching headers and Cache-Status.
#include "cache/CacheStore.h"
#include "common/Decimal.h"
#include "gateway/AdminCacheKey.h"
#include "gateway/GatewayRuntime.h"
#include "gateway/PolicyCompiler.h"
#include "gateway/RequestContext.h"
#include "gateway/RequestTrace.h"
#include "gateway/caching/CacheRecord.h"
#include "gateway/caching/ResponseCacheKey.h"
#include "gateway/caching/ResponseCacheState.h"
#include "metrics/CacheMetrics.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QElapsedTimer>

#include <algorithm>
#include <array>

namespace sluice {

namespace {

// The client's own validators and cache directives: a miss asks the backend
// for the full response, as APIM does.
const QByteArray ClientCacheHeaders[] = {
    "Cache-Control", "Pragma", "If-None-Match", "If-Modified-Since", "If-Match", "If-Unmodified-Since", "If-Range"};

std::optional<DownstreamCaching> parseDownstream(const QString &text)
{
    const QString t = text.trimmed();
    if (t == QLatin1String("none"))
        return DownstreamCaching::None;
    if (t == QLatin1String("private"))
        return DownstreamCaching::Private;
    if (t == QLatin1String("public"))
        return DownstreamCaching::Public;
    return std::nullopt;
}

qint64 ceilSeconds(qint64 ms)
{
    return (qMax<qint64>(0, ms) + 999) / 1000;
}

class CacheLookupStep final : public PolicyStep
{
public:
    struct Settings
    {
        CompiledValue varyByDeveloper;
        CompiledValue varyByGroups;
        CachingType cachingType = CachingType::PreferExternal;
        CompiledValue downstream;
        CompiledValue mustRevalidate;
        CompiledValue allowPrivate;
        QList<QByteArray> varyByHeaders; // lower-case, sorted, unique
        QStringList varyByQuery;
    };

    CacheLookupStep(const PolicyElement &e, Settings settings)
        : PolicyStep(e.name, e.location)
        , m_s(std::move(settings))
    {
        // Literal attributes are decided once, here.
        if (m_s.downstream.isConstant())
            m_constantDownstream = parseDownstream(m_s.downstream.literal());
        if (m_s.mustRevalidate.isConstant())
            m_constantMustRevalidate = CompiledValue::parseBool(m_s.mustRevalidate.literal());
        const auto constantFalse = [](const CompiledValue &v) {
            return v.isConstant() && CompiledValue::parseBool(v.literal()) == false;
        };
        m_neverByDeveloper = constantFalse(m_s.varyByDeveloper);
        m_neverByGroups = constantFalse(m_s.varyByGroups);
    }

    StepResult run(RequestContext &ctx) const override
    {
        // Decided before the state exists: a failure here leaves no cache state behind.
        DownstreamCaching downstreamCaching = DownstreamCaching::None;
        bool mustRevalidate = true;
        if (m_constantDownstream) {
            downstreamCaching = *m_constantDownstream;
        } else {
            const auto downstreamText = m_s.downstream.evaluate(ctx);
            if (!downstreamText)
                return StepResult::Fail;
            const auto downstream = parseDownstream(*downstreamText);
            if (!downstream) {
                return ctx.fail({name(),
                                 QStringLiteral("InvalidDownstreamCachingType"),
                                 QCoreApplication::translate("Gateway",
                                                             "downstream-caching-type must be none, private or "
                                                             "public, not '%1'")
                                     .arg(*downstreamText),
                                 {},
                                 {},
                                 {},
                                 500});
            }
            downstreamCaching = *downstream;
        }
        if (m_constantMustRevalidate) {
            mustRevalidate = *m_constantMustRevalidate;
        } else {
            const auto evaluated = m_s.mustRevalidate.evaluateBool(ctx, u"must-revalidate");
            if (!evaluated)
                return StepResult::Fail;
            mustRevalidate = *evaluated;
        }

        ResponseCacheState &s = ctx.responseCache.emplace();
        s.downstream = downstreamCaching;
        s.mustRevalidate = mustRevalidate;
        GatewayRuntime &runtime = ctx.runtime();
        s.store = runtime.cacheStore(m_s.cachingType);
        s.metrics = runtime.cacheMetrics(ctx.metrics, s.store);

        if (!s.store)
            return bypass(ctx, CacheBypassReason::NoExternalCache, "no-external-cache");
        if (ctx.originalRequest().method != "GET")
            return bypass(ctx, CacheBypassReason::Method, "method");
        if (ctx.originalRequest().headers.contains("Authorization")) {
            const auto allowPrivate = m_s.allowPrivate.evaluateBool(ctx, u"allow-private-response-caching");
            if (!allowPrivate)
                return StepResult::Fail;
            if (!*allowPrivate)
                return bypass(ctx, CacheBypassReason::Authorization, "authorization");
        }
        if (!buildKey(ctx, s))
            return StepResult::Fail;
        if (ctx.trace) {
            ctx.trace->detail(QStringLiteral("key"), QString::fromLatin1(AdminCacheKey::encode(s.key)));
            ctx.trace->detail(QStringLiteral("store"), s.store->name());
        }

        s.outcome = ResponseCacheState::Outcome::Miss;
        QElapsedTimer timer;
        timer.start();
        if (const std::optional<CacheLookup> now = s.store->lookupNow(s.key))
            return afterLookup(ctx, *now, timer.nsecsElapsed());

        std::shared_ptr<RequestContext> self = ctx.shared_from_this();
        s.store->lookup(s.key, &runtime, [self, timer](CacheLookup result) {
            const StepResult r = afterLookup(*self, result, timer.nsecsElapsed());
            if (r != StepResult::Pending)
                self->resume(r);
        });
        return StepResult::Pending;
    }

private:
    static StepResult bypass(RequestContext &ctx, CacheBypassReason reason, const char *detail)
    {
        if (ctx.responseCache->metrics)
            ctx.responseCache->metrics->recordBypass(reason);
        ctx.cacheStatus = QByteArrayLiteral("sluice; fwd=bypass; detail=") + detail;
        if (ctx.trace) {
            if (ctx.responseCache->store)
                ctx.trace->detail(QStringLiteral("store"), ctx.responseCache->store->name());
            ctx.trace->detail(QStringLiteral("outcome"), QStringLiteral("bypass"));
            ctx.trace->detail(QStringLiteral("reason"), QString::fromLatin1(detail));
        }
        return StepResult::Continue;
    }

    bool buildKey(RequestContext &ctx, ResponseCacheState &s) const
    {
        ResponseCacheKey::Inputs in;
        in.backendPath = ctx.path;
        if (!ctx.originalRequest().query.isEmpty())
            in.query = ctx.queryParameters();
        in.headers = &ctx.originalRequest().headers;
        in.varyByQuery = m_s.varyByQuery;
        in.varyByHeaders = m_s.varyByHeaders;
        if (!m_neverByDeveloper) {
            const auto byDeveloper = m_s.varyByDeveloper.evaluateBool(ctx, u"vary-by-developer");
            if (!byDeveloper)
                return false;
            in.varyByDeveloper = *byDeveloper;
        }
        if (!m_neverByGroups) {
            const auto byGroups = m_s.varyByGroups.evaluateBool(ctx, u"vary-by-developer-groups");
            if (!byGroups)
                return false;
            in.varyByGroups = *byGroups;
        }
        if (in.varyByDeveloper && ctx.user)
            in.userId = ctx.user->id;
        if (in.varyByGroups)
            in.groups = ctx.user ? ctx.user->groups : QStringList {QStringLiteral("guests")};
        const QByteArray &prefix = keyPrefix(ctx);
        s.key.reserve(prefix.size() + 3 * in.backendPath.size() + 64);
        s.key.append(prefix);
        ResponseCacheKey::appendVaried(s.key, in);
        return true;
    }

    // The key's fixed part, kept per thread for the last API, operation,
    // product and backend seen: a run of requests to one operation encodes it once.
    static const QByteArray &keyPrefix(const RequestContext &ctx)
    {
        struct Memo
        {
            QString api, operation, product, backendBase;
            QByteArray prefix;
        };
        thread_local Memo memo;
        const QString &api = ctx.api ? ctx.api->id : emptyString();
        const QString &operation = ctx.operation ? ctx.operation->id : emptyString();
        const QString &product = ctx.product ? ctx.product->id : emptyString();
        // Usually the very same strings (shared copies): compare the data pointers first.
        const auto same = [](const QString &a, const QString &b) {
            return a.size() == b.size() && (a.constData() == b.constData() || a == b);
        };
        if (memo.prefix.isEmpty() || !same(memo.api, api) || !same(memo.operation, operation)
            || !same(memo.product, product) || !same(memo.backendBase, ctx.backendBaseUrl)) {
            memo.prefix = ResponseCacheKey::prefix(api, operation, product, ctx.backendBaseUrl);
            memo.api = api;
            memo.operation = operation;
            memo.product = product;
            memo.backendBase = ctx.backendBaseUrl;
        }
        return memo.prefix;
    }

    static const QString &emptyString()
    {
        static const QString empty;
        return empty;
    }

    static StepResult afterLookup(RequestContext &ctx, const CacheLookup &lookup, qint64 elapsedNs)
    {
        ResponseCacheState &s = *ctx.responseCache;
        CacheOutcome outcome = CacheOutcome::Miss;
        if (lookup.status == CacheLookup::Status::Error)
            outcome = CacheOutcome::Error;
        else if (lookup.status == CacheLookup::Status::Hit && serve(ctx, lookup.value, lookup.ttlMs, false))
            outcome = CacheOutcome::Hit;
        if (s.metrics)
            s.metrics->recordLookup(outcome, elapsedNs / 1e9);
        if (outcome == CacheOutcome::Hit)
            return StepResult::SkipToOutbound;
        if (ctx.trace) {
            ctx.trace->detail(QStringLiteral("outcome"), CacheMetrics::outcomeName(outcome));
            ctx.trace->detail(QStringLiteral("reason"),
                              outcome == CacheOutcome::Error ? QStringLiteral("store-error")
                                                             : QStringLiteral("not-stored"));
        }

        RequestCollapser &collapser = ctx.runtime().caches()->collapser();
        std::shared_ptr<RequestContext> self = ctx.shared_from_this();
        const bool leads =
            collapser.join(s.key, &ctx.runtime(), [self](std::optional<RequestCollapser::Stored> stored) {
                if (stored && !self->isClientGone() && serve(*self, stored->record, stored->ttlMs, true)) {
                    self->resume(StepResult::SkipToOutbound);
                    return;
                }
                goToBackend(*self);
                self->resume(StepResult::Continue);
            });
        if (!leads)
            return StepResult::Pending;
        s.lease.emplace(&collapser, s.key);
        goToBackend(ctx);
        return StepResult::Continue;
    }

    static void goToBackend(RequestContext &ctx)
    {
        for (const QByteArray &name : ClientCacheHeaders)
            ctx.requestHeaders.remove(name);
        ctx.cacheStatus = QByteArrayLiteral("sluice; fwd=miss");
    }

    // Answers from a stored record; false when the record cannot be read
    // (another format version): the request then goes on as a miss.
    static bool serve(RequestContext &ctx, const QByteArray &record, qint64 ttlMs, bool collapsed)
    {
        std::optional<CacheRecord::Response> stored = CacheRecord::decodeResponse(record);
        if (!stored)
            return false;
        ResponseCacheState &s = *ctx.responseCache;
        s.outcome = ResponseCacheState::Outcome::Hit;
        const qint64 ttl = ceilSeconds(ttlMs);
        s.freshSeconds = ttl;
        ctx.response = std::move(stored->response);
        ctx.hasResponse = true;
        const qint64 age = (QDateTime::currentMSecsSinceEpoch() - stored->storedAtMs) / 1000;
        ctx.response.headers.set(QByteArrayLiteral("Age"), memoText(age, "", ""));
        ctx.cacheStatus = memoText(ttl, "sluice; hit; ttl=", collapsed ? "; collapsed" : "");
        if (ctx.trace) {
            ctx.trace->detail(QStringLiteral("outcome"), QStringLiteral("hit"));
            if (collapsed)
                ctx.trace->detail(QStringLiteral("reason"), QStringLiteral("collapsed"));
            ctx.trace->detail(QStringLiteral("ttl"), QString::number(ttl));
        }
        if (s.metrics)
            s.metrics->recordBackendAvoided();
        return true;
    }

    // `head` + n + `tail`, kept per thread for the last n of each kind: hits of
    // a hot key share one copy per second instead of building the text each time.
    static QByteArray memoText(qint64 n, const char *head, const char *tail)
    {
        struct Memo
        {
            const char *head = nullptr;
            const char *tail = nullptr;
            qint64 n = -1;
            QByteArray text;
        };
        thread_local std::array<Memo, 3> memos; // Age, Cache-Status, collapsed Cache-Status
        Memo &memo = memos[*head == 0 ? 0 : (*tail == 0 ? 1 : 2)];
        if (memo.n != n || memo.head != head || memo.tail != tail || memo.text.isEmpty()) {
            memo.text.clear();
            memo.text.append(head);
            appendDecimal(memo.text, n);
            memo.text.append(tail);
            memo.head = head;
            memo.tail = tail;
            memo.n = n;
        }
        return memo.text;
    }

    Settings m_s;
    std::optional<DownstreamCaching> m_constantDownstream;
    std::optional<bool> m_constantMustRevalidate;
    bool m_neverByDeveloper = false; // the attribute is the literal false
    bool m_neverByGroups = false;
};

std::optional<CompiledValue> requiredBool(const PolicyElement &e, CompileContext &ctx, QStringView name)
{
    if (!e.attribute(name)) {
        ctx.error(e.location,
                  QCoreApplication::translate("PolicyCompiler", "'%1' requires the attribute '%2'").arg(e.name, name));
        return std::nullopt;
    }
    return ctx.boolValueAttribute(e, name, false);
}

} // namespace

void registerCacheLookupPolicy(PolicyCompiler &compiler)
{
    compiler.add(
        QStringLiteral("cache-lookup"), [](const PolicyElement &e, CompileContext &ctx) -> std::unique_ptr<PolicyStep> {
            ctx.checkKnown(e,
                           {u"vary-by-developer", u"vary-by-developer-groups", u"caching-type",
                            u"downstream-caching-type", u"must-revalidate", u"allow-private-response-caching"},
                           {u"vary-by-header", u"vary-by-query-parameter"});
            CacheLookupStep::Settings s;
            auto byDeveloper = requiredBool(e, ctx, u"vary-by-developer");
            auto byGroups = requiredBool(e, ctx, u"vary-by-developer-groups");
            auto mustRevalidate = ctx.boolValueAttribute(e, u"must-revalidate", true);
            auto allowPrivate = ctx.boolValueAttribute(e, u"allow-private-response-caching", false);
            auto downstream = ctx.attribute(e, u"downstream-caching-type", QStringLiteral("none"));
            const auto cachingType = ctx.literalAttribute(e, u"caching-type", QStringLiteral("prefer-external"));
            if (cachingType) {
                if (const auto type = CacheServices::parseCachingType(cachingType->trimmed())) {
                    s.cachingType = *type;
                } else {
                    ctx.error(e.attribute(u"caching-type")->value.location,
                              QCoreApplication::translate("PolicyCompiler",
                                                          "caching-type must be prefer-external, external or internal, "
                                                          "not '%1'")
                                  .arg(*cachingType));
                }
            }
            if (downstream && downstream->isConstant() && !parseDownstream(downstream->literal())) {
                ctx.error(e.attribute(u"downstream-caching-type")->value.location,
                          QCoreApplication::translate(
                              "PolicyCompiler", "downstream-caching-type must be none, private or public, not '%1'")
                              .arg(downstream->literal()));
                downstream.reset();
            }
            for (const PolicyElement &child : e.children) {
                const QString text = child.text.text.trimmed();
                if (child.text.isExpression) {
                    ctx.error(child.text.location,
                              QCoreApplication::translate("PolicyCompiler", "<%1> does not accept policy expressions")
                                  .arg(child.name));
                    continue;
                }
                if (text.isEmpty()) {
                    ctx.error(child.location,
                              QCoreApplication::translate("PolicyCompiler", "<%1> needs a name").arg(child.name));
                    continue;
                }
                if (child.name == QLatin1String("vary-by-header")) {
                    s.varyByHeaders.append(text.toLower().toLatin1());
                } else {
                    for (const QString &name : text.split(QLatin1Char(';'), Qt::SkipEmptyParts))
                        if (!name.trimmed().isEmpty())
                            s.varyByQuery.append(name.trimmed());
                }
            }
            std::sort(s.varyByHeaders.begin(), s.varyByHeaders.end());
            s.varyByHeaders.erase(std::unique(s.varyByHeaders.begin(), s.varyByHeaders.end()), s.varyByHeaders.end());
            if (!byDeveloper || !byGroups || !mustRevalidate || !allowPrivate || !downstream || !cachingType
                || ctx.hasErrors())
                return nullptr;
            s.varyByDeveloper = std::move(*byDeveloper);
            s.varyByGroups = std::move(*byGroups);
            s.mustRevalidate = std::move(*mustRevalidate);
            s.allowPrivate = std::move(*allowPrivate);
            s.downstream = std::move(*downstream);
            return std::make_unique<CacheLookupStep>(e, std::move(s));
        });
}

} // namespace sluice
