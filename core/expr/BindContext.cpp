#include "Bind.h"
#include "ContextObjects.h"

#include <QUrlQuery>

namespace sluice {

using namespace bind;

namespace {

HostPart *part(const Value &self)
{
    return static_cast<HostPart *>(self.object());
}

const ExpressionHost *host(const Value &self)
{
    return part(self)->host();
}

HeadersObject *headers(const Value &self)
{
    return static_cast<HeadersObject *>(self.object());
}

Value partOf(Frame &f, HostPart::Part which)
{
    return Value::borrowed(&f.objects().parts[which]);
}

Value optionalPart(Frame &f, HostObject object, HostPart::Part which)
{
    if (!f.host().hasObject(object))
        return {};
    return partOf(f, which);
}

[[noreturn]] void keyNotFound(const QString &key)
{
    Frame::fail(QStringLiteral("KeyNotFoundException"),
                QCoreApplication::translate("Expression", "The given key '%1' was not present in the dictionary.")
                    .arg(key));
}

QUrl urlOf(const Value &self)
{
    return static_cast<UrlObject *>(self.object())->url();
}

Value bodyAs(const CallSite &site, const Value &self, bool preserve)
{
    auto *body = static_cast<BodyObject *>(self.object());
    const QByteArray bytes = body->bytes();
    body->read(preserve);
    const TypeInfo *t = site.genericArg;
    TypeRegistry &r = rt::types();
    if (t == r.stringType)
        return Value::fromString(QString::fromUtf8(bytes));
    if (t == r.byteArray)
        return rt::fromBytes(bytes);
    if (r.jtoken && t->derivesFrom(r.jtoken))
        return rt::jsonParse(QString::fromUtf8(bytes), t);
    Frame::fail(QStringLiteral("NotSupportedException"),
                QCoreApplication::translate("Expression", "Body.As<%1>() is not supported").arg(t->name));
}

} // namespace

void bindContextTypes(TypeRegistry &r)
{
    const TypeInfo *str = r.stringType, *intT = r.intType, *boolT = r.boolType, *obj = r.objectType;
    TypeInfo *context = r.define(S("IContext"), TypeKind::Class);
    TypeInfo *request = r.define(S("IRequest"), TypeKind::Class);
    TypeInfo *response = r.define(S("IResponse"), TypeKind::Class);
    TypeInfo *url = r.define(S("IUrl"), TypeKind::Class);
    TypeInfo *body = r.define(S("IMessageBody"), TypeKind::Class);
    TypeInfo *hdrs = r.define(S("IHeaderDictionary"), TypeKind::Class);
    TypeInfo *vars = r.define(S("IVariables"), TypeKind::Class);
    TypeInfo *matched = r.define(S("IMatchedParameters"), TypeKind::Class);
    TypeInfo *subscription = r.define(S("ISubscription"), TypeKind::Class);
    TypeInfo *user = r.define(S("IUser"), TypeKind::Class);
    TypeInfo *group = r.define(S("IGroup"), TypeKind::Class);
    TypeInfo *api = r.define(S("IApi"), TypeKind::Class);
    TypeInfo *operation = r.define(S("IOperation"), TypeKind::Class);
    TypeInfo *product = r.define(S("IProduct"), TypeKind::Class);
    TypeInfo *deployment = r.define(S("IDeployment"), TypeKind::Class);
    TypeInfo *lastError = r.define(S("ILastError"), TypeKind::Class);
    TypeInfo *certificate = r.define(S("X509Certificate2"), TypeKind::Class, nullptr,
                                     S("System.Security.Cryptography.X509Certificates"));

    hdrs->key = str;
    hdrs->value = r.stringArray;
    hdrs->element = r.keyValuePairOf(str, r.stringArray);
    vars->key = str;
    vars->value = obj;
    vars->element = r.keyValuePairOf(str, obj);
    matched->key = str;
    matched->value = str;
    matched->element = r.keyValuePairOf(str, str);

    // context
    prop(context, "Request", request, SLUICE_FN { return partOf(f, HostPart::Request); });
    prop(context, "Response", response, SLUICE_FN {
        if (!f.host().hasObject(HostObject::Response))
            return {};
        return Value::borrowed(&f.objects().response);
    });
    prop(context, "Variables", vars, SLUICE_FN { return partOf(f, HostPart::Variables); });
    prop(context, "Subscription", subscription,
         SLUICE_FN { return optionalPart(f, HostObject::Subscription, HostPart::Subscription); });
    prop(context, "User", user, SLUICE_FN { return optionalPart(f, HostObject::User, HostPart::User); });
    prop(context, "Product", product, SLUICE_FN { return optionalPart(f, HostObject::Product, HostPart::Product); });
    prop(context, "LastError", lastError,
         SLUICE_FN { return optionalPart(f, HostObject::LastError, HostPart::LastError); });
    prop(context, "Api", api, SLUICE_FN { return partOf(f, HostPart::Api); });
    prop(context, "Operation", operation, SLUICE_FN { return partOf(f, HostPart::Operation); });
    prop(context, "Deployment", deployment, SLUICE_FN { return partOf(f, HostPart::Deployment); });
    prop(context, "RequestId", r.find(S("Guid")), SLUICE_FN { return makeGuid(f.host().field(HostField::RequestId)); });
    prop(context, "Timestamp", r.find(S("DateTime")), SLUICE_FN { return makeDateTime(f.host().timestamp()); });
    prop(context, "Elapsed", r.find(S("TimeSpan")), SLUICE_FN { return makeTimeSpanMs(f.host().elapsedMilliseconds()); });
    prop(context, "Tracing", boolT, SLUICE_FN { return Value::fromBool(false); });
    method(context, "Trace", {p(str, "message")}, r.voidType, SLUICE_FN {
        f.host().trace(QString(), rt::strOrEmpty(a[0]));
        return {};
    });
    method(context, "Trace", {p(str, "source"), p(obj, "message")}, r.voidType, SLUICE_FN {
        f.host().trace(rt::strOrEmpty(a[0]), a[1].toString());
        return {};
    });

    // request
    prop(request, "Method", str, SLUICE_FN { return Value::fromString(f.host().requestMethod()); });
    prop(request, "Url", url, SLUICE_FN { return Value::borrowed(&f.objects().url); });
    prop(request, "OriginalUrl", url, SLUICE_FN { return Value::borrowed(&f.objects().originalUrl); });
    prop(request, "Headers", hdrs, SLUICE_FN { return Value::borrowed(&f.objects().requestHeaders); });
    prop(request, "Body", body, SLUICE_FN { return Value::borrowed(&f.objects().requestBody); });
    prop(request, "IpAddress", str, SLUICE_FN { return Value::fromString(f.host().field(HostField::ClientIpAddress)); });
    prop(request, "MatchedParameters", matched, SLUICE_FN { return partOf(f, HostPart::MatchedParameters); });
    prop(request, "Certificate", certificate, SLUICE_FN { return {}; });
    for (const char *name : {"Thumbprint", "Subject", "Issuer", "SerialNumber"})
        prop(certificate, name, str, SLUICE_FN { return {}; });
    prop(certificate, "NotAfter", obj, SLUICE_FN { return {}; });
    prop(certificate, "NotBefore", obj, SLUICE_FN { return {}; });
    method(certificate, "Verify", {}, boolT, SLUICE_FN { return Value::fromBool(false); });

    // response
    prop(response, "StatusCode", intT, SLUICE_FN { return Value::fromInt(static_cast<ResponseObject *>(self.object())->statusCode()); });
    prop(response, "StatusReason", str,
         SLUICE_FN { return Value::fromString(static_cast<ResponseObject *>(self.object())->statusReason()); });
    prop(response, "Headers", hdrs, SLUICE_FN { return static_cast<ResponseObject *>(self.object())->headers(self); });
    prop(response, "Body", body, SLUICE_FN { return static_cast<ResponseObject *>(self.object())->body(self); });

    // url
    prop(url, "Scheme", str, SLUICE_FN { return Value::fromString(urlOf(self).scheme()); });
    prop(url, "Host", str, SLUICE_FN { return Value::fromString(urlOf(self).host()); });
    prop(url, "Port", intT, SLUICE_FN {
        const QUrl u = urlOf(self);
        return Value::fromInt(u.port(u.scheme() == QLatin1String("http") ? 80 : 443));
    });
    prop(url, "Path", str, SLUICE_FN { return Value::fromString(urlOf(self).path(QUrl::FullyEncoded)); });
    prop(url, "QueryString", str, SLUICE_FN {
        const QUrl u = urlOf(self);
        return Value::fromString(u.hasQuery() ? QLatin1Char('?') + u.query(QUrl::FullyEncoded) : QString());
    });
    prop(url, "Query", hdrs, SLUICE_FN {
        HeaderList items;
        for (const auto &item : QUrlQuery(urlOf(self)).queryItems(QUrl::FullyDecoded))
            items.append({item.first, item.second});
        return Value::fromObject(std::make_shared<SnapshotHeaders>(items));
    });
    method(url, "ToString", {}, str, SLUICE_FN { return Value::fromString(self.toString()); });
    method(url, "ToUri", {}, obj, SLUICE_FN { return Value::fromString(self.toString()); });

    // body
    Member &as = method(body, "As", {opt(boolT, "preserveContent", Value::fromBool(false))}, Pat::Gen0,
                        SLUICE_FN { return bodyAs(site, self, a[0].asBool()); });
    as.genericArity = 1;
    method(body, "AsFormUrlEncodedContent", {opt(boolT, "preserveContent", Value::fromBool(false))},
           r.dictionaryOf(str, r.stringArray), SLUICE_FN {
               auto *b = static_cast<BodyObject *>(self.object());
               const QString text = QString::fromUtf8(b->bytes());
               b->read(a[0].asBool());
               auto d = std::make_shared<DictionaryObject>(site.resultType);
               QUrlQuery q(QString(text).replace(QLatin1Char('+'), QLatin1Char(' ')));
               for (const auto &item : q.queryItems(QUrl::FullyDecoded)) {
                   const int i = d->find(Value::fromString(item.first));
                   if (i < 0) {
                       d->entries.emplace_back(Value::fromString(item.first), rt::stringArray({item.second}));
                   } else {
                       auto *arr = static_cast<ArrayObject *>(d->entries[size_t(i)].second.object());
                       arr->items.push_back(Value::fromString(item.second));
                   }
               }
               return Value::fromObject(d);
           });

    // header-like dictionaries (headers, query, JWT claims)
    indexer(hdrs, {p(str, "key")}, r.stringArray, SLUICE_FN {
        const QStringList v = headers(self)->values(rt::str(a[0], "key"));
        if (v.isEmpty())
            keyNotFound(a[0].asString());
        return rt::stringArray(v);
    });
    method(hdrs, "GetValueOrDefault", {p(str, "key")}, str, SLUICE_FN {
        bool found = false;
        QString v = headers(self)->joined(rt::str(a[0], "key"), &found);
        return found ? Value::fromString(std::move(v)) : Value();
    });
    method(hdrs, "GetValueOrDefault", {p(str, "key"), p(str, "defaultValue")}, str, SLUICE_FN {
        bool found = false;
        QString v = headers(self)->joined(rt::str(a[0], "key"), &found);
        return found ? Value::fromString(std::move(v)) : a[1];
    });
    method(hdrs, "GetValueOrDefault", {p(str, "key"), p(r.stringArray, "defaultValue")}, r.stringArray, SLUICE_FN {
        const QStringList v = headers(self)->values(rt::str(a[0], "key"));
        return v.isEmpty() ? a[1] : rt::stringArray(v);
    });
    method(hdrs, "ContainsKey", {p(str, "key")}, boolT,
           SLUICE_FN { return Value::fromBool(!headers(self)->values(rt::str(a[0], "key")).isEmpty()); });
    method(hdrs, "TryGetValue", {p(str, "key"), out(r.stringArray, "value")}, boolT, SLUICE_FN {
        const QStringList v = headers(self)->values(rt::str(a[0], "key"));
        a[1] = v.isEmpty() ? Value() : rt::stringArray(v);
        return Value::fromBool(!v.isEmpty());
    });
    prop(hdrs, "Keys", r.enumerableOf(str), SLUICE_FN { return rt::stringArray(headers(self)->names()); });
    prop(hdrs, "Count", intT, SLUICE_FN { return Value::fromInt(int(headers(self)->names().size())); });

    // variables
    indexer(vars, {p(str, "key")}, obj, SLUICE_FN {
        bool found = false;
        Value v = host(self)->variable(rt::str(a[0], "key"), &found);
        if (!found)
            keyNotFound(a[0].asString());
        return v;
    });
    method(vars, "ContainsKey", {p(str, "key")}, boolT, SLUICE_FN {
        bool found = false;
        host(self)->variable(rt::str(a[0], "key"), &found);
        return Value::fromBool(found);
    });
    method(vars, "TryGetValue", {p(str, "key"), out(obj, "value")}, boolT, SLUICE_FN {
        bool found = false;
        a[1] = host(self)->variable(rt::str(a[0], "key"), &found);
        return Value::fromBool(found);
    });
    method(vars, "GetValueOrDefault", {p(str, "key")}, obj, SLUICE_FN {
        bool found = false;
        return host(self)->variable(rt::str(a[0], "key"), &found);
    });
    method(vars, "GetValueOrDefault", {p(str, "key"), p(obj, "defaultValue")}, obj, SLUICE_FN {
        bool found = false;
        Value v = host(self)->variable(rt::str(a[0], "key"), &found);
        return found ? v : a[1];
    });
    Member &g1 = method(vars, "GetValueOrDefault", {p(str, "key")}, Pat::Gen0, SLUICE_FN {
        bool found = false;
        Value v = host(self)->variable(rt::str(a[0], "key"), &found);
        return found ? rt::castTo(f, v, site.genericArg) : rt::defaultValue(site.genericArg);
    });
    g1.genericArity = 1;
    Member &g2 = method(vars, "GetValueOrDefault", {p(str, "key"), p(Pat::Gen0, "defaultValue")}, Pat::Gen0, SLUICE_FN {
        bool found = false;
        Value v = host(self)->variable(rt::str(a[0], "key"), &found);
        return found ? rt::castTo(f, v, site.genericArg) : a[1];
    });
    g2.genericArity = 1;
    prop(vars, "Keys", r.enumerableOf(str), SLUICE_FN { return rt::stringArray(host(self)->variableNames()); });
    prop(vars, "Count", intT, SLUICE_FN { return Value::fromInt(int(host(self)->variableNames().size())); });

    // matched parameters
    indexer(matched, {p(str, "key")}, str, SLUICE_FN {
        bool found = false;
        QString v = host(self)->matchedParameter(rt::str(a[0], "key"), &found);
        if (!found)
            keyNotFound(a[0].asString());
        return Value::fromString(std::move(v));
    });
    method(matched, "ContainsKey", {p(str, "key")}, boolT, SLUICE_FN {
        bool found = false;
        host(self)->matchedParameter(rt::str(a[0], "key"), &found);
        return Value::fromBool(found);
    });
    method(matched, "TryGetValue", {p(str, "key"), out(str, "value")}, boolT, SLUICE_FN {
        bool found = false;
        QString v = host(self)->matchedParameter(rt::str(a[0], "key"), &found);
        a[1] = found ? Value::fromString(v) : Value();
        return Value::fromBool(found);
    });
    method(matched, "GetValueOrDefault", {p(str, "key")}, str, SLUICE_FN {
        bool found = false;
        QString v = host(self)->matchedParameter(rt::str(a[0], "key"), &found);
        return found ? Value::fromString(v) : Value();
    });
    method(matched, "GetValueOrDefault", {p(str, "key"), p(str, "defaultValue")}, str, SLUICE_FN {
        bool found = false;
        QString v = host(self)->matchedParameter(rt::str(a[0], "key"), &found);
        return found ? Value::fromString(v) : a[1];
    });
    prop(matched, "Keys", r.enumerableOf(str), SLUICE_FN { return rt::stringArray(host(self)->matchedParameterNames()); });
    prop(matched, "Count", intT, SLUICE_FN { return Value::fromInt(int(host(self)->matchedParameterNames().size())); });

    // string fields of the host parts
    auto field = [&](TypeInfo *t, const char *name, HostField hf) {
        Member &m = prop(t, name, str, SLUICE_FN {
            return Value::fromString(host(self)->field(HostField(site.member->tag)));
        });
        m.tag = int(hf);
    };
    field(subscription, "Id", HostField::SubscriptionId);
    field(subscription, "Key", HostField::SubscriptionKey);
    field(subscription, "Name", HostField::SubscriptionName);
    field(subscription, "PrimaryKey", HostField::SubscriptionPrimaryKey);
    field(subscription, "SecondaryKey", HostField::SubscriptionSecondaryKey);
    field(user, "Id", HostField::UserId);
    field(user, "Email", HostField::UserEmail);
    field(user, "FirstName", HostField::UserFirstName);
    field(user, "LastName", HostField::UserLastName);
    field(user, "Note", HostField::UserNote);
    field(api, "Id", HostField::ApiId);
    field(api, "Name", HostField::ApiName);
    field(api, "Path", HostField::ApiPath);
    field(api, "Version", HostField::ApiVersion);
    field(api, "Revision", HostField::ApiRevision);
    prop(api, "ServiceUrl", url, SLUICE_FN {
        return Value::fromObject(std::make_shared<ValueUrl>(QUrl(host(self)->field(HostField::ApiServiceUrl))));
    });
    prop(api, "IsCurrentRevision", boolT, SLUICE_FN { return Value::fromBool(true); });
    field(operation, "Id", HostField::OperationId);
    field(operation, "Method", HostField::OperationMethod);
    field(operation, "Name", HostField::OperationName);
    field(operation, "UrlTemplate", HostField::OperationUrlTemplate);
    field(product, "Id", HostField::ProductId);
    field(product, "Name", HostField::ProductName);
    field(deployment, "Region", HostField::DeploymentRegion);
    field(deployment, "ServiceName", HostField::DeploymentServiceName);
    field(deployment, "GatewayId", HostField::DeploymentGatewayId);
    field(deployment, "ServiceId", HostField::DeploymentServiceId);
    field(lastError, "Source", HostField::LastErrorSource);
    field(lastError, "Reason", HostField::LastErrorReason);
    field(lastError, "Message", HostField::LastErrorMessage);
    field(lastError, "Scope", HostField::LastErrorScope);
    field(lastError, "Section", HostField::LastErrorSection);
    field(lastError, "Path", HostField::LastErrorPath);
    field(lastError, "PolicyId", HostField::LastErrorPolicyId);

    // Authorization (get-authorization-context): the gateway stores a JObject
    // {"AccessToken": ..., "Claims": {...}}; the cast to Authorization accepts it.
    TypeInfo *authorization = r.define(S("Authorization"), TypeKind::Class, r.jobject);
    prop(authorization, "AccessToken", str,
         SLUICE_FN { return rt::jsonToPrimitive(f, rt::jsonMember(self, QStringLiteral("AccessToken")), rt::types().stringType); });
    prop(authorization, "Claims", r.jobject, SLUICE_FN { return rt::jsonMember(self, QStringLiteral("Claims")); });

    // groups: IEnumerable<IGroup> with Id and Name (both the group id)
    prop(user, "Groups", r.enumerableOf(group), SLUICE_FN {
        std::vector<Value> items;
        for (const QString &g : host(self)->userGroups())
            items.push_back(Value::fromString(g));
        return rt::array(rt::types().find(QStringLiteral("IGroup")), std::move(items));
    });
    prop(product, "Groups", r.enumerableOf(group), SLUICE_FN {
        std::vector<Value> items;
        for (const QString &g : host(self)->productGroups())
            items.push_back(Value::fromString(g));
        return rt::array(rt::types().find(QStringLiteral("IGroup")), std::move(items));
    });
    prop(group, "Id", str, SLUICE_FN { return self; });
    prop(group, "Name", str, SLUICE_FN { return self; });
}

} // namespace sluice
