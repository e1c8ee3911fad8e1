#include "DashboardPage.h"

#include "DashboardModel.h"
#include "ExternalStoreMonitor.h"
#include "RouteTableModel.h"

#include <QChart>
#include <QChartView>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineSeries>
#include <QLocale>
#include <QPushButton>
#include <QSortFilterProxyModel>
#include <QSplitter>
#include <QTableView>
#include <QVBoxLayout>
#include <QValueAxis>

#include <algorithm>

namespace sluice {

namespace {

// A latency as the dashboard shows it: "0.42 ms", "120 ms", "1.5 s".
QString latencyText(double seconds)
{
    const QLocale locale;
    if (seconds < 0.01)
        return DashboardPage::tr("%1 ms").arg(locale.toString(seconds * 1000.0, 'f', 2));
    if (seconds < 1)
        return DashboardPage::tr("%1 ms").arg(locale.toString(seconds * 1000.0, 'f', 0));
    return DashboardPage::tr("%1 s").arg(locale.toString(seconds, 'f', 1));
}

} // namespace

DashboardPage::DashboardPage(DashboardModel *model, WorkspaceDocument *document, ConnectionStringKeychain *keychain,
                             QWidget *parent)
    : QWidget(parent)
    , m_model(model)
    , m_hits(figure(QStringLiteral("dashboardHits"), tr("Hits")))
    , m_misses(figure(QStringLiteral("dashboardMisses"), tr("Misses")))
    , m_bypasses(figure(QStringLiteral("dashboardBypasses"), tr("Bypasses")))
    , m_ratio(figure(QStringLiteral("dashboardHitRatio"), tr("Hit ratio")))
    , m_avoided(figure(QStringLiteral("dashboardAvoided"), tr("Backend calls avoided")))
    , m_errors(figure(QStringLiteral("dashboardErrors"), tr("Cache errors")))
    , m_cache(figure(QStringLiteral("dashboardCacheSize"), tr("Built-in cache")))
    , m_verdict(new QLabel(this))
    , m_stores(new QLabel(this))
    , m_hitSeries(new QLineSeries(this))
    , m_missSeries(new QLineSeries(this))
    , m_timeAxis(new QValueAxis(this))
    , m_rateAxis(new QValueAxis(this))
{
    m_verdict->setObjectName(QStringLiteral("dashboardVerdict"));
    m_verdict->setWordWrap(true);
    QFont verdictFont = m_verdict->font();
    verdictFont.setPointSizeF(verdictFont.pointSizeF() * 1.2);
    m_verdict->setFont(verdictFont);
    m_stores->setObjectName(QStringLiteral("dashboardExternalStores"));
    m_stores->setAccessibleName(tr("External caches"));
    m_stores->setWordWrap(true);
    m_stores->setTextInteractionFlags(Qt::TextSelectableByMouse);
    auto *figures = new QGridLayout;
    const QList<std::pair<QString, QLabel *>> rows = {{tr("Hits:"), m_hits},
                                                      {tr("Misses:"), m_misses},
                                                      {tr("Bypasses:"), m_bypasses},
                                                      {tr("Hit ratio:"), m_ratio},
                                                      {tr("Backend calls avoided:"), m_avoided},
                                                      {tr("Cache errors:"), m_errors},
                                                      {tr("Built-in cache:"), m_cache}};
    for (int i = 0; i < rows.size(); ++i) {
        auto *caption = new QLabel(rows[i].first, this);
        caption->setBuddy(rows[i].second);
        figures->addWidget(caption, i / 2, (i % 2) * 2);
        figures->addWidget(rows[i].second, i / 2, (i % 2) * 2 + 1);
    }
    auto *reset = new QPushButton(tr("Reset &counters"), this);
    reset->setObjectName(QStringLiteral("dashboardReset"));
    reset->setAccessibleName(tr("Reset the dashboard counters"));
    figures->addWidget(reset, 0, 4);
    figures->setColumnStretch(5, 1);

    m_hitSeries->setName(tr("Hits per second"));
    m_missSeries->setName(tr("Misses per second"));
    auto *chart = new QChart;
    chart->addSeries(m_hitSeries);
    chart->addSeries(m_missSeries);
    m_timeAxis->setTitleText(tr("Seconds ago"));
    m_timeAxis->setRange(-m_model->historySeconds(), 0);
    m_timeAxis->setLabelFormat(QStringLiteral("%d"));
    m_rateAxis->setTitleText(tr("Per second"));
    m_rateAxis->setRange(0, 1);
    chart->addAxis(m_timeAxis, Qt::AlignBottom);
    chart->addAxis(m_rateAxis, Qt::AlignLeft);
    for (QLineSeries *s : {m_hitSeries, m_missSeries}) {
        s->attachAxis(m_timeAxis);
        s->attachAxis(m_rateAxis);
        s->setUseOpenGL(false);
    }
    chart->legend()->setAlignment(Qt::AlignBottom);
    auto *chartView = new QChartView(chart, this);
    chartView->setObjectName(QStringLiteral("dashboardChart"));
    chartView->setAccessibleName(tr("Hits and misses per second"));
    chartView->setRenderHint(QPainter::Antialiasing);
    chartView->setMinimumHeight(200);

    auto *table = new RouteTableModel(m_model, this);
    auto *proxy = new QSortFilterProxyModel(this);
    proxy->setSourceModel(table);
    proxy->setSortRole(Qt::UserRole);
    auto *view = new QTableView(this);
    view->setObjectName(QStringLiteral("dashboardRoutes"));
    view->setAccessibleName(tr("Cache figures per API operation"));
    view->setModel(proxy);
    view->setSortingEnabled(true);
    view->sortByColumn(RouteTableModel::Requests, Qt::DescendingOrder);
    view->horizontalHeader()->setStretchLastSection(true);
    view->verticalHeader()->hide();
    view->setSelectionBehavior(QAbstractItemView::SelectRows);

    auto *splitter = new QSplitter(Qt::Vertical, this);
    splitter->addWidget(chartView);
    splitter->addWidget(view);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_verdict);
    layout->addLayout(figures);
    auto *details = new QHBoxLayout;
    details->addLayout(createLatencyGrid());
    details->addWidget(m_stores, 1);
    layout->addLayout(details);
    layout->addWidget(splitter, 1);

