#include "UpstreamConnection.h"

#include <QSslConfiguration>
#include <QSslSocket>
#include <QTcpSocket>
#include <QTimerEvent>

namespace sluice {

namespace {

bool isTlsError(QAbstractSocket::SocketError error)
{
    return error == QAbstractSocket::SslHandshakeFailedError || error == QAbstractSocket::SslInternalError
        || error == QAbstractSocket::SslInvalidUserDataError;
}

} // namespace

UpstreamConnection::UpstreamConnection(Listener *listener, QObject *parent)
    : QObject(parent)
    , m_listener(listener)
{ }

UpstreamConnection::~UpstreamConnection()
{
    close();
}

void UpstreamConnection::open(const QString &hostName, quint16 port, const QSslConfiguration *tls, int connectTimeoutMs)
{
    Q_ASSERT(m_state == State::Unopened);
    m_state = State::Connecting;
    m_hostName = hostName;
    m_tls = tls != nullptr;
    m_connectTimeoutMs = connectTimeoutMs;
    QSslSocket *sslSocket = nullptr;
    if (m_tls) {
        sslSocket = new QSslSocket(this);
        sslSocket->setSslConfiguration(*tls);
        sslSocket->setPeerVerifyMode(QSslSocket::VerifyPeer);
        connect(sslSocket, &QSslSocket::sslErrors, this, [this](const QList<QSslError> &errors) {
            QStringList texts;
            texts.reserve(errors.size());
            for (const QSslError &error : errors)
                texts.append(error.errorString());
            m_tlsErrors = texts.join(QLatin1String("; "));
        });
        connect(sslSocket, &QSslSocket::encrypted, this, &UpstreamConnection::onEncrypted);
        m_socket = sslSocket;
    } else {
        m_socket = new QTcpSocket(this);
    }
    connect(m_socket, &QAbstractSocket::connected, this, &UpstreamConnection::onConnected);
    connect(m_socket, &QIODevice::readyRead, this, &UpstreamConnection::onReadyRead);
    connect(m_socket, &QAbstractSocket::errorOccurred, this, &UpstreamConnection::onSocketError);
    connect(m_socket, &QAbstractSocket::disconnected, this, &UpstreamConnection::onDisconnected);
    if (connectTimeoutMs > 0)
        m_connectTimer.start(connectTimeoutMs, this);

    ++m_inCall;
    if (sslSocket)
        sslSocket->connectToHostEncrypted(hostName, port);
    else
        m_socket->connectToHost(hostName, port);
    --m_inCall;
}

void UpstreamConnection::send(const QByteArray &requestBytes, bool noBodyExpected)
{
    Q_ASSERT(m_state == State::Idle);
    m_parser.reset(noBodyExpected);
    m_state = State::Busy;
    ++m_inCall;
    m_socket->write(requestBytes);
    m_socket->flush(); // one send() now instead of one more event loop pass
    --m_inCall;
}

void UpstreamConnection::close()
{
    m_connectTimer.stop();
    if (m_state == State::Closed)
        return;
    m_state = State::Closed;
    if (m_socket) {
        m_socket->disconnect(this);
        m_socket->abort();
    }
}

bool UpstreamConnection::isReusable() const
{
    return m_state == State::Idle && m_socket->state() == QAbstractSocket::ConnectedState
        && m_socket->bytesAvailable() == 0;
}

void UpstreamConnection::timerEvent(QTimerEvent *event)
{
    if (event->timerId() != m_connectTimer.timerId()) {
        QObject::timerEvent(event);
        return;
    }
    m_connectTimer.stop();
    if (m_state == State::Connecting)
        failExchange(UpstreamResult::Error::ConnectFailed,
                     tr("connecting to %1 timed out after %2 ms").arg(m_hostName).arg(m_connectTimeoutMs));
}

bool UpstreamConnection::deferIfInCall(void (UpstreamConnection::*handler)())
{
    if (m_inCall == 0)
        return false;
    QMetaObject::invokeMethod(
        this, [this, handler] { (this->*handler)(); }, Qt::QueuedConnection);
    return true;
}

void UpstreamConnection::onConnected()
{
    if (deferIfInCall(&UpstreamConnection::onConnected))
        return;
    if (m_state != State::Connecting)
        return;
    m_socket->setSocketOption(QAbstractSocket::LowDelayOption, 1);
    if (!m_tls)
        becomeReady();
}

void UpstreamConnection::onEncrypted()
{
    if (deferIfInCall(&UpstreamConnection::onEncrypted))
        return;
    if (m_state == State::Connecting)
        becomeReady();
}

void UpstreamConnection::becomeReady()
{
    m_connectTimer.stop();
    m_state = State::Idle;
    m_listener->connectionReady(this);
}

void UpstreamConnection::onReadyRead()
{
    if (deferIfInCall(&UpstreamConnection::onReadyRead))
        return;
    if (m_state == State::Busy)
        readResponse();
    else if (m_state == State::Idle)
        loseIdle();
}

void UpstreamConnection::readResponse()
{
    char buffer[16 * 1024];
    while (m_state == State::Busy) {
        const qint64 n = m_socket->read(buffer, sizeof buffer);
        if (n <= 0)
            return;
        const HttpResponseParser::State parsed = m_parser.feed(buffer, n);
        if (parsed == HttpResponseParser::State::Error) {
            failExchange(UpstreamResult::Error::Protocol, m_parser.errorText());
            return;
        }
        if (parsed == HttpResponseParser::State::Complete) {
            const bool reusable = m_parser.keepAlive() && m_parser.trailingBytes() == 0
                && m_socket->bytesAvailable() == 0 && m_socket->state() == QAbstractSocket::ConnectedState;
            UpstreamResult result;
            result.response = m_parser.takeResponse();
            finishExchange(result, reusable ? Disposition::Reuse : Disposition::Discard);
            return;
        }
    }
}

void UpstreamConnection::onSocketError()
{
    if (deferIfInCall(&UpstreamConnection::onSocketError))
        return;
    const QAbstractSocket::SocketError error = m_socket->error();
    switch (m_state) {
    case State::Connecting:
        if (isTlsError(error)) {
            const QString reason = m_tlsErrors.isEmpty() ? m_socket->errorString() : m_tlsErrors;
            failExchange(UpstreamResult::Error::Tls, tr("TLS handshake with %1 failed: %2").arg(m_hostName, reason));
        } else {
            failExchange(UpstreamResult::Error::ConnectFailed,
                         tr("cannot connect to %1: %2").arg(m_hostName, m_socket->errorString()));
        }
        return;
    case State::Busy:
        readResponse();
        if (m_state == State::Busy)
            peerClosed();
        return;
    case State::Idle:
        loseIdle();
        return;
    case State::Unopened:
    case State::Closed:
        return;
    }
}

void UpstreamConnection::onDisconnected()
{
    if (deferIfInCall(&UpstreamConnection::onDisconnected))
        return;
    onSocketError();
}

void UpstreamConnection::peerClosed()
{
    const QAbstractSocket::SocketError error = m_socket->error();
    const bool orderlyClose =
        error == QAbstractSocket::RemoteHostClosedError || m_socket->state() == QAbstractSocket::UnconnectedState;
    if (orderlyClose && m_parser.finish() == HttpResponseParser::State::Complete) {
        UpstreamResult result;
        result.response = m_parser.takeResponse();
        finishExchange(result, Disposition::Discard);
        return;
    }
    if (!m_parser.hasReceivedBytes() && m_served) {
        UpstreamResult result;
        result.error = UpstreamResult::Error::Protocol;
        result.errorText = tr("%1 closed a kept-alive connection before responding").arg(m_hostName);
        finishExchange(result, Disposition::DiscardRetryNow);
        return;
    }
    if (orderlyClose) {
        failExchange(UpstreamResult::Error::Protocol, m_parser.errorText());
    } else {
        failExchange(UpstreamResult::Error::Protocol,
                     tr("connection to %1 failed: %2").arg(m_hostName, m_socket->errorString()));
    }
}

void UpstreamConnection::failExchange(UpstreamResult::Error error, const QString &text)
{
    UpstreamResult result;
    result.error = error;
    result.errorText = text;
    finishExchange(result, Disposition::Discard);
}

void UpstreamConnection::finishExchange(UpstreamResult &result, Disposition disposition)
{
    m_connectTimer.stop();
    if (disposition == Disposition::Reuse) {
        m_state = State::Idle;
        m_served = true;
    } else {
        close();
    }
    m_listener->exchangeFinished(this, result, disposition); // last: may start the next exchange
}

void UpstreamConnection::loseIdle()
{
    close();
    m_listener->idleConnectionLost(this);
}

} // namespace sluice
