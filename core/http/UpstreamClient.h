#pragma once

#include "HttpMessage.h"

#include <QObject>
#include <QUrl>

#include <functional>

namespace sluice {

struct UpstreamRequest
{
    QByteArray method = "GET";
    QUrl url;           // absolute http:// or https:// URL, path and query already encoded
    HttpHeaders headers; // sent as given (the caller drops hop-by-hop fields); Host is set from url when absent
    QByteArray body;
    int timeoutMs = 300'000; // whole exchange: connect + send + full response (APIM default 300 s)
};

struct UpstreamResult
{
    enum class Error { None, ConnectFailed, Timeout, Tls, Protocol, Cancelled };

    Error error = Error::None;
    QString errorText; // for logs and context.LastError; never a secret
    HttpResponse response;

    bool ok() const { return error == Error::None; }
};

// Sends requests to backends. Implementations keep connections alive and pool
// them; `done` is called exactly once, on the caller's thread, unless
// `context` was destroyed first (then never).
class UpstreamClient
{
public:
    virtual ~UpstreamClient() = default;
    virtual void send(UpstreamRequest request, QObject *context,
                      std::function<void(UpstreamResult)> done) = 0;
};

} // namespace sluice
