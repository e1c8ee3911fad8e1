#include "OriginServer.h"

#include "http/HttpExchange.h"
#include "http/HttpServer.h"

#include <QHash>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMutex>
#include <QMutexLocker>
#include <QPointer>
#include <QTimer>
#include <QUrlQuery>

#include <atomic>
#include <vector>

namespace sluice {

struct OriginServer::State
{
    std::atomic<int> count {0};
    mutable QMutex mutex;
    QList<HttpRequest> requests;
    QHash<QByteArray, HttpResponse> routes; // lower-case path -> fixed answer
};

namespace {

constexpr int kKeptRequests = 1000;
constexpr qint64 kMaxBytes = 64 * 1024 * 1024;

QByteArray echoBody(const HttpRequest &request, int count)
{
    QJsonObject headers;
    for (const auto &field : request.headers.fields()) {
        const QString name = QString::fromLatin1(field.first);
        headers.insert(name, QString::fromLatin1(request.headers.combined(field.first)));
    }
    QJsonObject o;
    o.insert(QStringLiteral("method"), QString::fromLatin1(request.method));
    o.insert(QStringLiteral("path"), QString::fromUtf8(request.path));
    o.insert(QStringLiteral("query"), QString::fromUtf8(request.query));
    o.insert(QStringLiteral("headers"), headers);
    o.insert(QStringLiteral("body"), QString::fromUtf8(request.body));
    o.insert(QStringLiteral("count"), count);
    return QJsonDocument(o).toJson(QJsonDocument::Compact);
}

// The number after a route prefix ("/delay/250" -> 250), or -1.
qint64 suffixNumber(const QByteArray &path, const char *prefix)
{
    const QByteArray p(prefix);
    if (!path.startsWith(p))
        return -1;
    bool ok = false;
    const qint64 n = path.mid(p.size()).toLongLong(&ok);
    return ok && n >= 0 ? n : -1;
}

// Exchanges of /hang, kept unanswered until their client goes away.
struct HangingExchanges
{
    std::vector<HttpExchangePtr> exchanges;

    void add(const HttpExchangePtr &exchange)
    {
        std::erase_if(exchanges, [](const HttpExchangePtr &e) { return !e->isConnectionOpen(); });
        exchanges.push_back(exchange);
    }
};

HttpRequestHandler makeHandler(const std::shared_ptr<OriginServer::State> &state, QObject *context)
{
    auto hanging = std::make_shared<HangingExchanges>();
    QPointer<QObject> guard(context);
    return [state, hanging, guard](const HttpExchangePtr &exchange) {
        const HttpRequest &request = exchange->request();
        const int count = ++state->count;
        {
            QMutexLocker lock(&state->mutex);
            state->requests.append(request);
            if (state->requests.size() > kKeptRequests)
                state->requests.removeFirst();
        }
        const QByteArray &path = request.path;
        {
            QMutexLocker lock(&state->mutex);
            const auto fixed = state->routes.constFind(path.toLower());
            if (fixed != state->routes.constEnd()) {
                HttpResponse response = *fixed;
                lock.unlock();
                exchange->respond(std::move(response));
                return;
            }
        }

        if (path == "/hang") {
            hanging->add(exchange);
            return;
        }
        if (const qint64 ms = suffixNumber(path, "/delay/"); ms >= 0) {
            HttpResponse response = HttpResponse::json(200, echoBody(request, count));
            QTimer::singleShot(static_cast<int>(ms), guard.data(),
                               [exchange, response]() mutable { exchange->respond(std::move(response)); });
            return;
        }
        if (const qint64 status = suffixNumber(path, "/status/"); status >= 100 && status <= 999) {
            exchange->respond(HttpResponse::json(static_cast<int>(status), echoBody(request, count)));
            return;
        }
        if (const qint64 n = suffixNumber(path, "/bytes/"); n >= 0) {
            HttpResponse response;
            response.headers.set("Content-Type", "application/octet-stream");
            response.body.resize(static_cast<qsizetype>(std::min(n, kMaxBytes)));
            char *data = response.body.data();
            for (qsizetype i = 0; i < response.body.size(); ++i)
                data[i] = static_cast<char>('a' + i % 26);
            exchange->respond(std::move(response));
            return;
        }
        if (path == "/chunked") {
            HttpResponse response;
            response.headers.set("Content-Type", "text/plain; charset=utf-8");
            response.body = "chunk one\nchunk two\nchunk three\n";
            exchange->respond(std::move(response));
            return;
        }
        HttpResponse response = HttpResponse::json(200, echoBody(request, count));
        if (path == "/headers") {
            const QUrlQuery query(QString::fromUtf8(request.query));
            const auto items = query.queryItems(QUrl::FullyDecoded);
            for (const auto &item : items)
                response.headers.add(item.first.toUtf8(), item.second.toUtf8());
        } else if (path == "/close") {
            response.headers.set("Connection", "close");
        }
        exchange->respond(std::move(response));
    };
}

} // namespace

OriginServer::OriginServer(QObject *parent)
    : QObject(parent)
    , m_state(std::make_shared<State>())
{ }

OriginServer::~OriginServer() = default;

bool OriginServer::listen(quint16 port, const QHostAddress &address)
{
    m_server = std::make_unique<HttpServer>();
    const auto state = m_state;
    m_server->setHandlerFactory([state](int, QObject *context) { return makeHandler(state, context); });
    HttpServerOptions options;
    options.address = address;
    options.port = port;
    options.threads = m_threads;
    m_address = address;
    if (!m_server->listen(options, &m_error)) {
        m_server.reset();
        return false;
    }
    return true;
}

quint16 OriginServer::port() const
{
    return m_server ? m_server->serverPort() : 0;
}

QUrl OriginServer::url() const
{
    QUrl u;
    u.setScheme(QStringLiteral("http"));
    u.setHost(m_address.toString());
    u.setPort(port());
    return u;
}

int OriginServer::requestCount() const
{
    return m_state->count.load();
}

HttpRequest OriginServer::lastRequest() const
{
    QMutexLocker lock(&m_state->mutex);
    return m_state->requests.isEmpty() ? HttpRequest() : m_state->requests.constLast();
}

QList<HttpRequest> OriginServer::requests() const
{
    QMutexLocker lock(&m_state->mutex);
    return m_state->requests;
}

void OriginServer::setRoute(const QByteArray &path, int status, const QByteArray &body, const QByteArray &contentType)
{
    HttpResponse response;
    response.status = status;
    response.headers.set("Content-Type", contentType);
    response.body = body;
    QMutexLocker lock(&m_state->mutex);
    m_state->routes.insert(path.toLower(), std::move(response));
}

int OriginServer::requestCount(const QByteArray &pathPrefix) const
{
    QMutexLocker lock(&m_state->mutex);
    int n = 0;
    for (const HttpRequest &r : m_state->requests) {
        if (r.path.toLower().startsWith(pathPrefix.toLower()))
            ++n;
    }
    return n;
}

void OriginServer::reset()
{
    QMutexLocker lock(&m_state->mutex);
    m_state->requests.clear();
    m_state->count.store(0);
}

} // namespace sluice
