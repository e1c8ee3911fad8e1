// sluice-bench-cache-memory: what the built-in cache costs per entry.
//
// Stores --entries values of --value-bytes (default 100,000 x 1 KiB) under
// ~60-byte keys in one InternalCache (default options) and prints the resident
// memory before and after, the payload (key + value bytes), the overhead per
// entry beyond key and value, and the check "RSS after <= 1.3 x payload + idle
// RSS". The heap in use (glibc mallinfo2) is printed too: it is what the
// allocator hands out, without page granularity or memory returned late.
//
// Then, when Google Benchmark is installed, lookups (hits) and stores per
// second on the filled cache, one and two threads (--no-throughput skips them;
// other arguments go to Google Benchmark, e.g. --benchmark_min_time=1).

#include "cache/InternalCache.h"

#include <QByteArray>

#include <malloc.h>
#include <unistd.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <string>
#include <vector>

#ifdef SLUICE_HAVE_GOOGLE_BENCHMARK
#include <benchmark/benchmark.h>
#endif

using namespace sluice;

namespace {

constexpr qint64 ttlMs = 3600 * 1000;
constexpr int keyBytes = 60;

qint64 residentBytes()
{
    std::ifstream statm("/proc/self/statm");
    long long pages = 0;
    long long resident = 0;
    statm >> pages >> resident;
    return resident * sysconf(_SC_PAGESIZE);
}

qint64 heapInUseBytes()
{
    const struct mallinfo2 info = mallinfo2();
    return qint64(info.uordblks + info.hblkhd);
}

// A key like the caching policies make: method, host, path, then a number;
// exactly keyBytes long.
QByteArray keyFor(int index)
{
    QByteArray key = QByteArrayLiteral("GET:https://api.example.com/v1/orders/");
    key.append(QByteArray::number(index).rightJustified(10, '0'));
    key.append(QByteArrayLiteral("?page=1&size=50"));
    key.resize(keyBytes, '_');
    return key;
}

// A value with every byte written (so its pages are resident), of exactly `size` bytes.
QByteArray valueFor(int index, qsizetype size)
{
    QByteArray value(size, Qt::Uninitialized);
    std::memset(value.data(), 'a' + index % 26, std::size_t(size));
    return value;
}

double mib(qint64 bytes)
{
    return double(bytes) / (1024.0 * 1024.0);
}

void measureMemory(InternalCache &cache, int entries, qsizetype valueBytes)
{
    // Warm up what a store touches once (hash seed, shard tables, translations)
    // so that the idle figure holds everything but the entries.
    {
        const CacheWrite warm = cache.storeNow(keyFor(-1), valueFor(0, valueBytes), ttlMs);
        Q_UNUSED(warm);
        cache.removeNow(keyFor(-1));
    }
    malloc_trim(0);
    const qint64 idleRss = residentBytes();
    const qint64 idleHeap = heapInUseBytes();

    qint64 payload = 0;
    int refused = 0;
    for (int i = 0; i < entries; ++i) {
        const QByteArray key = keyFor(i);
        const QByteArray value = valueFor(i, valueBytes);
        payload += key.size() + value.size();
        if (!cache.storeNow(key, value, ttlMs).ok)
            ++refused;
    }
    const qint64 afterRss = residentBytes();
    const qint64 afterHeap = heapInUseBytes();
    const InternalCacheStats stats = cache.stats();

    const double rssOverhead = double(afterRss - idleRss - payload) / entries;
    const double heapOverhead = double(afterHeap - idleHeap - payload) / entries;
    const double ratio = double(afterRss - idleRss) / double(payload);
    const bool meetsTarget = afterRss <= qint64(1.3 * double(payload)) + idleRss && rssOverhead < 150.0 && refused == 0;

    std::printf("InternalCache memory: %d entries, %d-byte keys, %lld-byte values, %d shards\n", entries, keyBytes,
                static_cast<long long>(valueBytes), cache.shardCount());
    std::printf("  idle RSS                  %10.1f MiB\n", mib(idleRss));
    std::printf("  RSS after                 %10.1f MiB\n", mib(afterRss));
    std::printf("  payload (keys + values)   %10.1f MiB\n", mib(payload));
    std::printf("  overhead per entry (RSS)  %10.1f bytes   (target < 150)\n", rssOverhead);
    std::printf("  overhead per entry (heap) %10.1f bytes   (malloc in use, without page rounding)\n", heapOverhead);
    std::printf("  (RSS after - idle)/payload %9.3f         (target <= 1.3)\n", ratio);
    std::printf("  entries stored %lld, refused %d, evictions %llu, charged %.1f MiB of %.1f MiB\n",
                static_cast<long long>(stats.entries), refused, static_cast<unsigned long long>(stats.evictions),
                mib(stats.bytes), mib(stats.capacityBytes));
    std::printf("  %s\n",
                meetsTarget ? "meets the target: RSS after <= 1.3 x payload + idle RSS"
                            : "MISSES the target: RSS after <= 1.3 x payload + idle RSS");
    std::fflush(stdout);
}

#ifdef SLUICE_HAVE_GOOGLE_BENCHMARK

InternalCache *benchCache = nullptr;
std::vector<QByteArray> benchKeys;
std::vector<QByteArray> missingKeys;

// Walks the keys of one benchmark thread: thread t of n takes keys t, t + n,
// t + 2n, ... of the first range(0) keys, so threads work on different keys
// (spread over all shards), as gateway workers serving different requests do.
// range(0) is either a hot set that stays in the CPU caches or all keys (each
// lookup then waits on memory for the node, its LRU neighbours and the value's
// reference count).
class KeyCursor
{
public:
    KeyCursor(const benchmark::State &state, const std::vector<QByteArray> &keys)
        : m_keys(keys)
        , m_count(std::min(keys.size(), std::size_t(state.range(0))))
        , m_step(std::size_t(state.threads()))
        , m_index(std::size_t(state.thread_index()) % m_count)
        , m_first(m_index)
    { }
    const QByteArray &next()
    {
        const QByteArray &key = m_keys[m_index];
        m_index += m_step;
        if (m_index >= m_count)
            m_index = m_first;
        return key;
    }

private:
    const std::vector<QByteArray> &m_keys;
    std::size_t m_count;
    std::size_t m_step;
    std::size_t m_index;
    std::size_t m_first;
};

void lookupHits(benchmark::State &state)
{
    KeyCursor keys(state, benchKeys);
    qint64 bytes = 0;
    for (auto _ : state) {
        const std::optional<CacheLookup> hit = benchCache->lookupNow(keys.next());
        bytes += hit->value.size();
        benchmark::DoNotOptimize(bytes);
    }
    state.SetItemsProcessed(state.iterations());
}

void lookupMisses(benchmark::State &state)
{
    KeyCursor keys(state, missingKeys);
    for (auto _ : state) {
        const std::optional<CacheLookup> miss = benchCache->lookupNow(keys.next());
        benchmark::DoNotOptimize(miss->status);
    }
    state.SetItemsProcessed(state.iterations());
}

// Overwrites existing keys with a shared 1 KiB value: the cost of the store
// itself (node allocation, locking, replacing), not of building the value.
void storeOverwrites(benchmark::State &state)
{
    const QByteArray value = valueFor(state.thread_index(), 1024);
    KeyCursor keys(state, benchKeys);
    for (auto _ : state) {
        const CacheWrite write = benchCache->storeNow(keys.next(), value, ttlMs);
        benchmark::DoNotOptimize(write.ok);
    }
    state.SetItemsProcessed(state.iterations());
}

BENCHMARK(lookupHits)->ArgName("keys")->Arg(1000)->Arg(100000)->Threads(1)->Threads(2)->UseRealTime();
BENCHMARK(lookupMisses)->ArgName("keys")->Arg(1000)->Threads(1)->Threads(2)->UseRealTime();
BENCHMARK(storeOverwrites)->ArgName("keys")->Arg(1000)->Arg(100000)->Threads(1)->Threads(2)->UseRealTime();

#endif

} // namespace

