#pragma once

#include "expr/ExpressionHost.h"

namespace sluice {

class RequestContext;

// `context` of policy expressions over the gateway's per-request state.
// Lives on the stack for one evaluation; reads the RequestContext directly.
class GatewayExpressionHost final : public ExpressionHost
{
public:
    explicit GatewayExpressionHost(const RequestContext &ctx)
        : m_ctx(ctx)
    {}

    QString requestMethod() const override;
    QUrl requestUrl() const override;
    QUrl originalUrl() const override;
    QString matchedParameter(QStringView name, bool *found) const override;
    QStringList matchedParameterNames() const override;
    QStringList headerValues(HttpMessageKind message, QStringView name) const override;
    QStringList headerNames(HttpMessageKind message) const override;
    QString headerValue(HttpMessageKind message, QStringView name, bool *found) const override;
    QByteArray body(HttpMessageKind message) const override;
    int responseStatusCode() const override;
    QString responseStatusReason() const override;
    Value variable(QStringView name, bool *found) const override;
    QStringList variableNames() const override;
    bool hasObject(HostObject object) const override;
    QString field(HostField field) const override;
    QStringList userGroups() const override;
    QDateTime timestamp() const override;
    qint64 elapsedMilliseconds() const override;
    void trace(const QString &source, const QString &message) const override;

private:
    const RequestContext &m_ctx;
};

} // namespace sluice
