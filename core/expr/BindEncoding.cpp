#include "Bind.h"

#include <QCryptographicHash>
#include <QMessageAuthenticationCode>
#include <QUrl>

#include <cmath>

namespace sluice {

using namespace bind;

namespace {

class EncodingObject final : public ExprObject
{
public:
    explicit EncodingObject(int encodingKind)
        : kind(encodingKind)
    {}
    const TypeInfo *exprType() const override { return TypeRegistry::instance().find(QStringLiteral("Encoding")); }
    int kind; // 0 UTF-8, 1 ASCII, 2 UTF-16LE
};

class HashObject final : public ExprObject
{
public:
    HashObject(QCryptographicHash::Algorithm algo, bool isHmac, QByteArray secret)
        : algorithm(algo)
        , hmac(isHmac)
        , key(std::move(secret))
    {}
    const TypeInfo *exprType() const override
    {
        return TypeRegistry::instance().find(hmac ? QStringLiteral("HMAC") : QStringLiteral("HashAlgorithm"));
    }
    QByteArray compute(const QByteArray &data) const
    {
        if (hmac)
            return QMessageAuthenticationCode::hash(data, key, algorithm);
        return QCryptographicHash::hash(data, algorithm);
    }
    QCryptographicHash::Algorithm algorithm;
    bool hmac;
    QByteArray key;
};

QByteArray encode(int kind, const QString &s)
{
    switch (kind) {
    case 1: {
        QByteArray out;
        for (QChar c : s)
            out.append(c.unicode() < 128 ? char(c.unicode()) : '?');
        return out;
    }
    case 2: return QByteArray(reinterpret_cast<const char *>(s.utf16()), s.size() * 2);
    default: return s.toUtf8();
    }
}

QString decode(int kind, const QByteArray &b)
{
    switch (kind) {
    case 1: {
        QString out;
        for (char c : b)
            out += QChar(quint8(c) < 128 ? quint8(c) : '?');
        return out;
    }
    case 2: return QString(reinterpret_cast<const QChar *>(b.constData()), b.size() / 2);
    default: return QString::fromUtf8(b);
    }
}

Value bytesFromBase64(const QString &s)
{
    const QByteArray in = s.trimmed().toLatin1();
    auto r = QByteArray::fromBase64Encoding(in, QByteArray::AbortOnBase64DecodingErrors);
    if (!r || (in.size() % 4) != 0)
        Frame::fail(QStringLiteral("FormatException"),
                    QCoreApplication::translate("Expression", "The input is not a valid Base-64 string as it contains a "
                                                              "non-base 64 character, more than two padding characters, "
                                                              "or an illegal character among the padding characters."));
    return rt::fromBytes(*r);
}

QString urlEncode(const QString &s)
{
    // WebUtility.UrlEncode: space -> '+', unreserved kept, rest %XX upper case
    QString out;
    for (char c : s.toUtf8()) {
        const uchar u = uchar(c);
        if (isalnum(u) || c == '-' || c == '_' || c == '.' || c == '!' || c == '*' || c == '(' || c == ')')
            out += QLatin1Char(c);
        else if (c == ' ')
            out += QLatin1Char('+');
        else
            out += QStringLiteral("%%1").arg(u, 2, 16, QLatin1Char('0')).toUpper();
    }
    return out;
}

QString urlDecode(const QString &s)
{
    QString t = s;
    t.replace(QLatin1Char('+'), QLatin1Char(' '));
    return QUrl::fromPercentEncoding(t.toUtf8());
}

QString htmlEncode(const QString &s)
{
    QString out;
    for (QChar c : s) {
        switch (c.unicode()) {
        case '<': out += QLatin1String("&lt;"); break;
        case '>': out += QLatin1String("&gt;"); break;
        case '&': out += QLatin1String("&amp;"); break;
        case '"': out += QLatin1String("&quot;"); break;
        case '\'': out += QLatin1String("&#39;"); break;
        default: out += c;
        }
    }
    return out;
}

QString htmlDecode(const QString &s)
{
    QString out = s;
    out.replace(QLatin1String("&lt;"), QLatin1String("<"))
        .replace(QLatin1String("&gt;"), QLatin1String(">"))
        .replace(QLatin1String("&quot;"), QLatin1String("\""))
        .replace(QLatin1String("&#39;"), QLatin1String("'"))
        .replace(QLatin1String("&amp;"), QLatin1String("&"));
    return out;
}

Value toInt(const Value &v, bool isLong)
{
    if (!isLong)
        return convertToInt32(v);
    if (v.isString()) {
        bool ok = false;
        const qint64 l = v.asString().trimmed().toLongLong(&ok);
        if (!ok)
            Frame::format();
        return Value::fromLong(l);
    }
    if (v.kind() == Value::Kind::Double)
        return Value::fromLong(qint64(std::nearbyint(v.asDouble())));
    return Value::fromLong(v.toLong());
}

} // namespace

void bindEncodingTypes(TypeRegistry &r)
{
    const TypeInfo *str = r.stringType, *intT = r.intType, *bytes = r.byteArray, *obj = r.objectType;
    TypeInfo *encoding = r.define(S("Encoding"), TypeKind::Class, nullptr, S("System.Text"));
    sprop(encoding, "UTF8", encoding, SLUICE_FN {
        static auto e = std::make_shared<EncodingObject>(0);
        return Value::fromObject(e);
    });
    sprop(encoding, "ASCII", encoding, SLUICE_FN {
        static auto e = std::make_shared<EncodingObject>(1);
        return Value::fromObject(e);
    });
    sprop(encoding, "Unicode", encoding, SLUICE_FN {
        static auto e = std::make_shared<EncodingObject>(2);
        return Value::fromObject(e);
    });
    sprop(encoding, "Default", encoding, SLUICE_FN {
        static auto e = std::make_shared<EncodingObject>(0);
        return Value::fromObject(e);
    });
    method(encoding, "GetBytes", {p(str, "s")}, bytes,
           SLUICE_FN { return rt::fromBytes(encode(rt::self<EncodingObject>(self)->kind, rt::str(a[0], "s"))); });
    method(encoding, "GetString", {p(bytes, "bytes")}, str, SLUICE_FN {
        return Value::fromString(decode(rt::self<EncodingObject>(self)->kind, rt::toBytes(f, a[0])));
    });
    method(encoding, "GetString", {p(bytes, "bytes"), p(intT, "index"), p(intT, "count")}, str, SLUICE_FN {
        const QByteArray b = rt::toBytes(f, a[0]);
        if (a[1].asInt() < 0 || a[2].asInt() < 0 || a[1].asInt() + a[2].asInt() > b.size())
            Frame::argumentOutOfRange(QStringLiteral("index"));
        return Value::fromString(decode(rt::self<EncodingObject>(self)->kind, b.mid(a[1].asInt(), a[2].asInt())));
    });

    TypeInfo *convert = r.define(S("Convert"), TypeKind::Class, nullptr, S("System"));
    smethod(convert, "ToBase64String", {p(bytes, "inArray")}, str,
            SLUICE_FN { return Value::fromString(QString::fromLatin1(rt::toBytes(f, a[0]).toBase64())); });
    smethod(convert, "FromBase64String", {p(str, "s")}, bytes, SLUICE_FN { return bytesFromBase64(rt::str(a[0], "s")); });
    smethod(convert, "ToHexString", {p(bytes, "inArray")}, str,
            SLUICE_FN { return Value::fromString(QString::fromLatin1(rt::toBytes(f, a[0]).toHex().toUpper())); });
    smethod(convert, "ToInt32", {p(obj, "value")}, intT, SLUICE_FN { return toInt(a[0], false); });
    smethod(convert, "ToInt32", {p(str, "value"), p(intT, "fromBase")}, intT, SLUICE_FN {
        bool ok = false;
        const qint64 v = rt::str(a[0]).toLongLong(&ok, a[1].asInt());
        if (!ok)
            Frame::format();
        return Value::fromInt(qint32(v));
    });
    smethod(convert, "ToInt64", {p(obj, "value")}, r.longType, SLUICE_FN { return toInt(a[0], true); });
    smethod(convert, "ToDouble", {p(obj, "value")}, r.doubleType, SLUICE_FN {
        if (a[0].isString()) {
            bool ok = false;
            const double d = a[0].asString().trimmed().toDouble(&ok);
            if (!ok)
                Frame::format();
            return Value::fromDouble(d);
        }
        return Value::fromDouble(a[0].toDouble());
    });
    smethod(convert, "ToBoolean", {p(obj, "value")}, r.boolType, SLUICE_FN {
        if (a[0].isString()) {
            const QString t = a[0].asString().trimmed();
            if (t.compare(QLatin1String("true"), Qt::CaseInsensitive) == 0)
                return Value::fromBool(true);
            if (t.compare(QLatin1String("false"), Qt::CaseInsensitive) == 0)
                return Value::fromBool(false);
            Frame::format();
        }
        if (a[0].kind() == Value::Kind::Bool)
            return a[0];
        return Value::fromBool(a[0].toDouble() != 0);
    });
    smethod(convert, "ToString", {p(obj, "value")}, str, SLUICE_FN { return Value::fromString(a[0].toString()); });
    smethod(convert, "ToByte", {p(obj, "value")}, r.byteType, SLUICE_FN {
        qint64 v = 0;
        if (a[0].isString()) {
            bool ok = false;
            v = a[0].asString().trimmed().toLongLong(&ok);
            if (!ok)
                Frame::format();
        } else {
            v = a[0].kind() == Value::Kind::Double ? qint64(std::nearbyint(a[0].asDouble())) : a[0].toLong();
        }
        if (v < 0 || v > 255)
            Frame::fail(QStringLiteral("OverflowException"),
                        QCoreApplication::translate("Expression", "Value was either too large or too small for an unsigned byte."));
        return Value::fromInt(int(v));
    });
    smethod(convert, "ToByte", {p(str, "value"), p(intT, "fromBase")}, r.byteType, SLUICE_FN {
        bool ok = false;
        const uint v = rt::str(a[0]).toUInt(&ok, a[1].asInt());
        if (!ok || v > 255)
            Frame::format();
        return Value::fromInt(int(v));
    });

    TypeInfo *bitConverter = r.define(S("BitConverter"), TypeKind::Class, nullptr, S("System"));
    smethod(bitConverter, "ToString", {p(bytes, "value")}, str, SLUICE_FN {
        const QByteArray hex = rt::toBytes(f, a[0]).toHex('-').toUpper();
        return Value::fromString(QString::fromLatin1(hex));
    });

    smethod(bitConverter, "ToInt32", {p(bytes, "value"), p(intT, "startIndex")}, intT, SLUICE_FN {
        const QByteArray b = rt::toBytes(f, a[0]);
        const qint64 i = a[1].toLong();
        if (i < 0 || i + 4 > b.size())
            Frame::argumentOutOfRange(QStringLiteral("startIndex"));
        const quint32 v = quint32(quint8(b[i])) | quint32(quint8(b[i + 1])) << 8 | quint32(quint8(b[i + 2])) << 16
            | quint32(quint8(b[i + 3])) << 24;
        return Value::fromInt(qint32(v));
    });
    smethod(bitConverter, "GetBytes", {p(intT, "value")}, bytes, SLUICE_FN {
        const quint32 v = quint32(a[0].asInt());
        QByteArray b;
        for (int i = 0; i < 4; ++i)
            b.append(char((v >> (8 * i)) & 0xff));
        return rt::fromBytes(b);
    });
    smethod(bitConverter, "GetBytes", {p(r.longType, "value")}, bytes, SLUICE_FN {
        const quint64 v = quint64(a[0].asLong());
        QByteArray b;
        for (int i = 0; i < 8; ++i)
            b.append(char((v >> (8 * i)) & 0xff));
        return rt::fromBytes(b);
    });
    for (const char *name : {"WebUtility", "HttpUtility"}) {
        TypeInfo *web = r.define(S(name), TypeKind::Class, nullptr, name[0] == 'W' ? S("System.Net") : S("System.Web"));
        smethod(web, "UrlEncode", {p(str, "value")}, str,
                SLUICE_FN { return a[0].isNull() ? Value() : Value::fromString(urlEncode(a[0].asString())); });
        smethod(web, "UrlDecode", {p(str, "encodedValue")}, str,
                SLUICE_FN { return a[0].isNull() ? Value() : Value::fromString(urlDecode(a[0].asString())); });
        smethod(web, "HtmlEncode", {p(str, "value")}, str,
                SLUICE_FN { return a[0].isNull() ? Value() : Value::fromString(htmlEncode(a[0].asString())); });
        smethod(web, "HtmlDecode", {p(str, "value")}, str,
                SLUICE_FN { return a[0].isNull() ? Value() : Value::fromString(htmlDecode(a[0].asString())); });
    }

    // hashes
    TypeInfo *hashAlgorithm = r.define(S("HashAlgorithm"), TypeKind::Class, nullptr, S("System.Security.Cryptography"));
    TypeInfo *hmac = r.define(S("HMAC"), TypeKind::Class, hashAlgorithm, S("System.Security.Cryptography"));
    method(hashAlgorithm, "ComputeHash", {p(bytes, "buffer")}, bytes,
           SLUICE_FN { return rt::fromBytes(rt::self<HashObject>(self)->compute(rt::toBytes(f, a[0]))); });
    method(hashAlgorithm, "Dispose", {}, r.voidType, SLUICE_FN { return {}; });
    prop(hmac, "Key", bytes, SLUICE_FN { return rt::fromBytes(rt::self<HashObject>(self)->key); });
    method(hmac, "set_Key", {p(bytes, "value")}, r.voidType, SLUICE_FN {
        rt::self<HashObject>(self)->key = rt::toBytes(f, a[0]);
        return {};
    });
    struct Algo
    {
        const char *name;
        QCryptographicHash::Algorithm algorithm;
    };
    for (const Algo &algo : {Algo{"SHA1", QCryptographicHash::Sha1}, Algo{"SHA256", QCryptographicHash::Sha256},
                             Algo{"SHA384", QCryptographicHash::Sha384}, Algo{"SHA512", QCryptographicHash::Sha512},
                             Algo{"MD5", QCryptographicHash::Md5}}) {
        TypeInfo *t = r.define(S(algo.name), TypeKind::Class, hashAlgorithm, S("System.Security.Cryptography"));
        Member &create = smethod(t, "Create", {}, t, SLUICE_FN {
            return Value::fromObject(
                std::make_shared<HashObject>(QCryptographicHash::Algorithm(site.member->tag), false, QByteArray()));
        });
        create.tag = int(algo.algorithm);
        Member &c = ctor(t, {}, SLUICE_FN {
            return Value::fromObject(
                std::make_shared<HashObject>(QCryptographicHash::Algorithm(site.member->tag), false, QByteArray()));
        });
        c.tag = int(algo.algorithm);
        TypeInfo *managed = r.define(S(algo.name) + S("Managed"), TypeKind::Class, t, S("System.Security.Cryptography"));
        Member &cm = ctor(managed, {}, SLUICE_FN {
            return Value::fromObject(
                std::make_shared<HashObject>(QCryptographicHash::Algorithm(site.member->tag), false, QByteArray()));
        });
        cm.tag = int(algo.algorithm);
        if (algo.algorithm == QCryptographicHash::Md5)
            continue;
        TypeInfo *h = r.define(S("HMAC") + S(algo.name), TypeKind::Class, hmac, S("System.Security.Cryptography"));
        Member &hd = ctor(h, {}, SLUICE_FN {
            return Value::fromObject(
                std::make_shared<HashObject>(QCryptographicHash::Algorithm(site.member->tag), true, QByteArray()));
        });
        hd.tag = int(algo.algorithm);
        Member &hc = ctor(h, {p(bytes, "key")}, SLUICE_FN {
            return Value::fromObject(std::make_shared<HashObject>(QCryptographicHash::Algorithm(site.member->tag), true,
                                                                  rt::toBytes(f, a[0])));
        });
        hc.tag = int(algo.algorithm);
    }
}

} // namespace sluice
