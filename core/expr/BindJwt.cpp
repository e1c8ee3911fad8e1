#include "Bind.h"
#include "ContextObjects.h"
#include "JsonNode.h"

namespace sluice {

using namespace bind;

namespace {

// APIM's Jwt: decoded without validation.
class JwtObject final : public ExprObject
{
public:
    const TypeInfo *exprType() const override { return TypeRegistry::instance().find(QStringLiteral("Jwt")); }
    QString toString() const override { return raw; }
    QString raw;
    QByteArray headerJson; // parsed on first use (Algorithm, Type)
    JsonNode::Ptr header() const
    {
        auto h = JsonNode::parse(QString::fromUtf8(headerJson), nullptr);
        return h && h->kind == JsonNode::Kind::Object ? h : JsonNode::make(JsonNode::Kind::Object);
    }
    JsonNode::Ptr payload;
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

std::optional<QByteArray> base64Url(const QString &part)
{
    auto r = QByteArray::fromBase64Encoding(part.toLatin1(),
                                            QByteArray::Base64UrlEncoding | QByteArray::AbortOnBase64DecodingErrors);
    if (!r)
        return std::nullopt;
    return *r;
}

std::shared_ptr<JwtObject> parseJwt(const QString &text)
{
    QString t = text.trimmed();
    if (t.startsWith(QLatin1String("Bearer "), Qt::CaseInsensitive))
        t = t.mid(7).trimmed();
    const QStringList parts = t.split(QLatin1Char('.'));
    if (parts.size() != 3 && parts.size() != 5)
        return nullptr;
    auto header = base64Url(parts[0]);
    auto payload = base64Url(parts[1]);
    if (!header || !payload)
        return nullptr;
    auto jwt = std::make_shared<JwtObject>();
    jwt->raw = t;
    jwt->headerJson = *header;
    jwt->payload = JsonNode::parse(QString::fromUtf8(*payload), nullptr);
    if (!jwt->payload || jwt->payload->kind != JsonNode::Kind::Object || !header->trimmed().startsWith('{'))
        return nullptr;
    return jwt;
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

JwtObject *J(const Value &self)
{
    return rt::self<JwtObject>(self);
}

QString claim(const Value &self, const char *name)
{
    JsonNode::Ptr v = J(self)->payload->get(QString::fromLatin1(name));
    return v ? v->toString() : QString();
}

Value claimString(const Value &self, const char *name)
{
    JsonNode::Ptr v = J(self)->payload->get(QString::fromLatin1(name));
    return v && v->kind != JsonNode::Kind::Null ? Value::fromString(v->toString()) : Value();
}

Value claimTime(const Value &self, const char *name)
{
    JsonNode::Ptr v = J(self)->payload->get(QString::fromLatin1(name));
    if (!v || (v->kind != JsonNode::Kind::Integer && v->kind != JsonNode::Kind::Float))
        return {};
    const qint64 seconds = v->kind == JsonNode::Kind::Integer ? v->integer : qint64(v->number);
    return makeDateTime(QDateTime::fromSecsSinceEpoch(seconds, Qt::UTC));
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

    prop(jwt, "Subject", str, SLUICE_FN { return claimString(self, "sub"); });
    prop(jwt, "Issuer", str, SLUICE_FN { return claimString(self, "iss"); });
    prop(jwt, "Id", str, SLUICE_FN { return claimString(self, "jti"); });
    prop(jwt, "Algorithm", str, SLUICE_FN {
        JsonNode::Ptr v = J(self)->header()->get(QStringLiteral("alg"));
        return v ? Value::fromString(v->toString()) : Value();
    });
    prop(jwt, "Type", str, SLUICE_FN {
        JsonNode::Ptr v = J(self)->header()->get(QStringLiteral("typ"));
        return v ? Value::fromString(v->toString()) : Value();
    });
    prop(jwt, "Audiences", r.enumerableOf(str), SLUICE_FN {
        JsonNode::Ptr v = J(self)->payload->get(QStringLiteral("aud"));
        QStringList out;
        if (v && v->kind == JsonNode::Kind::Array) {
            for (const auto &item : v->children)
                out << item->toString();
        } else if (v) {
            out << v->toString();
        }
        return rt::stringArray(out);
    });
    prop(jwt, "ExpirationTime", date, SLUICE_FN { return claimTime(self, "exp"); });
    prop(jwt, "NotBefore", date, SLUICE_FN { return claimTime(self, "nbf"); });
    prop(jwt, "IssuedAt", date, SLUICE_FN { return claimTime(self, "iat"); });
    prop(jwt, "Claims", claims, SLUICE_FN {
        HeaderList list;
        for (const auto &property : J(self)->payload->children) {
            const JsonNode::Ptr v = property->children.empty() ? nullptr : property->children[0];
            if (!v)
                continue;
            if (v->kind == JsonNode::Kind::Array) {
                for (const auto &item : v->children)
                    list.append({property->text, item->isContainer() ? item->serialize(false) : item->toString()});
            } else {
                list.append({property->text, v->isContainer() ? v->serialize(false) : v->toString()});
            }
        }
        return Value::fromObject(std::make_shared<SnapshotHeaders>(list));
    });
    Q_UNUSED(claim);

    prop(basic, "UserId", str, SLUICE_FN { return Value::fromString(rt::self<BasicObject>(self)->username); });
    prop(basic, "Password", str, SLUICE_FN { return Value::fromString(rt::self<BasicObject>(self)->password); });
}

} // namespace sluice
