// cache-lookup-value, cache-store-value and cache-remove-value: APIM's value
// caching. A value lives under ResponseCacheKey::valuePrefix() followed by the
// UTF-8 bytes of the user's key, unchanged, in the versioned CacheRecord value
// format, so gateways that share an external cache read each other's values.
#include "cache/CacheStore.h"
#include "expr/CompiledExpression.h"
#include "expr/JsonTokenObject.h"
#include "expr/TypeRegistry.h"
#include "gateway/ConcurrentStep.h"
#include "gateway/GatewayRuntime.h"
#include "gateway/PolicyCompiler.h"
#include "gateway/RequestContext.h"
#include "gateway/caching/CacheRecord.h"
#include "gateway/caching/ResponseCacheKey.h"
#include "metrics/CacheMetrics.h"

#include <QCoreApplication>
#include <QElapsedTimer>

#include <limits>

namespace sluice {

namespace {

constexpr qint64 MaxDurationSeconds = 10LL * 365 * 24 * 3600;

// ---- load time

std::optional<CachingType> cachingTypeAttribute(const PolicyElement &e, CompileContext &ctx)
{
    const std::optional<QString> text = ctx.literalAttribute(e, u"caching-type", QStringLiteral("prefer-external"));
    if (!text)
        return std::nullopt;
    if (const std::optional<CachingType> type = CacheServices::parseCachingType(text->trimmed()))
        return type;
    ctx.error(e.attribute(u"caching-type")->value.location,
              QCoreApplication::translate("PolicyCompiler",
                                          "caching-type must be prefer-external, external or internal, not '%1'")
                  .arg(*text));
    return std::nullopt;
}

void reportMissing(const PolicyElement &e, CompileContext &ctx, QStringView attribute)
{
    ctx.error(e.location,
              QCoreApplication::translate("PolicyCompiler", "'%1' requires the attribute '%2'").arg(e.name, attribute));
}

// The name of a value's static type when no value of that type can be cached
// (an IResponse, a request, a DateTime, a list ...); nullopt when it can be,
// or may be (object: decided at run time).
std::optional<QString> unstorableStaticType(const CompiledExpression &expression)
{
    const QString name = expression.resultTypeName();
    const TypeRegistry &types = TypeRegistry::instance();
    const TypeInfo *type = types.find(name);
    if (!type) {
        // Constructed types (T[], List<T>, Dictionary<K,V> ...) are not registered by name.
        if (name.contains(QLatin1Char('<')) || name.endsWith(QLatin1String("[]")))
            return name;
        return std::nullopt;
    }
    switch (type->kind) {
    case TypeKind::Null:
    case TypeKind::Object:
    case TypeKind::Bool:
    case TypeKind::Char:
    case TypeKind::Byte:
    case TypeKind::Int:
    case TypeKind::Long:
    case TypeKind::Double:
    case TypeKind::String:
    case TypeKind::Enum:
    case TypeKind::Void:
    case TypeKind::Namespace:
        return std::nullopt;
    case TypeKind::Class:
        // A JProperty alone is no JSON text: it could not be read back.
        if (types.jtoken && type->derivesFrom(types.jtoken) && type != types.jproperty)
            return std::nullopt;
        return name;
    case TypeKind::Array:
    case TypeKind::Lambda:
        return name;
    }
    return std::nullopt;
}

QString unstorableMessage(const QString &typeName)
{
    return QCoreApplication::translate("Gateway",
                                       "cache-store-value cannot cache a value of type '%1': the value must be a "
                                       "string, bool, char, number, null or JSON token (JToken)")
        .arg(typeName);
}

// ---- request time

struct Target
{
    CacheStore *store = nullptr;
    CacheMetrics *metrics = nullptr;
};

Target targetFor(RequestContext &ctx, CachingType type)
{
    GatewayRuntime &runtime = ctx.runtime();
    Target t;
    t.store = runtime.cacheStore(type);
    t.metrics = runtime.cacheMetrics(ctx.metrics, t.store);
    // No store for this caching-type here (external, and no external cache
    // serves this location): the policy does nothing, counted as a bypass.
    if (!t.store && t.metrics)
        t.metrics->recordBypass(CacheBypassReason::NoExternalCache);
    return t;
}

std::optional<QByteArray> storeKey(const CompiledValue &key, RequestContext &ctx)
{
    const std::optional<QString> text = key.evaluate(ctx);
    if (!text)
        return std::nullopt;
    return ResponseCacheKey::valuePrefix() + text->toUtf8();
}

// Asynchronous completions below hold the request (`self`), which holds the
// configuration its steps belong to: the step (`this`) outlives them.

class CacheLookupValueStep final : public ConcurrentStep
{
public:
    struct Settings
    {
        CompiledValue key;
        QString variableName;
        std::optional<CompiledValue> defaultValue;
        CachingType cachingType = CachingType::PreferExternal;
    };

