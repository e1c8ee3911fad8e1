#pragma once

#include "HttpMessage.h"

#include <QString>

#include <http_parser.h>

namespace sluice {

// Incremental HTTP/1.x response parser on top of http_parser (HTTP_RESPONSE).
// One instance per upstream connection, reset before each exchange. Handles
// Content-Length, chunked and read-until-close bodies, skips 1xx interim
// responses and knows that HEAD, 204 and 304 responses carry no body. The
// decoded response drops `Transfer-Encoding: chunked` (the body is decoded);
// every other field is kept in wire order. Trailers are dropped.
class HttpResponseParser
{
public:
    enum class State { Incomplete, Complete, Error };

    HttpResponseParser();
    HttpResponseParser(const HttpResponseParser &) = delete;
    HttpResponseParser &operator=(const HttpResponseParser &) = delete;

    // Starts a new response. `noBodyExpected` for responses to HEAD.
    void reset(bool noBodyExpected);

    // Feeds received bytes. Stops at the end of the final response: bytes after
    // it are not consumed (see trailingBytes()).
    State feed(const char *data, qsizetype size);
    // The peer closed the connection: completes a read-until-close body, or
    // reports an error when the response is incomplete.
    State finish();

    State state() const { return m_state; }
    bool hasReceivedBytes() const { return m_receivedBytes; }
    // Bytes that followed the final response in the last feed() call.
    qsizetype trailingBytes() const { return m_trailingBytes; }
    // Whether the connection may carry another exchange (valid when Complete).
    bool keepAlive() const { return m_keepAlive; }
    QString errorText() const { return m_errorText; }

    HttpResponse takeResponse();

private:
    static int onMessageBegin(http_parser *parser);
    static int onStatus(http_parser *parser, const char *at, size_t length);
    static int onHeaderField(http_parser *parser, const char *at, size_t length);
    static int onHeaderValue(http_parser *parser, const char *at, size_t length);
    static int onHeadersComplete(http_parser *parser);
    static int onBody(http_parser *parser, const char *at, size_t length);
    static int onMessageComplete(http_parser *parser);

    void flushField();
    void fail(const QString &text);
    static const http_parser_settings &settings();

    http_parser m_parser;
    HttpResponse m_response;
    QByteArray m_field;
    QByteArray m_value;
    State m_state = State::Incomplete;
    qsizetype m_trailingBytes = 0;
    QString m_errorText;
    bool m_noBodyExpected = false;
    bool m_headersDone = false;
    bool m_inValue = false;
    bool m_receivedBytes = false;
    bool m_keepAlive = false;
};

} // namespace sluice
