#include "GatewayExpressionHost.h"

#include "GatewayConfig.h"
#include "GatewayRuntime.h"
#include "RequestContext.h"
#include "common/RequestLog.h"

namespace sluice {

namespace {

const HttpHeaders &headersOf(const RequestContext &ctx, HttpMessageKind message)
{
    return message == HttpMessageKind::Request ? ctx.requestHeaders : ctx.response.headers;
}

QUrl urlOf(const QByteArray &scheme, const QByteArray &host, const QString &pathAndQueryEncoded)
{
    return QUrl::fromEncoded(scheme + "://" + (host.isEmpty() ? QByteArray("localhost") : host)
                                 + pathAndQueryEncoded.toUtf8(),
                             QUrl::TolerantMode);
}

} // namespace

QString GatewayExpressionHost::requestMethod() const
{
    return QString::fromLatin1(m_ctx.method);
}

QUrl GatewayExpressionHost::requestUrl() const
{
    // APIM's context.Request.Url is the backend URL as the pipeline shaped it.
    QString base = m_ctx.backendBaseUrl;
    while (base.endsWith(QLatin1Char('/')))
        base.chop(1);
    QByteArray url = base.toUtf8() + m_ctx.path.toUtf8();
    const QByteArray query = m_ctx.encodedQuery();
    if (!query.isEmpty())
        url += '?' + query;
    return QUrl::fromEncoded(url, QUrl::TolerantMode);
}

QUrl GatewayExpressionHost::originalUrl() const
{
    const HttpRequest &r = m_ctx.originalRequest();
    return urlOf(r.scheme, r.headers.value("Host"), QString::fromLatin1(r.target));
}

QString GatewayExpressionHost::matchedParameter(QStringView name, bool *found) const
{
    for (const auto &[n, v] : m_ctx.matchedParameters) {
        if (n.compare(name, Qt::CaseInsensitive) == 0) {
            *found = true;
            return v;
        }
    }
    *found = false;
    return {};
}

QStringList GatewayExpressionHost::matchedParameterNames() const
{
    QStringList names;
    for (const auto &p : m_ctx.matchedParameters)
        names.append(p.first);
    return names;
}

QStringList GatewayExpressionHost::headerValues(HttpMessageKind message, QStringView name) const
{
    QStringList values;
    const QByteArray key = name.toLatin1();
    for (const QByteArray &v : headersOf(m_ctx, message).values(key))
        values.append(QString::fromLatin1(v));
    return values;
}

QStringList GatewayExpressionHost::headerNames(HttpMessageKind message) const
{
    QStringList names;
    for (const HttpHeaders::Field &f : headersOf(m_ctx, message).fields()) {
        const QString n = QString::fromLatin1(f.first);
        if (!names.contains(n, Qt::CaseInsensitive))
            names.append(n);
    }
    return names;
}

QString GatewayExpressionHost::headerValue(HttpMessageKind message, QStringView name, bool *found) const
{
    const HttpHeaders &headers = headersOf(m_ctx, message);
    const QByteArray key = name.toLatin1();
    *found = headers.contains(key);
    if (!*found)
        return {};
    QByteArray joined;
    for (const QByteArray &v : headers.values(key)) {
        if (!joined.isEmpty())
            joined += ',';
        joined += v;
    }
    return QString::fromLatin1(joined);
}

QByteArray GatewayExpressionHost::body(HttpMessageKind message) const
{
    return message == HttpMessageKind::Request ? m_ctx.requestBody : m_ctx.response.body;
}

int GatewayExpressionHost::responseStatusCode() const
{
    return m_ctx.response.status;
}

QString GatewayExpressionHost::responseStatusReason() const
{
    return m_ctx.response.reason.isEmpty() ? QString::fromLatin1(HttpResponse::standardReason(m_ctx.response.status))
                                           : QString::fromUtf8(m_ctx.response.reason);
}

Value GatewayExpressionHost::variable(QStringView name, bool *found) const
{
    const auto it = m_ctx.variables.constFind(name.toString());
    *found = it != m_ctx.variables.constEnd();
    return *found ? *it : Value();
}

QStringList GatewayExpressionHost::variableNames() const
{
    return m_ctx.variables.keys();
}

bool GatewayExpressionHost::hasObject(HostObject object) const
{
    switch (object) {
    case HostObject::Subscription: return m_ctx.subscription != nullptr;
    case HostObject::User: return m_ctx.user != nullptr;
    case HostObject::Product: return m_ctx.product != nullptr;
    case HostObject::LastError: return !m_ctx.lastError.reason.isEmpty() || !m_ctx.lastError.message.isEmpty();
    case HostObject::Response: return true;
    }
    return false;
}

QString GatewayExpressionHost::field(HostField f) const
{
    const Api *api = m_ctx.api;
    const Operation *op = m_ctx.operation;
    const Subscription *sub = m_ctx.subscription;
    const User *user = m_ctx.user;
    const Product *product = m_ctx.product;
    const LastError &e = m_ctx.lastError;
    switch (f) {
    case HostField::ApiId: return api ? api->id : QString();
    case HostField::ApiName: return api ? api->name : QString();
    case HostField::ApiPath: return api ? api->path : QString();
    case HostField::ApiServiceUrl: return api ? api->serviceUrl : QString();
    case HostField::ApiVersion:
    case HostField::ApiRevision: return api ? QStringLiteral("1") : QString();
    case HostField::OperationId: return op ? op->id : QString();
    case HostField::OperationMethod: return op ? op->method : QString();
    case HostField::OperationName: return op ? op->name : QString();
    case HostField::OperationUrlTemplate: return op ? op->urlTemplate : QString();
    case HostField::ProductId: return product ? product->id : QString();
    case HostField::ProductName: return product ? product->name : QString();
    case HostField::SubscriptionId: return sub ? sub->id : QString();
    case HostField::SubscriptionKey: return m_ctx.subscriptionKey;
    case HostField::SubscriptionName: return sub ? sub->name : QString();
    case HostField::SubscriptionPrimaryKey: return sub ? sub->primaryKey : QString();
    case HostField::SubscriptionSecondaryKey: return sub ? sub->secondaryKey : QString();
    case HostField::UserId: return user ? user->id : QString();
    case HostField::UserEmail: return user ? user->email : QString();
    case HostField::UserFirstName: return user ? user->firstName : QString();
    case HostField::UserLastName: return user ? user->lastName : QString();
    case HostField::UserNote: return {};
    case HostField::DeploymentRegion: return m_ctx.runtime().location();
    case HostField::DeploymentServiceName: return m_ctx.config().workspace().name;
    case HostField::DeploymentGatewayId: return QStringLiteral("sluice-gateway");
    case HostField::DeploymentServiceId: return m_ctx.config().workspace().name;
    case HostField::RequestId: return m_ctx.requestId();
    case HostField::ClientIpAddress: return m_ctx.originalRequest().peerAddress;
    case HostField::LastErrorSource: return e.source;
    case HostField::LastErrorReason: return e.reason;
    case HostField::LastErrorMessage: return e.message;
    case HostField::LastErrorScope: return e.scope;
    case HostField::LastErrorSection: return e.section;
    case HostField::LastErrorPath: return {};
    case HostField::LastErrorPolicyId: return e.policyId;
    }
    return {};
}

QStringList GatewayExpressionHost::userGroups() const
{
    return m_ctx.user ? m_ctx.user->groups : QStringList();
}

QDateTime GatewayExpressionHost::timestamp() const
{
    return m_ctx.timestamp();
}

qint64 GatewayExpressionHost::elapsedMilliseconds() const
{
    return m_ctx.elapsedMs();
}

void GatewayExpressionHost::trace(const QString &source, const QString &message) const
{
    if (RequestLog *log = m_ctx.runtime().log())
        log->write(RequestLog::Level::Debug, QStringLiteral("trace %1: %2").arg(source, message));
}

} // namespace sluice