    CacheLookupValueStep(const PolicyElement &e, Settings settings)
        : ConcurrentStep(e.name, e.location)
        , m_s(std::move(settings))
    { }

    // Concurrent: a child of <wait> looks up side by side with send-requests.
    void start(RequestContext &ctx, std::function<void(StepResult)> done) const override
    {
        const std::optional<QByteArray> key = storeKey(m_s.key, ctx);
        if (!key) {
            done(StepResult::Fail);
            return;
        }
        const Target target = targetFor(ctx, m_s.cachingType);
        if (!target.store) {
            done(miss(ctx));
            return;
        }
        QElapsedTimer timer;
        timer.start();
        if (const std::optional<CacheLookup> now = target.store->lookupNow(*key)) {
            done(found(ctx, *now, target.metrics, timer.nsecsElapsed()));
            return;
        }
        std::shared_ptr<RequestContext> self = ctx.shared_from_this();
        target.store->lookup(*key, &ctx.runtime(),
                             [this, self, metrics = target.metrics, timer, done = std::move(done)](CacheLookup r) {
                                 done(found(*self, r, metrics, timer.nsecsElapsed()));
                             });
    }

private:
    StepResult found(RequestContext &ctx, const CacheLookup &lookup, CacheMetrics *metrics, qint64 elapsedNs) const
    {
        std::optional<Value> value;
        CacheOutcome outcome = CacheOutcome::Miss;
        if (lookup.status == CacheLookup::Status::Error) {
            outcome = CacheOutcome::Error; // a store that cannot answer is a miss
        } else if (lookup.status == CacheLookup::Status::Hit) {
            value = CacheRecord::decodeValue(lookup.value); // another format version reads as a miss
            if (value)
                outcome = CacheOutcome::Hit;
        }
        if (metrics)
            metrics->recordLookup(outcome, double(elapsedNs) / 1e9);
        if (!value)
            return miss(ctx);
        ctx.variables.insert(m_s.variableName, std::move(*value));
        return StepResult::Continue;
    }

    // default-value when given; otherwise the variable stays as it was (unset).
    StepResult miss(RequestContext &ctx) const
    {
        if (!m_s.defaultValue)
            return StepResult::Continue;
        std::optional<Value> value = m_s.defaultValue->evaluateValue(ctx);
        if (!value)
            return StepResult::Fail;
        ctx.variables.insert(m_s.variableName, std::move(*value));
        return StepResult::Continue;
    }

    Settings m_s;
};

class CacheStoreValueStep final : public PolicyStep
{
public:
    struct Settings
    {
        CompiledValue key;
        CompiledValue value;
        CompiledValue duration;
        CachingType cachingType = CachingType::PreferExternal;
    };

    CacheStoreValueStep(const PolicyElement &e, Settings settings)
        : PolicyStep(e.name, e.location)
        , m_s(std::move(settings))
    { }

    StepResult run(RequestContext &ctx) const override
    {
        const std::optional<QByteArray> key = storeKey(m_s.key, ctx);
        if (!key)
            return StepResult::Fail;
        const std::optional<Value> value = m_s.value.evaluateValue(ctx);
        if (!value)
            return StepResult::Fail;
        const std::optional<qint64> duration = m_s.duration.evaluateInteger(ctx, u"duration");
        if (!duration)
            return StepResult::Fail;
        const Target target = targetFor(ctx, m_s.cachingType);
        QString typeName;
        std::optional<QByteArray> record;
        if (const auto token = JsonTokenObject::tokenOf(*value); token && token->isProperty())
            typeName = QStringLiteral("JProperty");
        else
            record = CacheRecord::encodeValue(*value, &typeName);
        if (!record) {
            if (target.metrics)
                target.metrics->recordStoreSkip(CacheStoreSkip::ValueType);
            return ctx.fail(
                {name(), QStringLiteral("CacheValueTypeNotSupported"), unstorableMessage(typeName), {}, {}, {}, 500});
        }
        if (!target.store)
            return StepResult::Continue;
        if (*duration <= 0)
            return skip(target, CacheStoreSkip::Duration);
        if (record->size() > ctx.runtime().caches()->options().maxEntryBytes)
            return skip(target, CacheStoreSkip::TooLarge);

        const qint64 ttlMs = qMin<qint64>(*duration, std::numeric_limits<qint64>::max() / 1000) * 1000;
        // Sluice waits for the store (APIM does not), so that the next request
        // sees the value. A store that fails skips the value; the request goes on.
        std::shared_ptr<RequestContext> self = ctx.shared_from_this();
        target.store->store(*key, *record, ttlMs, &ctx.runtime(), [self, metrics = target.metrics](CacheWrite write) {
            if (metrics) {
                if (write.ok)
                    metrics->recordStore();
                else
                    metrics->recordStoreSkip(CacheStoreSkip::StoreError);
            }
            self->resume(StepResult::Continue);
        });
        return StepResult::Pending;
    }

private:
    static StepResult skip(const Target &target, CacheStoreSkip reason)
    {
        if (target.metrics)
            target.metrics->recordStoreSkip(reason);
        return StepResult::Continue;
    }

