#pragma once

#include "HttpResponseParser.h"
#include "UpstreamClient.h"

#include <QBasicTimer>
#include <QObject>

QT_BEGIN_NAMESPACE
class QAbstractSocket;
class QSslConfiguration;
QT_END_NAMESPACE

namespace sluice {

struct UpstreamHost; // bookkeeping of the pool that owns the connection
struct UpstreamPending; // the request the connection is working on

// One keep-alive connection to a backend (QTcpSocket, or QSslSocket for
// https) that carries one exchange at a time. It reports to a Listener; each
// report is the last thing its handler does, so the listener may start the
// next exchange or close the connection from inside the report. Socket events
// that happen inside open()/send() are delivered later from the event loop,
// never re-entrantly.
class UpstreamConnection : public QObject
{
    Q_OBJECT
public:
    enum class State { Unopened, Connecting, Idle, Busy, Closed };
    // What happens to the connection after an exchange.
    enum class Disposition {
        Reuse, // response complete, connection may carry another exchange
        Discard, // close it
        DiscardRetryNow // failed before any response byte on a connection that served
                        // before (stale keep-alive): the request may be retried
    };

    class Listener
    {
    public:
        virtual void connectionReady(UpstreamConnection *connection) = 0;
        // The exchange (or the connection attempt) ended; `result` carries the
        // response or the error.
        virtual void exchangeFinished(UpstreamConnection *connection, UpstreamResult &result,
                                      Disposition disposition) = 0;
        // An idle connection was closed by the peer or received stray bytes.
        virtual void idleConnectionLost(UpstreamConnection *connection) = 0;

    protected:
        ~Listener() = default;
    };

    explicit UpstreamConnection(Listener *listener, QObject *parent = nullptr);
    ~UpstreamConnection() override;

    // `tls` null: plain TCP. Otherwise TLS with that configuration, SNI and
    // peer name verification against `hostName`.
    void open(const QString &hostName, quint16 port, const QSslConfiguration *tls, int connectTimeoutMs);
    // Writes one serialised request (Idle only). `noBodyExpected` for HEAD.
    void send(const QByteArray &requestBytes, bool noBodyExpected);
    // Aborts the socket; no reports afterwards.
    void close();

    State state() const { return m_state; }
    // Idle, still connected and nothing unexpected waiting to be read.
    bool isReusable() const;
    // Whether an exchange completed on this connection before.
    bool hasServed() const { return m_served; }

    // Owner's bookkeeping, not used by the connection itself.
    UpstreamHost *host = nullptr;
    UpstreamPending *pending = nullptr;
    qint64 idleSinceMs = 0;

protected:
    void timerEvent(QTimerEvent *event) override;

private:
    void onConnected();
    void onEncrypted();
    void onReadyRead();
    void onSocketError();
    void onDisconnected();
    bool deferIfInCall(void (UpstreamConnection::*handler)());
    void readResponse();
    void peerClosed();
    void becomeReady();
    void finishExchange(UpstreamResult &result, Disposition disposition);
    void failExchange(UpstreamResult::Error error, const QString &text);
    void loseIdle();

    Listener *m_listener;
    QAbstractSocket *m_socket = nullptr;
    HttpResponseParser m_parser;
    QBasicTimer m_connectTimer;
    QString m_tlsErrors;
    QString m_hostName;
    int m_connectTimeoutMs = 0;
    int m_inCall = 0;
    State m_state = State::Unopened;
    bool m_tls = false;
    bool m_served = false;
};

} // namespace sluice
