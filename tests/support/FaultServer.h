#pragma once

#include "http/HttpMessage.h"

#include <QHostAddress>
#include <QList>
#include <QTcpServer>
#include <QUrl>

#include <functional>
#include <memory>
#include <vector>

QT_BEGIN_NAMESPACE
class QTcpSocket;
QT_END_NAMESPACE

namespace sluice::test {

// A loopback HTTP/1.1 test server whose behaviour can be broken on purpose:
// it answers normally (Respond), accepts and never answers, closes at once,
// answers garbage, or sends a partial response and then stalls or closes. It
// counts connections (accepted, open now, most open at once) and records the
// requests it parsed (with http_parser). Optionally serves TLS.
class FaultServer : public QTcpServer
{
    Q_OBJECT
public:
    enum class Behavior {
        Respond, // answer each request with responder() after responseDelayMs
        NeverAnswer, // read requests, never write a byte
        CloseImmediately, // close each connection as soon as it is accepted
        Garbage, // answer each request with bytes that are not HTTP
        PartialThenStall, // send headers and part of the body, then nothing
        PartialThenClose // send headers and part of the body, then close
    };

    // Raw response bytes for a request (status line, headers, body).
    using Responder = std::function<QByteArray(const HttpRequest &request)>;

    explicit FaultServer(Behavior behavior = Behavior::Respond, QObject *parent = nullptr);
    ~FaultServer() override;

    bool start(quint16 port = 0, const QHostAddress &address = QHostAddress::LocalHost);
    quint16 port() const { return serverPort(); }
    // http(s)://127.0.0.1:port + path
    QUrl url(const QString &path = QStringLiteral("/")) const;

    void setBehavior(Behavior behavior) { m_behavior = behavior; }
    void setResponder(Responder responder) { m_responder = std::move(responder); }
    void setResponseDelayMs(int ms) { m_responseDelayMs = ms; }
    // Close the connection after each response (for read-until-close bodies).
    void setCloseAfterResponse(bool close) { m_closeAfterResponse = close; }
    // Serve TLS with this PEM certificate (chain) and key.
    bool setTls(const QString &certificateFile, const QString &keyFile);

    // Closes every open connection now (the sockets are closed before this returns).
    void closeAllConnections();

    int connectionsAccepted() const { return m_accepted; }
    int openConnections() const { return m_open; }
    int maxOpenConnections() const { return m_maxOpen; }
    int requestCount() const { return static_cast<int>(m_requests.size()); }
    int responsesSent() const { return m_responsesSent; }
    QList<HttpRequest> requests() const { return m_requests; }
    HttpRequest lastRequest() const { return m_requests.isEmpty() ? HttpRequest() : m_requests.last(); }

    // "HTTP/1.1 <status> <reason>" + headers + Content-Length + body.
    static QByteArray response(int status, const QByteArray &body = {}, const QList<QByteArray> &headers = {});
    // The default responder: 200, body "<METHOD> <target>\n<request body>".
    static QByteArray echo(const HttpRequest &request);

protected:
    void incomingConnection(qintptr socketDescriptor) override;

private:
    struct Peer;
    void onReadyRead(Peer *peer);
    void onRequest(Peer *peer, HttpRequest request);
    void writeResponse(Peer *peer, const HttpRequest &request);
    void dropPeer(Peer *peer);

    Behavior m_behavior;
    Responder m_responder;
    std::vector<std::unique_ptr<Peer>> m_peers;
    QList<HttpRequest> m_requests;
    QByteArray m_certificate;
    QByteArray m_key;
    int m_responseDelayMs = 0;
    int m_accepted = 0;
    int m_open = 0;
    int m_maxOpen = 0;
    int m_responsesSent = 0;
    bool m_tls = false;
    bool m_closeAfterResponse = false;
};

} // namespace sluice::test
