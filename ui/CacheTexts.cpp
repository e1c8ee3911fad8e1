#include "CacheTexts.h"

#include "redis/RedisConnectionProbe.h"
#include "redis/RedisConnectionString.h"

namespace sluice {

QString CacheTexts::probeSummary(const RedisProbeResult &result)
{
    if (!result.ok)
        return tr("Connection failed: %1").arg(result.error);
    return tr("Connected: PING %1, Redis %2, %3, %4")
        .arg(latency(result.roundTripMs), result.serverVersion.isEmpty() ? tr("unknown version") : result.serverVersion,
             result.tls ? tr("TLS on") : tr("TLS off"), result.cluster ? tr("cluster mode") : tr("single node"));
}

QString CacheTexts::latency(double roundTripMs)
{
    if (roundTripMs < 0)
        return QString();
    return tr("%1 ms").arg(roundTripMs, 0, 'f', roundTripMs < 10 ? 2 : 0);
}

QString CacheTexts::parseProblem(const RedisConnectionStringResult &parsed)
{
    if (parsed.options)
        return QString();
    if (parsed.errorPosition >= 0)
        return tr("%1 (at character %2)").arg(parsed.error).arg(parsed.errorPosition + 1);
    return parsed.error;
}

} // namespace sluice
