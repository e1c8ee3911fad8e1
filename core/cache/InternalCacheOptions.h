#pragma once

#include <QtGlobal>

#include <functional>

namespace sluice {

// How an InternalCache is sized and timed. The defaults suit a gateway; the
// gateway passes the workspace's cache settings.
struct InternalCacheOptions
{
    // Monotonic milliseconds (any origin); empty = std::chrono::steady_clock.
    // Must be thread-safe: every worker thread calls it. Tests inject one to
    // expire entries without sleeping.
    using Clock = std::function<qint64()>;

    // Memory the entries may be charged for: key + value + a fixed per-entry
    // overhead (InternalCache::entryOverheadBytes). Least recently used entries
    // are evicted to stay within it.
    qint64 capacityBytes = 256 * 1024 * 1024;
    // The largest value store() accepts (bytes).
    qint64 maxEntryBytes = 2 * 1024 * 1024;
    // Independent shards (each with its own lock, LRU list and equal part of the
    // budget). Rounded down to a power of two in [1, 256], then halved while a
    // shard's part of the budget could not hold one entry of the largest size.
    int shardCount = 32;
    Clock clock;
};

} // namespace sluice
