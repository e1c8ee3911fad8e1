#pragma once

#include "HttpExchange.h"
#include "HttpMessage.h"

#include <http_parser.h>

#include <QByteArray>
#include <QCoreApplication>
#include <QString>

namespace sluice {

// Drives http_parser over the bytes of one connection, without any socket: the
// server connection and the fuzzer use it alike. Feed bytes with parse(); it
// stops after each complete request (so the caller controls pipelining), when a
// client waits for "100 Continue", or at the first error. The parser state is
// reused from one request to the next.
//
// Limits enforced here: request line + headers over maxHeaderBytes -> 431, body
// over maxBodyBytes (Content-Length up front, or while chunks accumulate) -> 413,
// malformed -> 400, unsupported Transfer-Encoding / CONNECT -> 501, HTTP other
// than 1.x -> 505, unsupported Expect -> 417. Upgrade headers are ignored (the
// request is served as plain HTTP/1.1, which RFC 9110 allows).
class HttpRequestParser
{
    Q_DECLARE_TR_FUNCTIONS(HttpRequestParser)

public:
    enum class Event {
        NeedMoreData, // every byte given was consumed; no complete request yet
        ExpectContinue, // headers complete, the client waits for "100 Continue"
        RequestComplete, // takeRequest() holds it
        Error, // errorStatus()/errorMessage(); the parser accepts nothing more
    };

    explicit HttpRequestParser(const HttpServerLimits &limits = {});
    HttpRequestParser(const HttpRequestParser &) = delete;
    HttpRequestParser &operator=(const HttpRequestParser &) = delete;

    // Parses from `data`; `*consumed` receives how many bytes were used. Bytes
    // after a complete request stay unconsumed until the next call.
    Event parse(const char *data, qsizetype size, qsizetype *consumed);

    // The request completed by the last RequestComplete event (moved out).
    HttpRequest takeRequest();

    // True between the first byte of a request and its completion.
    bool inMessage() const { return m_inMessage; }
    // Increments whenever a request begins (lets callers time requests).
    quint64 messagesBegun() const { return m_messagesBegun; }
    bool hasError() const { return m_errorStatus != 0; }
    int errorStatus() const { return m_errorStatus; }
    QString errorMessage() const { return m_errorMessage; }
    const HttpServerLimits &limits() const { return m_limits; }

private:
    static int onMessageBegin(http_parser *p);
    static int onUrl(http_parser *p, const char *at, size_t length);
    static int onHeaderField(http_parser *p, const char *at, size_t length);
    static int onHeaderValue(http_parser *p, const char *at, size_t length);
    static int onHeadersComplete(http_parser *p);
    static int onBody(http_parser *p, const char *at, size_t length);
    static int onMessageComplete(http_parser *p);
    static const http_parser_settings &settings();

    void flushHeaderField();
    bool checkHeaders(); // false: error set
    void splitTarget();
    void setError(int status, const QString &message);
    Event failFromParser();

    http_parser m_parser;
    HttpServerLimits m_limits;
    HttpRequest m_request;
    QByteArray m_field;
    QByteArray m_value;
    bool m_lastWasValue = false;
    bool m_inMessage = false;
    bool m_headersDone = false;
    bool m_complete = false;
    bool m_expectContinue = false;
    qint64 m_headerBytes = 0;
    quint64 m_messagesBegun = 0;
    int m_errorStatus = 0;
    QString m_errorMessage;
};

} // namespace sluice
