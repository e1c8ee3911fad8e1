#include "ContextObjects.h"

#include "Runtime.h"
#include "TypeRegistry.h"

namespace sluice {

static const TypeInfo *typeNamed(const char *name)
{
    return TypeRegistry::instance().find(QString::fromLatin1(name));
}

QString HeadersObject::joined(QStringView name, bool *found) const
{
    const QStringList v = values(name);
    *found = !v.isEmpty();
    return v.join(QLatin1Char(','));
}

bool HeadersObject::enumerate(std::vector<Value> *out) const
{
    TypeRegistry &r = TypeRegistry::instance();
    const TypeInfo *pair = r.keyValuePairOf(r.stringType, r.stringArray);
    out->clear();
    for (const QString &name : names())
        out->push_back(makeKeyValuePair(pair, Value::fromString(name), rt::stringArray(values(name))));
    return true;
}

bool HostPart::enumerate(std::vector<Value> *out) const
{
    TypeRegistry &r = TypeRegistry::instance();
    out->clear();
    if (m_part == Variables) {
        const TypeInfo *pair = r.keyValuePairOf(r.stringType, r.objectType);
        for (const QString &name : m_host->variableNames()) {
            bool found = false;
            out->push_back(makeKeyValuePair(pair, Value::fromString(name), m_host->variable(name, &found)));
        }
        return true;
    }
    if (m_part == MatchedParameters) {
        const TypeInfo *pair = r.keyValuePairOf(r.stringType, r.stringType);
        for (const QString &name : m_host->matchedParameterNames()) {
            bool found = false;
            out->push_back(makeKeyValuePair(pair, Value::fromString(name),
                                            Value::fromString(m_host->matchedParameter(name, &found))));
        }
        return true;
    }
    return false;
}

const TypeInfo *HeadersObject::exprType() const
{
    static const TypeInfo *t = typeNamed("IHeaderDictionary");
    return t;
}

ExprObjectPtr HostHeaders::detach() const
{
    HeaderList list;
    for (const QString &name : names()) {
        for (const QString &v : values(name))
            list.append({name, v});
    }
    return std::make_shared<SnapshotHeaders>(list);
}

QStringList SnapshotHeaders::values(QStringView name) const
{
    QStringList out;
    for (const auto &h : m_headers) {
        if (h.first.compare(name, Qt::CaseInsensitive) == 0)
            out << h.second;
    }
    return out;
}

QStringList SnapshotHeaders::names() const
{
    QStringList out;
    for (const auto &h : m_headers) {
        bool seen = false;
        for (const QString &n : out)
            seen = seen || n.compare(h.first, Qt::CaseInsensitive) == 0;
        if (!seen)
            out << h.first;
    }
    return out;
}

const TypeInfo *BodyObject::exprType() const
{
    static const TypeInfo *t = typeNamed("IMessageBody");
    return t;
}

const TypeInfo *UrlObject::exprType() const
{
    static const TypeInfo *t = typeNamed("IUrl");
    return t;
}

QString UrlObject::toString() const
{
    return url().toString(QUrl::FullyEncoded);
}

ExprObjectPtr HostUrl::detach() const
{
    return std::make_shared<ValueUrl>(url());
}

const TypeInfo *ResponseObject::exprType() const
{
    static const TypeInfo *t = typeNamed("IResponse");
    return t;
}

Value ResponseSnapshot::headers(const Value &self) const
{
    return Value::fromObject(ExprObjectPtr(self.asObject(), const_cast<SnapshotHeaders *>(&m_headers)));
}

Value ResponseSnapshot::body(const Value &self) const
{
    return Value::fromObject(ExprObjectPtr(self.asObject(), const_cast<SnapshotBody *>(&m_body)));
}

ExprObjectPtr HostResponse::detach() const
{
    HeaderList list;
    for (const QString &name : m_host->headerNames(HttpMessageKind::Response)) {
        for (const QString &v : m_host->headerValues(HttpMessageKind::Response, name))
            list.append({name, v});
    }
    return std::make_shared<ResponseSnapshot>(statusCode(), statusReason(), list,
                                              m_host->body(HttpMessageKind::Response));
}

const TypeInfo *HostPart::exprType() const
{
    static const TypeInfo *types[PartCount] = {
        typeNamed("IContext"),      typeNamed("IRequest"),   typeNamed("ISubscription"),
        typeNamed("IUser"),         typeNamed("IApi"),       typeNamed("IOperation"),
        typeNamed("IProduct"),      typeNamed("IDeployment"), typeNamed("ILastError"),
        typeNamed("IVariables"),    typeNamed("IMatchedParameters"),
    };
    return types[m_part];
}

ContextObjects::ContextObjects(const ExpressionHost *host)
    : requestHeaders(host, HttpMessageKind::Request)
    , responseHeaders(host, HttpMessageKind::Response)
    , requestBody(host, HttpMessageKind::Request)
    , responseBody(host, HttpMessageKind::Response)
    , url(host, false)
    , originalUrl(host, true)
    , response(host, &responseHeaders, &responseBody)
    , parts{{host, HostPart::Context},      {host, HostPart::Request},    {host, HostPart::Subscription},
            {host, HostPart::User},         {host, HostPart::Api},        {host, HostPart::Operation},
            {host, HostPart::Product},      {host, HostPart::Deployment}, {host, HostPart::LastError},
            {host, HostPart::Variables},    {host, HostPart::MatchedParameters}}
{}

} // namespace sluice
