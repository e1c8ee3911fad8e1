#include "RedisRateLimitCounters.h"

#include "metrics/CounterFamily.h"
#include "metrics/GaugeFamily.h"
#include "metrics/MetricsRegistry.h"
#include "redis/RedisClient.h"
#include "redis/RedisReply.h"

#include <QCryptographicHash>
#include <QPointer>
#include <QUuid>

namespace sluice {

namespace {

// KEYS: two per check (sliding: the increments' sorted set and their sum;
// fixed: the window's hash and an unused second key).
// ARGV: mode ("acquire" | "add"), a member id unique to this call, then per
// check: limit, period ms, fixed (0|1), origin ms, amount.
// Returns {allowed (0|1), failed check (0-based, -1), retry after ms (-1:
// never), remaining per check...}. "add" adds every amount whatever the limit.
constexpr char ScriptSource[] = R"lua(
if redis.replicate_commands then pcall(redis.replicate_commands) end
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
local force = ARGV[1] == 'add'
local uid = ARGV[2]
local n = (#ARGV - 2) / 5
local function amountOf(member)
  return tonumber(string.match(member, ':(%d+)$')) or 0
end
local function int(x) return string.format('%.0f', x) end
local checks = {}
local allowed, failed, retry = 1, -1, 0
for i = 1, n do
  local a = 2 + (i - 1) * 5
  local c = {limit = tonumber(ARGV[a + 1]), period = tonumber(ARGV[a + 2]), fixed = ARGV[a + 3] == '1',
             origin = tonumber(ARGV[a + 4]), amount = tonumber(ARGV[a + 5]), k1 = KEYS[2 * i - 1], k2 = KEYS[2 * i]}
  if c.fixed then
    c.w = 0
    if c.period > 0 then c.w = math.floor((now - c.origin) / c.period) end
    local h = redis.call('HMGET', c.k1, 'w', 'n')
    if tonumber(h[1]) == c.w then c.used = tonumber(h[2]) or 0 else c.used = 0 end
  else
    -- Increments that left the window leave the sum (DECRBY keeps its
    -- expiry, the same as the set's: both die together).
    local cutoff = now - c.period
    local sum = redis.call('GET', c.k2)
    c.used = tonumber(sum) or 0
    local old = redis.call('ZRANGEBYSCORE', c.k1, '-inf', cutoff)
    if #old > 0 then
      local gone = 0
      for _, m in ipairs(old) do gone = gone + amountOf(m) end
      redis.call('ZREMRANGEBYSCORE', c.k1, '-inf', cutoff)
      if sum then c.used = redis.call('DECRBY', c.k2, int(gone)) end
    end
    if c.used < 0 then c.used = 0 end
  end
  local fits
  if c.amount > 0 then fits = c.used + c.amount <= c.limit else fits = c.used < c.limit end
  if not fits and allowed == 1 and not force then
    allowed, failed = 0, i - 1
    if c.fixed then
      if c.period > 0 then retry = c.origin + (c.w + 1) * c.period - now else retry = -1 end
    else
      -- When enough of the oldest increments leave the window for this call.
      local wanted = math.max(c.amount, 1)
      local left = c.used
      local start = 0
      retry = c.period
      local found = false
      while not found do
        local chunk = redis.call('ZRANGE', c.k1, start, start + 99, 'WITHSCORES')
        if #chunk == 0 then break end
        for j = 1, #chunk, 2 do
          left = left - amountOf(chunk[j])
          if left + wanted <= c.limit then
            retry = math.max(0, tonumber(chunk[j + 1]) + c.period - now)
            found = true
            break
          end
        end
        start = start + 100
      end
    end
  end
  checks[i] = c
end
local out = {allowed, failed, retry}
for i = 1, n do
  local c = checks[i]
  if (allowed == 1 or force) and c.amount > 0 then
    c.used = c.used + c.amount
    if c.fixed then
      redis.call('HSET', c.k1, 'w', int(c.w), 'n', int(c.used))
      if c.period > 0 then
        redis.call('PEXPIREAT', c.k1, int(c.origin + (c.w + 1) * c.period))
      else
        redis.call('PERSIST', c.k1)
      end
    else
      redis.call('ZADD', c.k1, int(now), uid .. ':' .. i .. ':' .. int(c.amount))
      redis.call('PEXPIRE', c.k1, int(c.period))
      redis.call('SET', c.k2, int(c.used), 'PX', int(c.period))
    end
  end
  out[3 + i] = math.max(0, c.limit - c.used)
end
return out
)lua";

const QByteArray &scriptSha()
{
    static const QByteArray sha =
        QCryptographicHash::hash(RedisRateLimitCounters::script(), QCryptographicHash::Sha1).toHex();
    return sha;
}

} // namespace

RedisRateLimitCounters::RedisRateLimitCounters(RedisClient &client, RateLimitCounters &fallback, const QString &cacheId,
                                               MetricsRegistry *registry, QObject *parent)
    : QObject(parent)
    , m_client(client)
    , m_fallback(fallback)
    , m_instance(QUuid::createUuid().toRfc4122().toHex().left(16))
{
    if (registry) {
        const QStringList labels {QStringLiteral("cache")};
        if (CounterFamily *f = registry->addCounterFamily(
                QStringLiteral("sluice_rate_limit_fallbacks_total"),
                QStringLiteral("Rate-limit and quota calls counted in-process because the external cache failed"),
                labels))
            m_fallbacks = f->withLabels({cacheId});
        if (GaugeFamily *f = registry->addGaugeFamily(
                QStringLiteral("sluice_rate_limit_fallback"),
                QStringLiteral("Worker threads counting rate limits in-process because the external cache failed"),
                labels))
            m_fallingBackGauge = f->withLabels({cacheId});
    }
}

RedisRateLimitCounters::~RedisRateLimitCounters()
{
    setFallingBack(false);
}

const QByteArray &RedisRateLimitCounters::script()
{
    static const QByteArray source(ScriptSource);
    return source;
}

QByteArray RedisRateLimitCounters::redisKey(const QByteArray &group, const QByteArray &key)
{
    // Digests, not the keys themselves: a counter-key may hold a secret (a
    // subscription key) and has no length limit. The kind ("rl", "rlk", "q",
    // "qk": the text before the first '|') stays readable.
    const auto digest = [](const QByteArray &text) {
        return QCryptographicHash::hash(text, QCryptographicHash::Sha256).toHex().left(32);
    };
    const qsizetype bar = key.indexOf('|');
    const QByteArray kind = bar > 0 && bar <= 8 ? key.left(bar) : QByteArrayLiteral("k");
    return QByteArrayLiteral("sluice:rl:{") + digest(group) + QByteArrayLiteral("}:") + kind + ':' + digest(key);
}

void RedisRateLimitCounters::setFallingBack(bool fallingBack)
{
    if (fallingBack == m_fallingBack)
        return;
    m_fallingBack = fallingBack;
    if (m_fallingBackGauge)
        m_fallingBackGauge->increment(fallingBack ? 1.0 : -1.0);
}

void RedisRateLimitCounters::run(bool acquire, const std::vector<RateLimitCheck> &checks,
                                 std::function<void(const RedisResult &)> done)
{
    const RateLimitCheck &first = checks.front();
    const QByteArray &group = first.group.isEmpty() ? first.key : first.group;
    QList<QByteArray> args;
    args.reserve(5 + qsizetype(checks.size()) * 7);
    args << "EVALSHA" << scriptSha() << QByteArray::number(qsizetype(checks.size()) * 2);
    for (const RateLimitCheck &c : checks) {
        const QByteArray key = redisKey(group, c.key);
        args << key + (c.fixedWindow ? ":w" : ":e") << key + ":n";
    }
    args << (acquire ? QByteArrayLiteral("acquire") : QByteArrayLiteral("add"))
         << m_instance + ':' + QByteArray::number(++m_sequence);
    for (const RateLimitCheck &c : checks) {
        args << QByteArray::number(c.limit) << QByteArray::number(c.periodMs) << QByteArray(c.fixedWindow ? "1" : "0")
             << QByteArray::number(c.originMs) << QByteArray::number(std::max<qint64>(0, c.amount));
    }
    const QByteArray routing = args.at(3);
    QPointer<RedisRateLimitCounters> self(this);
    m_client.command(routing, args, [self, args, routing, done = std::move(done)](RedisResult r) mutable {
        if (self && r.ok() && r.reply.isError() && r.reply.string.startsWith("NOSCRIPT")) {
            // First use on this server (or after SCRIPT FLUSH): send the source.
            args[0] = "EVAL";
            args[1] = script();
            self->m_client.command(routing, args, [done = std::move(done)](RedisResult again) { done(again); });
            return;
        }
        done(r);
    });
}

bool RedisRateLimitCounters::parse(const RedisResult &result, size_t checks, RateLimitOutcome *outcome)
{
    const RedisReply &reply = result.reply;
    if (!result.ok() || reply.type != RedisReply::Type::Array || size_t(reply.elements.size()) != 3 + checks)
        return false;
    for (const RedisReply &e : reply.elements) {
        if (e.type != RedisReply::Type::Integer)
            return false;
    }
    outcome->allowed = reply.elements.at(0).integer == 1;
    outcome->failed = outcome->allowed ? -1 : int(reply.elements.at(1).integer);
    const qint64 retry = reply.elements.at(2).integer;
    outcome->retryAfterMs = outcome->allowed ? 0 : (retry < 0 ? RateLimitNeverMs : retry);
    outcome->remaining.clear();
    for (size_t i = 0; i < checks; ++i)
        outcome->remaining.push_back(reply.elements.at(qsizetype(3 + i)).integer);
    return outcome->allowed || (outcome->failed >= 0 && size_t(outcome->failed) < checks);
}

void RedisRateLimitCounters::acquire(std::vector<RateLimitCheck> checks, QObject *context,
                                     std::function<void(RateLimitOutcome)> done)
{
    if (checks.empty()) {
        done(RateLimitOutcome {});
        return;
    }
    QPointer<QObject> ctx(context);
    QPointer<RedisRateLimitCounters> self(this);
    auto shared = std::make_shared<std::vector<RateLimitCheck>>(std::move(checks));
    run(true, *shared, [self, ctx, shared, done = std::move(done)](const RedisResult &r) mutable {
        if (!ctx)
            return;
        RateLimitOutcome outcome;
        if (parse(r, shared->size(), &outcome)) {
            if (self)
                self->setFallingBack(false);
            done(std::move(outcome));
            return;
        }
        if (!self) {
            done(RateLimitOutcome {}); // shutting down: fail open
            return;
        }
        self->setFallingBack(true);
        if (self->m_fallbacks)
            self->m_fallbacks->increment();
        self->m_fallback.acquire(std::move(*shared), ctx.data(), std::move(done));
    });
}

void RedisRateLimitCounters::add(const RateLimitCheck &check)
{
    if (check.amount <= 0)
        return;
    QPointer<RedisRateLimitCounters> self(this);
    run(false, {check}, [self, check](const RedisResult &r) {
        RateLimitOutcome ignored;
        if (!self)
            return;
        if (parse(r, 1, &ignored)) {
            self->setFallingBack(false);
            return;
        }
        self->setFallingBack(true);
        if (self->m_fallbacks)
            self->m_fallbacks->increment();
        self->m_fallback.add(check);
    });
}

} // namespace sluice