    connect(reset, &QPushButton::clicked, m_model, &DashboardModel::resetCounters);
    connect(m_model, &DashboardModel::updated, this, &DashboardPage::refresh);
    if (document) {
        auto *monitor = new ExternalStoreMonitor(document, keychain, this);
        connect(monitor, &ExternalStoreMonitor::measured, m_model, &DashboardModel::setExternalStores);
    }
    refresh();
}

QLayout *DashboardPage::createLatencyGrid()
{
    auto *grid = new QGridLayout;
    const QStringList headers = {tr("Response time"), tr("Requests"), tr("p50"), tr("p95")};
    for (int c = 0; c < headers.size(); ++c)
        grid->addWidget(new QLabel(QStringLiteral("<b>%1</b>").arg(headers.at(c).toHtmlEscaped()), this), 0, c);
    const QList<std::pair<QString, QString>> outcomes = {{QStringLiteral("hit"), tr("Served from cache")},
                                                         {QStringLiteral("miss"), tr("From the backend (miss)")},
                                                         {QStringLiteral("bypass"), tr("Cache bypassed")},
                                                         {QStringLiteral("none"), tr("No cache-lookup")}};
    for (int r = 0; r < outcomes.size(); ++r) {
        const auto &[outcome, caption] = outcomes.at(r);
        grid->addWidget(new QLabel(caption, this), r + 1, 0);
        std::array<QLabel *, 3> cells {};
        for (int c = 0; c < 3; ++c) {
            cells[c] = new QLabel(this);
            cells[c]->setObjectName(QStringLiteral("dashboardLatency_%1_%2").arg(outcome).arg(c));
            cells[c]->setAccessibleName(tr("%1: %2").arg(caption, headers.at(c + 1)));
            cells[c]->setAlignment(Qt::AlignRight | Qt::AlignVCenter);
            grid->addWidget(cells[c], r + 1, c + 1);
        }
        m_latency.append({outcome, cells});
    }
    return grid;
}

