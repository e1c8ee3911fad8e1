#pragma once

#include <QAbstractTableModel>

namespace sluice {

class DashboardModel;

// The Dashboard's per API / operation table, fed from a DashboardModel. Sort
// through a QSortFilterProxyModel: Qt::UserRole holds the raw number.
class RouteTableModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column { Api, Operation, Requests, Hits, Misses, Bypasses, HitRatio, Avoided, ColumnCount };

    explicit RouteTableModel(const DashboardModel *dashboard, QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    void refresh();

    const DashboardModel *m_dashboard;
    int m_rows = 0;
};

} // namespace sluice
