#pragma once

#include "Value.h"

#include <QByteArray>
#include <QDateTime>
#include <QList>
#include <QPair>
#include <QString>
#include <QStringList>
#include <QUrl>

namespace sluice {

enum class HttpMessageKind { Request, Response };

// Fields of `context` that are plain strings. The host returns "" for what it
// does not know.
enum class HostField {
    ApiId, ApiName, ApiPath, ApiServiceUrl, ApiVersion, ApiRevision,
    OperationId, OperationMethod, OperationName, OperationUrlTemplate,
    ProductId, ProductName,
    SubscriptionId, SubscriptionKey, SubscriptionName, SubscriptionPrimaryKey, SubscriptionSecondaryKey,
    UserId, UserEmail, UserFirstName, UserLastName, UserNote,
    DeploymentRegion, DeploymentServiceName, DeploymentGatewayId, DeploymentServiceId,
    RequestId, ClientIpAddress,
    LastErrorSource, LastErrorReason, LastErrorMessage, LastErrorScope, LastErrorSection, LastErrorPath,
    LastErrorPolicyId,
};

// Objects of `context` that may be null (`context.Subscription?.Key`).
enum class HostObject { Subscription, User, Product, LastError, Response };

// What policy expressions see as `context`: the gateway implements this over
// its per-request state; TestHost implements it over plain maps for tests.
//
// Every accessor is called on the thread that evaluates, during evaluate(); an
// implementation needs no locking as long as one request is evaluated by one
// thread at a time. Strings returned are copied (implicitly shared) by the caller.
class ExpressionHost
{
public:
    virtual ~ExpressionHost() = default;

    // context.Request
    virtual QString requestMethod() const = 0;
    virtual QUrl requestUrl() const = 0;  // context.Request.Url (after rewrite-uri)
    virtual QUrl originalUrl() const = 0; // context.Request.OriginalUrl
    // context.Request.MatchedParameters (URL template parameters)
    virtual QString matchedParameter(QStringView name, bool *found) const = 0;
    virtual QStringList matchedParameterNames() const = 0;

    // Headers of the request or response: every value of `name` (case-insensitive),
    // in order; empty when absent.
    virtual QStringList headerValues(HttpMessageKind message, QStringView name) const = 0;
    virtual QStringList headerNames(HttpMessageKind message) const = 0;
    // All values joined by "," (APIM's GetValueOrDefault); override for speed.
    virtual QString headerValue(HttpMessageKind message, QStringView name, bool *found) const;

    // Body bytes of the request or response. `preserveContent` false means the
    // policy consumed the body (APIM empties it afterwards); the host may honour that.
    virtual QByteArray body(HttpMessageKind message) const = 0;
    virtual void bodyRead(HttpMessageKind message, bool preserveContent) const;

    // context.Response
    virtual int responseStatusCode() const = 0;
    virtual QString responseStatusReason() const = 0;

    // context.Variables (read-only in expressions).
    virtual Value variable(QStringView name, bool *found) const = 0;
    virtual QStringList variableNames() const = 0;

    virtual bool hasObject(HostObject object) const = 0;
    virtual QString field(HostField field) const = 0;
    virtual QStringList userGroups() const { return {}; }  // context.User.Groups (ids)
    virtual QStringList productGroups() const { return {}; }

    virtual QDateTime timestamp() const = 0; // context.Timestamp (UTC)
    virtual qint64 elapsedMilliseconds() const = 0; // context.Elapsed

    // context.Trace(source, message)
    virtual void trace(const QString &source, const QString &message) const;
};

} // namespace sluice
