#include "HttpRequestParser.h"

#include <QCoreApplication>

#include <algorithm>
#include <cstring>

namespace sluice {

namespace {

HttpRequestParser *requestParser(http_parser *p)
{
    return static_cast<HttpRequestParser *>(p->data);
}

// Method names as shared raw data: copying them never allocates.
const QByteArray &methodName(unsigned method)
{
    static const auto table = [] {
        std::vector<QByteArray> names;
#define SLUICE_METHOD(num, name, string) names.push_back(QByteArray::fromRawData(#string, sizeof(#string) - 1));
        HTTP_METHOD_MAP(SLUICE_METHOD)
#undef SLUICE_METHOD
        return names;
    }();
    static const QByteArray unknown = QByteArray::fromRawData("UNKNOWN", 7);
    return method < table.size() ? table[method] : unknown;
}

const QByteArray &httpScheme()
{
    static const QByteArray scheme = QByteArray::fromRawData("http", 4);
    return scheme;
}

bool equalsToken(QByteArray value, const char *token)
{
    value = value.trimmed();
    const auto len = static_cast<qsizetype>(std::strlen(token));
    return value.size() == len && qstrnicmp(value.constData(), token, len) == 0;
}

} // namespace

HttpRequestParser::HttpRequestParser(const HttpServerLimits &limits)
    : m_limits(limits)
{
    http_parser_init(&m_parser, HTTP_REQUEST);
    m_parser.data = this;
    m_request.scheme = httpScheme();
}

const http_parser_settings &HttpRequestParser::settings()
{
    static const http_parser_settings s = [] {
        http_parser_settings v;
        http_parser_settings_init(&v);
        v.on_message_begin = &HttpRequestParser::onMessageBegin;
        v.on_url = &HttpRequestParser::onUrl;
        v.on_header_field = &HttpRequestParser::onHeaderField;
        v.on_header_value = &HttpRequestParser::onHeaderValue;
        v.on_headers_complete = &HttpRequestParser::onHeadersComplete;
        v.on_body = &HttpRequestParser::onBody;
        v.on_message_complete = &HttpRequestParser::onMessageComplete;
        return v;
    }();
    return s;
}

namespace {

// http_parser hands most pieces over whole: constructing the array costs less
// than append's growth path on an empty one.
void appendPiece(QByteArray &to, const char *at, size_t length)
{
    if (to.isEmpty())
        to = QByteArray(at, static_cast<qsizetype>(length));
    else
        to.append(at, static_cast<qsizetype>(length));
}

} // namespace

HttpRequestParser::Event HttpRequestParser::parse(const char *data, qsizetype size, qsizetype *consumed)
{
    *consumed = 0;
    if (m_errorStatus != 0)
        return Event::Error;

    qsizetype offset = 0;
    while (offset < size) {
        const bool headerPhase = !m_headersDone;
        qsizetype chunk = size - offset;
        if (headerPhase) // never let more than the limit (+1 to detect it) into the header phase
            chunk = std::min<qsizetype>(chunk, std::max<qint64>(1, m_limits.maxHeaderBytes - m_headerBytes + 1));

        const size_t n = http_parser_execute(&m_parser, &settings(), data + offset, static_cast<size_t>(chunk));
        offset += static_cast<qsizetype>(n);
        *consumed = offset;
        if (headerPhase) {
            m_headerBytes += static_cast<qint64>(n);
            // Paused at the end of the headers, the final LF is still unconsumed.
            const qint64 total = m_headerBytes + (m_headersDone ? 1 : 0);
            if (total > m_limits.maxHeaderBytes) {
                setError(431, tr("Request header fields too large"));
                return Event::Error;
            }
        }

        const http_errno err = HTTP_PARSER_ERRNO(&m_parser);
        if (err == HPE_PAUSED) {
            http_parser_pause(&m_parser, 0);
            if (m_complete) {
                m_complete = false;
                return Event::RequestComplete;
            }
            // Paused at the end of the headers.
            if (!checkHeaders())
                return Event::Error;
            if (m_expectContinue) {
                m_expectContinue = false;
                return Event::ExpectContinue;
            }
            continue;
        }
        if (err != HPE_OK)
            return failFromParser();
        if (n == 0)
            break; // defensive: no progress without an error
    }
    return Event::NeedMoreData;
}

HttpRequest HttpRequestParser::takeRequest()
{
    HttpRequest result = std::move(m_request);
    m_request.method.clear();
    m_request.target.clear();
    m_request.path.clear();
    m_request.query.clear();
    m_request.headers.clear();
    m_request.headers.reserve(12); // most requests fit: one allocation for the list
    m_request.body.clear();
    m_request.versionMajor = 1;
    m_request.versionMinor = 1;
    m_request.keepAlive = true;
    m_request.scheme = httpScheme();
    return result;
}

int HttpRequestParser::onMessageBegin(http_parser *p)
{
    HttpRequestParser *d = requestParser(p);
    d->m_inMessage = true;
    d->m_headersDone = false;
    d->m_lastWasValue = false;
    d->m_field.clear();
    d->m_value.clear();
    ++d->m_messagesBegun;
    return 0;
}

int HttpRequestParser::onUrl(http_parser *p, const char *at, size_t length)
{
    appendPiece(requestParser(p)->m_request.target, at, length);
    return 0;
}

void HttpRequestParser::flushHeaderField()
{
    if (m_field.isEmpty() && m_value.isEmpty())
        return;
    m_request.headers.add(m_field, m_value);
    m_field.clear();
    m_value.clear();
}

int HttpRequestParser::onHeaderField(http_parser *p, const char *at, size_t length)
{
    HttpRequestParser *d = requestParser(p);
    if (d->m_lastWasValue) {
        d->flushHeaderField();
        d->m_lastWasValue = false;
    }
    appendPiece(d->m_field, at, length);
    return 0;
}

int HttpRequestParser::onHeaderValue(http_parser *p, const char *at, size_t length)
{
    HttpRequestParser *d = requestParser(p);
    d->m_lastWasValue = true;
    appendPiece(d->m_value, at, length);
    return 0;
}

int HttpRequestParser::onHeadersComplete(http_parser *p)
{
    HttpRequestParser *d = requestParser(p);
    d->flushHeaderField();
    d->m_headersDone = true;
    // Hand control back: parse() checks limits and Expect before the body is read.
    http_parser_pause(p, 1);
    return 0;
}

int HttpRequestParser::onBody(http_parser *p, const char *at, size_t length)
{
    HttpRequestParser *d = requestParser(p);
    if (d->m_request.body.size() + static_cast<qint64>(length) > d->m_limits.maxBodyBytes) {
        d->setError(413, tr("Request entity too large"));
        return 1;
    }
    d->m_request.body.append(at, static_cast<qsizetype>(length));
    return 0;
}

int HttpRequestParser::onMessageComplete(http_parser *p)
{
    HttpRequestParser *d = requestParser(p);
    d->m_request.keepAlive = http_should_keep_alive(p) != 0;
    d->m_inMessage = false;
    d->m_headersDone = false;
    d->m_complete = true;
    d->m_headerBytes = 0;
    http_parser_pause(p, 1);
    return 0;
}

bool HttpRequestParser::checkHeaders()
{
    HttpRequest &r = m_request;
    r.method = methodName(m_parser.method);
    r.versionMajor = m_parser.http_major;
    r.versionMinor = m_parser.http_minor;
    r.keepAlive = http_should_keep_alive(&m_parser) != 0;

    if (m_parser.http_major != 1) {
        setError(505, tr("HTTP version not supported"));
        return false;
    }
    if (m_parser.method == HTTP_CONNECT) {
        setError(501, tr("The CONNECT method is not supported"));
        return false;
    }
    const bool chunked = (m_parser.flags & F_CHUNKED) != 0;
    if (chunked || r.headers.contains("Transfer-Encoding")) {
        if (!equalsToken(r.headers.combined("Transfer-Encoding"), "chunked")) {
            setError(501, tr("Transfer-Encoding other than chunked is not supported"));
            return false;
        }
    }
    const bool hasLength = (m_parser.flags & F_CONTENTLENGTH) != 0;
    if (hasLength && m_parser.content_length > static_cast<quint64>(m_limits.maxBodyBytes)) {
        setError(413, tr("Request entity too large"));
        return false;
    }
    if (r.headers.contains("Expect")) {
        if (!equalsToken(r.headers.combined("Expect"), "100-continue")) {
            setError(417, tr("Expectation failed"));
            return false;
        }
        const bool hasBody = chunked || (hasLength && m_parser.content_length > 0);
        m_expectContinue = hasBody && m_parser.http_minor >= 1;
    }
    if (hasLength && m_parser.content_length > 0)
        r.body.reserve(static_cast<qsizetype>(m_parser.content_length));
    splitTarget();
    return true;
}

void HttpRequestParser::splitTarget()
{
    HttpRequest &r = m_request;
    const QByteArray &t = r.target;
    if (t.startsWith('/')) {
        qsizetype end = t.size();
        const qsizetype hash = t.indexOf('#');
        if (hash >= 0)
            end = hash;
        const qsizetype q = t.indexOf('?');
        if (q >= 0 && q < end) {
            r.path = t.left(q);
            r.query = t.mid(q + 1, end - q - 1);
        } else {
            r.path = end == t.size() ? t : t.left(end);
        }
        return;
    }
    if (t == "*") {
        r.path = t;
        return;
    }
    // absolute-form (a client talking to us as to a proxy)
    http_parser_url url;
    http_parser_url_init(&url);
    if (http_parser_parse_url(t.constData(), static_cast<size_t>(t.size()), 0, &url) != 0) {
        r.path = "/";
        return;
    }
    auto field = [&](int f) {
        return (url.field_set & (1 << f)) ? t.mid(url.field_data[f].off, url.field_data[f].len) : QByteArray();
    };
    r.path = field(UF_PATH);
    if (r.path.isEmpty())
        r.path = "/";
    r.query = field(UF_QUERY);
}

void HttpRequestParser::setError(int status, const QString &message)
{
    if (m_errorStatus != 0)
        return;
    m_errorStatus = status;
    m_errorMessage = message;
}

HttpRequestParser::Event HttpRequestParser::failFromParser()
{
    if (m_errorStatus != 0) // set by a callback
        return Event::Error;
    const http_errno err = HTTP_PARSER_ERRNO(&m_parser);
    switch (err) {
    case HPE_HEADER_OVERFLOW:
        setError(431, tr("Request header fields too large"));
        break;
    case HPE_INVALID_TRANSFER_ENCODING:
        setError(501, tr("Transfer-Encoding other than chunked is not supported"));
        break;
    default:
        setError(400, tr("Bad request: %1").arg(QString::fromUtf8(http_errno_description(err))));
        break;
    }
    return Event::Error;
}

} // namespace sluice
