#pragma once

#include "ExpressionHost.h"
#include "Value.h"

#include <QByteArray>
#include <QList>
#include <QPair>
#include <QUrl>

namespace sluice {

// The runtime objects behind `context`: the ones over the host are borrowed
// (they live in the EvaluationContext, no allocation per access); the
// snapshots own their data (a response stored by send-request in a variable).

using HeaderList = QList<QPair<QString, QString>>;

// IReadOnlyDictionary<string, string[]> of message headers.
class HeadersObject : public ExprObject
{
public:
    virtual QStringList values(QStringView name) const = 0;
    virtual QStringList names() const = 0;
    virtual QString joined(QStringView name, bool *found) const;
    const TypeInfo *exprType() const override;
    bool enumerate(std::vector<Value> *out) const override;
};

class HostHeaders final : public HeadersObject
{
public:
    HostHeaders(const ExpressionHost *host, HttpMessageKind kind)
        : m_host(host)
        , m_kind(kind)
    {}
    QStringList values(QStringView name) const override { return m_host->headerValues(m_kind, name); }
    QStringList names() const override { return m_host->headerNames(m_kind); }
    QString joined(QStringView name, bool *found) const override { return m_host->headerValue(m_kind, name, found); }
    bool isBorrowed() const override { return true; }
    ExprObjectPtr detach() const override;

private:
    const ExpressionHost *m_host;
    HttpMessageKind m_kind;
};

class SnapshotHeaders final : public HeadersObject
{
public:
    explicit SnapshotHeaders(HeaderList headers = {})
        : m_headers(std::move(headers))
    {}
    QStringList values(QStringView name) const override;
    QStringList names() const override;

private:
    HeaderList m_headers;
};

// IMessageBody
class BodyObject : public ExprObject
{
public:
    virtual QByteArray bytes() const = 0;
    virtual void read(bool /*preserveContent*/) const {}
    const TypeInfo *exprType() const override;
};

class HostBody final : public BodyObject
{
public:
    HostBody(const ExpressionHost *host, HttpMessageKind kind)
        : m_host(host)
        , m_kind(kind)
    {}
    QByteArray bytes() const override { return m_host->body(m_kind); }
    void read(bool preserveContent) const override { m_host->bodyRead(m_kind, preserveContent); }
    bool isBorrowed() const override { return true; }

private:
    const ExpressionHost *m_host;
    HttpMessageKind m_kind;
};

class SnapshotBody final : public BodyObject
{
public:
    explicit SnapshotBody(QByteArray bytes = {})
        : m_bytes(std::move(bytes))
    {}
    QByteArray bytes() const override { return m_bytes; }

private:
    QByteArray m_bytes;
};

// IUrl
class UrlObject : public ExprObject
{
public:
    virtual QUrl url() const = 0;
    const TypeInfo *exprType() const override;
    QString toString() const override;
};

class HostUrl final : public UrlObject
{
public:
    HostUrl(const ExpressionHost *host, bool original)
        : m_host(host)
        , m_original(original)
    {}
    QUrl url() const override { return m_original ? m_host->originalUrl() : m_host->requestUrl(); }
    bool isBorrowed() const override { return true; }
    ExprObjectPtr detach() const override;

private:
    const ExpressionHost *m_host;
    bool m_original;
};

class ValueUrl final : public UrlObject
{
public:
    explicit ValueUrl(QUrl url)
        : m_url(std::move(url))
    {}
    QUrl url() const override { return m_url; }

private:
    QUrl m_url;
};

// IResponse
class ResponseObject : public ExprObject
{
public:
    virtual int statusCode() const = 0;
    virtual QString statusReason() const = 0;
    // self: the Value holding this object (so that the parts share its ownership)
    virtual Value headers(const Value &self) const = 0;
    virtual Value body(const Value &self) const = 0;
    const TypeInfo *exprType() const override;
};

// A response kept beyond its request, e.g. stored by send-request in
// `response-variable-name`: the gateway stores
// Value::fromObject(std::make_shared<ResponseSnapshot>(...)) as the variable.
class ResponseSnapshot final : public ResponseObject
{
public:
    ResponseSnapshot(int statusCode, QString statusReason, HeaderList headers, QByteArray body)
        : m_status(statusCode)
        , m_reason(std::move(statusReason))
        , m_headers(std::move(headers))
        , m_body(std::move(body))
    {}
    int statusCode() const override { return m_status; }
    QString statusReason() const override { return m_reason; }
    Value headers(const Value &self) const override;
    Value body(const Value &self) const override;

private:
    int m_status;
    QString m_reason;
    SnapshotHeaders m_headers;
    SnapshotBody m_body;
};

class HostResponse final : public ResponseObject
{
public:
    HostResponse(const ExpressionHost *host, ExprObject *headers, ExprObject *body)
        : m_host(host)
        , m_headers(headers)
        , m_body(body)
    {}
    int statusCode() const override { return m_host->responseStatusCode(); }
    QString statusReason() const override { return m_host->responseStatusReason(); }
    Value headers(const Value &) const override { return Value::borrowed(m_headers); }
    Value body(const Value &) const override { return Value::borrowed(m_body); }
    bool isBorrowed() const override { return true; }
    ExprObjectPtr detach() const override;

private:
    const ExpressionHost *m_host;
    ExprObject *m_headers;
    ExprObject *m_body;
};

// context, context.Request, context.Subscription, ... : a part of the host.
class HostPart final : public ExprObject
{
public:
    enum Part {
        Context, Request, Subscription, User, Api, Operation, Product, Deployment, LastError, Variables,
        MatchedParameters, PartCount
    };
    HostPart(const ExpressionHost *host, Part part)
        : m_host(host)
        , m_part(part)
    {}
    const ExpressionHost *host() const { return m_host; }
    Part part() const { return m_part; }
    const TypeInfo *exprType() const override;
    bool isBorrowed() const override { return true; }
    bool enumerate(std::vector<Value> *out) const override;

private:
    const ExpressionHost *m_host;
    Part m_part;
};

// Everything `context` reaches without allocating, per EvaluationContext.
struct ContextObjects
{
    explicit ContextObjects(const ExpressionHost *host);

    HostHeaders requestHeaders;
    HostHeaders responseHeaders;
    HostBody requestBody;
    HostBody responseBody;
    HostUrl url;
    HostUrl originalUrl;
    HostResponse response;
    HostPart parts[HostPart::PartCount];
};

} // namespace sluice
