#include "UpstreamTestSupport.h"

#include <QTest>

namespace sluice::test {

UpstreamRequest upstreamRequest(const QUrl &url, const QByteArray &method, const QByteArray &body)
{
    UpstreamRequest r;
    r.method = method;
    r.url = url;
    r.body = body;
    r.timeoutMs = 10'000;
    return r;
}

std::optional<UpstreamResult> exchange(UpstreamClient &client, UpstreamRequest request, int waitMs)
{
    std::optional<UpstreamResult> out;
    QObject context;
    int calls = 0;
    client.send(std::move(request), &context, [&](UpstreamResult result) {
        ++calls;
        out = std::move(result);
    });
    if (!QTest::qWaitFor([&] { return out.has_value(); }, waitMs))
        return std::nullopt;
    if (calls > 1)
        return std::nullopt;
    return out;
}

QByteArrayList headerLines(const HttpHeaders &headers)
{
    QByteArrayList lines;
    for (const HttpHeaders::Field &field : headers.fields())
        lines.append(field.first + ": " + field.second);
    return lines;
}

} // namespace sluice::test
