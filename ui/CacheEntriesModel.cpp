#include "CacheEntriesModel.h"

#include <QElapsedTimer>
#include <QLocale>

namespace sluice {

namespace {

qint64 monotonicMs()
{
    static QElapsedTimer clock = [] {
        QElapsedTimer t;
        t.start();
        return t;
    }();
    return clock.elapsed();
}

// What a response key varies by: the backend URL, the query and the varied fields.
QString variesByText(const ResponseCacheKey::Parts &parts)
{
    QStringList fields {parts.backendUrl + (parts.query.isEmpty() ? QString() : QLatin1Char('?') + parts.query)};
    fields += parts.varied;
    return fields.join(QStringLiteral(" | "));
}

} // namespace

CacheEntriesModel::CacheEntriesModel(QObject *parent, Clock clock)
    : QAbstractTableModel(parent)
    , m_clock(clock ? std::move(clock) : Clock(monotonicMs))
{
    m_timer.setInterval(1000);
    connect(&m_timer, &QTimer::timeout, this, &CacheEntriesModel::tick);
    m_timer.start();
}

CacheEntriesModel::~CacheEntriesModel() = default;

void CacheEntriesModel::setSource(std::unique_ptr<CacheEntrySource> source, const QString &unavailableReason)
{
    m_source = std::move(source);
    m_unavailable = unavailableReason;
    reload();
}

void CacheEntriesModel::setPrefix(const QByteArray &prefix)
{
    m_prefix = prefix;
    reload();
}

void CacheEntriesModel::reload()
{
    ++m_generation;
    beginResetModel();
    m_rows.clear();
    endResetModel();
    m_more = false;
    m_loading = false;
    m_error.clear();
    if (m_source) {
        m_source->restart(m_prefix);
        m_more = true;
        loadMore();
    }
    Q_EMIT stateChanged();
}

void CacheEntriesModel::loadMore()
{
    if (!m_source || m_loading || !m_more)
        return;
    m_loading = true;
    const quint64 generation = m_generation;
    m_source->nextPage(m_pageSize, [this, generation](CacheEntryPage page) { onPage(generation, std::move(page)); });
    Q_EMIT stateChanged();
}

void CacheEntriesModel::onPage(quint64 generation, CacheEntryPage page)
{
    if (generation != m_generation)
        return;
    m_loading = false;
    m_more = page.ok && page.more;
    if (!page.ok) {
        setError(page.error);
        return;
    }
    m_error.clear();
    if (!page.entries.isEmpty()) {
        const qint64 now = m_clock();
        beginInsertRows({}, int(m_rows.size()), int(m_rows.size() + page.entries.size() - 1));
        for (CacheEntryInfo &info : page.entries) {
            std::optional<ResponseCacheKey::Parts> parts = ResponseCacheKey::decode(info.key);
            m_rows.append({std::move(info), std::move(parts), now});
        }
        endInsertRows();
    }
    Q_EMIT stateChanged();
}

void CacheEntriesModel::setError(const QString &error)
{
    m_error = error;
    Q_EMIT stateChanged();
}

QString CacheEntriesModel::statusText() const
{
    if (!m_source)
        return m_unavailable;
    if (m_loading)
        return tr("Loading...");
    const int n = int(m_rows.size());
    return m_more ? tr("%n entries shown, more to load", nullptr, n) : tr("%n entries", nullptr, n);
}

QByteArray CacheEntriesModel::keyAt(int row) const
{
    return row >= 0 && row < m_rows.size() ? m_rows.at(row).info.key : QByteArray();
}

int CacheEntriesModel::rowOf(const QByteArray &key) const
{
    for (int i = 0; i < m_rows.size(); ++i) {
        if (m_rows.at(i).info.key == key)
            return i;
    }
    return -1;
}

qint64 CacheEntriesModel::remainingMs(int row) const
{
    const Row &r = m_rows.at(row);
    if (r.info.ttlMs < 0)
        return -1;
    return std::max<qint64>(0, r.info.ttlMs - (m_clock() - r.listedAtMs));
}

void CacheEntriesModel::remove(const QByteArray &key)
{
    if (!m_source)
        return;
    const quint64 generation = m_generation;
    m_source->remove(key, [this, key, generation](CacheWrite write) {
        if (!write.ok) {
            setError(write.error);
            return;
        }
        const int row = generation == m_generation ? rowOf(key) : -1;
        if (row >= 0) {
            beginRemoveRows({}, row, row);
            m_rows.removeAt(row);
            endRemoveRows();
        }
        m_error.clear();
        Q_EMIT stateChanged();
        Q_EMIT written(write.count ? tr("Removed the entry.") : tr("The entry was gone already."));
    });
}

void CacheEntriesModel::purge(const QByteArray &prefix)
{
    if (!m_source)
        return;
    m_source->purge(prefix, [this](CacheWrite write) {
        if (!write.ok) {
            setError(write.error);
            return;
        }
        reload();
        Q_EMIT written(tr("Removed %n entries.", nullptr, int(write.count)));
    });
}

int CacheEntriesModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int CacheEntriesModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant CacheEntriesModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_rows.size())
        return {};
    const Row &r = m_rows.at(index.row());
    if (role == KeyRole)
        return r.info.key;
    if (role == Qt::TextAlignmentRole && (index.column() == Size || index.column() == TimeToLive))
        return int(Qt::AlignRight | Qt::AlignVCenter);
    if (role == SortRole) {
        switch (index.column()) {
        case Size:
            return r.info.sizeBytes;
        case TimeToLive:
            return remainingMs(index.row());
        default:
            break;
        }
        role = Qt::DisplayRole;
    }
    if (role != Qt::DisplayRole && role != Qt::ToolTipRole)
        return {};
    switch (index.column()) {
    case Key:
        return QString::fromUtf8(r.info.key);
    case Api:
        return r.parts ? r.parts->api : QString();
    case Operation:
        return r.parts ? r.parts->operation : QString();
    case VariesBy:
        if (r.parts)
            return variesByText(*r.parts);
        if (r.info.key.startsWith(ResponseCacheKey::valuePrefix()))
            return tr("value %1").arg(QString::fromUtf8(r.info.key.sliced(ResponseCacheKey::valuePrefix().size())));
        return QString();
    case Size:
        return r.info.sizeBytes < 0 ? tr("–") : QLocale().formattedDataSize(r.info.sizeBytes);
    case TimeToLive:
        return timeToLiveText(remainingMs(index.row()));
    default:
        return {};
    }
}

