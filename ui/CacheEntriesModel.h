#pragma once

#include "CacheEntrySource.h"
#include "gateway/caching/ResponseCacheKey.h"

#include <QAbstractTableModel>
#include <QTimer>

#include <functional>
#include <memory>
#include <optional>

namespace sluice {

// The entries of one cache store for the Cache browser, a page at a time:
// the key (a response key decoded into API, operation and what it varies by),
// the size and the time left to live, which counts down every second from
// what the store said (no new query). The view's scrolling asks for the next
// page (fetchMore); loadMore() does the same for a button. Removing one entry
// takes its row away; removing by prefix and purging load the listing again.
class CacheEntriesModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column { Key, Api, Operation, VariesBy, Size, TimeToLive, ColumnCount };
    enum Role { KeyRole = Qt::UserRole + 1, SortRole };
    // Monotonic milliseconds; the TTLs count down by it.
    using Clock = std::function<qint64()>;

    static constexpr int defaultPageSize = 500;

    explicit CacheEntriesModel(QObject *parent = nullptr, Clock clock = {});
    ~CacheEntriesModel() override;

    // The store to browse, listed from its first page; null with the reason
    // there is nothing to browse (the gateway is stopped).
    void setSource(std::unique_ptr<CacheEntrySource> source, const QString &unavailableReason = {});
    CacheEntrySource *source() const { return m_source.get(); }
    void setPageSize(int entries) { m_pageSize = std::max(1, entries); }
    int pageSize() const { return m_pageSize; }
    // Lists only keys that start with `prefix` (from the first page).
    void setPrefix(const QByteArray &prefix);
    QByteArray prefix() const { return m_prefix; }

    void reload();
    void loadMore();
    bool hasMore() const { return m_more; }
    bool isLoading() const { return m_loading; }
    // The last failure of the store (listing, removing, purging); empty after a success.
    QString error() const { return m_error; }
    // "2,500 entries, more to load", "Loading...", or why there is nothing to browse.
    QString statusText() const;

    QByteArray keyAt(int row) const;
    int rowOf(const QByteArray &key) const;
    // What the entry's time to live is now: -1 without expiry.
    qint64 remainingMs(int row) const;

    void remove(const QByteArray &key);
    // Removes every entry whose key starts with `prefix` ("" is all of them).
    void purge(const QByteArray &prefix);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    bool canFetchMore(const QModelIndex &parent) const override;
    void fetchMore(const QModelIndex &parent) override;

    // The once-a-second countdown (public for tests with their own clock).
    void tick();

    // "42 s", "3 min 05 s", "2 h 10 min"; "no expiry"; "expired".
    static QString timeToLiveText(qint64 remainingMs);

Q_SIGNALS:
    // Loading, error, status text or hasMore changed.
    void stateChanged();
    // A removal or purge finished: what it did, for the status line.
    void written(const QString &message);

private:
    struct Row
    {
        CacheEntryInfo info;
        std::optional<ResponseCacheKey::Parts> parts;
        qint64 listedAtMs = 0;
    };
    void onPage(quint64 generation, CacheEntryPage page);
    void setError(const QString &error);

    Clock m_clock;
    std::unique_ptr<CacheEntrySource> m_source;
    QString m_unavailable;
    QByteArray m_prefix;
    int m_pageSize = defaultPageSize;
    QList<Row> m_rows;
    bool m_more = false;
    bool m_loading = false;
    QString m_error;
    quint64 m_generation = 0;
    QTimer m_timer;
};

} // namespace sluice
