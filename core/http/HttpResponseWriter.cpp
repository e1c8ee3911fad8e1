#include "HttpResponseWriter.h"

#include <cstdio>
#include <cstring>
#include <ctime>
#include <vector>

namespace sluice {

namespace {

void appendLiteral(QByteArray &out, const char *text)
{
    out.append(text, static_cast<qsizetype>(std::strlen(text)));
}

void appendNumber(QByteArray &out, qint64 value)
{
    char digits[24];
    int n = 0;
    quint64 v = value < 0 ? 0 : static_cast<quint64>(value);
    do {
        digits[n++] = static_cast<char>('0' + v % 10);
        v /= 10;
    } while (v != 0);
    while (n > 0)
        out.append(digits[--n]);
}

bool hasLineBreak(const QByteArray &text)
{
    return std::memchr(text.constData(), '\r', static_cast<size_t>(text.size())) != nullptr
        || std::memchr(text.constData(), '\n', static_cast<size_t>(text.size())) != nullptr;
}

bool isHopOrFraming(const QByteArray &name)
{
    // Fields this writer owns.
    return HttpHeaders::nameEquals(name, "Content-Length") || HttpHeaders::nameEquals(name, "Transfer-Encoding")
        || HttpHeaders::nameEquals(name, "Connection");
}

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
    for (const auto &field : response.headers.fields()) {
        if (HttpHeaders::nameEquals(field.first, "Connection") && field.second.toLower().contains("close"))
            return true;
    }
    return false;
}

bool HttpResponseWriter::write(const HttpResponse &response, int flags, QByteArray &out)
{
    const int status = (response.status >= 100 && response.status <= 999) ? response.status : 500;
    const bool bodyAllowed = statusAllowsBody(status);
    const bool sendBody = bodyAllowed && !(flags & HeadRequest) && !response.body.isEmpty();
    const bool inlineBody = sendBody && response.body.size() <= inlineBodyLimit;

    qsizetype estimate = 128 + response.reason.size();
    for (const auto &field : response.headers.fields())
        estimate += field.first.size() + field.second.size() + 4;
    if (inlineBody)
        estimate += response.body.size();
    out.reserve(out.size() + estimate);

    appendLiteral(out, "HTTP/1.1 ");
    appendNumber(out, status);
    out.append(' ');
    if (!response.reason.isEmpty() && !hasLineBreak(response.reason))
        out.append(response.reason);
    else
        out.append(reasonFor(status));
    appendLiteral(out, "\r\n");

    bool hasDate = false;
    QByteArray givenLength;
    for (const auto &field : response.headers.fields()) {
        if (field.first.isEmpty() || hasLineBreak(field.first) || hasLineBreak(field.second))
            continue; // never let a handler split the response
        if (isHopOrFraming(field.first)) {
            if (HttpHeaders::nameEquals(field.first, "Content-Length"))
                givenLength = field.second.trimmed();
            continue;
        }
        if (!hasDate && HttpHeaders::nameEquals(field.first, "Date"))
            hasDate = true;
        out.append(field.first);
        appendLiteral(out, ": ");
        out.append(field.second);
        appendLiteral(out, "\r\n");
    }
    if (!hasDate) {
        appendLiteral(out, "Date: ");
        out.append(currentHttpDate());
        appendLiteral(out, "\r\n");
    }
    if (bodyAllowed) {
        appendLiteral(out, "Content-Length: ");
        bool lengthOk = false;
        const qint64 given = givenLength.toLongLong(&lengthOk);
        if ((flags & HeadRequest) && response.body.isEmpty() && lengthOk && given >= 0)
            appendNumber(out, given); // HEAD forwarded: keep the length the origin announced
        else
            appendNumber(out, response.body.size());
        appendLiteral(out, "\r\n");
    }
    if (flags & CloseConnection)
        appendLiteral(out, "Connection: close\r\n");
    else if (flags & KeepAliveHeader)
        appendLiteral(out, "Connection: keep-alive\r\n");
    appendLiteral(out, "\r\n");

    if (inlineBody)
        out.append(response.body);
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
