#include "InternalCacheEntry.h"

#include "InternalCache.h"

#include <cstring>
#include <new>

namespace sluice {

static_assert(sizeof(InternalCacheEntry) == 64, "node layout: 3 pointers, QByteArray, expiry, hash, key size");
static_assert(alignof(InternalCacheEntry) <= alignof(std::max_align_t));

InternalCacheEntry::InternalCacheEntry(quint32 hash, quint32 keySize, QByteArray value, qint64 expiresAtMs) noexcept
    : m_value(std::move(value))
    , m_expiresAtMs(expiresAtMs)
    , m_hash(hash)
    , m_keySize(keySize)
{ }

InternalCacheEntry *InternalCacheEntry::create(QByteArrayView key, quint32 hash, QByteArray value, qint64 expiresAtMs)
{
    void *memory = ::operator new(sizeof(InternalCacheEntry) + std::size_t(key.size()));
    auto *entry = new (memory) InternalCacheEntry(hash, quint32(key.size()), std::move(value), expiresAtMs);
    if (!key.isEmpty())
        std::memcpy(entry->keyData(), key.data(), std::size_t(key.size()));
    return entry;
}

void InternalCacheEntry::destroy(InternalCacheEntry *entry) noexcept
{
    if (!entry)
        return;
    entry->~InternalCacheEntry();
    ::operator delete(static_cast<void *>(entry));
}

qint64 InternalCacheEntry::charge() const noexcept
{
    return InternalCache::chargeFor(qint64(m_keySize), m_value.size());
}

} // namespace sluice