    Settings m_s;
};

class CacheRemoveValueStep final : public PolicyStep
{
public:
    CacheRemoveValueStep(const PolicyElement &e, CompiledValue key, CachingType cachingType)
        : PolicyStep(e.name, e.location)
        , m_key(std::move(key))
        , m_cachingType(cachingType)
    { }

    StepResult run(RequestContext &ctx) const override
    {
        const std::optional<QByteArray> key = storeKey(m_key, ctx);
        if (!key)
            return StepResult::Fail;
        const Target target = targetFor(ctx, m_cachingType);
        if (!target.store)
            return StepResult::Continue;
        // A remove that fails leaves the value to expire; the request goes on.
        std::shared_ptr<RequestContext> self = ctx.shared_from_this();
        target.store->remove(*key, &ctx.runtime(), [self](CacheWrite) { self->resume(StepResult::Continue); });
        return StepResult::Pending;
    }

private:
    CompiledValue m_key;
    CachingType m_cachingType;
};

} // namespace

void registerCacheLookupValuePolicy(PolicyCompiler &compiler)
{
    compiler.add(QStringLiteral("cache-lookup-value"),
                 [](const PolicyElement &e, CompileContext &ctx) -> std::unique_ptr<PolicyStep> {
                     ctx.checkKnown(e, {u"key", u"variable-name", u"default-value", u"caching-type"});
                     auto key = ctx.requiredAttribute(e, u"key");
                     std::optional<QString> variableName;
                     if (!e.attribute(u"variable-name")) {
                         reportMissing(e, ctx, u"variable-name");
                     } else {
                         variableName = ctx.literalAttribute(e, u"variable-name");
                         if (variableName && variableName->isEmpty()) {
                             ctx.error(e.attribute(u"variable-name")->value.location,
                                       QCoreApplication::translate("PolicyCompiler", "attribute '%1' must not be empty")
                                           .arg(QStringLiteral("variable-name")));
                             variableName.reset();
                         }
                     }
                     std::optional<CompiledValue> defaultValue;
                     bool defaultOk = true;
                     if (const PolicyAttribute *a = e.attribute(u"default-value")) {
                         defaultValue = ctx.value(a->value);
                         defaultOk = defaultValue.has_value();
                     }
                     const std::optional<CachingType> cachingType = cachingTypeAttribute(e, ctx);
                     if (!key || !variableName || !defaultOk || !cachingType)
                         return nullptr;
                     CacheLookupValueStep::Settings s;
                     s.key = std::move(*key);
                     s.variableName = *variableName;
                     s.defaultValue = std::move(defaultValue);
                     s.cachingType = *cachingType;
                     return std::make_unique<CacheLookupValueStep>(e, std::move(s));
                 });
}

void registerCacheStoreValuePolicy(PolicyCompiler &compiler)
{
    compiler.add(QStringLiteral("cache-store-value"),
                 [](const PolicyElement &e, CompileContext &ctx) -> std::unique_ptr<PolicyStep> {
                     ctx.checkKnown(e, {u"key", u"value", u"duration", u"caching-type"});
                     auto key = ctx.requiredAttribute(e, u"key");
                     auto value = ctx.requiredAttribute(e, u"value");
                     std::optional<CompiledValue> duration;
                     if (!e.attribute(u"duration"))
                         reportMissing(e, ctx, u"duration");
                     else
                         duration = ctx.integerValueAttribute(e, u"duration", 0, 0, MaxDurationSeconds);
                     const std::optional<CachingType> cachingType = cachingTypeAttribute(e, ctx);
                     if (value && value->expression()) {
                         if (const auto typeName = unstorableStaticType(*value->expression())) {
                             ctx.error(e.attribute(u"value")->value.location, unstorableMessage(*typeName));
                             value.reset();
                         }
                     }
                     if (!key || !value || !duration || !cachingType)
                         return nullptr;
                     CacheStoreValueStep::Settings s;
                     s.key = std::move(*key);
                     s.value = std::move(*value);
                     s.duration = std::move(*duration);
                     s.cachingType = *cachingType;
                     return std::make_unique<CacheStoreValueStep>(e, std::move(s));
                 });
}

void registerCacheRemoveValuePolicy(PolicyCompiler &compiler)
{
    compiler.add(QStringLiteral("cache-remove-value"),
                 [](const PolicyElement &e, CompileContext &ctx) -> std::unique_ptr<PolicyStep> {
                     ctx.checkKnown(e, {u"key", u"caching-type"});
                     auto key = ctx.requiredAttribute(e, u"key");
                     const std::optional<CachingType> cachingType = cachingTypeAttribute(e, ctx);
                     if (!key || !cachingType)
                         return nullptr;
                     return std::make_unique<CacheRemoveValueStep>(e, std::move(*key), *cachingType);
                 });
}

} // namespace sluice
