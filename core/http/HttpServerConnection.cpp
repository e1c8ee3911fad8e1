#include "HttpServerConnection.h"

#include "HttpResponseWriter.h"
#include "common/CallbackSocketNotifier.h"

#include <QCoreApplication>
#include <QHostAddress>
#include <QSocketNotifier>
#include <QTimerEvent>

#include <fcntl.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <sys/socket.h>
#include <sys/uio.h>
#include <unistd.h>

#include <cerrno>

#include <algorithm>
#include <chrono>
#include <limits>

namespace sluice {

namespace {

// How long a closing connection waits for the client to read the last response
// and close its side before the socket is aborted.
constexpr qint64 kLingerMs = 2000;
// One recv() takes at most this much; the parse buffer never holds much more
// (reading pauses while the pipeline is full).
constexpr qsizetype kReadChunk = 16 * 1024;

qint64 nowMs()
{
    return std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now().time_since_epoch())
        .count();
}

QString addressText(const QHostAddress &address)
{
    bool isV4 = false;
    const quint32 v4 = address.toIPv4Address(&isV4);
    return isV4 ? QHostAddress(v4).toString() : address.toString();
}

// The peer's address and our port, from the descriptor.
void socketNames(int fd, QString *peer, quint16 *localPort)
{
    sockaddr_storage address {};
    socklen_t length = sizeof address;
    if (::getpeername(fd, reinterpret_cast<sockaddr *>(&address), &length) == 0)
        *peer = addressText(QHostAddress(reinterpret_cast<const sockaddr *>(&address)));
    length = sizeof address;
    if (::getsockname(fd, reinterpret_cast<sockaddr *>(&address), &length) == 0) {
        if (address.ss_family == AF_INET)
            *localPort = ntohs(reinterpret_cast<const sockaddr_in *>(&address)->sin_port);
        else if (address.ss_family == AF_INET6)
            *localPort = ntohs(reinterpret_cast<const sockaddr_in6 *>(&address)->sin6_port);
    }
}

} // namespace

HttpServerConnection::HttpServerConnection(qintptr socketDescriptor, HttpRequestHandler handler,
                                           const HttpServerLimits &limits, QObject *parent)
    : QObject(parent)
    , m_fd(static_cast<int>(socketDescriptor))
    , m_handler(std::move(handler))
    , m_limits(limits)
    , m_parser(limits)
{
    m_lastActivity = nowMs();
    const int flags = m_fd >= 0 ? ::fcntl(m_fd, F_GETFL) : -1;
    if (flags < 0 || ::fcntl(m_fd, F_SETFL, flags | O_NONBLOCK) < 0) {
        m_closing = true;
        QMetaObject::invokeMethod(this, &HttpServerConnection::finish, Qt::QueuedConnection);
        return;
    }
    const int one = 1;
    ::setsockopt(m_fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
    socketNames(m_fd, &m_peerAddress, &m_localPort);

    m_readNotifier = new CallbackSocketNotifier(m_fd, QSocketNotifier::Read, this, [this] { onReadable(); });
    m_writeNotifier = new CallbackSocketNotifier(m_fd, QSocketNotifier::Write, this, [this] { onWritable(); });
    m_writeNotifier->setEnabled(false);
    updateTimer();
}

HttpServerConnection::~HttpServerConnection()
{
    m_closed = true;
    m_pending.clear();
    if (m_fd >= 0) {
        delete m_readNotifier;
        delete m_writeNotifier;
        ::close(m_fd);
        m_fd = -1;
    }
    // Exchanges the handler still holds may be released here; they must find this
    // object whole (and closed), so drop the handler before the members go.
    HttpRequestHandler handler = std::move(m_handler);
}

void HttpServerConnection::beginShutdown()
{
    if (m_closing || m_closed)
        return;
    m_shuttingDown = true;
    m_stopReading = true;
    if (m_pending.empty())
        startClosing();
    else
        flushResponses();
}

void HttpServerConnection::abort()
{
    if (m_closed)
        return;
    finish();
}

void HttpServerConnection::setReading(bool on)
{
    if (m_readNotifier && m_readNotifier->isEnabled() != on)
        m_readNotifier->setEnabled(on);
}

bool HttpServerConnection::readAvailable()
{
    // A few chunks per wake-up at most: the notifier is level-triggered, so a
    // fast sender is read on the next round, after the parser took this much.
    for (int round = 0; round < 4; ++round) {
        const qsizetype used = m_input.size();
        m_input.resize(used + kReadChunk);
        ssize_t n = 0;
        do {
            n = ::recv(m_fd, m_input.data() + used, static_cast<size_t>(kReadChunk), MSG_DONTWAIT);
        } while (n < 0 && errno == EINTR);
        m_input.resize(used + std::max<qsizetype>(0, n));
        if (n > 0) {
            m_lastActivity = nowMs();
            if (n < kReadChunk)
                return true; // the kernel had no more
            continue;
        }
        if (n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK))
            return true;
        finish(); // end of stream (the client closed) or a reset
        return false;
    }
    return true;
}

