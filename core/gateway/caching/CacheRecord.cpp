#include "CacheRecord.h"

#include "expr/JsonTokenObject.h"
#include "expr/TypeInfo.h"

#include <QtEndian>

#include <cstring>

namespace sluice {

namespace {

constexpr char Magic[3] = {'S', 'L', 'C'};
constexpr char KindResponse = 'R';
constexpr char KindValue = 'V';

class Writer
{
public:
    explicit Writer(qsizetype reserve) { m_out.reserve(reserve); }

    template<typename T> void integer(T v)
    {
        char bytes[sizeof(T)];
        qToLittleEndian(v, bytes);
        m_out.append(bytes, sizeof(T));
    }
    void byte(char c) { m_out.append(c); }
    void bytes16(const QByteArray &b) { integer<quint16>(quint16(b.size())), m_out.append(b); }
    void bytes32(const QByteArray &b) { integer<quint32>(quint32(b.size())), m_out.append(b); }
    QByteArray take() { return std::move(m_out); }

private:
    QByteArray m_out;
};

// The last `n` bytes of `bytes` as an array that shares its buffer instead of
// copying it: a hit's body goes from the cache entry to the socket without a
// copy. Valid for the tail only, where the buffer's own '\0' still ends the
// slice as QByteArray promises; raw (unowned) data is copied.
QByteArray sharedTail(const QByteArray &bytes, qsizetype n)
{
    if (n <= 0)
        return {};
    QByteArray::DataPointer &whole = const_cast<QByteArray &>(bytes).data_ptr(); // read only
    if (!whole.d_ptr())
        return bytes.right(n);
    whole.d_ptr()->ref(); // the slice's own reference
    return QByteArray(QByteArray::DataPointer(whole.d_ptr(), whole.data() + (bytes.size() - n), n));
}

class Reader
{
public:
    explicit Reader(const QByteArray &in)
        : m_in(in)
    { }

