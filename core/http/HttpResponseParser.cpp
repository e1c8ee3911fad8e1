#include "HttpResponseParser.h"

#include <QCoreApplication>

#include <algorithm>

namespace sluice {

namespace {

HttpResponseParser *responseParser(http_parser *parser)
{
    return static_cast<HttpResponseParser *>(parser->data);
}

// Largest body buffer reserved up front from a Content-Length header.
constexpr qsizetype MaxReserve = 8 * 1024 * 1024;

// Removes a final "chunked" transfer coding (http_parser decodes it); returns
// what is left, possibly empty.
QByteArray withoutChunked(const QByteArray &value)
{
    const QByteArray trimmed = value.trimmed();
    const int comma = trimmed.lastIndexOf(',');
    const QByteArray last = trimmed.mid(comma + 1).trimmed();
    if (last.compare("chunked", Qt::CaseInsensitive) != 0)
        return value;
    return comma < 0 ? QByteArray() : trimmed.left(comma).trimmed();
}

} // namespace

const http_parser_settings &HttpResponseParser::settings()
{
    static const http_parser_settings s = [] {
        http_parser_settings v;
        http_parser_settings_init(&v);
        v.on_message_begin = &HttpResponseParser::onMessageBegin;
        v.on_status = &HttpResponseParser::onStatus;
        v.on_header_field = &HttpResponseParser::onHeaderField;
        v.on_header_value = &HttpResponseParser::onHeaderValue;
        v.on_headers_complete = &HttpResponseParser::onHeadersComplete;
        v.on_body = &HttpResponseParser::onBody;
        v.on_message_complete = &HttpResponseParser::onMessageComplete;
        return v;
    }();
    return s;
}

HttpResponseParser::HttpResponseParser()
{
    reset(false);
}

void HttpResponseParser::reset(bool noBodyExpected)
{
    http_parser_init(&m_parser, HTTP_RESPONSE);
    m_parser.data = this;
    m_response = HttpResponse();
    m_field.clear();
    m_value.clear();
    m_state = State::Incomplete;
    m_trailingBytes = 0;
    m_errorText.clear();
    m_noBodyExpected = noBodyExpected;
    m_headersDone = false;
    m_inValue = false;
    m_receivedBytes = false;
    m_keepAlive = false;
}

HttpResponseParser::State HttpResponseParser::feed(const char *data, qsizetype size)
{
    if (m_state != State::Incomplete || size <= 0)
        return m_state;
    m_receivedBytes = true;
    const size_t parsed = http_parser_execute(&m_parser, &settings(), data, static_cast<size_t>(size));
    if (m_state == State::Complete) {
        m_trailingBytes = size - static_cast<qsizetype>(parsed);
        return m_state;
    }
    const auto error = static_cast<http_errno>(m_parser.http_errno);
    if (error != HPE_OK && m_state == State::Incomplete)
        fail(QCoreApplication::translate("HttpResponseParser", "malformed response from backend: %1")
                 .arg(QString::fromUtf8(http_errno_description(error))));
    else if (m_parser.upgrade && m_state == State::Incomplete)
        fail(QCoreApplication::translate("HttpResponseParser", "backend switched protocols unexpectedly"));
    return m_state;
}

HttpResponseParser::State HttpResponseParser::finish()
{
    if (m_state != State::Incomplete)
        return m_state;
    http_parser_execute(&m_parser, &settings(), nullptr, 0);
    if (m_state == State::Incomplete) {
        fail(m_receivedBytes ? QCoreApplication::translate(
                 "HttpResponseParser", "backend closed the connection before the response was complete")
                             : QCoreApplication::translate("HttpResponseParser",
                                                           "backend closed the connection without a response"));
    }
    return m_state;
}

HttpResponse HttpResponseParser::takeResponse()
{
    return std::move(m_response);
}

void HttpResponseParser::fail(const QString &text)
{
    m_state = State::Error;
    m_errorText = text;
}

void HttpResponseParser::flushField()
{
    if (!m_inValue)
        return;
    m_inValue = false;
    if (HttpHeaders::nameEquals(m_field, QByteArrayLiteral("Transfer-Encoding"))) {
        const QByteArray rest = withoutChunked(m_value);
        if (!rest.isEmpty())
            m_response.headers.add(m_field, rest);
    } else {
        m_response.headers.add(m_field, m_value);
    }
    m_field = QByteArray();
    m_value = QByteArray();
}

int HttpResponseParser::onMessageBegin(http_parser *parser)
{
    HttpResponseParser *p = responseParser(parser);
    p->m_response = HttpResponse();
    p->m_headersDone = false;
    p->m_inValue = false;
    p->m_field.clear();
    p->m_value.clear();
    return 0;
}

int HttpResponseParser::onStatus(http_parser *parser, const char *at, size_t length)
{
    responseParser(parser)->m_response.reason.append(at, static_cast<qsizetype>(length));
    return 0;
}

int HttpResponseParser::onHeaderField(http_parser *parser, const char *at, size_t length)
{
    HttpResponseParser *p = responseParser(parser);
    if (p->m_headersDone)
        return 0; // trailer
    if (p->m_inValue)
        p->flushField();
    p->m_field.append(at, static_cast<qsizetype>(length));
    return 0;
}

int HttpResponseParser::onHeaderValue(http_parser *parser, const char *at, size_t length)
{
    HttpResponseParser *p = responseParser(parser);
    if (p->m_headersDone)
        return 0; // trailer
    p->m_inValue = true;
    p->m_value.append(at, static_cast<qsizetype>(length));
    return 0;
}

int HttpResponseParser::onHeadersComplete(http_parser *parser)
{
    HttpResponseParser *p = responseParser(parser);
    p->flushField();
    p->m_headersDone = true;
    const int status = static_cast<int>(parser->status_code);
    p->m_response.status = status;
    const bool interim = status >= 100 && status < 200;
    if (p->m_noBodyExpected || interim || status == 204 || status == 304)
        return 1; // no body, whatever the headers say
    if (!(parser->flags & F_CHUNKED) && parser->content_length > 0 && parser->content_length != ULLONG_MAX)
        p->m_response.body.reserve(static_cast<qsizetype>(std::min<quint64>(parser->content_length, MaxReserve)));
    return 0;
}

int HttpResponseParser::onBody(http_parser *parser, const char *at, size_t length)
{
    responseParser(parser)->m_response.body.append(at, static_cast<qsizetype>(length));
    return 0;
}

int HttpResponseParser::onMessageComplete(http_parser *parser)
{
    HttpResponseParser *p = responseParser(parser);
    const int status = p->m_response.status;
    if (status >= 100 && status < 200 && status != 101)
        return 0; // interim response: the final one follows
    p->m_keepAlive = http_should_keep_alive(parser) != 0 && status != 101;
    p->m_state = State::Complete;
    http_parser_pause(parser, 1); // anything after the response is not ours
    return 0;
}

} // namespace sluice
