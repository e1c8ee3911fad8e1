#pragma once

#include <QObject>
#include <QString>

namespace sluice {

class UpstreamClient;
class GatewayMetrics;
class RequestLog;

// The per-worker-thread services a request uses: its thread's upstream client,
// the shared metrics and log, and the gateway's location. Lives on its worker
// thread; the QObject is the context for asynchronous callbacks.
class GatewayRuntime : public QObject
{
    Q_OBJECT
public:
    GatewayRuntime(UpstreamClient &upstream, GatewayMetrics *metrics, RequestLog *log, QString location,
                   QObject *parent = nullptr)
        : QObject(parent)
        , m_upstream(upstream)
        , m_metrics(metrics)
        , m_log(log)
        , m_location(std::move(location))
    {}

    UpstreamClient &upstream() const { return m_upstream; }
    GatewayMetrics *metrics() const { return m_metrics; }
    RequestLog *log() const { return m_log; }
    const QString &location() const { return m_location; }

private:
    UpstreamClient &m_upstream;
    GatewayMetrics *m_metrics = nullptr;
    RequestLog *m_log = nullptr;
    QString m_location;
};

} // namespace sluice
