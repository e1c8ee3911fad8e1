#pragma once

#include <QCoreApplication>
#include <QString>

#include <optional>

namespace sluice {

// The gateway's RFC 9211 `Cache-Status` entry (`sluice; hit; ttl=42`,
// `sluice; fwd=miss; stored`, `sluice; fwd=bypass; detail=method`) in words.
class CacheStatusExplanation
{
    Q_DECLARE_TR_FUNCTIONS(CacheStatusExplanation)

public:
    enum class Outcome { None, Hit, Miss, Bypass, Other };

    // Parses the header value (a list; the "sluice" entry counts). An empty
    // value means no cache policy ran.
    static CacheStatusExplanation parse(const QString &headerValue);

    Outcome outcome() const { return m_outcome; }
    std::optional<int> ttlSeconds() const { return m_ttl; }
    bool stored() const { return m_stored; }
    bool collapsed() const { return m_collapsed; }
    QString detail() const { return m_detail; }

    // One translated sentence, e.g. "Served from the gateway's cache, 42 s left."
    QString text() const;

private:
    Outcome m_outcome = Outcome::None;
    std::optional<int> m_ttl;
    bool m_stored = false;
    bool m_collapsed = false;
    QString m_detail;
    QString m_raw;
};

} // namespace sluice
