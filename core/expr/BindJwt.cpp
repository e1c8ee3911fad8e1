#include "Bind.h"
#include "ContextObjects.h"
#include "Runtime.h"
#include "runtime/DotNetTimeSpan.h"
#include "runtime/JwtToken.h"

namespace sluice {

using namespace bind;

namespace {

// APIM's Jwt: decoded without validation (dotnet::JwtToken does the decoding).
class JwtObject final : public ExprObject
{
public:
    explicit JwtObject(dotnet::JwtToken token)
        : jwt(std::move(token))
    {}
    const TypeInfo *exprType() const override { return TypeRegistry::instance().find(QStringLiteral("Jwt")); }
    QString toString() const override { return jwt.rawToken(); }
    dotnet::JwtToken jwt;
};

class BasicObject final : public ExprObject
{
public:
    const TypeInfo *exprType() const override
    {
        return TypeRegistry::instance().find(QStringLiteral("BasicAuthCredentials"));
    }
    QString username;
    QString password;
};

std::shared_ptr<JwtObject> parseJwt(const QString &text)
{
    // The whole Authorization header value is accepted too ("Bearer <token>").
    QString t = text.trimmed();
    if (t.startsWith(QLatin1String("Bearer "), Qt::CaseInsensitive))
        t = t.mid(7).trimmed();
    auto token = dotnet::JwtToken::parse(t);
    if (!token)
        return nullptr;
    return std::make_shared<JwtObject>(std::move(*token));
}

std::shared_ptr<BasicObject> parseBasic(const QString &text)
{
    QString t = text.trimmed();
    if (!t.startsWith(QLatin1String("Basic "), Qt::CaseInsensitive))
        return nullptr;
    auto decoded = QByteArray::fromBase64Encoding(t.mid(6).trimmed().toLatin1(), QByteArray::AbortOnBase64DecodingErrors);
    if (!decoded)
        return nullptr;
    const QString s = QString::fromUtf8(*decoded);
    const int colon = int(s.indexOf(QLatin1Char(':')));
    if (colon < 0)
        return nullptr;
    auto b = std::make_shared<BasicObject>();
    b->username = s.left(colon);
    b->password = s.mid(colon + 1);
    return b;
}

const dotnet::JwtToken &J(const Value &self)
{
    return rt::self<JwtObject>(self)->jwt;
}

// A string claim or header field: null when absent or JSON null.
Value optionalString(std::optional<QString> text)
{
    return text ? Value::fromString(std::move(*text)) : Value();
}

Value claimTime(const std::optional<dotnet::DotNetDateTime> &time)
{
    if (!time)
        return {};
    const qint64 sinceEpoch = time->ticks() - dotnet::DotNetDateTime::unixEpochTicks();
    const qint64 ms = sinceEpoch / dotnet::DotNetTimeSpan::TicksPerMillisecond;
    return makeDateTime(QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC));
}

} // namespace

void bindJwtTypes(TypeRegistry &r)
{
    const TypeInfo *str = r.stringType, *boolT = r.boolType;
    auto *s = const_cast<TypeInfo *>(str);
    TypeInfo *jwt = r.define(S("Jwt"), TypeKind::Class);
    TypeInfo *basic = r.define(S("BasicAuthCredentials"), TypeKind::Class);
    const TypeInfo *claims = r.find(S("IHeaderDictionary"));
    const TypeInfo *date = r.find(S("DateTime"));

    method(s, "AsJwt", {}, jwt, SLUICE_FN { return Value::fromObject(parseJwt(self.asString())); });
    method(s, "TryParseJwt", {out(jwt, "result")}, boolT, SLUICE_FN {
        a[0] = Value::fromObject(parseJwt(self.asString()));
        return Value::fromBool(!a[0].isNull());
    });
    method(s, "AsBasic", {}, basic, SLUICE_FN { return Value::fromObject(parseBasic(self.asString())); });
    method(s, "TryParseBasic", {out(basic, "result")}, boolT, SLUICE_FN {
        a[0] = Value::fromObject(parseBasic(self.asString()));
        return Value::fromBool(!a[0].isNull());
    });

    prop(jwt, "Subject", str, SLUICE_FN { return optionalString(J(self).claimField("sub")); });
    prop(jwt, "Issuer", str, SLUICE_FN { return optionalString(J(self).claimField("iss")); });
    prop(jwt, "Id", str, SLUICE_FN { return optionalString(J(self).claimField("jti")); });
    prop(jwt, "Algorithm", str, SLUICE_FN { return optionalString(J(self).headerField("alg")); });
    prop(jwt, "Type", str, SLUICE_FN { return optionalString(J(self).headerField("typ")); });
    prop(jwt, "Audiences", r.enumerableOf(str), SLUICE_FN { return rt::stringArray(J(self).audiences()); });
    prop(jwt, "ExpirationTime", date, SLUICE_FN { return claimTime(J(self).expirationTime()); });
    prop(jwt, "NotBefore", date, SLUICE_FN { return claimTime(J(self).notBefore()); });
    prop(jwt, "IssuedAt", date, SLUICE_FN { return claimTime(J(self).issuedAt()); });
    prop(jwt, "Claims", claims, SLUICE_FN {
        HeaderList list;
        const auto all = J(self).claims();
        for (const auto &claim : all) {
            for (const QString &value : claim.second)
                list.append({claim.first, value});
        }
        return Value::fromObject(std::make_shared<SnapshotHeaders>(list));
    });

    prop(basic, "UserId", str, SLUICE_FN { return Value::fromString(rt::self<BasicObject>(self)->username); });
    prop(basic, "Password", str, SLUICE_FN { return Value::fromString(rt::self<BasicObject>(self)->password); });
}

} // namespace sluice