    template<typename T> bool integer(T *v)
    {
        if (m_in.size() - m_pos < qsizetype(sizeof(T)))
            return false;
        *v = qFromLittleEndian<T>(m_in.constData() + m_pos);
        m_pos += sizeof(T);
        return true;
    }
    bool byte(char *c)
    {
        if (m_pos >= m_in.size())
            return false;
        *c = m_in.at(m_pos++);
        return true;
    }
    bool take(qsizetype n, QByteArray *out)
    {
        if (n < 0 || m_in.size() - m_pos < n)
            return false;
        if (n > 0) // mid() allocates even for nothing
            *out = m_in.mid(m_pos, n);
        else
            out->clear();
        m_pos += n;
        return true;
    }
    bool bytes16(QByteArray *out)
    {
        quint16 n = 0;
        return integer(&n) && take(n, out);
    }
    bool view32(QByteArrayView *out)
    {
        quint32 n = 0;
        if (!integer(&n) || m_in.size() - m_pos < qsizetype(n))
            return false;
        *out = QByteArrayView(m_in.constData() + m_pos, qsizetype(n));
        m_pos += qsizetype(n);
        return true;
    }
    // The last field: the rest of the record, sharing its buffer.
    bool tail32(QByteArray *out)
    {
        quint32 n = 0;
        if (!integer(&n) || m_in.size() - m_pos != qsizetype(n))
            return false;
        *out = sharedTail(m_in, qsizetype(n));
        m_pos += qsizetype(n);
        return true;
    }
    bool bytes32(QByteArray *out)
    {
        quint32 n = 0;
        return integer(&n) && take(qsizetype(n), out);
    }
    bool header(char kind)
    {
        if (m_in.size() < 5 || std::memcmp(m_in.constData(), Magic, 3) != 0
            || quint8(m_in.at(3)) != CacheRecord::Version || m_in.at(4) != kind)
            return false;
        m_pos = 5;
        return true;
    }
    bool atEnd() const { return m_pos == m_in.size(); }

private:
    const QByteArray &m_in;
    qsizetype m_pos = 0;
};

void writeHeader(Writer &w, char kind)
{
    for (char c : Magic)
        w.byte(c);
    w.byte(char(CacheRecord::Version));
    w.byte(kind);
}

} // namespace

QByteArray CacheRecord::encodeResponse(const HttpResponse &response, qint64 storedAtMs)
{
    QByteArray lines;
    response.headers.appendWire(lines);
    Writer w(32 + response.reason.size() + lines.size() + response.body.size());
    writeHeader(w, KindResponse);
    w.integer<qint64>(storedAtMs);
    w.integer<quint16>(quint16(response.status));
    w.bytes16(response.reason.left(0xffff));
    w.bytes32(lines);
    w.bytes32(response.body);
    return w.take();
}

std::optional<CacheRecord::Response> CacheRecord::decodeResponse(const QByteArray &record)
{
    Reader r(record);
    Response out;
    quint16 status = 0;
    QByteArrayView lines;
    if (!r.header(KindResponse) || !r.integer(&out.storedAtMs) || !r.integer(&status)
        || !r.bytes16(&out.response.reason) || !r.view32(&lines) || !r.tail32(&out.response.body) || !r.atEnd())
        return std::nullopt;
    // An external store is shared: bytes another writer put there must not
    // split the response written from them.
    std::optional<HttpHeaders> headers = HttpHeaders::fromWire(record, lines);
    if (!headers)
        return std::nullopt;
    out.response.status = status;
    out.response.headers = std::move(*headers);
    out.response.headers.reserve(4); // room for Age, Cache-Control, Cache-Status on a hit
    return out;
}

std::optional<QByteArray> CacheRecord::encodeValue(const Value &value, QString *typeName)
{
    Writer w(16);
    writeHeader(w, KindValue);
    switch (value.kind()) {
    case Value::Kind::Null:
        w.byte('n');
        break;
    case Value::Kind::Bool:
        w.byte('b');
        w.byte(value.asBool() ? 1 : 0);
        break;
    case Value::Kind::Char:
        w.byte('c');
        w.integer<quint16>(value.asChar());
        break;
    case Value::Kind::Int:
        w.byte('i');
        w.integer<qint32>(value.asInt());
        break;
    case Value::Kind::Long:
        w.byte('l');
        w.integer<qint64>(value.asLong());
        break;
    case Value::Kind::Double: {
        quint64 bits = 0;
        const double d = value.asDouble();
        std::memcpy(&bits, &d, sizeof bits);
        w.byte('d');
        w.integer<quint64>(bits);
        break;
    }
    case Value::Kind::String:
        w.byte('s');
        w.bytes32(value.asString().toUtf8());
        break;
    case Value::Kind::Object:
        // A JProperty has no JSON text of its own that parses back: refused.
        if (const auto token = JsonTokenObject::tokenOf(value); token && !token->isProperty()) {
            w.byte('j');
            w.bytes32(token->toString(dotnet::JsonFormatting::None).toUtf8());
            break;
        }
        if (typeName)
            *typeName = value.runtimeType() ? value.runtimeType()->name : QStringLiteral("object");
        return std::nullopt;
    case Value::Kind::Lambda:
        if (typeName)
            *typeName = QStringLiteral("lambda");
        return std::nullopt;
    }
    return w.take();
}

std::optional<Value> CacheRecord::decodeValue(const QByteArray &record)
{
    Reader r(record);
    char type = 0;
    if (!r.header(KindValue) || !r.byte(&type))
        return std::nullopt;
    std::optional<Value> out;
    switch (type) {
    case 'n':
        out = Value();
        break;
    case 'b': {
        char b = 0;
        if (r.byte(&b))
            out = Value::fromBool(b != 0);
        break;
    }
    case 'c': {
        quint16 c = 0;
        if (r.integer(&c))
            out = Value::fromChar(char16_t(c));
        break;
    }
    case 'i': {
        qint32 i = 0;
        if (r.integer(&i))
            out = Value::fromInt(i);
        break;
    }
    case 'l': {
        qint64 l = 0;
        if (r.integer(&l))
            out = Value::fromLong(l);
        break;
    }
    case 'd': {
        quint64 bits = 0;
        if (r.integer(&bits)) {
            double d = 0;
            std::memcpy(&d, &bits, sizeof d);
            out = Value::fromDouble(d);
        }
        break;
    }
    case 's': {
        QByteArray utf8;
        if (r.bytes32(&utf8))
            out = Value::fromString(QString::fromUtf8(utf8));
        break;
    }
    case 'j': {
        QByteArray utf8;
        if (r.bytes32(&utf8)) {
            const auto token = dotnet::JsonToken::parse(QString::fromUtf8(utf8));
            if (token)
                out = JsonTokenObject::wrap(token.value());
        }
        break;
    }
    default:
        break;
    }
    if (!out || !r.atEnd())
        return std::nullopt;
    return out;
}

} // namespace sluice
