#pragma once

#include <QtGlobal>

namespace sluice {

// The figures of one InternalCache at one moment (each exact; the set is not a
// transaction across shards while other threads write).
struct InternalCacheStats
{
    qint64 entries = 0; // stored entries, including expired ones not yet removed
    qint64 bytes = 0; // charged against the budget: key + value + overhead per entry
    qint64 capacityBytes = 0; // the budget
    quint64 evictions = 0; // live entries removed to make room (LRU)
    quint64 expirations = 0; // entries removed because their time to live had passed
};

} // namespace sluice
