#pragma once

#include <QWidget>

class QLabel;
class QLineSeries;
class QValueAxis;

namespace sluice {

class DashboardModel;

// Live cache figures from a DashboardModel: hits, misses, bypasses, hit
// ratio, backend calls avoided, the built-in cache's size, hits and misses per
// second over the last minutes, and the per-operation table.
class DashboardPage : public QWidget
{
    Q_OBJECT

public:
    explicit DashboardPage(DashboardModel *model, QWidget *parent = nullptr);

private:
    void refresh();
    QLabel *figure(const QString &objectName, const QString &accessibleName);

    DashboardModel *m_model;
    QLabel *m_hits;
    QLabel *m_misses;
    QLabel *m_bypasses;
    QLabel *m_ratio;
    QLabel *m_avoided;
    QLabel *m_errors;
    QLabel *m_cache;
    QLabel *m_verdict;
    QLineSeries *m_hitSeries;
    QLineSeries *m_missSeries;
    QValueAxis *m_timeAxis;
    QValueAxis *m_rateAxis;
};

} // namespace sluice
