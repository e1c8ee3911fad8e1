#pragma once

#include <QCoreApplication>
#include <QString>

namespace sluice {

struct RedisConnectionStringResult;
struct RedisProbeResult;

// The words the external-cache widgets show for a connection test and for a
// connection string that does not parse; never a secret.
class CacheTexts
{
    Q_DECLARE_TR_FUNCTIONS(CacheTexts)

public:
    // "PING 0.4 ms · Redis 7.2.4 · TLS off · single node", or the error.
    static QString probeSummary(const RedisProbeResult &result);
    // "round trip" column: "0.42 ms", or empty.
    static QString latency(double roundTripMs);
    // The parser's error with its 1-based character position.
    static QString parseProblem(const RedisConnectionStringResult &parsed);
};

} // namespace sluice