void HttpServerConnection::discardInput()
{
    char scratch[4096];
    for (;;) {
        const ssize_t n = ::recv(m_fd, scratch, sizeof scratch, MSG_DONTWAIT);
        if (n > 0)
            continue;
        if (n < 0 && (errno == EINTR))
            continue;
        if (n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK))
            return;
        finish(); // the client closed its side (or reset): a lingering close is complete
        return;
    }
}

bool HttpServerConnection::pipelineFull() const
{
    return static_cast<qsizetype>(m_pending.size()) >= std::max(1, m_limits.maxPipelined);
}

void HttpServerConnection::onReadable()
{
    if (m_closed)
        return;
    if (m_closing) {
        discardInput(); // lingering: discard what the client still sends
        return;
    }
    if (m_stopReading || pipelineFull()) {
        setReading(false); // level-triggered: wait until there is room again
        return;
    }
    if (m_inputOffset >= m_input.size()) {
        m_input.resize(0);
        m_inputOffset = 0;
    }
    if (!readAvailable())
        return;
    processInput();
}

void HttpServerConnection::processInput()
{
    if (m_processing || m_closed)
        return;
    m_processing = true;
    while (!m_closing && !m_stopReading && !pipelineFull()) {
        if (m_inputOffset >= m_input.size())
            break; // everything read was parsed: wait for the read notifier
        const quint64 begunBefore = m_parser.messagesBegun();
        qsizetype consumed = 0;
        const auto event =
            m_parser.parse(m_input.constData() + m_inputOffset, m_input.size() - m_inputOffset, &consumed);
        m_inputOffset += consumed;
        if (m_parser.messagesBegun() != begunBefore)
            m_requestStartedAt = nowMs();

        switch (event) {
        case HttpRequestParser::Event::NeedMoreData:
            break;
        case HttpRequestParser::Event::ExpectContinue:
            sendContinue();
            break;
        case HttpRequestParser::Event::RequestComplete:
            m_continueOwed = false;
            dispatch(m_parser.takeRequest());
            break;
        case HttpRequestParser::Event::Error:
            enqueueError(m_parser.errorStatus(), m_parser.errorMessage());
            break;
        }
    }
    if (m_inputOffset >= m_input.size() && !m_input.isEmpty()) {
        m_input.resize(0); // keeps the capacity for the next read
        m_inputOffset = 0;
    }
    m_processing = false;
    if (m_closed)
        return;
    setReading(!m_closing && !m_stopReading && !pipelineFull());
    updateTimer();
}

void HttpServerConnection::dispatch(HttpRequest &&request)
{
    request.peerAddress = m_peerAddress;
    request.localPort = m_localPort;

    Pending &slot = m_pending.emplace_back();
    slot.head = request.method == "HEAD";
    slot.http10 = request.versionMinor == 0;
    slot.keepAlive = request.keepAlive;
    if (!request.keepAlive)
        m_stopReading = true; // the last request on this connection

    const quint64 sequence = m_nextSequence++;
    auto exchange = std::make_shared<HttpExchange>(std::move(request), this, sequence);
    if (m_handler)
        m_handler(exchange);
    else
        exchange->respond(HttpResponse::apimError(500, tr("No request handler")));
}

void HttpServerConnection::enqueueError(int status, const QString &message)
{
    m_stopReading = true;
    Pending &slot = m_pending.emplace_back();
    slot.response = HttpResponse::apimError(status, message);
    slot.ready = true;
    slot.closeAfter = true;
    ++m_nextSequence;
    flushResponses();
}

