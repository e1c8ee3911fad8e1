#pragma once

#include <QByteArray>
#include <QByteArrayView>

namespace sluice {

// One entry of the built-in cache: a node of its shard's hash chain and LRU
// list, followed in the same allocation by the key bytes. The value is a
// QByteArray (implicitly shared, so a hit hands it out without copying).
// 64 bytes + key; one allocation for node and key, one for the value.
class InternalCacheEntry
{
public:
    // Allocates node and key together.
    static InternalCacheEntry *create(QByteArrayView key, quint32 hash, QByteArray value, qint64 expiresAtMs);
    static void destroy(InternalCacheEntry *entry) noexcept;

    InternalCacheEntry(const InternalCacheEntry &) = delete;
    InternalCacheEntry &operator=(const InternalCacheEntry &) = delete;

    QByteArrayView key() const noexcept { return {keyData(), qsizetype(m_keySize)}; }
    quint32 hash() const noexcept { return m_hash; }
    const QByteArray &value() const noexcept { return m_value; }
    qint64 expiresAtMs() const noexcept { return m_expiresAtMs; }
    bool isExpired(qint64 nowMs) const noexcept { return nowMs >= m_expiresAtMs; }
    // What the entry counts against the budget.
    qint64 charge() const noexcept;

    InternalCacheEntry *hashNext = nullptr; // next in the bucket's chain (or in a free list)
    InternalCacheEntry *lruPrev = nullptr; // more recently used
    InternalCacheEntry *lruNext = nullptr; // less recently used

private:
    InternalCacheEntry(quint32 hash, quint32 keySize, QByteArray value, qint64 expiresAtMs) noexcept;
    ~InternalCacheEntry() = default;

    const char *keyData() const noexcept { return reinterpret_cast<const char *>(this) + sizeof(InternalCacheEntry); }
    char *keyData() noexcept { return reinterpret_cast<char *>(this) + sizeof(InternalCacheEntry); }

    QByteArray m_value;
    qint64 m_expiresAtMs;
    quint32 m_hash;
    quint32 m_keySize;
};

} // namespace sluice
