#pragma once

#include <QWidget>

#include <memory>

class QLabel;
class QTreeWidget;

namespace sluice {

struct RequestTrace;

// The Trace tab of the Test console: the policy steps of the last traced
// response as a tree (nested steps under choose / retry), with scope, section,
// policy, duration and details (cache key, store, outcome, TTL, backend
// status), then the variables set, the backend calls and the errors.
class TracePanel : public QWidget
{
    Q_OBJECT

public:
    explicit TracePanel(QWidget *parent = nullptr);

    void showTrace(const RequestTrace &trace);
    // No trace for the last response; `reason` says why.
    void showNone(const QString &reason);

private:
    QLabel *m_summary;
    QTreeWidget *m_steps;
};

} // namespace sluice