void HttpServerConnection::sendContinue()
{
    if (!m_pending.empty()) {
        m_continueOwed = true; // after the responses ahead of it
        return;
    }
    static const QByteArray continueLine = QByteArrayLiteral("HTTP/1.1 100 Continue\r\n\r\n");
    writeOut(continueLine, nullptr);
}

void HttpServerConnection::submitResponse(quint64 sequence, HttpResponse &&response)
{
    if (m_closed || m_closing || sequence < m_firstPendingSequence)
        return;
    const quint64 index = sequence - m_firstPendingSequence;
    if (index >= m_pending.size())
        return;
    Pending &slot = m_pending[index];
    slot.response = std::move(response);
    slot.ready = true;
    if (index == 0)
        flushResponses();
}

void HttpServerConnection::flushResponses()
{
    if (m_flushing || m_closed || m_closing)
        return;
    m_flushing = true;
    bool wrote = false;
    bool closeNow = false;
    while (!m_pending.empty() && m_pending.front().ready) {
        Pending &slot = m_pending.front();
        const bool last = m_pending.size() == 1;
        closeNow = !slot.keepAlive || slot.closeAfter || (m_shuttingDown && last)
            || HttpResponseWriter::requestsClose(slot.response);
        int flags = 0;
        if (slot.head)
            flags |= HttpResponseWriter::HeadRequest;
        if (closeNow)
            flags |= HttpResponseWriter::CloseConnection;
        else if (slot.http10)
            flags |= HttpResponseWriter::KeepAliveHeader;

        if (HttpResponseWriter::write(slot.response, flags, m_output)) {
            writeOut(m_output, &slot.response.body);
            m_output.resize(0);
            if (m_closed) { // the write failed: the client is gone, m_pending is cleared
                m_flushing = false;
                return;
            }
        }
        wrote = true;
        m_pending.pop_front();
        ++m_firstPendingSequence;
        if (closeNow)
            break;
    }
    if (!m_output.isEmpty()) {
        writeOut(m_output, nullptr);
        m_output.resize(0); // keeps the capacity for the next response
    }
    if (wrote)
        m_lastActivity = nowMs();
    m_flushing = false;
    if (m_closed)
        return;

    if (closeNow) {
        startClosing();
        return;
    }
    if (m_pending.empty() && m_continueOwed && m_parser.inMessage()) {
        m_continueOwed = false;
        sendContinue();
    }
    if (wrote && !m_stopReading) {
        processInput(); // the pipeline has room again; no-op when already inside it
    } else {
        updateTimer();
    }
}

void HttpServerConnection::writeOut(const QByteArray &head, const QByteArray *body)
{
    if (m_closed)
        return;
    // With nothing queued, send head and body in one sendmsg; whatever the
    // kernel does not take is queued, and all later output queues behind it.
    qsizetype headDone = 0;
    qsizetype bodyDone = 0;
    if (bytesToWrite() == 0) {
        iovec parts[2];
        parts[0].iov_base = const_cast<char *>(head.constData());
        parts[0].iov_len = static_cast<size_t>(head.size());
        int count = 1;
        if (body && !body->isEmpty()) {
            parts[1].iov_base = const_cast<char *>(body->constData());
            parts[1].iov_len = static_cast<size_t>(body->size());
            count = 2;
        }
        msghdr message {};
        message.msg_iov = parts;
        message.msg_iovlen = static_cast<decltype(message.msg_iovlen)>(count);
        ssize_t sent = 0;
        do {
            sent = ::sendmsg(m_fd, &message, MSG_NOSIGNAL | MSG_DONTWAIT);
        } while (sent < 0 && errno == EINTR);
        if (sent < 0) {
            if (errno != EAGAIN && errno != EWOULDBLOCK) {
                abort(); // reset by the peer, broken pipe: the client is gone
                return;
            }
            sent = 0;
        }
        headDone = std::min<qsizetype>(head.size(), static_cast<qsizetype>(sent));
        bodyDone = static_cast<qsizetype>(sent) - headDone;
        m_outQueue.resize(0);
        m_outOffset = 0;
    }
    if (headDone < head.size())
        m_outQueue.append(head.constData() + headDone, head.size() - headDone);
    if (body && bodyDone < body->size())
        m_outQueue.append(body->constData() + bodyDone, body->size() - bodyDone);
    if (bytesToWrite() > 0 && m_writeNotifier)
        m_writeNotifier->setEnabled(true);
}

