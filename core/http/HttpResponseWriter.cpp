#include "HttpResponseWriter.h"

#include "common/Decimal.h"

#include <cstdio>
#include <cstring>
#include <ctime>
#include <vector>

namespace sluice {

namespace {

// Writes into memory the caller sized beforehand: one resize per response
// instead of a capacity check per piece.
class Cursor
{
public:
    explicit Cursor(char *at)
        : m_at(at)
    { }

    void put(const char *data, qsizetype size)
    {
        if (size > 0) {
            std::memcpy(m_at, data, static_cast<size_t>(size));
            m_at += size;
        }
    }
    void put(QByteArrayView text) { put(text.data(), text.size()); }
    template<size_t N> void literal(const char (&text)[N]) { put(text, N - 1); }
    void number(qint64 value) { m_at = writeDecimal(m_at, value); }
    char *at() const { return m_at; }

private:
    char *m_at;
};

// standardReason() builds a new array per call; keep one copy per status.
const QByteArray &reasonFor(int status)
{
    static const std::vector<QByteArray> reasons = [] {
        std::vector<QByteArray> v;
        v.reserve(900);
        for (int s = 100; s <= 999; ++s)
            v.push_back(HttpResponse::standardReason(s));
        return v;
    }();
    return reasons[static_cast<size_t>(status - 100)];
}

} // namespace

bool HttpResponseWriter::requestsClose(const HttpResponse &response)
{
    return response.headers.hasToken("Connection", "close");
}

bool HttpResponseWriter::write(const HttpResponse &response, int flags, QByteArray &out)
{
    const int status = (response.status >= 100 && response.status <= 999) ? response.status : 500;
    const bool bodyAllowed = statusAllowsBody(status);
    const bool sendBody = bodyAllowed && !(flags & HeadRequest) && !response.body.isEmpty();
    const bool inlineBody = sendBody && response.body.size() <= inlineBodyLimit;
    const QByteArray &reason =
        !response.reason.isEmpty() && !HttpHeaders::hasLineBreak(response.reason) ? response.reason : reasonFor(status);

    // An upper bound of what is written below: the status line, every field,
    // Date, Content-Length, Connection and the blank line.
    const QByteArrayView wire = response.headers.wireLines();
    qsizetype bound = 16 + reason.size() + wire.size() + 64 + 40 + 32 + 2;
    for (const auto &field : response.headers.fieldsAfterWire())
        bound += field.first.size() + field.second.size() + 4;
    if (inlineBody)
        bound += response.body.size();
    const qsizetype start = out.size();
    out.resize(start + bound);
    Cursor c(out.data() + start);

    c.literal("HTTP/1.1 ");
    c.number(status);
    c.literal(" ");
    c.put(reason);
    c.literal("\r\n");

    // Wire-form fields are copied as they are: fromWire's contract keeps line
    // breaks and the framing fields out of them.
    c.put(wire);
    bool hasDate = !wire.isEmpty() && response.headers.contains("Date");
    QByteArrayView givenLength;
    for (const auto &field : response.headers.fieldsAfterWire()) {
        if (field.first.isEmpty() || HttpHeaders::hasLineBreak(field.first) || HttpHeaders::hasLineBreak(field.second))
            continue; // never let a handler split the response
        if (HttpHeaders::isFramingField(field.first)) {
            if (HttpHeaders::nameEquals(field.first, "Content-Length"))
                givenLength = field.second;
            continue;
        }
        if (!hasDate && HttpHeaders::nameEquals(field.first, "Date"))
            hasDate = true;
        c.put(field.first);
        c.literal(": ");
        c.put(field.second);
        c.literal("\r\n");
    }
    if (!hasDate) {
        c.literal("Date: ");
        c.put(currentHttpDate());
        c.literal("\r\n");
    }
    if (bodyAllowed) {
        c.literal("Content-Length: ");
        bool lengthOk = false;
        const qint64 given = givenLength.trimmed().toLongLong(&lengthOk);
        if ((flags & HeadRequest) && response.body.isEmpty() && lengthOk && given >= 0)
            c.number(given); // HEAD forwarded: keep the length the origin announced
        else
            c.number(response.body.size());
        c.literal("\r\n");
    }
    if (flags & CloseConnection)
        c.literal("Connection: close\r\n");
    else if (flags & KeepAliveHeader)
        c.literal("Connection: keep-alive\r\n");
    c.literal("\r\n");

    if (inlineBody)
        c.put(response.body);
    out.resize(c.at() - out.constData());
    return sendBody && !inlineBody;
}

QByteArray HttpResponseWriter::httpDate(qint64 secondsSinceEpoch)
{
    static const char days[7][4] = {"Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"};
    static const char months[12][4] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                       "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
    const std::time_t t = static_cast<std::time_t>(secondsSinceEpoch);
    std::tm tm {};
    gmtime_r(&t, &tm);
    char buffer[40];
    const int n =
        std::snprintf(buffer, sizeof buffer, "%s, %02d %s %04d %02d:%02d:%02d GMT", days[tm.tm_wday % 7], tm.tm_mday,
                      months[tm.tm_mon % 12], tm.tm_year + 1900, tm.tm_hour, tm.tm_min, tm.tm_sec);
    return QByteArray(buffer, n);
}

const QByteArray &HttpResponseWriter::currentHttpDate()
{
    thread_local qint64 cachedSecond = -1;
    thread_local QByteArray cached;
    const qint64 now = static_cast<qint64>(std::time(nullptr));
    if (now != cachedSecond) {
        cachedSecond = now;
        cached = httpDate(now);
    }
    return cached;
}

} // namespace sluice