int main(int argc, char **argv)
{
    int entries = 100000;
    qsizetype valueBytes = 1024;
    bool throughput = true;
    std::vector<char *> passOn {argv[0]};
    for (int i = 1; i < argc; ++i) {
        const std::string arg = argv[i];
        if (arg == "--entries" && i + 1 < argc) {
            entries = std::max(1, std::atoi(argv[++i]));
        } else if (arg == "--value-bytes" && i + 1 < argc) {
            valueBytes = std::max(0, std::atoi(argv[++i]));
        } else if (arg == "--no-throughput") {
            throughput = false;
        } else if (arg == "--help" || arg == "-h") {
            std::printf("usage: %s [--entries N] [--value-bytes N] [--no-throughput] [Google Benchmark options]\n",
                        argv[0]);
            return 0;
        } else {
            passOn.push_back(argv[i]);
        }
    }

    InternalCache cache;
    measureMemory(cache, entries, valueBytes);

#ifdef SLUICE_HAVE_GOOGLE_BENCHMARK
    if (throughput) {
        benchCache = &cache;
        benchKeys.reserve(std::size_t(entries));
        for (int i = 0; i < entries; ++i)
            benchKeys.push_back(keyFor(i));
        for (int i = 0; i < 1000; ++i)
            missingKeys.push_back(keyFor(entries + i));
        int passOnCount = int(passOn.size());
        benchmark::Initialize(&passOnCount, passOn.data());
        if (benchmark::ReportUnrecognizedArguments(passOnCount, passOn.data()))
            return 2;
        std::printf("\nInternalCache throughput on the filled cache (items/s = operations per second, all threads):\n");
        std::fflush(stdout);
        benchmark::RunSpecifiedBenchmarks();
        benchmark::Shutdown();
    }
#else
    Q_UNUSED(throughput);
    if (passOn.size() > 1) {
        std::fprintf(stderr, "unknown argument: %s\n", passOn[1]);
        return 2;
    }
#endif
    return 0;
}
