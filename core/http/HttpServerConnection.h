#pragma once

#include "HttpExchange.h"
#include "HttpMessage.h"
#include "HttpRequestParser.h"

#include <QBasicTimer>
#include <QByteArray>
#include <QObject>
#include <QString>

#include <deque>

class QSocketNotifier;

namespace sluice {

// One accepted client connection: parses requests (HttpRequestParser), hands
// each complete request to the handler as an HttpExchange and writes the
// responses back strictly in request order (pipelining), whatever order the
// handler answers in.
//
// The descriptor is driven directly with two QSocketNotifiers on the worker's
// event loop (recv into the parse buffer, sendmsg of head and body together):
// no QTcpSocket, whose read buffer, FIONREAD ioctl and signal per read cost
// more than the rest of a cache hit.
//
// Ownership: the connection owns its socket and itself. It lives on the thread
// that created it (the worker thread), emits closed() exactly once when the
// socket is done, and then deletes itself with deleteLater(). A QObject parent
// (the worker) may delete it earlier, e.g. when the server is destroyed.
// Exchanges hold a QPointer to it, so answering after it is gone is a no-op.
class HttpServerConnection : public QObject
{
    Q_OBJECT

public:
    HttpServerConnection(qintptr socketDescriptor, HttpRequestHandler handler, const HttpServerLimits &limits,
                         QObject *parent = nullptr);
    ~HttpServerConnection() override;

    // Stops reading new requests, answers the ones in flight (the last with
    // "Connection: close") and closes.
    void beginShutdown();
    // Closes at once; responses still pending are dropped.
    void abort();

    // Requests read whose responses have not been written yet.
    int inFlight() const { return static_cast<int>(m_pending.size()); }
    // False once the connection is closing or closed.
    bool isOpen() const { return !m_closing && !m_closed; }
    QString peerAddress() const { return m_peerAddress; }

Q_SIGNALS:
    void closed();

protected:
    void timerEvent(QTimerEvent *event) override;

private:
    friend class HttpExchange;

    struct Pending
    {
        HttpResponse response;
        bool ready = false;
        bool head = false;
        bool http10 = false;
        bool keepAlive = true;
        bool closeAfter = false;
    };

    void submitResponse(quint64 sequence, HttpResponse &&response);
    void onReadable();
    void onWritable();
    // Reads what the kernel has into m_input (bounded); false on end of stream
    // or error (the connection is then finished).
    bool readAvailable();
    void discardInput();
    qsizetype bytesToWrite() const { return m_outQueue.size() - m_outOffset; }
    void setReading(bool on);
    void processInput();
    void dispatch(HttpRequest &&request);
    void enqueueError(int status, const QString &message);
    void sendContinue();
    void writeOut(const QByteArray &head, const QByteArray *body);
    void flushResponses();
    void startClosing();
    void shutdownWrite();
    void finish();
    void updateTimer();
    qint64 nextDeadline() const;
    bool pipelineFull() const;

    int m_fd = -1;
    QSocketNotifier *m_readNotifier = nullptr;
    QSocketNotifier *m_writeNotifier = nullptr;
    QByteArray m_outQueue; // what the kernel did not take yet
    qsizetype m_outOffset = 0;
    HttpRequestHandler m_handler;
    HttpServerLimits m_limits;
    HttpRequestParser m_parser;
    QByteArray m_input;
    qsizetype m_inputOffset = 0;
    QByteArray m_output;
    std::deque<Pending> m_pending;
    quint64 m_firstPendingSequence = 0;
    quint64 m_nextSequence = 0;
    QString m_peerAddress;
    quint16 m_localPort = 0;

    QBasicTimer m_timer;
    qint64 m_timerDue = 0;
    qint64 m_requestStartedAt = 0;
    qint64 m_lastActivity = 0;
    qint64 m_closeDeadline = 0;

    bool m_processing = false;
    bool m_flushing = false;
    bool m_stopReading = false;
    bool m_shuttingDown = false;
    bool m_continueOwed = false;
    bool m_closing = false;
    bool m_lingering = false;
    bool m_closed = false;
};

} // namespace sluice
