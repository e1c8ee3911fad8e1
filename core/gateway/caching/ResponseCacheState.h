#pragma once

#include "RequestCollapser.h"

#include <QByteArray>
#include <QString>

#include <optional>

namespace sluice {

class CacheMetrics;
class CacheStore;
struct HttpResponse;

// downstream-caching-type of cache-lookup.
enum class DownstreamCaching { None, Private, Public };

// What cache-lookup decided for one request; cache-store and the response
// writer read it. Lives in the RequestContext.
struct ResponseCacheState
{
    enum class Outcome { Bypass, Hit, Miss };

    Outcome outcome = Outcome::Bypass;
    CacheStore *store = nullptr;     // null on a bypass without a store
    CacheMetrics *metrics = nullptr; // null when not measured
    QByteArray key;
    DownstreamCaching downstream = DownstreamCaching::None;
    bool mustRevalidate = true;
    // Seconds the copy served (hit) or stored (miss) stays fresh; nullopt when
    // there is no copy.
    std::optional<qint64> freshSeconds;
    // A leading miss releases the waiters when it stores or when the request ends.
    std::optional<CollapseLease> lease;

    // Applies the downstream caching headers (README "Response caching"):
    //   none:    Cache-Control: no-store (Expires removed), whatever the backend said
    //   private: Cache-Control: private, max-age=<fresh seconds>[, must-revalidate]
    //   public:  Cache-Control: public, max-age=<fresh seconds>[, must-revalidate]
    // For private and public a response with no cached copy (a bypass, or a
    // miss that was not stored) keeps the backend's own Cache-Control.
    void applyDownstreamHeaders(HttpResponse &response) const;
};

} // namespace sluice
