#pragma once

#include "http/HttpMessage.h"

#include <QHostAddress>
#include <QList>
#include <QObject>
#include <QUrl>

#include <memory>

namespace sluice {

class HttpServer;

// A real HTTP origin for tests and benchmarks, built on HttpServer (one worker
// thread by default). Routes:
//   any path          200 JSON echo {method, path, query, headers{}, body, count}
//   /status/{code}    that status (echo body)
//   /delay/{ms}       the echo after ms milliseconds (a timer, never blocking)
//   /chunked          a plain-text body (sent with Content-Length)
//   /bytes/{n}        n bytes of application/octet-stream ('a'..'z' repeating)
//   /headers?n=v&...  the echo with response headers n: v from the query
//   /close            the echo with "Connection: close", then the connection closes
//   /hang             never answers (until the client goes away)
//   routes set with setRoute(): that fixed answer (path compared ignoring case)
// Every request is counted and recorded (the last 1000), thread-safe.
class OriginServer : public QObject
{
    Q_OBJECT

public:
    explicit OriginServer(QObject *parent = nullptr);
    ~OriginServer() override;

    // Worker threads; set before listen(). Default 1.
    void setThreads(int threads) { m_threads = threads; }
    bool listen(quint16 port = 0, const QHostAddress &address = QHostAddress(QHostAddress::LocalHost));
    QString errorString() const { return m_error; }

    quint16 port() const;
    QUrl url() const; // http://127.0.0.1:<port>
    int requestCount() const;
    // Requests (of the last 1000) whose path starts with `pathPrefix`, ignoring case.
    int requestCount(const QByteArray &pathPrefix) const;
    // A fixed answer for one path (thread-safe, kept by reset()).
    void setRoute(const QByteArray &path, int status, const QByteArray &body,
                  const QByteArray &contentType = QByteArrayLiteral("application/json"));
    HttpRequest lastRequest() const;
    QList<HttpRequest> requests() const;
    void reset();

    struct State;

private:
    std::shared_ptr<State> m_state;
    std::unique_ptr<HttpServer> m_server;
    QHostAddress m_address;
    int m_threads = 1;
    QString m_error;
};

} // namespace sluice