void HttpServerConnection::onWritable()
{
    if (m_closed)
        return;
    while (bytesToWrite() > 0) {
        const ssize_t sent = ::send(m_fd, m_outQueue.constData() + m_outOffset, static_cast<size_t>(bytesToWrite()),
                                    MSG_NOSIGNAL | MSG_DONTWAIT);
        if (sent > 0) {
            m_outOffset += sent;
            continue;
        }
        if (sent < 0 && errno == EINTR)
            continue;
        if (sent < 0 && (errno == EAGAIN || errno == EWOULDBLOCK))
            return; // the notifier calls again
        abort();
        return;
    }
    m_outQueue.resize(0);
    m_outOffset = 0;
    m_writeNotifier->setEnabled(false);
    m_lastActivity = nowMs();
    if (m_closing && !m_lingering)
        shutdownWrite();
    else
        updateTimer();
}

void HttpServerConnection::startClosing()
{
    if (m_closing || m_closed)
        return;
    m_closing = true;
    m_stopReading = true;
    m_pending.clear();
    m_input.clear();
    m_inputOffset = 0;
    // Give a slow reader time to take the last response.
    m_closeDeadline = nowMs() + std::max<qint64>(kLingerMs, m_limits.idleTimeoutMs);
    setReading(true); // to notice the client's close (and discard what it still sends)
    if (bytesToWrite() == 0)
        shutdownWrite();
    else
        updateTimer();
}

void HttpServerConnection::shutdownWrite()
{
    if (m_lingering || m_closed)
        return;
    m_lingering = true;
    // Half-close and wait for the client to close: closing with unread request
    // bytes would reset the connection and could destroy the response in flight.
    if (m_fd < 0 || ::shutdown(m_fd, SHUT_WR) != 0) {
        finish();
        return;
    }
    m_closeDeadline = nowMs() + kLingerMs;
    updateTimer();
    discardInput();
}

void HttpServerConnection::finish()
{
    if (m_closed)
        return;
    m_closed = true;
    m_closing = true;
    m_timer.stop();
    m_pending.clear();
    m_input.clear();
    m_outQueue.clear();
    m_outOffset = 0;
    if (m_fd >= 0) {
        // The notifiers leave the dispatcher before the descriptor they watch
        // closes, and are deleted later: finish() may run inside their callback.
        for (QSocketNotifier *notifier : {m_readNotifier, m_writeNotifier}) {
            notifier->setEnabled(false);
            notifier->deleteLater();
        }
        m_readNotifier = nullptr;
        m_writeNotifier = nullptr;
        ::close(m_fd);
        m_fd = -1;
    }
    Q_EMIT closed();
    deleteLater();
}

qint64 HttpServerConnection::nextDeadline() const
{
    if (m_closing)
        return m_closeDeadline;
    if (m_stopReading)
        return -1; // answers still pending; the handler decides
    if (m_parser.inMessage())
        return m_requestStartedAt + m_limits.headerTimeoutMs;
    if (m_pending.empty() && bytesToWrite() == 0)
        return m_lastActivity + m_limits.idleTimeoutMs;
    return -1;
}

void HttpServerConnection::updateTimer()
{
    if (m_closed)
        return;
    const qint64 deadline = nextDeadline();
    if (deadline < 0)
        return; // a running timer finds nothing to do and stops
    if (m_timer.isActive() && m_timerDue <= deadline)
        return; // it fires early and re-arms then: no timer churn per request
    const qint64 delay = std::max<qint64>(0, deadline - nowMs());
    m_timerDue = deadline;
    m_timer.start(static_cast<int>(std::min<qint64>(delay + 1, std::numeric_limits<int>::max())), Qt::PreciseTimer,
                  this);
}

void HttpServerConnection::timerEvent(QTimerEvent *event)
{
    if (event->timerId() != m_timer.timerId()) {
        QObject::timerEvent(event);
        return;
    }
    m_timer.stop();
    if (m_closed)
        return;
    const qint64 deadline = nextDeadline();
    if (deadline < 0)
        return;
    if (nowMs() < deadline) {
        updateTimer();
        return;
    }
    if (m_closing) {
        abort();
    } else if (m_parser.inMessage()) {
        enqueueError(408, tr("Request timeout"));
        updateTimer();
    } else {
        startClosing(); // idle keep-alive connection
    }
}

} // namespace sluice
