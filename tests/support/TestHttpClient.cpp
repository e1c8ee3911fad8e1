#include "TestHttpClient.h"

#include "http/HttpResponseParser.h"

#include <QElapsedTimer>
#include <QEventLoop>
#include <QTimer>

namespace sluice {

namespace {

// Waits by running the event loop (never the blocking waitFor* calls), so that
// servers living on the test's own thread keep accepting and answering.
template<typename Signal>
void spinUntil(QTcpSocket *socket, Signal signal, int timeoutMs)
{
    if (timeoutMs <= 0)
        return;
    QEventLoop loop;
    QTimer timer;
    timer.setSingleShot(true);
    QObject::connect(&timer, &QTimer::timeout, &loop, &QEventLoop::quit);
    QObject::connect(socket, signal, &loop, &QEventLoop::quit);
    QObject::connect(socket, &QAbstractSocket::disconnected, &loop, &QEventLoop::quit);
    QObject::connect(socket, &QAbstractSocket::errorOccurred, &loop, &QEventLoop::quit);
    timer.start(timeoutMs);
    loop.exec();
}

} // namespace

TestHttpClient::TestHttpClient(quint16 port, const QHostAddress &host)
    : m_socket(std::make_unique<QTcpSocket>())
{
    m_socket->connectToHost(host, port);
    if (m_socket->state() != QAbstractSocket::ConnectedState)
        spinUntil(m_socket.get(), &QAbstractSocket::connected, 5000);
}

TestHttpClient::~TestHttpClient() = default;

bool TestHttpClient::isConnected() const
{
    return m_socket->state() == QAbstractSocket::ConnectedState;
}

bool TestHttpClient::send(const QByteArray &bytes)
{
    if (!isConnected())
        return false;
    m_socket->write(bytes);
    QElapsedTimer timer;
    timer.start();
    while (m_socket->bytesToWrite() > 0 && isConnected() && timer.elapsed() < 5000)
        spinUntil(m_socket.get(), &QIODevice::bytesWritten, 5000 - int(timer.elapsed()));
    return m_socket->bytesToWrite() == 0;
}

std::optional<HttpResponse> TestHttpClient::read(int timeoutMs, bool head)
{
    HttpResponseParser parser;
    parser.reset(head);
    QElapsedTimer timer;
    timer.start();
    while (true) {
        if (!m_buffer.isEmpty()) {
            const auto state = parser.feed(m_buffer.constData(), m_buffer.size());
            if (state == HttpResponseParser::State::Complete) {
                m_buffer = m_buffer.right(parser.trailingBytes());
                return parser.takeResponse();
            }
            m_buffer.clear();
            if (state == HttpResponseParser::State::Error)
                return std::nullopt;
        }
        const int left = timeoutMs - int(timer.elapsed());
        if (left <= 0)
            return std::nullopt;
        if (m_socket->bytesAvailable() == 0) {
            if (m_socket->state() != QAbstractSocket::ConnectedState) {
                if (parser.finish() == HttpResponseParser::State::Complete)
                    return parser.takeResponse();
                return std::nullopt;
            }
            spinUntil(m_socket.get(), &QIODevice::readyRead, left);
        }
        m_buffer += m_socket->readAll();
    }
}

bool TestHttpClient::waitForClose(int timeoutMs)
{
    QElapsedTimer timer;
    timer.start();
    while (m_socket->state() == QAbstractSocket::ConnectedState) {
        const int left = timeoutMs - int(timer.elapsed());
        if (left <= 0)
            return false;
        spinUntil(m_socket.get(), &QIODevice::readyRead, left);
        m_buffer += m_socket->readAll();
    }
    return true;
}

std::optional<HttpResponse> TestHttpClient::request(const QByteArray &method, const QByteArray &target,
                                                    const QList<std::pair<QByteArray, QByteArray>> &headers,
                                                    const QByteArray &body)
{
    QByteArray bytes = method + ' ' + target + " HTTP/1.1\r\nHost: test\r\n";
    for (const auto &[n, v] : headers)
        bytes += n + ": " + v + "\r\n";
    if (!body.isEmpty() || method == "POST" || method == "PUT")
        bytes += "Content-Length: " + QByteArray::number(body.size()) + "\r\n";
    bytes += "\r\n" + body;
    if (!send(bytes))
        return std::nullopt;
    return read(10'000, method == "HEAD");
}

std::optional<HttpResponse> TestHttpClient::get(quint16 port, const QByteArray &target,
                                                const QList<std::pair<QByteArray, QByteArray>> &headers)
{
    TestHttpClient client(port);
    return client.request("GET", target, headers);
}

} // namespace sluice