QVariant CacheEntriesModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case Key:
        return tr("Key");
    case Api:
        return tr("API");
    case Operation:
        return tr("Operation");
    case VariesBy:
        return tr("Backend URL and varied parts");
    case Size:
        return tr("Size");
    case TimeToLive:
        return tr("Time to live");
    default:
        return {};
    }
}

bool CacheEntriesModel::canFetchMore(const QModelIndex &parent) const
{
    return !parent.isValid() && m_source && m_more && !m_loading && m_error.isEmpty();
}

void CacheEntriesModel::fetchMore(const QModelIndex &parent)
{
    if (!parent.isValid())
        loadMore();
}

void CacheEntriesModel::tick()
{
    if (!m_rows.isEmpty())
        Q_EMIT dataChanged(index(0, TimeToLive), index(int(m_rows.size()) - 1, TimeToLive), {Qt::DisplayRole});
}

QString CacheEntriesModel::timeToLiveText(qint64 remainingMs)
{
    if (remainingMs < 0)
        return tr("no expiry");
    if (remainingMs == 0)
        return tr("expired");
    const qint64 seconds = (remainingMs + 999) / 1000; // 0.2 s left still shows as 1 s
    if (seconds < 60)
        return tr("%1 s").arg(seconds);
    if (seconds < 3600)
        return tr("%1 min %2 s").arg(seconds / 60).arg(seconds % 60, 2, 10, QLatin1Char('0'));
    return tr("%1 h %2 min").arg(seconds / 3600).arg((seconds % 3600) / 60, 2, 10, QLatin1Char('0'));
}

} // namespace sluice
