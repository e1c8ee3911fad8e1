#pragma once

#include <QWidget>

#include <array>

class QLabel;
class QLineSeries;
class QValueAxis;

namespace sluice {

class ConnectionStringKeychain;
class DashboardModel;
class ExternalStoreMonitor;
class WorkspaceDocument;

// Live cache figures from a DashboardModel: hits, misses, bypasses, hit
// ratio, backend calls avoided, the built-in cache's size, hits and misses per
// second over the last minutes, response times (p50, p95) by cache outcome,
// the external caches' sizes and errors, and the per-operation table.
class DashboardPage : public QWidget
{
    Q_OBJECT

public:
    // With a `document`, the page measures its external caches (ExternalStoreMonitor) into the model.
    // With a document, the external caches' sizes are polled in the background
    // (`keychain` reads connection strings kept there; may be null).
    explicit DashboardPage(DashboardModel *model, WorkspaceDocument *document = nullptr,
                           ConnectionStringKeychain *keychain = nullptr, QWidget *parent = nullptr);

private:
    void refresh();
    QLabel *figure(const QString &objectName, const QString &accessibleName);
    QLayout *createLatencyGrid();
    void refreshLatency();
    void refreshStores();

    DashboardModel *m_model;
    QLabel *m_hits;
    QLabel *m_misses;
    QLabel *m_bypasses;
    QLabel *m_ratio;
    QLabel *m_avoided;
    QLabel *m_errors;
    QLabel *m_cache;
    QLabel *m_verdict;
    QLabel *m_stores;
    // Per outcome ("hit", "miss", "bypass", "none"): requests, p50, p95.
    QList<std::pair<QString, std::array<QLabel *, 3>>> m_latency;
    QLineSeries *m_hitSeries;
    QLineSeries *m_missSeries;
    QValueAxis *m_timeAxis;
    QValueAxis *m_rateAxis;
};

} // namespace sluice
