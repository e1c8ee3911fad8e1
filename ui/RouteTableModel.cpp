#include "RouteTableModel.h"

#include "DashboardModel.h"

#include <QLocale>

namespace sluice {

RouteTableModel::RouteTableModel(const DashboardModel *dashboard, QObject *parent)
    : QAbstractTableModel(parent)
    , m_dashboard(dashboard)
{
    connect(m_dashboard, &DashboardModel::updated, this, &RouteTableModel::refresh);
    refresh();
}

void RouteTableModel::refresh()
{
    const int rows = static_cast<int>(m_dashboard->routes().size());
    if (rows != m_rows) {
        beginResetModel();
        m_rows = rows;
        endResetModel();
        return;
    }
    if (rows > 0)
        Q_EMIT dataChanged(index(0, 0), index(rows - 1, ColumnCount - 1), {Qt::DisplayRole, Qt::UserRole});
}

int RouteTableModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : m_rows;
}

int RouteTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant RouteTableModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_dashboard->routes().size())
        return {};
    const DashboardRoute &route = m_dashboard->routes()[index.row()];
    const DashboardTotals &t = route.totals;
    if (role == Qt::TextAlignmentRole && index.column() >= Requests)
        return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
    if (role != Qt::DisplayRole && role != Qt::UserRole)
        return {};
    const bool raw = role == Qt::UserRole;
    auto number = [&](double v) -> QVariant { return raw ? QVariant(v) : QVariant(QLocale().toString(qint64(v))); };
    switch (index.column()) {
    case Api:
        return route.api.isEmpty() ? tr("(no API)") : route.api;
    case Operation:
        return route.operation.isEmpty() ? tr("(none)") : route.operation;
    case Requests:
        return number(t.requests);
    case Hits:
        return number(t.hits);
    case Misses:
        return number(t.misses);
    case Bypasses:
        return number(t.bypasses);
    case HitRatio:
        if (raw)
            return t.hitRatio();
        return t.hits + t.misses > 0 ? tr("%1 %").arg(QLocale().toString(t.hitRatio() * 100.0, 'f', 1)) : tr("–");
    case Avoided:
        return number(t.backendAvoided);
    default:
        return {};
    }
}

QVariant RouteTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case Api:
        return tr("API");
    case Operation:
        return tr("Operation");
    case Requests:
        return tr("Requests");
    case Hits:
        return tr("Hits");
    case Misses:
        return tr("Misses");
    case Bypasses:
        return tr("Bypasses");
    case HitRatio:
        return tr("Hit ratio");
    case Avoided:
        return tr("Backend calls avoided");
    default:
        return {};
    }
}

} // namespace sluice
