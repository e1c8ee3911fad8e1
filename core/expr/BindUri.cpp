#include "Bind.h"

#include <QUrl>

namespace sluice {

using namespace bind;

namespace {

class UriObject final : public ExprObject
{
public:
    explicit UriObject(QUrl value)
        : url(std::move(value))
    {
        if (this->url.path().isEmpty() && !this->url.host().isEmpty())
            this->url.setPath(QStringLiteral("/"));
    }
    const TypeInfo *exprType() const override { return TypeRegistry::instance().find(QStringLiteral("Uri")); }
    QString toString() const override { return url.toString(QUrl::PrettyDecoded); }
    bool equals(const ExprObject &other) const override
    {
        auto *o = dynamic_cast<const UriObject *>(&other);
        return o && o->url == url;
    }
    QUrl url;
};

[[noreturn]] void invalidUri()
{
    Frame::fail(QStringLiteral("UriFormatException"),
                QCoreApplication::translate("Expression", "Invalid URI: The format of the URI could not be determined."));
}

Value makeUri(const QUrl &url)
{
    if (!url.isValid() || url.isRelative() || url.scheme().isEmpty())
        invalidUri();
    return Value::fromObject(std::make_shared<UriObject>(url));
}

const QUrl &U(const Value &self)
{
    return rt::self<UriObject>(self)->url;
}

QString escapeData(const QString &s)
{
    return QString::fromLatin1(QUrl::toPercentEncoding(s));
}

} // namespace

void bindUriTypes(TypeRegistry &r)
{
    const TypeInfo *str = r.stringType, *intT = r.intType, *boolT = r.boolType;
    TypeInfo *uri = r.define(S("Uri"), TypeKind::Class, nullptr, S("System"));
    ctor(uri, {p(str, "uriString")}, SLUICE_FN { return makeUri(QUrl(rt::str(a[0], "uriString"), QUrl::TolerantMode)); });
    ctor(uri, {p(uri, "baseUri"), p(str, "relativeUri")}, SLUICE_FN {
        if (a[0].isNull())
            Frame::argumentNull(QStringLiteral("baseUri"));
        return makeUri(U(a[0]).resolved(QUrl(rt::strOrEmpty(a[1]), QUrl::TolerantMode)));
    });
    ctor(uri, {p(uri, "baseUri"), p(uri, "relativeUri")}, SLUICE_FN {
        if (a[0].isNull())
            Frame::argumentNull(QStringLiteral("baseUri"));
        return makeUri(U(a[0]).resolved(U(a[1])));
    });
    prop(uri, "AbsoluteUri", str, SLUICE_FN { return Value::fromString(U(self).toString(QUrl::FullyEncoded)); });
    prop(uri, "OriginalString", str, SLUICE_FN { return Value::fromString(U(self).toString(QUrl::FullyEncoded)); });
    prop(uri, "Host", str, SLUICE_FN { return Value::fromString(U(self).host()); });
    prop(uri, "Authority", str, SLUICE_FN { return Value::fromString(U(self).authority()); });
    prop(uri, "Scheme", str, SLUICE_FN { return Value::fromString(U(self).scheme()); });
    prop(uri, "Port", intT, SLUICE_FN {
        return Value::fromInt(U(self).port(U(self).scheme() == QLatin1String("http") ? 80 : 443));
    });
    prop(uri, "AbsolutePath", str, SLUICE_FN { return Value::fromString(U(self).path(QUrl::FullyEncoded)); });
    prop(uri, "PathAndQuery", str, SLUICE_FN {
        const QUrl &u = U(self);
        return Value::fromString(u.path(QUrl::FullyEncoded)
                                 + (u.hasQuery() ? QLatin1Char('?') + u.query(QUrl::FullyEncoded) : QString()));
    });
    prop(uri, "Query", str, SLUICE_FN {
        const QUrl &u = U(self);
        return Value::fromString(u.hasQuery() ? QLatin1Char('?') + u.query(QUrl::FullyEncoded) : QString());
    });
    prop(uri, "Fragment", str, SLUICE_FN {
        const QUrl &u = U(self);
        return Value::fromString(u.hasFragment() ? QLatin1Char('#') + u.fragment(QUrl::FullyEncoded) : QString());
    });
    prop(uri, "IsAbsoluteUri", boolT, SLUICE_FN { return Value::fromBool(!U(self).isRelative()); });
    prop(uri, "Segments", r.stringArray, SLUICE_FN {
        const QString path = U(self).path(QUrl::FullyEncoded);
        QStringList segments;
        int start = 0;
        for (int i = 0; i < path.size(); ++i) {
            if (path.at(i) == QLatin1Char('/')) {
                segments << path.mid(start, i - start + 1);
                start = i + 1;
            }
        }
        if (start < path.size())
            segments << path.mid(start);
        return rt::stringArray(segments);
    });
    method(uri, "ToString", {}, str, SLUICE_FN { return Value::fromString(self.toString()); });
    smethod(uri, "EscapeDataString", {p(str, "stringToEscape")}, str,
            SLUICE_FN { return Value::fromString(escapeData(rt::str(a[0], "stringToEscape"))); });
    smethod(uri, "EscapeUriString", {p(str, "stringToEscape")}, str, SLUICE_FN {
        return Value::fromString(QString::fromLatin1(
            QUrl::toPercentEncoding(rt::str(a[0], "stringToEscape"), "!#$&'()*+,/:;=?@[]~")));
    });
    smethod(uri, "UnescapeDataString", {p(str, "stringToUnescape")}, str, SLUICE_FN {
        return Value::fromString(QUrl::fromPercentEncoding(rt::str(a[0], "stringToUnescape").toUtf8()));
    });
    smethod(uri, "IsWellFormedUriString", {p(str, "uriString"), p(r.objectType, "uriKind")}, boolT, SLUICE_FN {
        const QUrl u(rt::strOrEmpty(a[0]), QUrl::StrictMode);
        return Value::fromBool(u.isValid() && !rt::strOrEmpty(a[0]).isEmpty());
    });
    TypeInfo *uriKind = r.define(S("UriKind"), TypeKind::Enum, nullptr, S("System"));
    uriKind->isValueType = true;
    constant(uriKind, "RelativeOrAbsolute", 0);
    constant(uriKind, "Absolute", 1);
    constant(uriKind, "Relative", 2);
}

} // namespace sluice
