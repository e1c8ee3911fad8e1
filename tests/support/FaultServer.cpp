#include "FaultServer.h"

#include <QFile>
#include <QSslCertificate>
#include <QSslKey>
#include <QSslSocket>
#include <QTcpSocket>
#include <QTimer>

#include <http_parser.h>

namespace sluice::test {

struct FaultServer::Peer
{
    FaultServer *server = nullptr;
    QTcpSocket *socket = nullptr;
    http_parser parser;
    HttpRequest current;
    QByteArray field;
    QByteArray value;
    bool inValue = false;

    void flushField()
    {
        if (inValue)
            current.headers.add(field, value);
        field.clear();
        value.clear();
        inValue = false;
    }

    static Peer *of(http_parser *p) { return static_cast<Peer *>(p->data); }

    static const http_parser_settings &settings()
    {
        static const http_parser_settings s = [] {
            http_parser_settings v;
            http_parser_settings_init(&v);
            v.on_message_begin = [](http_parser *p) {
                of(p)->current = HttpRequest();
                return 0;
            };
            v.on_url = [](http_parser *p, const char *at, size_t n) {
                of(p)->current.target.append(at, static_cast<qsizetype>(n));
                return 0;
            };
            v.on_header_field = [](http_parser *p, const char *at, size_t n) {
                Peer *peer = of(p);
                if (peer->inValue)
                    peer->flushField();
                peer->field.append(at, static_cast<qsizetype>(n));
                return 0;
            };
            v.on_header_value = [](http_parser *p, const char *at, size_t n) {
                Peer *peer = of(p);
                peer->inValue = true;
                peer->value.append(at, static_cast<qsizetype>(n));
                return 0;
            };
            v.on_headers_complete = [](http_parser *p) {
                Peer *peer = of(p);
                peer->flushField();
                peer->current.method = http_method_str(static_cast<http_method>(p->method));
                peer->current.versionMajor = p->http_major;
                peer->current.versionMinor = p->http_minor;
                const QByteArray &target = peer->current.target;
                const int q = target.indexOf('?');
                peer->current.path = q < 0 ? target : target.left(q);
                peer->current.query = q < 0 ? QByteArray() : target.mid(q + 1);
                return 0;
            };
            v.on_body = [](http_parser *p, const char *at, size_t n) {
                of(p)->current.body.append(at, static_cast<qsizetype>(n));
                return 0;
            };
            v.on_message_complete = [](http_parser *p) {
                Peer *peer = of(p);
                peer->current.keepAlive = http_should_keep_alive(p) != 0;
                HttpRequest request = std::move(peer->current);
                peer->current = HttpRequest();
                peer->server->onRequest(peer, std::move(request));
                return 0;
            };
            return v;
        }();
        return s;
    }
};

FaultServer::FaultServer(Behavior behavior, QObject *parent)
    : QTcpServer(parent)
    , m_behavior(behavior)
    , m_responder(&FaultServer::echo)
{ }

FaultServer::~FaultServer()
{
    for (auto &peer : m_peers) {
        if (peer->socket) {
            peer->socket->disconnect(this);
            peer->socket->abort();
        }
    }
}

bool FaultServer::start(quint16 port, const QHostAddress &address)
{
    return listen(address, port);
}

QUrl FaultServer::url(const QString &path) const
{
    QUrl u;
    u.setScheme(m_tls ? QStringLiteral("https") : QStringLiteral("http"));
    u.setHost(serverAddress().toString());
    u.setPort(serverPort());
    u.setPath(path);
    return u;
}

bool FaultServer::setTls(const QString &certificateFile, const QString &keyFile)
{
    QFile cert(certificateFile);
    QFile key(keyFile);
    if (!cert.open(QIODevice::ReadOnly) || !key.open(QIODevice::ReadOnly))
        return false;
    m_certificate = cert.readAll();
    m_key = key.readAll();
    m_tls = true;
    return !QSslCertificate::fromData(m_certificate).isEmpty();
}

QByteArray FaultServer::response(int status, const QByteArray &body, const QList<QByteArray> &headers)
{
    QByteArray out = "HTTP/1.1 " + QByteArray::number(status) + ' ' + HttpResponse::standardReason(status) + "\r\n";
    for (const QByteArray &header : headers)
        out += header + "\r\n";
    out += "Content-Length: " + QByteArray::number(body.size()) + "\r\n\r\n";
    out += body;
    return out;
}

QByteArray FaultServer::echo(const HttpRequest &request)
{
    return response(200, request.method + ' ' + request.target + '\n' + request.body,
                    {QByteArrayLiteral("Content-Type: text/plain")});
}

void FaultServer::incomingConnection(qintptr socketDescriptor)
{
    auto peer = std::make_unique<Peer>();
    peer->server = this;
    http_parser_init(&peer->parser, HTTP_REQUEST);
    peer->parser.data = peer.get();
    QSslSocket *sslSocket = nullptr;
    if (m_tls) {
        sslSocket = new QSslSocket(this);
        peer->socket = sslSocket;
    } else {
        peer->socket = new QTcpSocket(this);
    }
    if (!peer->socket->setSocketDescriptor(socketDescriptor)) {
        delete peer->socket;
        return;
    }
    ++m_accepted;
    ++m_open;
    m_maxOpen = std::max(m_maxOpen, m_open);
    Peer *raw = peer.get();
    m_peers.push_back(std::move(peer));
    connect(raw->socket, &QIODevice::readyRead, this, [this, raw] { onReadyRead(raw); });
    connect(raw->socket, &QAbstractSocket::disconnected, this, [this, raw] { dropPeer(raw); });
    if (m_behavior == Behavior::CloseImmediately) {
        dropPeer(raw);
        return;
    }
    if (sslSocket) {
        sslSocket->setLocalCertificateChain(QSslCertificate::fromData(m_certificate));
        QSslKey key(m_key, QSsl::Ec);
        if (key.isNull())
            key = QSslKey(m_key, QSsl::Rsa);
        sslSocket->setPrivateKey(key);
        sslSocket->setPeerVerifyMode(QSslSocket::VerifyNone);
        connect(sslSocket, &QAbstractSocket::errorOccurred, this, [this, raw] { dropPeer(raw); });
        sslSocket->startServerEncryption();
    }
}

void FaultServer::onReadyRead(Peer *peer)
{
    if (!peer->socket)
        return;
    const QByteArray data = peer->socket->readAll();
    const size_t parsed =
        http_parser_execute(&peer->parser, &Peer::settings(), data.constData(), static_cast<size_t>(data.size()));
    if (peer->socket && parsed != static_cast<size_t>(data.size()))
        dropPeer(peer); // not HTTP: hang up
}

void FaultServer::onRequest(Peer *peer, HttpRequest request)
{
    if (!peer->socket)
        return;
    request.peerAddress = peer->socket->peerAddress().toString();
    request.localPort = peer->socket->localPort();
    request.scheme = m_tls ? "https" : "http";
    m_requests.append(request);
    switch (m_behavior) {
    case Behavior::Respond:
        if (m_responseDelayMs > 0) {
            QTimer::singleShot(m_responseDelayMs, peer->socket,
                               [this, peer, request] { writeResponse(peer, request); });
        } else {
            writeResponse(peer, request);
        }
        return;
    case Behavior::Garbage:
        peer->socket->write("this is not HTTP at all\r\n\r\n");
        return;
    case Behavior::PartialThenStall:
    case Behavior::PartialThenClose:
        peer->socket->write("HTTP/1.1 200 OK\r\nContent-Length: 100\r\n\r\n0123456789");
        if (m_behavior == Behavior::PartialThenClose) {
            peer->socket->flush();
            dropPeer(peer);
        }
        return;
    case Behavior::NeverAnswer:
    case Behavior::CloseImmediately:
        return;
    }
}

void FaultServer::writeResponse(Peer *peer, const HttpRequest &request)
{
    if (!peer->socket)
        return;
    peer->socket->write(m_responder(request));
    ++m_responsesSent;
    if (!request.keepAlive || m_closeAfterResponse) {
        peer->socket->flush();
        dropPeer(peer);
    }
}

void FaultServer::dropPeer(Peer *peer)
{
    QTcpSocket *socket = peer->socket;
    if (!socket)
        return;
    peer->socket = nullptr;
    --m_open;
    socket->disconnect(this);
    socket->close();
    socket->deleteLater();
}

void FaultServer::closeAllConnections()
{
    for (auto &peer : m_peers)
        dropPeer(peer.get());
}

} // namespace sluice::test