void DashboardPage::refreshLatency()
{
    const QLocale locale;
    for (const auto &[outcome, cells] : std::as_const(m_latency)) {
        const auto it = m_model->latency().constFind(outcome);
        const bool seen = it != m_model->latency().constEnd();
        cells[0]->setText(seen ? locale.toString(qint64(it->count)) : tr("–"));
        cells[1]->setText(seen ? latencyText(it->p50Seconds) : tr("–"));
        cells[2]->setText(seen ? latencyText(it->p95Seconds) : tr("–"));
    }
}

void DashboardPage::refreshStores()
{
    const QList<ExternalStoreStatus> &stores = m_model->externalStores();
    if (stores.isEmpty()) {
        m_stores->setText(tr("No external caches in this workspace."));
        return;
    }
    const QLocale locale;
    QStringList lines;
    for (const ExternalStoreStatus &s : stores) {
        const QString name = tr("%1 (%2)").arg(s.id, s.useFrom);
        if (!s.measured)
            lines.append(tr("%1: connecting...").arg(name));
        else if (s.reachable)
            lines.append(tr("%1: %n keys, %2 used", nullptr, int(s.keys))
                             .arg(name, locale.formattedDataSize(qint64(s.usedMemoryBytes))));
        else
            lines.append(tr("%1: unreachable: %2").arg(name, s.error));
    }
    m_stores->setText(lines.join(QLatin1Char('\n')));
}

QLabel *DashboardPage::figure(const QString &objectName, const QString &accessibleName)
{
    auto *label = new QLabel(this);
    label->setObjectName(objectName);
    label->setAccessibleName(accessibleName);
    label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    QFont font = label->font();
    font.setBold(true);
    label->setFont(font);
    return label;
}

void DashboardPage::refresh()
{
    const DashboardTotals &t = m_model->totals();
    const QLocale locale;
    m_hits->setText(locale.toString(qint64(t.hits)));
    m_misses->setText(locale.toString(qint64(t.misses)));
    m_bypasses->setText(locale.toString(qint64(t.bypasses)));
    m_ratio->setText(t.hits + t.misses > 0 ? tr("%1 %").arg(locale.toString(t.hitRatio() * 100.0, 'f', 1)) : tr("–"));
    m_avoided->setText(locale.toString(qint64(t.backendAvoided)));
    m_errors->setText(locale.toString(qint64(t.errors)));
    m_cache->setText(tr("entries: %1, %2 of %3")
                         .arg(locale.toString(qint64(m_model->cacheEntries())),
                              locale.formattedDataSize(qint64(m_model->cacheBytes())),
                              locale.formattedDataSize(qint64(m_model->cacheCapacityBytes()))));
    m_verdict->setText(m_model->verdict());
    refreshLatency();
    refreshStores();

    QList<QPointF> hits;
    QList<QPointF> misses;
    double top = 1;
    const auto &rates = m_model->rates();
    const qint64 now = rates.empty() ? 0 : rates.back().timeMs;
    for (const DashboardRate &r : rates) {
        const double x = static_cast<double>(r.timeMs - now) / 1000.0;
        hits.append({x, r.hitsPerSecond});
        misses.append({x, r.missesPerSecond});
        top = std::max({top, r.hitsPerSecond, r.missesPerSecond});
    }
    m_hitSeries->replace(hits);
    m_missSeries->replace(misses);
    m_rateAxis->setRange(0, top * 1.1);
}

} // namespace sluice
