#pragma once

#include "http/HttpMessage.h"

#include <QByteArray>
#include <QList>
#include <QTcpSocket>

#include <memory>

namespace sluice {

// A blocking HTTP/1.1 client for tests: sends exact bytes on one kept-alive
// connection and reads whole responses (parsed with the core's response parser).
// It waits by running the event loop, so servers on the test's thread keep working.
class TestHttpClient
{
public:
    explicit TestHttpClient(quint16 port, const QHostAddress &host = QHostAddress(QHostAddress::LocalHost));
    ~TestHttpClient();

    bool isConnected() const;
    // Sends raw bytes (one or several pipelined requests).
    bool send(const QByteArray &bytes);
    // Reads the next response; std::nullopt on timeout, close or parse error.
    std::optional<HttpResponse> read(int timeoutMs = 10'000, bool head = false);
    // True when the server closed the connection within timeoutMs.
    bool waitForClose(int timeoutMs = 10'000);

    // One request on this connection.
    std::optional<HttpResponse> request(const QByteArray &method, const QByteArray &target,
                                        const QList<std::pair<QByteArray, QByteArray>> &headers = {},
                                        const QByteArray &body = {});

    // A one-off request on a new connection.
    static std::optional<HttpResponse> get(quint16 port, const QByteArray &target,
                                           const QList<std::pair<QByteArray, QByteArray>> &headers = {});

private:
    std::unique_ptr<QTcpSocket> m_socket;
    QByteArray m_buffer;
};

} // namespace sluice
